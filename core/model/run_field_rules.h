// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/run_fields.h"
#include "core/model/training_run.h"

#include <optional>
#include <string>
#include <string_view>

namespace compute {

// The unit and plausible range of one of RunFields' numbers: what the run form accepts
// and says beside the field. Every figure of Epoch AI's exports lies inside these.
struct RunNumberRule {
    std::string_view label;    // "Utilization", as the form's problems name the field
    std::string_view expected; // "a fraction between 0 and 1 (e.g. 0.4)"
    double lowest = 0;
    bool lowestIncluded = false; // 0 is a value (no citations, no finetuning)
    double highest = 0;
    bool whole = false; // chips and citations are counted
};
const RunNumberRule &runNumberRule(RunNumber which);

// Empty when `value` suits the field, else the rule's `expected` text.
std::string runNumberProblem(RunNumber which, double value);

// The plausible years of the dollars of a cost.
inline constexpr int kEarliestCostYear = 1950;
inline constexpr int kLatestCostYear = 2100;
// Empty when the year is fine: a whole year in 1950..2100, or none where no cost asks
// for one (`costNeedsYear`: a cost is given and the user is the one who gave it).
std::string costYearProblem(std::optional<double> year, bool costNeedsYear);

// Hardware quantity × training time, in chip-hours; nullopt unless both are given.
std::optional<double> impliedChipHours(const RunFields &fields);
// How many times the entered chip-hours and the implied ones differ (1 or more);
// nullopt unless both are known and positive.
std::optional<double> chipHoursMismatch(const RunFields &fields);
// Entered chip-hours off the implied ones by more than this factor deserve a word.
inline constexpr double kChipHoursTolerance = 2;

// Training compute cost per petaflop/s-day of its training compute (US dollars of the
// run's cost year); nullopt without a cost or a compute.
std::optional<double> costPerPfsDay(const TrainingRun &run);

} // namespace compute
