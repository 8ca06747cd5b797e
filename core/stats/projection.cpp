// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/projection.h"

#include "core/model/units.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace compute {
namespace {

bool slopeIntervalExcludesZero(const TrendFit &fit)
{
    return fit.slopeCiLow > 0 || fit.slopeCiHigh < 0;
}

// The x at which y0 lies inside the band yHat(x) +- t s sqrt(q + 1/n + (x - x̄)²/Sxx),
// q = 0 for the mean band, 1 for the prediction band. With d = x - x̄ and
// e = y0 - yHat(x̄), squaring gives A d² - 2 b e d + C <= 0 with A = b² - k / Sxx,
// C = e² - k (q + 1/n), k = (t s)². A > 0 exactly when |b| > t se(b), and then the
// discriminant k ((q + 1/n) A + e² / Sxx) is positive: two crossings, one interval.
Interval invertBand(const TrendFit &fit, double log10Flop, double q)
{
    const double b = fit.slope;
    const double k = fit.tQuantile * fit.residualStdError * fit.tQuantile * fit.residualStdError;
    const double a = b * b - k / fit.sxx;
    if (!(a > 0)) return {};
    const double spread = q + 1.0 / static_cast<double>(fit.n);
    const double e = log10Flop - fit.predictLog10(fit.xMean);
    const double root = std::sqrt(std::max(0.0, k * (spread * a + e * e / fit.sxx)));
    const double be = b * e;
    // Roots (be +- root) / a, the one with cancellation taken from their product c / a.
    const double h = be + std::copysign(root, be);
    double d1 = 0, d2 = 0;
    if (h != 0) {
        d1 = h / a;
        d2 = (e * e - k * spread) / h;
    }
    if (d1 > d2) std::swap(d1, d2);
    return {fit.xMean + d1, fit.xMean + d2};
}

} // namespace

std::string_view projectionStatusKey(ProjectionStatus status)
{
    switch (status) {
    case ProjectionStatus::Ok:
        return "ok";
    case ProjectionStatus::NoFit:
        return "no_fit";
    case ProjectionStatus::FlatTrend:
        return "flat_trend";
    case ProjectionStatus::Unbounded:
        return "unbounded";
    }
    return "";
}

ComputeProjection projectComputeAt(const TrendFit &fit, double x)
{
    ComputeProjection p;
    p.x = x;
    if (!fit.ok()) {
        p.message = fit.statusMessage();
        return p;
    }
    p.status = ProjectionStatus::Ok;
    p.log10Flop = fit.predictLog10(x);
    p.meanCi95 = fit.meanCi95Log10(x);
    p.predictionCi95 = fit.predictionCi95Log10(x);
    return p;
}

DateProjection projectDateOf(const TrendFit &fit, double log10Flop)
{
    DateProjection p;
    p.log10Flop = log10Flop;
    if (!fit.ok()) {
        p.message = fit.statusMessage();
        return p;
    }
    const std::optional<double> x = fit.xAtLog10(log10Flop);
    if (!x) {
        p.status = ProjectionStatus::FlatTrend;
        p.message = "the trend is flat (slope 0): it never reaches another compute";
        return p;
    }
    p.x = *x;
    if (!slopeIntervalExcludesZero(fit)) {
        p.status = ProjectionStatus::Unbounded;
        p.message = "the slope's 95% interval includes 0: the date's interval is unbounded";
        return p;
    }
    p.xCi95 = invertBand(fit, log10Flop, 0.0);
    p.xPredictionCi95 = invertBand(fit, log10Flop, 1.0);
    if (!p.xCi95.low || !p.xPredictionCi95.low) { // |b| = t se(b) up to rounding
        p.xCi95 = p.xPredictionCi95 = {};
        p.status = ProjectionStatus::Unbounded;
        p.message = "the slope is barely distinct from 0: the date's interval is unbounded";
        return p;
    }
    p.status = ProjectionStatus::Ok;
    return p;
}

std::vector<FanPoint> projectionFan(const TrendFit &fit, double fromX, double toX,
                                    std::size_t steps)
{
    std::vector<FanPoint> fan;
    if (!fit.ok() || !std::isfinite(fromX) || !std::isfinite(toX)) return fan;
    if (fromX == toX) steps = 0;
    fan.reserve(steps + 1);
    for (std::size_t i = 0; i <= steps; ++i) {
        const double x = steps == 0 ? fromX
                                    : fromX + (toX - fromX) * static_cast<double>(i) /
                                                  static_cast<double>(steps);
        const Interval mean = fit.meanCi95Log10(x);
        const Interval prediction = fit.predictionCi95Log10(x);
        fan.push_back(
            {x, fit.predictLog10(x), *mean.low, *mean.high, *prediction.low, *prediction.high});
    }
    return fan;
}

std::optional<Date> dateAtX(double x)
{
    // Day numbers of 0001-01-01 and 9999-12-31.
    static const double first = static_cast<double>(Date(1, 1, 1).daysSinceEpoch());
    static const double last = static_cast<double>(Date(9999, 12, 31).daysSinceEpoch());
    const double days = std::round(x * kDaysPerYear);
    if (!std::isfinite(days) || days < first || days > last) return std::nullopt;
    return Date::fromDaysSinceEpoch(static_cast<std::int64_t>(days));
}

} // namespace compute
