// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset_diff.h"
#include "core/model/units.h"
#include "core/stats/trend_fit.h"

#include <QString>

#include <optional>

namespace app {

// How a comparison of two vintages is written for people; every value comes from core.

// A field's name in a sentence: "compute", "date", "upper bound", "estimate notes".
QString runFieldName(compute::RunField field);
// One changed field with its old and new values: "compute 1e+19 → 4e+19 FLOP",
// "date 2020-01-01 → 2020-03-01", "name GPT-3 → GPT-3 175B"; "–" for a missing value.
QString describeFieldChange(compute::RunField field, const compute::TrainingRun &before,
                            const compute::TrainingRun &after, compute::ComputeUnit unit);
// Every significant change of a match, "; " between them.
QString describeChanges(const compute::RunMatch &match, const compute::TrainingRun &before,
                        const compute::TrainingRun &after, compute::ComputeUnit unit);
// New compute over old: "×4", "×0.25"; "–" when either is missing.
QString formatComputeRatio(std::optional<double> ratio);
// A fit's doubling time with its 95% interval: "3.42 mo [2.91, 4.12]"; "no fit" when
// there is none.
QString doublingWithInterval(const compute::TrendFit &fit);
// How much a doubling time moved, signed: "+0.31 mo", "−1.2 mo"; "–" when a fit is missing.
QString formatMonthsMoved(std::optional<double> months);
// How a match was found: "exact", "date moved", "renamed".
QString matchStageName(compute::MatchStage stage);

} // namespace app
