// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Leave-one-out influence: how much each run moves an era's doubling time. The fit
// without run i comes from the era's running sums with that one run removed
// (FitAccumulator::remove), so all n fits cost O(n), not n refits of O(n).

#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace compute {

struct InfluenceEntry {
    std::size_t point = 0;    // index into the points given
    std::size_t runIndex = 0; // index into dataset.runs (FitPoints::runIndex; = point for spans)
    TrendFit without;         // the fit of the other n - 1 points
    // Doubling time without this run, and minus the doubling time with all runs, in
    // months; nullopt when either fit is not ok or the slope is exactly 0.
    std::optional<double> doublingTimeMonthsWithout;
    std::optional<double> doublingTimeMonthsChange;
    // Slope without this run minus the full slope (log10 FLOP per year); 0 when either
    // fit is not ok. Unlike the doubling time it stays small near a flat trend.
    double slopeChange = 0;
};

struct LeaveOneOut {
    TrendFit full;                       // the fit of all n points
    std::vector<InfluenceEntry> entries; // one per point, in the order given
};

// Leave-one-out over parallel x (years since 1970) and y (log10 FLOP). With n <= 3 every
// fit without a run lacks data, which its TrendFit says (status NotEnoughData).
LeaveOneOut leaveOneOut(std::span<const double> x, std::span<const double> y);
// The same over an era's points (selectFitPoints, FitCache::points), with run indices.
LeaveOneOut leaveOneOut(const FitPoints &points);

// Most influential first: by |doubling time change| descending, then |slope change|;
// entries without a doubling time change go last. Stable among equals.
void sortByInfluence(std::vector<InfluenceEntry> &entries);

} // namespace compute
