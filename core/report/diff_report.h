// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset_diff.h"
#include "core/stats/diff_fits.h"

#include <string>
#include <vector>

namespace compute {

// The JSON that `compute-explorer --diff OLD NEW` prints:
// {"summary":{...counts...},
//  "added":[{"name","date","organization","compute"}], "removed":[...same, from OLD...],
//  "changed":[{"name","date" (NEW's),"old_name","old_date","match","uncertain",
//              "compute_ratio","fields":{"compute":{"old":..,"new":..},...}}],
//  "duplicates":[{"dataset":"old"|"new","name","date","count"}],
//  "other_field_counts":{"notes":3,...},
//  "fits":[{"era","from","to","before":{fit},"after":{fit},"moved_by":[...]}]}
// Each fit is shaped as `--fit` prints it. `changed` lists the matches with a significant
// change; with allFields also those with other changes only, and `fields` then names the
// other fields too. compute_ratio is NEW's FLOP over OLD's, null when either is missing.
std::string diffReportJson(const Dataset &before, const Dataset &after, const DatasetDiff &diff,
                           const std::vector<EraDiffFit> &fits, bool allFields);

} // namespace compute
