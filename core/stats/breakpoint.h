// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <span>
#include <string>

namespace compute {

enum class BreakpointStatus {
    Ok,
    NotEnoughData, // fewer than 2 x minPerSide points
    NoValidSplit,  // no split leaves minPerSide points on two or more dates on each side
};

// Where one trend is best broken into two: the split of the points, sorted by x, that
// minimises the residual sum of squares of a line fitted on each side (a least-squares
// change point with free intercepts and slopes).
struct Breakpoint {
    BreakpointStatus status = BreakpointStatus::NotEnoughData;
    std::size_t n = 0;          // points searched (those with finite x and y)
    std::size_t minPerSide = 3; // as used (never below 3)
    // Midpoint between the last x on the left and the first x on the right.
    double splitX = 0;
    // The first day at or after splitX (day precision). When the x come from dates
    // (days / 365.25), every left point is dated before it and every right point on or
    // after it, so the eras [from, split) and [split, to) hold exactly the two sides.
    Date split;
    TrendFit left;          // points with x < splitX
    TrendFit right;         // points with x > splitX
    double sseOneLine = 0;  // residual sum of squares of one line through all points
    double sseTwoLines = 0; // left + right
    // Chow F statistic of two lines against one: ((sseOneLine - sseTwoLines) / 2) /
    // (sseTwoLines / (n - 4)); two lines spend 2 more parameters, so without a real break
    // F is about 1, and the larger it is, the more the break explains. The split is the
    // one that maximises F (a sup-F, Quandt-Andrews statistic), so the textbook F(2, n-4)
    // p-value would overstate significance: read F as strength of evidence, not as a test.
    // 0 when two lines fit no better (within rounding), +infinity when they fit exactly
    // and one line does not.
    double fStatistic = 0;
    // Share of the one-line residual sum of squares the break removes, in [0, 1].
    double sseReduction = 0;

    bool ok() const { return status == BreakpointStatus::Ok; }
    // Why there is no breakpoint ("not enough data: 5 runs, ..."); empty when ok().
    std::string statusMessage() const;
};

// Searches the midpoints between consecutive distinct x (years since 1970) for the best
// split of y (log10 FLOP), with at least `minPerSide` points (raised to 3, the least a
// fit with an interval needs) and two distinct x on each side. Points with a non-finite
// coordinate are ignored. O(n log n): one sort, then prefix sums. Ties (within rounding)
// go to the earliest split.
Breakpoint findBreakpoint(std::span<const double> x, std::span<const double> y,
                          std::size_t minPerSide = 3);
inline Breakpoint findBreakpoint(const FitPoints &points, std::size_t minPerSide = 3)
{
    return findBreakpoint(points.x, points.y, minPerSide);
}

} // namespace compute
