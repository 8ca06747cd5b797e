// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/stats/run_selection.h"

#include <string>
#include <vector>

namespace compute {

// The JSON that `compute-explorer --project-to VALUE --project-at DATE` prints: for each
// era, one entry per target compute ("date_at_compute"), then one per date
// ("compute_at_date"):
// {"projections":[{
//   "era","from","to","n","fit_status" ("ok" or why not),
//   "slope_log10_per_year","doubling_time_months",        (null without a fit)
//   "query":"date_at_compute",
//   "status":"ok"|"no_fit"|"flat_trend"|"unbounded", "message" ("" when ok),
//   "target_flop","target_pfs_days","target_log10_flop",
//   "date":"YYYY-MM-DD","year":decimal year,               (where the line reaches it)
//   "date_ci95":[lo,hi],"year_ci95":[lo,hi],               (the trend: mean band inverted)
//   "date_prediction_ci95":[lo,hi],"year_prediction_ci95":[lo,hi]}  (a single run)
//  ,{ ...same era keys..., "query":"compute_at_date", "status","message",
//   "date","year","log10_flop","flop","flop_ci95":[lo,hi],"flop_prediction_ci95":[lo,hi],
//   "pfs_days","pfs_days_ci95":[lo,hi],"pfs_days_prediction_ci95":[lo,hi]}]}
// ci95 is the 95% interval of the trend line (mean), prediction_ci95 that of a new run
// (core/stats/projection.h). Numbers that do not exist are null: an unbounded interval is
// [null, null], a date beyond the year 9999 has "date" null but a "year".
// Every entry names its axes, "y" and "x" ("date"). Fits of another quantity than
// compute against the date (`y`, `--y`) give "date_at_value" with "target_value" and
// "target_log10", and "value_at_date" with "log10_value", "value", "value_ci95" and
// "value_prediction_ci95", in the quantity's unit; targetFlop then holds such values.
std::string projectionReportJson(const std::vector<EraFit> &fits,
                                 const std::vector<double> &targetFlop,
                                 const std::vector<Date> &dates, Quantity y = Quantity::Compute);

} // namespace compute
