// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/z_scores.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace compute {
namespace {

// A running sum with Neumaier's compensation: the prefix sums below are subtracted from
// each other, and a plain double prefix over 100,000 runs would carry rounding errors
// as large as a narrow window's whole spread.
struct CompensatedSum {
    double sum = 0;
    double error = 0;

    void add(double v)
    {
        const double t = sum + v;
        error += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    // The sum of the values added after `earlier` was taken.
    double since(const CompensatedSum &earlier) const
    {
        return (sum - earlier.sum) + (error - earlier.error);
    }
};

} // namespace

std::vector<double> localZScores(std::span<const double> x, std::span<const double> y,
                                 double windowYears)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<double> z(n, 0.0);
    if (n < 3) return z;

    // Points in date order (x ties keep their order), their y centred on the mean of all.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (!std::is_sorted(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n))) {
        // (x, position) pairs sorted side by side: the order of a stable sort by x, without
        // its scattered reads of x.
        std::vector<std::pair<double, std::size_t>> keyed(n);
        for (std::size_t k = 0; k < n; ++k)
            keyed[k] = {x[k], k};
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t k = 0; k < n; ++k)
            order[k] = keyed[k].second;
    }
    const double mean =
        std::accumulate(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n), 0.0) /
        static_cast<double>(n);
    std::vector<double> xs(n), c(n);
    std::vector<CompensatedSum> s1(n + 1), s2(n + 1); // prefix sums of c and c^2
    for (std::size_t k = 0; k < n; ++k) {
        xs[k] = x[order[k]];
        c[k] = y[order[k]] - mean;
        s1[k + 1] = s1[k];
        s1[k + 1].add(c[k]);
        s2[k + 1] = s2[k];
        s2[k + 1].add(c[k] * c[k]);
    }

    // The window of point k is [lo, hi): both ends only move forward as k does, because
    // a rounded difference x_j - x_k falls as x_k grows and rises as x_j grows.
    // The values of [lo, hi) are all equal when the first position after lo holding
    // another value is hi or later.
    std::vector<std::size_t> nextDifferent(n, n);
    for (std::size_t k = n - 1; k-- > 0;)
        nextDifferent[k] = c[k + 1] != c[k] ? k + 1 : nextDifferent[k + 1];
    const double reach = windowYears + kZWindowEdgeTolerance;
    std::size_t lo = 0, hi = 0;
    for (std::size_t k = 0; k < n; ++k) {
        while (hi < n && xs[hi] - xs[k] <= reach)
            ++hi;
        while (xs[k] - xs[lo] > reach)
            ++lo;
        const std::size_t m = hi - lo;
        if (m < 3 || nextDifferent[lo] >= hi) continue; // Z stays 0
        const double count = static_cast<double>(m);
        const double windowMean = s1[hi].since(s1[lo]) / count;
        const double variance = s2[hi].since(s2[lo]) / count - windowMean * windowMean;
        if (!(variance > 0)) continue;
        z[order[k]] = (c[k] - windowMean) / std::sqrt(variance);
    }
    return z;
}

} // namespace compute
