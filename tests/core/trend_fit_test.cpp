// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/date.h"
#include "core/stats/trend_fit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using compute::Date;
using compute::FitAccumulator;
using compute::FitStatus;
using compute::fitTrend;
using compute::Interval;
using compute::studentTQuantile;
using compute::TrendFit;

namespace {

// log10(2), written out so the tests do not share the library's constant.
constexpr double kLog10Two = 0.301029995663981195213738894724493;

// y = intercept + slope * x on the given x, i.e. an exact exponential in FLOP.
std::vector<double> exactLine(const std::vector<double> &x, double intercept, double slope)
{
    std::vector<double> y;
    for (double xi : x)
        y.push_back(intercept + slope * xi);
    return y;
}

// Twelve runs between mid-2012 and 2024, with hand-made scatter (dof = 10).
const std::vector<double> kNoisyX = {42.5, 43.25, 44, 45.5, 46.75, 47,
                                     48.5, 49.25, 50, 51.5, 52.75, 54};
const std::vector<double> kNoisyY = {17.1, 17.9, 17.6, 18.9, 19.2, 19.8,
                                     20.1, 20.9, 20.4, 21.8, 22.6, 22.5};

// OLS by the textbook formulas in long double, written independently of the library.
struct HandFit {
    long double n = 0, xMean = 0, yMean = 0, sxx = 0, sxy = 0, syy = 0;
    long double slope = 0, intercept = 0, sse = 0, rSquared = 0, s = 0, slopeSe = 0;
};

HandFit handFit(const std::vector<double> &x, const std::vector<double> &y)
{
    HandFit h;
    h.n = static_cast<long double>(x.size());
    long double sumX = 0, sumY = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sumX += x[i];
        sumY += y[i];
    }
    h.xMean = sumX / h.n;
    h.yMean = sumY / h.n;
    for (std::size_t i = 0; i < x.size(); ++i) {
        h.sxx += (x[i] - h.xMean) * (x[i] - h.xMean);
        h.sxy += (x[i] - h.xMean) * (y[i] - h.yMean);
        h.syy += (y[i] - h.yMean) * (y[i] - h.yMean);
    }
    h.slope = h.sxy / h.sxx;
    h.intercept = h.yMean - h.slope * h.xMean;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const long double r = y[i] - (h.intercept + h.slope * x[i]);
        h.sse += r * r;
    }
    h.rSquared = 1 - h.sse / h.syy;
    h.s = std::sqrt(h.sse / (h.n - 2));
    h.slopeSe = h.s / std::sqrt(h.sxx);
    return h;
}

void expectNoNaN(const TrendFit &fit)
{
    for (double v :
         {fit.slope, fit.intercept, fit.rSquared, fit.slopeStdError, fit.residualStdError,
          fit.slopeCiLow, fit.slopeCiHigh, fit.tQuantile, fit.xMean, fit.sxx}) {
        EXPECT_FALSE(std::isnan(v));
        EXPECT_TRUE(std::isfinite(v));
    }
    EXPECT_FALSE(std::isnan(fit.doublingTimeDays()));
    EXPECT_FALSE(std::isnan(fit.doublingTimeMonths()));
    EXPECT_FALSE(std::isnan(fit.growthFactorPerYear()));
}

void expectUnbounded(const Interval &interval)
{
    EXPECT_FALSE(interval.low.has_value());
    EXPECT_FALSE(interval.high.has_value());
}

} // namespace

// --- Student t -----------------------------------------------------------------------

TEST(StudentT, QuantilesMatchPublishedTables)
{
    EXPECT_NEAR(studentTQuantile(0.975, 1), 12.70620474, 1e-8);
    EXPECT_NEAR(studentTQuantile(0.975, 2), 4.30265273, 1e-8);
    EXPECT_NEAR(studentTQuantile(0.975, 10), 2.228138852, 1e-9);
    EXPECT_NEAR(studentTQuantile(0.975, 30), 2.042272456, 1e-9);
    EXPECT_NEAR(studentTQuantile(0.975, 1e7), 1.959963985, 1e-6); // tends to the normal
    EXPECT_NEAR(studentTQuantile(0.5, 7), 0.0, 1e-12);
}

