// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_field_rules.h"

#include "core/model/quantity.h"
#include "core/model/units.h"

#include <array>
#include <cmath>

namespace compute {
namespace {

// In RunNumber order. The upper limits are far past today's largest runs (1e5 chips,
// 7e3 hours, 1.8e13 datapoints, $4e7) yet stop a slip of the exponent.
constexpr std::array<RunNumberRule, kRunNumberCount> kRules = {{
    {"Dataset size", "a number of datapoints from 0 to 1e17 (e.g. 3e11)", 0, true, 1e17, false},
    {"Training time", "hours, more than 0 and at most 1e6 (e.g. 720)", 0, false, 1e6, false},
    {"Hardware quantity", "a whole number of chips, at least 1 (at most 1e8)", 1, true, 1e8, true},
    {"Utilization", "a fraction between 0 and 1 (e.g. 0.4)", 0, false, 1, false},
    {"Cost", "US dollars, more than 0 and at most 1e13 (e.g. 4.5e6)", 0, false, 1e13, false},
    {"Power draw", "watts, more than 0 and at most 1e11 (e.g. 2.5e7)", 0, false, 1e11, false},
    {"Chip-hours", "chip-hours, more than 0 and at most 1e14 (e.g. 3e6)", 0, false, 1e14, false},
    {"Epochs", "a number of epochs, more than 0 and at most 1e7 (e.g. 1.5)", 0, false, 1e7, false},
    {"Batch size", "more than 0 and at most 1e10 (e.g. 4e6)", 0, false, 1e10, false},
    {"Finetune compute", "FLOP, from 0 to 1e32 (e.g. 1e22)", 0, true, 1e32, false},
    {"Citations", "a whole number of citations, 0 or more (at most 1e9)", 0, true, 1e9, true},
}};

} // namespace

const RunNumberRule &runNumberRule(RunNumber which)
{
    return kRules[static_cast<std::size_t>(which)];
}

std::string runNumberProblem(RunNumber which, double value)
{
    const RunNumberRule &rule = runNumberRule(which);
    const bool aboveLowest = rule.lowestIncluded ? value >= rule.lowest : value > rule.lowest;
    const bool fits = std::isfinite(value) && aboveLowest && value <= rule.highest &&
                      (!rule.whole || value == std::floor(value));
    return fits ? std::string() : std::string(rule.expected);
}

std::string costYearProblem(std::optional<double> year, bool costNeedsYear)
{
    if (!year)
        return costNeedsYear ? "required with a cost: the year of its dollars (e.g. 2023)"
                             : std::string();
    if (*year == std::floor(*year) && *year >= kEarliestCostYear && *year <= kLatestCostYear)
        return {};
    return "a year from " + std::to_string(kEarliestCostYear) + " to " +
           std::to_string(kLatestCostYear) + " (the year of the dollars, e.g. 2023)";
}

std::optional<double> impliedChipHours(const RunFields &fields)
{
    const auto quantity = fields.number(RunNumber::HardwareQuantity);
    const auto hours = fields.number(RunNumber::TrainingHours);
    if (!quantity || !hours) return std::nullopt;
    const double product = *quantity * *hours;
    if (!std::isfinite(product)) return std::nullopt;
    return product;
}

std::optional<double> chipHoursMismatch(const RunFields &fields)
{
    const auto implied = impliedChipHours(fields);
    const auto entered = fields.number(RunNumber::ChipHours);
    if (!implied || !entered || *implied <= 0 || *entered <= 0) return std::nullopt;
    const double ratio = *entered / *implied;
    return ratio >= 1 ? ratio : 1 / ratio;
}

std::optional<double> costPerPfsDay(const TrainingRun &run)
{
    const auto cost = quantityValue(run, Quantity::Cost);
    const auto flop = quantityValue(run, Quantity::Compute);
    if (!cost || !flop) return std::nullopt;
    const double perPfsDay = *cost / flopToPfsDays(*flop);
    if (!std::isfinite(perPfsDay)) return std::nullopt;
    return perPfsDay;
}

} // namespace compute
