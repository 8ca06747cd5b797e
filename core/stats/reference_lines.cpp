// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/reference_lines.h"

#include "core/util/constants.h"
#include "core/util/number_parse.h"

#include <cmath>

namespace compute {

double ReferenceLine::slope() const
{
    return 12.0 * kLog10Of2 / doublingTimeMonths;
}

std::vector<DoublingTimePreset> standardDoublingTimes()
{
    return {
        {"OpenAI 2018: 3.4-month doubling", 3.4},
        {"Epoch AI 2024: 4.5x per year", *doublingMonthsFromGrowthFactor(4.5)},
        {"Sevilla et al. 2022: 6-month doubling", 6.0},
        {"Moore's law: 24-month doubling", 24.0},
    };
}

std::optional<double> doublingMonthsFromGrowthFactor(double factorPerYear)
{
    if (!std::isfinite(factorPerYear) || !(factorPerYear > 1)) return std::nullopt;
    return 12.0 * kLog10Of2 / std::log10(factorPerYear);
}

std::optional<ReferenceLine> referenceLine(double doublingTimeMonths, double anchorX,
                                           double anchorLog10Flop, std::string label)
{
    if (!std::isfinite(doublingTimeMonths) || !(doublingTimeMonths > 0) ||
        !std::isfinite(anchorX) || !std::isfinite(anchorLog10Flop))
        return std::nullopt;
    if (label.empty()) label = formatSignificant(doublingTimeMonths, 3) + "-month doubling";
    return ReferenceLine{std::move(label), doublingTimeMonths, anchorX, anchorLog10Flop};
}

std::optional<ReferenceLine> referenceLineThrough(const TrainingRun &run, double doublingTimeMonths,
                                                  std::string label)
{
    const std::optional<double> flop = run.flop();
    if (!run.date || !flop) return std::nullopt;
    return referenceLine(doublingTimeMonths, run.date->yearsSinceEpoch(), std::log10(*flop),
                         std::move(label));
}

} // namespace compute