TEST(TrendFit, TQuantileUsesNMinusTwoDegreesOfFreedom)
{
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY); // 12 points: 10 degrees of freedom
    EXPECT_NEAR(fit.tQuantile, 2.228138852, 1e-9);
    const std::vector<double> x3 = {1, 2, 4}, y3 = {1, 3, 2};
    EXPECT_NEAR(fitTrend(x3, y3).tQuantile, 12.70620474, 1e-8);
}

// --- Exact exponentials --------------------------------------------------------------

TEST(TrendFit, RecoversSlopeAndInterceptOfExactExponential)
{
    const std::vector<double> x = {40.1, 42.7, 43.0, 45.9, 47.25, 50.5, 52.0};
    const TrendFit fit = fitTrend(x, exactLine(x, -6.5, 0.55));
    ASSERT_TRUE(fit.ok()) << fit.statusMessage();
    EXPECT_EQ(fit.status, FitStatus::Ok);
    EXPECT_TRUE(fit.statusMessage().empty());
    EXPECT_EQ(fit.n, 7u);
    EXPECT_NEAR(fit.slope, 0.55, 1e-9);
    EXPECT_NEAR(fit.intercept, -6.5, 1e-9);
    EXPECT_NEAR(fit.rSquared, 1.0, 1e-9);
    EXPECT_NEAR(fit.residualStdError, 0.0, 1e-9);
    EXPECT_NEAR(fit.slopeStdError, 0.0, 1e-9);
    EXPECT_NEAR(fit.slopeCiLow, 0.55, 1e-8);
    EXPECT_NEAR(fit.slopeCiHigh, 0.55, 1e-8);
}

TEST(TrendFit, RecoversExponentialBuiltFromCalendarDates)
{
    // 1e17 FLOP on 2012-09-30, then x10 per year (a 10x/year trend from AlexNet on).
    const Date start(2012, 9, 30);
    std::vector<double> x, y;
    for (const Date &d : {Date(2012, 9, 30), Date(2013, 6, 1), Date(2014, 12, 31), Date(2016, 3, 9),
                          Date(2017, 12, 5), Date(2020, 5, 28)}) {
        const double years =
            static_cast<double>(d.daysSinceEpoch() - start.daysSinceEpoch()) / 365.25;
        x.push_back(d.yearsSinceEpoch());
        y.push_back(17.0 + years);
    }
    const TrendFit fit = fitTrend(x, y);
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.slope, 1.0, 1e-9);
    EXPECT_NEAR(fit.growthFactorPerYear(), 10.0, 1e-8);
    EXPECT_NEAR(fit.predictLog10(start.yearsSinceEpoch()), 17.0, 1e-9);
    // 15613 days from 1970-01-01 to 2012-09-30, so intercept = 17 - 15613 / 365.25.
    EXPECT_NEAR(fit.intercept, 17.0 - 15613.0 / 365.25, 1e-9);
    EXPECT_NEAR(fit.rSquared, 1.0, 1e-9);
}

TEST(TrendFit, DoublingTimeOfExactExponentialDoublesTheCompute)
{
    // A 3.4-month doubling (OpenAI 2018): slope = 12 log10(2) / 3.4 OOM per year.
    const double slope = 12.0 * kLog10Two / 3.4;
    const std::vector<double> x = {42.0, 43.5, 45.0, 46.5, 48.0};
    const TrendFit fit = fitTrend(x, exactLine(x, 1.0, slope));
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.doublingTimeMonths(), 3.4, 1e-9);
    EXPECT_NEAR(fit.doublingTimeDays(), 3.4 * 30.4375, 1e-7);
    // Over one doubling time the fitted compute grows exactly twofold.
    const double x0 = 45.0;
    const double x1 = x0 + fit.doublingTimeDays() / 365.25;
    EXPECT_NEAR(std::pow(10.0, fit.predictLog10(x1) - fit.predictLog10(x0)), 2.0, 1e-9);
    // ~11.5x per year (methodology notes: 2^(12 / 3.4)).
    EXPECT_NEAR(fit.growthFactorPerYear(), std::pow(2.0, 12.0 / 3.4), 1e-8);
    EXPECT_NEAR(fit.growthFactorPerYear(), 11.5, 0.1);
}

