// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace compute {

// A two-sided interval; a missing bound is unbounded (e.g. the doubling time when the
// slope's interval includes zero).
struct Interval {
    std::optional<double> low;
    std::optional<double> high;
};

enum class FitStatus {
    Ok,
    NotEnoughData, // fewer than 3 runs: no residual degrees of freedom for an interval
    NoDateSpread,  // all runs on the same date: the slope is undefined
};

// Ordinary least squares of y = log10(FLOP) on x = days since 1970-01-01 / 365.25.
// Slope is in orders of magnitude per year.
struct TrendFit {
    FitStatus status = FitStatus::NotEnoughData;
    std::size_t n = 0;
    double slope = 0;     // log10 FLOP per year
    double intercept = 0; // log10 FLOP at x = 0 (1970-01-01)
    double rSquared = 0;
    double slopeStdError = 0;
    double residualStdError = 0; // s, in orders of magnitude
    double slopeCiLow = 0;       // 95% confidence interval of the slope
    double slopeCiHigh = 0;
    double tQuantile = 0; // Student t 0.975 quantile with n - 2 degrees of freedom
    double xMean = 0;
    double sxx = 0; // sum of squared x deviations

    bool ok() const { return status == FitStatus::Ok; }
    // "not enough data: 2 runs, a fit needs at least 3" and the like; empty when ok.
    std::string statusMessage() const;

    // log10(2) / slope, in days (negative: the trend halves). Only when ok().
    double doublingTimeDays() const;
    double doublingTimeMonths() const; // days / 30.4375
    // 95% interval of the doubling time, from the slope's interval; unbounded when that
    // interval includes 0, empty when the fit is not ok().
    Interval doublingTimeDaysCi95() const;
    Interval doublingTimeMonthsCi95() const;
    double growthFactorPerYear() const; // 10^slope

    // Fitted log10 FLOP at x (years since 1970).
    double predictLog10(double x) const { return intercept + slope * x; }
    // 95% confidence interval of the fitted line (the mean) at x, in log10 FLOP; empty
    // (both bounds missing) when the fit is not ok().
    Interval meanCi95Log10(double x) const;
    // 95% prediction interval for a new run at x, in log10 FLOP.
    Interval predictionCi95Log10(double x) const;
    // x (years since 1970) at which the line reaches log10FLOP; nullopt if slope is 0.
    std::optional<double> xAtLog10(double log10Flop) const;
};

// Fits points given as x (years since 1970) and y (log10 FLOP) of equal length.
TrendFit fitTrend(std::span<const double> x, std::span<const double> y);

// Running sums (n, Sx, Sy, Sxx, Sxy, Syy) that update in O(1) when a run is added to or
// removed from an era. x is shifted by a fixed origin to keep the sums well conditioned.
// Without the points, the residuals come from Syy - b Sxy: on a near-perfect fit the
// residual error is only good to ~1e-8 (fitTrend sums the residuals themselves).
class FitAccumulator {
public:
    void add(double x, double y)
    {
        x -= kOrigin;
        ++m_n;
        m_sx += x;
        m_sy += y;
        m_sxx += x * x;
        m_sxy += x * y;
        m_syy += y * y;
    }
    // Removes a point added before; removing from an empty accumulator does nothing.
    void remove(double x, double y);
    void clear() { *this = FitAccumulator(); }
    std::size_t count() const { return m_n; }
    TrendFit fit() const;

private:
    static constexpr double kOrigin = 30.0; // 2000-01-01 is about 30 years after 1970
    std::size_t m_n = 0;
    double m_sx = 0, m_sy = 0, m_sxx = 0, m_sxy = 0, m_syy = 0;
};

// Student t quantile: P(T <= q) = p with `degreesOfFreedom` degrees of freedom.
double studentTQuantile(double p, double degreesOfFreedom);

} // namespace compute
