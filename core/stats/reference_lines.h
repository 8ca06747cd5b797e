// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reference lines: a fixed doubling time drawn through a chosen run, to set a trend
// against OpenAI's 3.4 months, Sevilla et al.'s ~6 months, Epoch AI's 4-5x per year or
// Moore's law's 2 years.

#include "core/model/training_run.h"

#include <optional>
#include <string>
#include <vector>

namespace compute {

// The line log10 FLOP = anchorLog10Flop + slope (x - anchorX), x in years since 1970.
struct ReferenceLine {
    std::string label;
    double doublingTimeMonths = 24; // months of 30.4375 days; never 0
    double anchorX = 0;             // years since 1970
    double anchorLog10Flop = 0;

    // Orders of magnitude per year: 12 log10(2) / doubling months.
    double slope() const;
    double log10At(double x) const { return anchorLog10Flop + slope() * (x - anchorX); }
};

// A preset doubling time with its provenance.
struct DoublingTimePreset {
    std::string label; // "OpenAI 2018: 3.4-month doubling"
    double doublingTimeMonths = 0;
};

// OpenAI 2018 (3.4 months), Sevilla et al. 2022 (6 months), Epoch AI 2024 (4.5x per
// year, 5.5 months), Moore's law (24 months), fastest first.
std::vector<DoublingTimePreset> standardDoublingTimes();

// Months in which a growth of `factorPerYear` doubles: 12 log10(2) / log10(factor);
// nullopt unless the factor is finite and above 1.
std::optional<double> doublingMonthsFromGrowthFactor(double factorPerYear);

// A line of the given doubling time through (x, log10 FLOP); nullopt unless the doubling
// time is finite and positive and the anchor finite. An empty label becomes
// "3.4-month doubling".
std::optional<ReferenceLine> referenceLine(double doublingTimeMonths, double anchorX,
                                           double anchorLog10Flop, std::string label = {});
// Anchored at a run's date and primary compute; nullopt when the run is not plottable.
std::optional<ReferenceLine> referenceLineThrough(const TrainingRun &run, double doublingTimeMonths,
                                                  std::string label = {});

} // namespace compute