TEST(TrendFit, SixMonthDoublingIsPointSixOomPerYear)
{
    const double slope = 0.6;
    const std::vector<double> x = {40, 41, 42, 44, 47, 52};
    const TrendFit fit = fitTrend(x, exactLine(x, 3.0, slope));
    ASSERT_TRUE(fit.ok());
    // 365.25 x log10(2) / 0.6 = 183.26... days; / 30.4375 = 6.0206 months.
    EXPECT_NEAR(fit.doublingTimeDays(), 183.2520098604, 1e-8);
    EXPECT_NEAR(fit.doublingTimeMonths(), 6.020599913, 1e-8);
    EXPECT_NEAR(fit.growthFactorPerYear(), 3.981071706, 1e-8); // 10^0.6
}

TEST(TrendFit, NegativeSlopeGivesNegativeDoublingTimeAndOrderedInterval)
{
    // Halves every year: slope = -log10(2).
    const std::vector<double> x = {10, 11, 12.5, 13, 15};
    std::vector<double> y = exactLine(x, 20.0, -kLog10Two);
    y[2] += 0.01; // a little scatter so the interval has width
    y[3] -= 0.01;
    const TrendFit fit = fitTrend(x, y);
    ASSERT_TRUE(fit.ok());
    EXPECT_LT(fit.slope, 0.0);
    EXPECT_NEAR(fit.slope, -kLog10Two, 5e-3);
    EXPECT_NEAR(fit.doublingTimeDays(), -365.25, 10.0);
    EXPECT_LT(fit.growthFactorPerYear(), 1.0);
    ASSERT_LT(fit.slopeCiHigh, 0.0); // the interval lies wholly below zero
    const Interval ci = fit.doublingTimeDaysCi95();
    ASSERT_TRUE(ci.low && ci.high);
    EXPECT_LT(*ci.low, fit.doublingTimeDays());
    EXPECT_GT(*ci.high, fit.doublingTimeDays());
    EXPECT_LT(*ci.high, 0.0);
    EXPECT_NEAR(*ci.low, kLog10Two / fit.slopeCiHigh * 365.25, 1e-9);
    EXPECT_NEAR(*ci.high, kLog10Two / fit.slopeCiLow * 365.25, 1e-9);
}

TEST(TrendFit, ExactlyFlatDataHasZeroSlopeAndNoProjection)
{
    const std::vector<double> x = {1, 2, 3, 4};
    const std::vector<double> y = {20, 20, 20, 20};
    const TrendFit fit = fitTrend(x, y);
    ASSERT_TRUE(fit.ok());
    EXPECT_EQ(fit.slope, 0.0);
    EXPECT_EQ(fit.intercept, 20.0);
    EXPECT_DOUBLE_EQ(fit.growthFactorPerYear(), 1.0);
    EXPECT_TRUE(std::isinf(fit.doublingTimeDays()));
    EXPECT_FALSE(fit.xAtLog10(21.0).has_value());
    expectUnbounded(fit.doublingTimeDaysCi95()); // slope interval [0, 0] touches zero
}

// --- Noisy data against independent arithmetic ---------------------------------------

