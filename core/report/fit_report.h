// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/run_selection.h"

#include <string>
#include <vector>

namespace compute {

// The JSON that `compute-explorer --fit` prints:
// {"fits":[{"era","from","to","n","slope_log10_per_year","doubling_time_days",
//  "doubling_time_months","doubling_time_months_ci95":[lo,hi],"growth_factor_per_year",
//  "r_squared", ...}]}. Numbers that do not exist (a fit of 2 runs, an unbounded
// interval) are null, and "status" says why.
std::string fitReportJson(const std::vector<EraFit> &fits);

} // namespace compute
