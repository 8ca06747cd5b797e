// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/trend_fit.h"

#include "core/model/units.h"
#include "core/util/constants.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace compute {
namespace {

// Sum of squared residuals from the centred sums alone. Syy - b Sxy cancels badly on a
// near-perfect fit (an error of eps x Syy becomes sqrt(eps) in the residual error), so
// it is the fallback for when the points themselves are gone (FitAccumulator).
double residualSumFromSums(double slope, double sxy, double syy)
{
    return std::max(0.0, syy - slope * sxy);
}

// Completes a fit from centred sums: n, means, Sxx, Sxy, Syy (sums of squared or
// crossed deviations from the means). `sseOf(slope)` gives the sum of squared residuals.
template <typename SseOf>
TrendFit finishFit(std::size_t n, double xMean, double yMean, double sxx, double sxy, double syy,
                   SseOf sseOf)
{
    TrendFit fit;
    fit.n = n;
    if (n < 3) {
        fit.status = FitStatus::NotEnoughData;
        return fit;
    }
    // Relative threshold: x values identical up to rounding have no spread.
    if (!(sxx > kNoSpreadTolerance * (1.0 + xMean * xMean) * static_cast<double>(n))) {
        fit.status = FitStatus::NoDateSpread;
        return fit;
    }
    fit.status = FitStatus::Ok;
    fit.xMean = xMean;
    fit.sxx = sxx;
    fit.slope = sxy / sxx;
    fit.intercept = yMean - fit.slope * xMean;
    const double sse = sseOf(fit.slope);
    fit.rSquared = syy > 0 ? 1.0 - sse / syy : 1.0;
    const double dof = static_cast<double>(n - 2);
    fit.residualStdError = std::sqrt(sse / dof);
    fit.slopeStdError = fit.residualStdError / std::sqrt(sxx);
    fit.tQuantile = studentTQuantile(0.975, dof);
    fit.slopeCiLow = fit.slope - fit.tQuantile * fit.slopeStdError;
    fit.slopeCiHigh = fit.slope + fit.tQuantile * fit.slopeStdError;
    return fit;
}

Interval doublingInterval(double slopeLow, double slopeHigh, double unitDays)
{
    // Doubling time is decreasing in the slope; an interval straddling 0 is unbounded.
    Interval interval;
    if (slopeLow > 0 || slopeHigh < 0) {
        interval.low = kLog10Of2 / slopeHigh * kDaysPerYear / unitDays;
        interval.high = kLog10Of2 / slopeLow * kDaysPerYear / unitDays;
    }
    return interval;
}

} // namespace

double studentTQuantile(double p, double degreesOfFreedom)
{
    // Boost's quantile costs ~25 us; leave-one-out and live refits ask for the same
    // (p, dof) over and over, so the last answer is kept (per thread).
    thread_local double lastP = -1, lastDof = -1, lastQuantile = 0;
    if (p == lastP && degreesOfFreedom == lastDof) return lastQuantile;
    // Rolling windows and subsets ask for the 95% quantile at many n in turn: that one is
    // kept for every whole number of degrees of freedom up to 4,095 (per thread).
    constexpr double kTableSize = 4096.0;
    if (p == 0.975 && degreesOfFreedom >= 1 && degreesOfFreedom < kTableSize &&
        degreesOfFreedom == std::floor(degreesOfFreedom)) {
        thread_local std::vector<double> table;
        const auto k = static_cast<std::size_t>(degreesOfFreedom);
        if (table.size() <= k) table.resize(k + 1, 0.0);
        if (table[k] == 0.0)
            table[k] = boost::math::quantile(boost::math::students_t(degreesOfFreedom), p);
        return table[k];
    }
    const boost::math::students_t distribution(degreesOfFreedom);
    lastQuantile = boost::math::quantile(distribution, p);
    lastP = p;
    lastDof = degreesOfFreedom;
    return lastQuantile;
}

std::string TrendFit::statusMessage() const
{
    switch (status) {
    case FitStatus::Ok:
        return {};
    case FitStatus::NotEnoughData:
        return "not enough data: " + std::to_string(n) + (n == 1 ? " run" : " runs") +
               ", a fit needs at least 3";
    case FitStatus::NoDateSpread:
        return "no spread in dates: all " + std::to_string(n) + " runs share one date";
    }
    return {};
}

double TrendFit::doublingTimeDays() const
{
    return kLog10Of2 / slope * kDaysPerYear;
}

double TrendFit::doublingTimeMonths() const
{
    return doublingTimeDays() / kDaysPerMonth;
}

Interval TrendFit::doublingTimeDaysCi95() const
{
    if (!ok()) return {};
    return doublingInterval(slopeCiLow, slopeCiHigh, 1.0);
}

Interval TrendFit::doublingTimeMonthsCi95() const
{
    if (!ok()) return {};
    return doublingInterval(slopeCiLow, slopeCiHigh, kDaysPerMonth);
}

double TrendFit::growthFactorPerYear() const
{
    return std::pow(10.0, slope);
}

Interval TrendFit::meanCi95Log10(double x) const
{
    if (!ok()) return {}; // no line, no band (and no 0/0 from the empty sums)
    const double dx = x - xMean;
    const double half =
        tQuantile * residualStdError * std::sqrt(1.0 / static_cast<double>(n) + dx * dx / sxx);
    const double y = predictLog10(x);
    return {y - half, y + half};
}

Interval TrendFit::predictionCi95Log10(double x) const
{
    if (!ok()) return {};
    const double dx = x - xMean;
    const double half = tQuantile * residualStdError *
                        std::sqrt(1.0 + 1.0 / static_cast<double>(n) + dx * dx / sxx);
    const double y = predictLog10(x);
    return {y - half, y + half};
}

std::optional<double> TrendFit::xAtLog10(double log10Flop) const
{
    if (!ok() || slope == 0) return std::nullopt;
    return (log10Flop - intercept) / slope;
}

TrendFit fitTrend(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0) return TrendFit{};
    // Two passes: means first, then centred sums (no cancellation on big x or y).
    double sumX = 0, sumY = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sumX += x[i];
        sumY += y[i];
    }
    const double xMean = sumX / static_cast<double>(n);
    const double yMean = sumY / static_cast<double>(n);
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - xMean;
        const double dy = y[i] - yMean;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // A third pass sums the residuals themselves: exact data gives s = 0, not ~1e-8.
    const auto sseOf = [&](double slope) {
        double sse = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double r = (y[i] - yMean) - slope * (x[i] - xMean);
            sse += r * r;
        }
        return sse;
    };
    return finishFit(n, xMean, yMean, sxx, sxy, syy, sseOf);
}

void FitAccumulator::remove(double x, double y)
{
    if (m_n == 0) return; // nothing to remove: never wrap the count around
    if (m_n == 1) {
        clear(); // drop the rounding residue of the sums along with the last run
        return;
    }
    x -= kOrigin;
    --m_n;
    m_sx -= x;
    m_sy -= y;
    m_sxx -= x * x;
    m_sxy -= x * y;
    m_syy -= y * y;
}

TrendFit FitAccumulator::fit() const
{
    if (m_n == 0) return TrendFit{};
    const double n = static_cast<double>(m_n);
    const double xMean = m_sx / n;
    const double yMean = m_sy / n;
    const double sxy = m_sxy - m_sx * yMean;
    const double syy = m_syy - m_sy * yMean;
    return finishFit(m_n, xMean + kOrigin, yMean, m_sxx - m_sx * xMean, sxy, syy,
                     [&](double slope) { return residualSumFromSums(slope, sxy, syy); });
}

} // namespace compute