TEST(TrendFit, NoisyFitMatchesLongDoubleTextbookFormulas)
{
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY);
    const HandFit h = handFit(kNoisyX, kNoisyY);
    ASSERT_TRUE(fit.ok());
    EXPECT_EQ(fit.n, 12u);
    EXPECT_NEAR(fit.slope, static_cast<double>(h.slope), 1e-12);
    EXPECT_NEAR(fit.intercept, static_cast<double>(h.intercept), 1e-10);
    EXPECT_NEAR(fit.rSquared, static_cast<double>(h.rSquared), 1e-12);
    EXPECT_NEAR(fit.residualStdError, static_cast<double>(h.s), 1e-12);
    EXPECT_NEAR(fit.slopeStdError, static_cast<double>(h.slopeSe), 1e-12);
    EXPECT_NEAR(fit.xMean, static_cast<double>(h.xMean), 1e-12);
    EXPECT_NEAR(fit.sxx, static_cast<double>(h.sxx), 1e-10);
    const long double t = 2.228138851986274L; // t(0.975, 10), from tables
    EXPECT_NEAR(fit.slopeCiLow, static_cast<double>(h.slope - t * h.slopeSe), 1e-9);
    EXPECT_NEAR(fit.slopeCiHigh, static_cast<double>(h.slope + t * h.slopeSe), 1e-9);
}

TEST(TrendFit, NoisyFitMatchesExactRationalReference)
{
    // Reference values from exact rational arithmetic (Python fractions + 40-digit decimal).
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY);
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.slope, 0.48648648648648648649, 1e-12); // 18/37
    EXPECT_NEAR(fit.intercept, -3.41081081081081081081, 1e-10);
    EXPECT_NEAR(fit.rSquared, 0.97090171597888468564, 1e-12);
    EXPECT_NEAR(fit.residualStdError, 0.33068315855415339151, 1e-12);
    EXPECT_NEAR(fit.slopeStdError, 0.02663280050651031954, 1e-12);
    EXPECT_NEAR(fit.slopeCiLow, 0.42714490894073112640, 1e-9);
    EXPECT_NEAR(fit.slopeCiHigh, 0.54582806403224184657, 1e-9);
    EXPECT_NEAR(fit.doublingTimeDays(), 226.01081216121988152, 1e-8);
    EXPECT_NEAR(fit.doublingTimeMonths(), 7.42540655971153614861, 1e-9);
    const Interval months = fit.doublingTimeMonthsCi95();
    ASSERT_TRUE(months.low && months.high);
    EXPECT_NEAR(*months.low, 6.61812791610948329268, 1e-8);
    EXPECT_NEAR(*months.high, 8.45698935503176177549, 1e-8);
    const Interval days = fit.doublingTimeDaysCi95();
    ASSERT_TRUE(days.low && days.high);
    EXPECT_NEAR(*days.low, 6.61812791610948329268 * 30.4375, 1e-7);
    EXPECT_NEAR(*days.high, 8.45698935503176177549 * 30.4375, 1e-7);
}

TEST(TrendFit, ThreePointFitUsesOneDegreeOfFreedom)
{
    // x = 0, 1, 2; y = 0, 2, 1: slope 0.5, intercept 0.5, residuals -0.5, 1, -0.5.
    const std::vector<double> x = {0, 1, 2}, y = {0, 2, 1};
    const TrendFit fit = fitTrend(x, y);
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.slope, 0.5, 1e-12);
    EXPECT_NEAR(fit.intercept, 0.5, 1e-12);
    EXPECT_NEAR(fit.rSquared, 0.25, 1e-12); // 1 - 1.5 / 2
    EXPECT_NEAR(fit.residualStdError, std::sqrt(1.5), 1e-12);
    EXPECT_NEAR(fit.slopeStdError, std::sqrt(1.5 / 2.0), 1e-12);
    EXPECT_NEAR(fit.slopeCiLow, 0.5 - 12.70620474 * std::sqrt(0.75), 1e-7);
    EXPECT_NEAR(fit.slopeCiHigh, 0.5 + 12.70620474 * std::sqrt(0.75), 1e-7);
}

