// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/z_scores.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

namespace compute {
namespace {

// A running sum with Neumaier's compensation: the window's sums below slide over the
// whole pass, every value added once and taken off once, and a plain double would carry
// the rounding errors of 100,000 runs, as large as a narrow window's whole spread.
struct CompensatedSum {
    double sum = 0;
    double error = 0;

    void add(double v)
    {
        const double t = sum + v;
        error += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    double value() const { return sum + error; }
};

// Index is the type of a position: 32 bits when the points allow, half the memory of a
// million-run fit's order.
template <typename Index>
std::vector<double> zScoresOf(std::span<const double> x, std::span<const double> y,
                              double windowYears)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<double> z(n, 0.0);
    if (n < 3) return z;

    // Points in date order (x ties keep their order), their y centred on the mean of all.
    std::vector<Index> order(n);
    std::iota(order.begin(), order.end(), Index{0});
    if (!std::is_sorted(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n))) {
        // (x, position) pairs sorted side by side: the order of a stable sort by x, without
        // its scattered reads of x.
        std::vector<std::pair<double, Index>> keyed(n);
        for (std::size_t k = 0; k < n; ++k)
            keyed[k] = {x[k], static_cast<Index>(k)};
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t k = 0; k < n; ++k)
            order[k] = keyed[k].second;
    }
    const double mean =
        std::accumulate(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n), 0.0) /
        static_cast<double>(n);
    std::vector<double> xs(n), c(n);
    for (std::size_t k = 0; k < n; ++k) {
        xs[k] = x[order[k]];
        c[k] = y[order[k]] - mean;
    }

    // The window of point k is [lo, hi): both ends only move forward as k does, because
    // a rounded difference x_j - x_k falls as x_k grows and rises as x_j grows. Its sums
    // of c and c^2 slide with it: a value is added as hi passes it and taken off as lo
    // does.
    // The values of [lo, hi) are all equal when `different`, the first position after lo
    // holding another value than lo's, is hi or later; it only moves forward too.
    const double reach = windowYears + kZWindowEdgeTolerance;
    CompensatedSum s1, s2;
    std::size_t lo = 0, hi = 0, different = 1;
    while (different < n && c[different] == c[0])
        ++different;
    for (std::size_t k = 0; k < n; ++k) {
        while (hi < n && xs[hi] - xs[k] <= reach) {
            s1.add(c[hi]);
            s2.add(c[hi] * c[hi]);
            ++hi;
        }
        while (xs[k] - xs[lo] > reach) {
            s1.add(-c[lo]);
            s2.add(-(c[lo] * c[lo]));
            ++lo;
            if (lo == different)
                while (++different < n && c[different] == c[lo]) {
                }
        }
        const std::size_t m = hi - lo;
        if (m < 3 || different >= hi) continue; // Z stays 0
        const double count = static_cast<double>(m);
        const double windowMean = s1.value() / count;
        const double variance = s2.value() / count - windowMean * windowMean;
        if (!(variance > 0)) continue;
        z[order[k]] = (c[k] - windowMean) / std::sqrt(variance);
    }
    return z;
}

} // namespace

std::vector<double> localZScores(std::span<const double> x, std::span<const double> y,
                                 double windowYears)
{
    if (std::min(x.size(), y.size()) <= std::numeric_limits<std::uint32_t>::max())
        return zScoresOf<std::uint32_t>(x, y, windowYears);
    return zScoresOf<std::size_t>(x, y, windowYears);
}

} // namespace compute
