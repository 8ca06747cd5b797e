// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/breakpoint.h"

#include "core/util/constants.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace compute {
namespace {

// Running sums of centred x and y; the sums of a run of sorted points are differences
// of two prefixes.
struct Sums {
    double n = 0, x = 0, y = 0, xx = 0, xy = 0, yy = 0;

    Sums operator-(const Sums &o) const
    {
        return {n - o.n, x - o.x, y - o.y, xx - o.xx, xy - o.xy, yy - o.yy};
    }
    // Residual sum of squares of the least-squares line through these points.
    double sse() const
    {
        const double cxx = xx - x * x / n;
        const double cxy = xy - x * y / n;
        const double cyy = yy - y * y / n;
        const double fit = cxx > 0 ? cxy * cxy / cxx : 0.0;
        return std::max(0.0, cyy - fit);
    }
};

double residualSum(const TrendFit &fit)
{
    return fit.ok() ? fit.residualStdError * fit.residualStdError * static_cast<double>(fit.n - 2)
                    : 0.0;
}

// The first day whose x (days / 365.25) is at or after `x`, kept inside Date's range.
Date firstDayAtOrAfter(double x)
{
    static const double kFirst = static_cast<double>(Date(1, 1, 1).daysSinceEpoch());
    static const double kLast = static_cast<double>(Date(9999, 12, 31).daysSinceEpoch());
    const double days = std::clamp(std::ceil(x * 365.25), kFirst, kLast);
    return Date::fromDaysSinceEpoch(static_cast<std::int64_t>(days));
}

} // namespace

std::string Breakpoint::statusMessage() const
{
    switch (status) {
    case BreakpointStatus::Ok:
        return {};
    case BreakpointStatus::NotEnoughData:
        return "not enough data: " + std::to_string(n) + (n == 1 ? " run" : " runs") +
               ", a breakpoint needs at least " + std::to_string(2 * minPerSide) + " (" +
               std::to_string(minPerSide) + " on each side)";
    case BreakpointStatus::NoValidSplit:
        return "no split leaves " + std::to_string(minPerSide) +
               " runs on two or more dates on each side";
    }
    return {};
}

Breakpoint findBreakpoint(std::span<const double> x, std::span<const double> y,
                          std::size_t minPerSide)
{
    Breakpoint result;
    result.minPerSide = std::max<std::size_t>(minPerSide, 3);
    const std::size_t m = result.minPerSide;

    std::vector<std::pair<double, double>> points;
    const std::size_t count = std::min(x.size(), y.size());
    points.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) points.emplace_back(x[i], y[i]);
    const std::size_t n = points.size();
    result.n = n;
    if (n < 2 * m) return result; // NotEnoughData
    std::sort(points.begin(), points.end());

    std::vector<double> xs(n), ys(n);
    double xMean = 0, yMean = 0;
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = points[i].first;
        ys[i] = points[i].second;
        xMean += xs[i];
        yMean += ys[i];
    }
    xMean /= static_cast<double>(n);
    yMean /= static_cast<double>(n);

    // prefix[k]: sums of the first k points, centred on the means (well conditioned).
    std::vector<Sums> prefix(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = xs[i] - xMean;
        const double dy = ys[i] - yMean;
        const Sums &p = prefix[i];
        prefix[i + 1] = {p.n + 1,        p.x + dx,       p.y + dy,
                         p.xx + dx * dx, p.xy + dx * dy, p.yy + dy * dy};
    }
    const Sums &all = prefix[n];
    // Differences below this are rounding, not fit: they neither break ties nor count
    // as an improvement.
    const double tolerance = kNoSpreadTolerance * all.yy;

    std::size_t best = 0;
    double bestSse = 0;
    for (std::size_t k = m; k + m <= n; ++k) {
        // The split falls between xs[k-1] and xs[k]: they must differ, and each side
        // needs two distinct x for its line to exist.
        if (!(xs[k - 1] < xs[k]) || !(xs.front() < xs[k - 1]) || !(xs[k] < xs.back())) continue;
        const double sse = prefix[k].sse() + (all - prefix[k]).sse();
        if (best == 0 || sse < bestSse - tolerance) {
            best = k;
            bestSse = sse;
        }
    }
    if (best == 0) {
        result.status = BreakpointStatus::NoValidSplit;
        return result;
    }

    const std::span<const double> xAll(xs), yAll(ys);
    result.status = BreakpointStatus::Ok;
    result.splitX = xs[best - 1] + (xs[best] - xs[best - 1]) / 2;
    result.split = firstDayAtOrAfter(result.splitX);
    // The reported fits and sums of squares come from fitTrend on the points themselves,
    // so they agree with every other fit in the app.
    result.left = fitTrend(xAll.first(best), yAll.first(best));
    result.right = fitTrend(xAll.subspan(best), yAll.subspan(best));
    result.sseOneLine = residualSum(fitTrend(xAll, yAll));
    result.sseTwoLines = residualSum(result.left) + residualSum(result.right);
    const double gain = result.sseOneLine - result.sseTwoLines;
    if (gain > tolerance) {
        result.sseReduction = std::clamp(gain / result.sseOneLine, 0.0, 1.0);
        result.fStatistic = result.sseTwoLines > tolerance
                                ? (gain / 2) / (result.sseTwoLines / static_cast<double>(n - 4))
                                : std::numeric_limits<double>::infinity();
    }
    return result;
}

} // namespace compute