TEST(TrendFit, ThirtyTwoPointFitUsesTableQuantileForThirtyDegrees)
{
    std::vector<double> x, y;
    for (int i = 0; i < 32; ++i) {
        x.push_back(40.0 + 0.5 * i);
        y.push_back(15.0 + 0.3 * i * 0.5 + ((i % 3) - 1) * 0.2 + ((i % 5) == 2 ? 0.35 : 0.0));
    }
    const TrendFit fit = fitTrend(x, y);
    const HandFit h = handFit(x, y);
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.tQuantile, 2.042272456, 1e-9);
    EXPECT_NEAR(fit.slope, static_cast<double>(h.slope), 1e-12);
    EXPECT_NEAR(fit.slopeCiHigh - fit.slope, 2.042272456 * static_cast<double>(h.slopeSe), 1e-9);
    EXPECT_NEAR(fit.slope - fit.slopeCiLow, 2.042272456 * static_cast<double>(h.slopeSe), 1e-9);
}

TEST(TrendFit, SlopeIntervalStraddlingZeroLeavesDoublingTimeUnbounded)
{
    // Scatter with hardly any trend: the slope's interval contains zero.
    const std::vector<double> x = {40, 41, 42, 43, 44, 45};
    const std::vector<double> y = {20.0, 22.0, 19.5, 21.8, 19.9, 20.6};
    const TrendFit fit = fitTrend(x, y);
    ASSERT_TRUE(fit.ok());
    ASSERT_LT(fit.slopeCiLow, 0.0);
    ASSERT_GT(fit.slopeCiHigh, 0.0);
    expectUnbounded(fit.doublingTimeDaysCi95());
    expectUnbounded(fit.doublingTimeMonthsCi95());
    EXPECT_TRUE(std::isfinite(fit.doublingTimeDays())); // the point estimate still exists
}

TEST(TrendFit, PositiveSlopeIntervalBracketsDoublingTime)
{
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY);
    const Interval ci = fit.doublingTimeDaysCi95();
    ASSERT_TRUE(ci.low && ci.high);
    EXPECT_LT(*ci.low, fit.doublingTimeDays());
    EXPECT_GT(*ci.high, fit.doublingTimeDays());
    // The fastest doubling comes from the steepest slope.
    EXPECT_NEAR(*ci.low, kLog10Two / fit.slopeCiHigh * 365.25, 1e-9);
    EXPECT_NEAR(*ci.high, kLog10Two / fit.slopeCiLow * 365.25, 1e-9);
}

// --- Confidence and prediction bands -------------------------------------------------

TEST(TrendFit, MeanAndPredictionIntervalsMatchTextbookFormulas)
{
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY);
    ASSERT_TRUE(fit.ok());
    // Exact reference at x = 50 (Python fractions, t(0.975, 10) = 2.228138851986274).
    const Interval mean = fit.meanCi95Log10(50.0);
    ASSERT_TRUE(mean.low && mean.high);
    EXPECT_NEAR(*mean.low, 20.66749632952970154570, 1e-9);
    EXPECT_NEAR(*mean.high, 21.15953069749732548132, 1e-9);
    const Interval pred = fit.predictionCi95Log10(50.0);
    ASSERT_TRUE(pred.low && pred.high);
    EXPECT_NEAR(*pred.low, 20.13671851239358824269, 1e-9);
    EXPECT_NEAR(*pred.high, 21.69030851463343878433, 1e-9);

    // And against the formulas in long double at a point far outside the data.
    const HandFit h = handFit(kNoisyX, kNoisyY);
    const long double t = 2.228138851986274L;
    const long double x = 60.0L, dx = x - h.xMean;
    const long double yHat = h.intercept + h.slope * x;
    const long double meanHalf = t * h.s * std::sqrt(1.0L / h.n + dx * dx / h.sxx);
    const long double predHalf = t * h.s * std::sqrt(1.0L + 1.0L / h.n + dx * dx / h.sxx);
    EXPECT_NEAR(*fit.meanCi95Log10(60.0).low, static_cast<double>(yHat - meanHalf), 1e-9);
    EXPECT_NEAR(*fit.meanCi95Log10(60.0).high, static_cast<double>(yHat + meanHalf), 1e-9);
    EXPECT_NEAR(*fit.predictionCi95Log10(60.0).low, static_cast<double>(yHat - predHalf), 1e-9);
    EXPECT_NEAR(*fit.predictionCi95Log10(60.0).high, static_cast<double>(yHat + predHalf), 1e-9);
}

