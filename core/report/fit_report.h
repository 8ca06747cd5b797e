// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/rolling.h"
#include "core/stats/run_selection.h"

#include <string>
#include <vector>

namespace compute {

// The JSON that `compute-explorer --fit` prints:
// {"fits":[{"era","from","to","n","slope_log10_per_year","doubling_time_days",
//  "doubling_time_months","doubling_time_months_ci95":[lo,hi],"growth_factor_per_year",
//  "r_squared", "published"?, ...}]}. Numbers that do not exist (a fit of 2 runs, an
// unbounded interval) are null, and "status" says why. An era that carries a paper's
// figure gets "published" (core/report/fit_json.h).
// Each fit names its axes, "y" and "x"; on other axes than compute against date the
// fields are those of fit_json::eraFit.
std::string fitReportJson(const std::vector<EraFit> &fits, const Axes &axes = {});
// The same with "members" in each fit: members[i] lists the runs of fits[i] (`--members`).
std::string fitReportJson(const std::vector<EraFit> &fits,
                          const std::vector<std::vector<std::string>> &members,
                          const Axes &axes = {});

// The names of the runs of `points`, by date (runs of one day in dataset order).
std::vector<std::string> memberNamesByDate(const Dataset &dataset, const FitPoints &points);

// What `--rolling W` prints: {"window_years", "expanding", "windows":[{"era","from","to",
// "n", the fit fields of --fit with "y" and "x"}]}, the windows of each era in turn.
std::string rollingReportJson(const std::vector<RollingSeries> &series,
                              const RollingOptions &options, const Axes &axes = {});

} // namespace compute
