// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON pieces shared by the reports core prints (`--fit`, `--project-to/-at`, figure
// sidecars), so that one quantity has one key and one format everywhere. Internal to
// core: it exposes nlohmann, which the app does not include.

#include "core/model/date.h"
#include "core/stats/run_selection.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace compute::fit_json {

using ordered_json = nlohmann::ordered_json;

// A number, or null when it does not exist (missing or not finite). nlohmann would
// print NaN and infinity as null anyway, but silently; here it is on purpose.
ordered_json optionalNumber(const std::optional<double> &value);
// [low, high], each null when unbounded.
ordered_json interval(const Interval &interval);
// "YYYY-MM-DD" (at the date's precision), or null.
ordered_json optionalDate(const std::optional<Date> &date);

// "era", "from", "to": the era's name and bounds (null when open).
void putEra(ordered_json &j, const Era &era);
// The object `--fit` prints for one era: era, from, to, n, status, slope, intercept,
// doubling time and its interval, growth factor, R², and "published" when the era
// carries a paper's figure.
// Every fit names its axes: "y" and "x" (core/model/quantity.h keys). Against another
// quantity than the date the fit is a power law: "exponent", "exponent_ci95",
// "intercept_log10" (log10 y at x = 1) and "r_squared"; the date's fields are null.
ordered_json eraFit(const EraFit &fit, const Axes &axes = {});
// The paper's figure beside the recomputed fit: quantity, value, ci, ci_level, n,
// data_vintage, source, table (null where the paper gives nothing) and inside_ci95,
// whether the published value lies in the fit's 95% interval (null without a fit).
ordered_json published(const PublishedFigure &figure, const TrendFit &fit);

// Pretty-printed with two spaces and a final newline; invalid UTF-8 is replaced.
std::string dump(const ordered_json &root);

} // namespace compute::fit_json