TEST(TrendFit, MeanIntervalIsNarrowestAtTheMeanDate)
{
    const TrendFit fit = fitTrend(kNoisyX, kNoisyY);
    const Interval atMean = fit.meanCi95Log10(fit.xMean);
    // At the mean x the half width is t s / sqrt(n).
    EXPECT_NEAR((*atMean.high - *atMean.low) / 2,
                fit.tQuantile * fit.residualStdError / std::sqrt(12.0), 1e-12);
    for (double x : {40.0, 45.0, 52.0, 70.0}) {
        const Interval ci = fit.meanCi95Log10(x);
        const Interval pi = fit.predictionCi95Log10(x);
        EXPECT_GT(*ci.high - *ci.low, *atMean.high - *atMean.low) << x;
        EXPECT_GT(*pi.high - *pi.low, *ci.high - *ci.low) << x; // a new run scatters more
        EXPECT_NEAR((*ci.low + *ci.high) / 2, fit.predictLog10(x), 1e-12);
    }
}

// --- Projections ---------------------------------------------------------------------

TEST(TrendFit, ProjectsComputeAtADate)
{
    // 1e20 FLOP at 2015-01-01 (16436 days after 1970), growing 0.5 OOM per year.
    const double x2015 = 16436.0 / 365.25;
    const std::vector<double> x = {x2015 - 2, x2015 - 1, x2015, x2015 + 1.5};
    const TrendFit fit = fitTrend(x, exactLine(x, 20.0 - 0.5 * x2015, 0.5));
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.predictLog10(Date(2015, 1, 1).yearsSinceEpoch()), 20.0, 1e-9);
    // 2025-01-01 is 3653 days later: 20 + 0.5 x 3653 / 365.25.
    EXPECT_NEAR(fit.predictLog10(Date(2025, 1, 1).yearsSinceEpoch()), 20.0 + 0.5 * 3653 / 365.25,
                1e-9);
}

TEST(TrendFit, FindsTheDateAtWhichAComputeIsReached)
{
    const double x2015 = 16436.0 / 365.25;
    const std::vector<double> x = {x2015 - 2, x2015 - 1, x2015, x2015 + 1.5};
    const TrendFit fit = fitTrend(x, exactLine(x, 20.0 - 0.5 * x2015, 0.5));
    // 1e22 is two orders of magnitude later: four years of 0.5 OOM per year.
    const std::optional<double> at = fit.xAtLog10(22.0);
    ASSERT_TRUE(at.has_value());
    EXPECT_NEAR(*at, x2015 + 4.0, 1e-9);
    const Date reached = Date::fromDaysSinceEpoch(std::llround(*at * 365.25));
    EXPECT_EQ(reached, Date(2019, 1, 1)); // 16436 + 1461 = 17897 days
    // And back again: the compute at that x is the one asked for.
    EXPECT_NEAR(fit.predictLog10(*at), 22.0, 1e-9);
    // Earlier compute levels are reached earlier.
    EXPECT_NEAR(*fit.xAtLog10(19.0), x2015 - 2.0, 1e-9);
}

// --- Degenerate inputs ---------------------------------------------------------------

