// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/bootstrap.h"

#include "core/model/units.h"
#include "core/util/constants.h"

#include <algorithm>
#include <cmath>

namespace compute {
namespace {

struct Point {
    double x, y;
};

double percentile(const std::vector<double> &sorted, double p)
{
    const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size()) return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

std::optional<double> doublingMonths(double slope)
{
    if (slope == 0) return std::nullopt;
    return kLog10Of2 / slope * kDaysPerYear / kDaysPerMonth;
}

// The resampling loop. Points are centred on the full sample's means so that the
// running sums lose nothing to large x or y; `Jitter` is a template argument to keep
// the branch out of the inner loop.
template <bool Jitter>
void resample(const std::vector<Point> &points, double xMean, std::size_t resamples,
              BootstrapSampler &sampler, BootstrapResult &result)
{
    const std::size_t n = points.size();
    const auto draws = static_cast<std::uint32_t>(n); // n < 2^32 (bootstrap.h)
    const double count = static_cast<double>(n);
    for (std::size_t b = 0; b < resamples; ++b) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const Point &p = points[sampler.index(draws)];
            double y = p.y;
            if constexpr (Jitter) y += sampler.jitterLog10();
            sx += p.x;
            sy += y;
            sxx += p.x * p.x;
            sxy += p.x * y;
        }
        const double cxx = sxx - sx * sx / count;
        // fitTrend's rule for "no spread in dates", on this resample's own mean.
        const double mean = xMean + sx / count;
        if (!(cxx > kNoSpreadTolerance * (1.0 + mean * mean) * count)) {
            ++result.skipped;
            continue;
        }
        result.slopes.push_back((sxy - sx * sy / count) / cxx);
    }
}

} // namespace

BootstrapResult bootstrapTrend(std::span<const double> x, std::span<const double> y,
                               const BootstrapOptions &options)
{
    BootstrapResult result;
    const std::size_t n = std::min(x.size(), y.size());
    result.n = n;
    result.requested = options.resamples;
    result.seed = options.seed;
    result.jitter = options.jitter;
    const TrendFit full = fitTrend(x.first(n), y.first(n));
    if (!full.ok()) {
        result.status = full.status == FitStatus::NoDateSpread ? BootstrapStatus::NoDateSpread
                                                               : BootstrapStatus::NotEnoughData;
        result.message = full.statusMessage();
        return result;
    }
    double yMean = 0;
    for (std::size_t i = 0; i < n; ++i)
        yMean += y[i];
    yMean /= static_cast<double>(n);
    std::vector<Point> points(n);
    for (std::size_t i = 0; i < n; ++i)
        points[i] = {x[i] - full.xMean, y[i] - yMean};

    BootstrapSampler sampler(options.seed);
    result.slopes.reserve(options.resamples);
    if (options.jitter)
        resample<true>(points, full.xMean, options.resamples, sampler, result);
    else
        resample<false>(points, full.xMean, options.resamples, sampler, result);
    result.used = result.slopes.size();
    if (result.used == 0) {
        result.status = BootstrapStatus::NoUsableResample;
        result.message = "no usable resample: every one of the " +
                         std::to_string(options.resamples) + " drew runs of a single date";
        return result;
    }
    std::sort(result.slopes.begin(), result.slopes.end());
    result.status = BootstrapStatus::Ok;
    result.slopeMedian = percentile(result.slopes, 0.5);
    const double low = percentile(result.slopes, 0.025);
    const double high = percentile(result.slopes, 0.975);
    result.slopeCi95 = {low, high};
    result.doublingTimeMonthsMedian = doublingMonths(result.slopeMedian);
    if (low > 0 || high < 0)
        result.doublingTimeMonthsCi95 = {doublingMonths(high), doublingMonths(low)};
    return result;
}

} // namespace compute
