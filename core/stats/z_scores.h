// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Z-score of a run's log-compute against the runs published near it: Sevilla et al.
// 2022 (App. A) call a run a low-compute outlier below Z = -2 and large-scale from
// Z = 0.76. It is defined once, here, so that every reader of a figure gets the same runs:
//
//   Z_i = (y_i - mean) / sd over the runs j with |x_j - x_i| <= W (the edges included, run
//   i itself included), sd the population standard deviation (divided by the count);
//   Z_i = 0 when fewer than 3 runs are that close, or when their sd is 0.
//
// x is days since 1970-01-01 / 365.25 as in every fit, y log10 FLOP, W in years (1.5 by
// default). Which runs are compared is the caller's: the eras compare every dated run with
// compute (not an upper bound: a bound is not a measurement) that the current filter
// accepts (core/stats/era_membership.h).

#include "core/model/era_rule.h"

#include <span>
#include <vector>

namespace compute {

// |x_j - x_i| <= W counts a difference up to W plus this: a run exactly W years away
// (1,461 days for W = 4) is inside whatever the rounding of the two divisions by
// 365.25, while a run one day further (0.0027 years) stays outside.
inline constexpr double kZWindowEdgeTolerance = 1e-9;

// Z of each point (x and y of equal length, in any order). O(n log n), O(n) when x is
// already sorted: one pass with a sliding window over the points in date order, whose
// sums are compensated and taken about the mean of all y, so that a window of equal
// values far from that mean has exactly no spread rather than a rounding error of one.
std::vector<double> localZScores(std::span<const double> x, std::span<const double> y,
                                 double windowYears = kDefaultZWindowYears);

} // namespace compute