TEST(TrendFit, FewerThanThreePointsIsNotEnoughDataWithoutNaN)
{
    const std::vector<double> x = {40.0, 45.0}, y = {18.0, 21.0};
    for (std::size_t n = 0; n <= 2; ++n) {
        const TrendFit fit = fitTrend(std::span(x).first(n), std::span(y).first(n));
        EXPECT_EQ(fit.status, FitStatus::NotEnoughData) << n;
        EXPECT_FALSE(fit.ok());
        EXPECT_EQ(fit.n, n);
        expectNoNaN(fit);
        expectUnbounded(fit.doublingTimeDaysCi95());
        expectUnbounded(fit.doublingTimeMonthsCi95());
        expectUnbounded(fit.meanCi95Log10(42.0));
        expectUnbounded(fit.predictionCi95Log10(42.0));
        EXPECT_FALSE(fit.xAtLog10(20.0).has_value());
    }
    const TrendFit two = fitTrend(x, y);
    EXPECT_EQ(two.statusMessage(), "not enough data: 2 runs, a fit needs at least 3");
    const TrendFit one = fitTrend(std::span(x).first(1), std::span(y).first(1));
    EXPECT_EQ(one.statusMessage(), "not enough data: 1 run, a fit needs at least 3");
}

TEST(TrendFit, IdenticalDatesHaveNoDateSpread)
{
    const std::vector<double> x(5, Date(2020, 5, 28).yearsSinceEpoch());
    const std::vector<double> y = {22.1, 23.5, 21.0, 23.3, 22.8};
    const TrendFit fit = fitTrend(x, y);
    EXPECT_EQ(fit.status, FitStatus::NoDateSpread);
    EXPECT_FALSE(fit.ok());
    EXPECT_EQ(fit.n, 5u);
    EXPECT_NE(fit.statusMessage().find("5 runs"), std::string::npos) << fit.statusMessage();
    EXPECT_NE(fit.statusMessage().find("date"), std::string::npos);
    expectNoNaN(fit);
    expectUnbounded(fit.doublingTimeMonthsCi95());
    expectUnbounded(fit.meanCi95Log10(50.0));
    EXPECT_FALSE(fit.xAtLog10(22.0).has_value());
}

TEST(TrendFit, TwoRunsOnOneDateAreNotEnoughDataRatherThanNoSpread)
{
    const std::vector<double> x = {50.0, 50.0}, y = {20.0, 21.0};
    EXPECT_EQ(fitTrend(x, y).status, FitStatus::NotEnoughData);
}

TEST(TrendFit, DefaultFitIsNotEnoughData)
{
    const TrendFit fit;
    EXPECT_FALSE(fit.ok());
    EXPECT_EQ(fit.status, FitStatus::NotEnoughData);
    EXPECT_FALSE(fit.statusMessage().empty());
}

// --- FitAccumulator ------------------------------------------------------------------

namespace {

void expectSameFit(const TrendFit &a, const TrendFit &b, double tolerance)
{
    ASSERT_EQ(a.status, b.status);
    ASSERT_EQ(a.n, b.n);
    EXPECT_NEAR(a.slope, b.slope, tolerance);
    EXPECT_NEAR(a.intercept, b.intercept, tolerance);
    EXPECT_NEAR(a.rSquared, b.rSquared, tolerance);
    EXPECT_NEAR(a.residualStdError, b.residualStdError, tolerance);
    EXPECT_NEAR(a.slopeStdError, b.slopeStdError, tolerance);
    EXPECT_NEAR(a.slopeCiLow, b.slopeCiLow, tolerance);
    EXPECT_NEAR(a.slopeCiHigh, b.slopeCiHigh, tolerance);
    EXPECT_NEAR(a.tQuantile, b.tQuantile, tolerance);
    EXPECT_NEAR(a.xMean, b.xMean, tolerance);
    EXPECT_NEAR(a.sxx / b.sxx, 1.0, tolerance);
}

} // namespace

TEST(FitAccumulator, MatchesFitTrendOnNoisyData)
{
    FitAccumulator acc;
    for (std::size_t i = 0; i < kNoisyX.size(); ++i)
        acc.add(kNoisyX[i], kNoisyY[i]);
    EXPECT_EQ(acc.count(), 12u);
    expectSameFit(acc.fit(), fitTrend(kNoisyX, kNoisyY), 1e-9);
}

