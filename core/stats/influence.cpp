// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/influence.h"

#include <algorithm>
#include <cmath>

namespace compute {
namespace {

std::optional<double> doublingMonths(const TrendFit &fit)
{
    if (!fit.ok() || fit.slope == 0) return std::nullopt;
    return fit.doublingTimeMonths();
}

} // namespace

LeaveOneOut leaveOneOut(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    LeaveOneOut result;
    // Exact residuals for the full fit; the running sums serve the n fits without one.
    result.full = fitTrend(x.first(n), y.first(n));
    FitAccumulator all;
    for (std::size_t i = 0; i < n; ++i)
        all.add(x[i], y[i]);
    const std::optional<double> fullMonths = doublingMonths(result.full);
    result.entries.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        FitAccumulator rest = all;
        rest.remove(x[i], y[i]);
        InfluenceEntry entry;
        entry.point = i;
        entry.runIndex = i;
        entry.without = rest.fit();
        entry.doublingTimeMonthsWithout = doublingMonths(entry.without);
        if (entry.doublingTimeMonthsWithout && fullMonths)
            entry.doublingTimeMonthsChange = *entry.doublingTimeMonthsWithout - *fullMonths;
        if (entry.without.ok() && result.full.ok())
            entry.slopeChange = entry.without.slope - result.full.slope;
        result.entries.push_back(std::move(entry));
    }
    return result;
}

LeaveOneOut leaveOneOut(const FitPoints &points)
{
    LeaveOneOut result = leaveOneOut(points.x, points.y);
    for (InfluenceEntry &entry : result.entries)
        if (entry.point < points.runIndex.size()) entry.runIndex = points.runIndex[entry.point];
    return result;
}

void sortByInfluence(std::vector<InfluenceEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(),
                     [](const InfluenceEntry &a, const InfluenceEntry &b) {
                         const bool ha = a.doublingTimeMonthsChange.has_value();
                         const bool hb = b.doublingTimeMonthsChange.has_value();
                         if (ha != hb) return ha;
                         if (ha) {
                             const double da = std::abs(*a.doublingTimeMonthsChange);
                             const double db = std::abs(*b.doublingTimeMonthsChange);
                             if (da != db) return da > db;
                         }
                         return std::abs(a.slopeChange) > std::abs(b.slopeChange);
                     });
}

} // namespace compute