TEST(FitAccumulator, RemovingARunGivesTheFitWithoutIt)
{
    FitAccumulator acc;
    for (std::size_t i = 0; i < kNoisyX.size(); ++i)
        acc.add(kNoisyX[i], kNoisyY[i]);
    acc.remove(kNoisyX[3], kNoisyY[3]);
    acc.remove(kNoisyX[7], kNoisyY[7]);
    std::vector<double> x = kNoisyX, y = kNoisyY;
    x.erase(x.begin() + 7);
    y.erase(y.begin() + 7);
    x.erase(x.begin() + 3);
    y.erase(y.begin() + 3);
    EXPECT_EQ(acc.count(), 10u);
    expectSameFit(acc.fit(), fitTrend(x, y), 1e-9);
}

TEST(FitAccumulator, ReportsNotEnoughDataAndNoDateSpreadLikeFitTrend)
{
    FitAccumulator acc;
    EXPECT_EQ(acc.fit().status, FitStatus::NotEnoughData);
    acc.add(50, 20);
    acc.add(50, 21);
    EXPECT_EQ(acc.fit().status, FitStatus::NotEnoughData);
    EXPECT_EQ(acc.fit().n, 2u);
    acc.add(50, 22.5);
    acc.add(50, 19.5);
    const TrendFit fit = acc.fit();
    EXPECT_EQ(fit.status, FitStatus::NoDateSpread);
    expectNoNaN(fit);
    acc.clear();
    EXPECT_EQ(acc.count(), 0u);
    EXPECT_EQ(acc.fit().status, FitStatus::NotEnoughData);
}

TEST(FitAccumulator, RemovingEverythingLeavesAnEmptyAccumulator)
{
    FitAccumulator acc;
    acc.add(43.1, 18.2);
    acc.add(47.9, 21.3);
    acc.remove(43.1, 18.2);
    acc.remove(47.9, 21.3);
    EXPECT_EQ(acc.count(), 0u);
    acc.remove(47.9, 21.3); // one remove too many must not wrap the count around
    EXPECT_EQ(acc.count(), 0u);
    // After emptying, it behaves like a fresh accumulator.
    for (std::size_t i = 0; i < kNoisyX.size(); ++i)
        acc.add(kNoisyX[i], kNoisyY[i]);
    expectSameFit(acc.fit(), fitTrend(kNoisyX, kNoisyY), 1e-9);
}

TEST(FitAccumulator, MatchesFitTrendOverOneHundredThousandRunsWithAddsAndRemoves)
{
    // Years 1950..2030, log10 FLOP from about 3 up to 27, with scatter.
    std::mt19937_64 rng(20180516);
    std::uniform_real_distribution<double> year(1950.0, 2030.0);
    std::normal_distribution<double> scatter(0.0, 0.7);
    std::vector<double> x, y;
    FitAccumulator acc;
    for (int i = 0; i < 100000; ++i) {
        const double xi = year(rng) - 1970.0;
        const double yi = std::clamp(3.0 + 0.3 * (xi + 20.0) + scatter(rng), 0.0, 27.0);
        x.push_back(xi);
        y.push_back(yi);
        acc.add(xi, yi);
    }
    ASSERT_EQ(acc.count(), 100000u);
    expectSameFit(acc.fit(), fitTrend(x, y), 1e-9);

    // Remove every third run, then add a few back: the fit follows.
    std::vector<double> keptX, keptY;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i % 3 == 0) {
            acc.remove(x[i], y[i]);
        } else {
            keptX.push_back(x[i]);
            keptY.push_back(y[i]);
        }
    }
    for (std::size_t i = 0; i < 300; i += 3) {
        acc.add(x[i], y[i]);
        keptX.push_back(x[i]);
        keptY.push_back(y[i]);
    }
    ASSERT_EQ(acc.count(), keptX.size());
    const TrendFit incremental = acc.fit();
    const TrendFit batch = fitTrend(keptX, keptY);
    expectSameFit(incremental, batch, 1e-9);
    EXPECT_NEAR(batch.slope, 0.3, 0.01); // and the fit is the one that was put in
}
