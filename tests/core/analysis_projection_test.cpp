// SPDX-License-Identifier: GPL-3.0-or-later
// Projections of a trend beyond its data, checked against independent arithmetic: exact
// exponentials (the projection is exact and every interval collapses), OpenAI's 15
// chart runs (band inversion redone by bisection on the textbook band formulas), and
// the statuses that replace NaN.
#include "core/model/date.h"
#include "core/report/projection_report.h"
#include "core/stats/projection.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"
#include "tests/core/analysis_fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <vector>

using namespace compute;
using analysis_fixtures::chartYears;
using analysis_fixtures::openAi;

namespace {

// 1e17 FLOP on 2012-01-01 (15340 days after 1970), then tenfold per Julian year.
const double kX2012 = 15340.0 / 365.25;
std::vector<double> exactX()
{
    return {kX2012, kX2012 + 0.5, kX2012 + 1.25, kX2012 + 3, kX2012 + 4};
}
std::vector<double> exactY(const std::vector<double> &x)
{
    std::vector<double> y;
    for (double xi : x)
        y.push_back(17.0 + (xi - kX2012));
    return y;
}

// The textbook OLS in long double, apart from the library.
struct Ols {
    long double n = 0, xMean = 0, yMean = 0, sxx = 0, slope = 0, intercept = 0, s = 0;
    long double line(long double x) const { return intercept + slope * x; }
    // Half width of the 95% band at x: spread 0 for the mean, 1 for a new run.
    long double half(long double t, long double x, long double spread) const
    {
        return t * s * std::sqrt(spread + 1 / n + (x - xMean) * (x - xMean) / sxx);
    }
};

Ols ols(const std::vector<double> &x, const std::vector<double> &y)
{
    Ols o;
    o.n = static_cast<long double>(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        o.xMean += x[i];
        o.yMean += y[i];
    }
    o.xMean /= o.n;
    o.yMean /= o.n;
    long double sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        o.sxx += (x[i] - o.xMean) * (x[i] - o.xMean);
        sxy += (x[i] - o.xMean) * (y[i] - o.yMean);
    }
    o.slope = sxy / o.sxx;
    o.intercept = o.yMean - o.slope * o.xMean;
    long double sse = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        sse += std::pow(y[i] - o.line(x[i]), 2);
    o.s = std::sqrt(sse / (o.n - 2));
    return o;
}

// The root of an increasing function f in [lo, hi], by bisection.
long double bisect(const std::function<long double(long double)> &f, long double lo, long double hi)
{
    for (int i = 0; i < 200; ++i) {
        const long double mid = (lo + hi) / 2;
        (f(mid) < 0 ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

} // namespace

// --- Exact exponentials --------------------------------------------------------------

TEST(Projection, ExactExponentialReachesTargetOnTheExactDateWithCollapsedIntervals)
{
    const std::vector<double> x = exactX();
    const TrendFit fit = fitTrend(x, exactY(x));
    // 1e27 is ten orders of magnitude above 1e17: ten Julian years after 2012-01-01.
    const DateProjection p = projectDateOf(fit, 27.0);
    ASSERT_TRUE(p.ok()) << p.message;
    EXPECT_NEAR(p.x, kX2012 + 10, 1e-9);
    ASSERT_TRUE(p.xCi95.low && p.xCi95.high && p.xPredictionCi95.low && p.xPredictionCi95.high);
    EXPECT_NEAR(*p.xCi95.low, p.x, 1e-6);
    EXPECT_NEAR(*p.xCi95.high, p.x, 1e-6);
    EXPECT_NEAR(*p.xPredictionCi95.low, p.x, 1e-6);
    EXPECT_NEAR(*p.xPredictionCi95.high, p.x, 1e-6);
    // 1e21 is four Julian years (1461 days) on: 2016-01-01 to the day.
    const std::optional<Date> date = dateAtX(projectDateOf(fit, 21.0).x);
    ASSERT_TRUE(date);
    EXPECT_EQ(*date, Date(2016, 1, 1));
}

TEST(Projection, ExactExponentialGivesTheExactComputeAtADate)
{
    const std::vector<double> x = exactX();
    const TrendFit fit = fitTrend(x, exactY(x));
    // 2016-01-01 is 1461 days (4 Julian years) after 2012-01-01: 1e21 FLOP.
    const ComputeProjection p = projectComputeAt(fit, Date(2016, 1, 1));
    ASSERT_TRUE(p.ok());
    EXPECT_NEAR(p.log10Flop, 21.0, 1e-9);
    EXPECT_NEAR(*p.meanCi95.low, 21.0, 1e-6);
    EXPECT_NEAR(*p.meanCi95.high, 21.0, 1e-6);
    EXPECT_NEAR(*p.predictionCi95.low, 21.0, 1e-6);
    EXPECT_NEAR(*p.predictionCi95.high, 21.0, 1e-6);
    // 2030-01-01: 6575 days later, 18 Julian years: 1e35 FLOP.
    EXPECT_NEAR(projectComputeAt(fit, Date(2030, 1, 1)).log10Flop, 17.0 + 6575.0 / 365.25, 1e-9);
}

TEST(Projection, DecreasingTrendStillHasABoundedDateInterval)
{
    const std::vector<double> x = {40, 41, 42, 43, 44, 45};
    const std::vector<double> y = {20.0, 19.45, 19.1, 18.4, 18.05, 17.5};
    const TrendFit fit = fitTrend(x, y);
    ASSERT_LT(fit.slopeCiHigh, 0.0);
    const DateProjection p = projectDateOf(fit, 16.0);
    ASSERT_TRUE(p.ok());
    EXPECT_GT(p.x, 45.0);
    EXPECT_LT(*p.xCi95.low, p.x);
    EXPECT_GT(*p.xCi95.high, p.x);
    // At each end of the interval a band edge is at the target: falling, the line is
    // still above it at the start (lower edge touches) and below it at the end.
    EXPECT_NEAR(*fit.meanCi95Log10(*p.xCi95.low).low, 16.0, 1e-9);
    EXPECT_NEAR(*fit.meanCi95Log10(*p.xCi95.high).high, 16.0, 1e-9);
}

// --- OpenAI's 15 chart runs ----------------------------------------------------------

TEST(Projection, OpenAiTrendReaches1e27FlopInMid2022AsBisectionOfTheBandsSays)
{
    const FitPoints points = selectFitPoints(openAi(), chartYears(), {});
    ASSERT_EQ(points.x.size(), 15u);
    const TrendFit fit = fitTrend(points.x, points.y);
    const DateProjection p = projectDateOf(fit, 27.0);
    ASSERT_TRUE(p.ok()) << p.message;

    const Ols o = ols(points.x, points.y);
    const long double t = 2.160368656461013L; // t(0.975, 13), from tables
    const long double target = 27.0L;
    EXPECT_NEAR(p.x, static_cast<double>((target - o.intercept) / o.slope), 1e-9);
    // The date interval: where the upper band edge, then the lower one, cross the target.
    auto crossing = [&](long double spread, long double sign) {
        return static_cast<double>(bisect(
            [&](long double xx) { return o.line(xx) + sign * o.half(t, xx, spread) - target; },
            40.0L, 70.0L));
    };
    EXPECT_NEAR(*p.xCi95.low, crossing(0, +1), 1e-9);
    EXPECT_NEAR(*p.xCi95.high, crossing(0, -1), 1e-9);
    EXPECT_NEAR(*p.xPredictionCi95.low, crossing(1, +1), 1e-9);
    EXPECT_NEAR(*p.xPredictionCi95.high, crossing(1, -1), 1e-9);
    // A run of 1e27 FLOP is a matter of the prediction band: wider than the trend's.
    EXPECT_LT(*p.xPredictionCi95.low, *p.xCi95.low);
    EXPECT_GT(*p.xPredictionCi95.high, *p.xCi95.high);
    // (27 + 28.2892) / 1.05110 = 52.60 years after 1970: August 2022.
    const std::optional<Date> date = dateAtX(p.x);
    ASSERT_TRUE(date);
    EXPECT_EQ(date->year(), 2022);
    EXPECT_EQ(date->month(), 8);
}

TEST(Projection, OpenAiComputeIn2025MatchesTheTextbookBands)
{
    const FitPoints points = selectFitPoints(openAi(), chartYears(), {});
    const TrendFit fit = fitTrend(points.x, points.y);
    const Ols o = ols(points.x, points.y);
    const long double t = 2.160368656461013L;
    const long double x = Date(2025, 1, 1).yearsSinceEpoch();
    const ComputeProjection p = projectComputeAt(fit, Date(2025, 1, 1));
    ASSERT_TRUE(p.ok());
    EXPECT_NEAR(p.log10Flop, static_cast<double>(o.line(x)), 1e-9);
    EXPECT_NEAR(*p.meanCi95.low, static_cast<double>(o.line(x) - o.half(t, x, 0)), 1e-9);
    EXPECT_NEAR(*p.meanCi95.high, static_cast<double>(o.line(x) + o.half(t, x, 0)), 1e-9);
    EXPECT_NEAR(*p.predictionCi95.low, static_cast<double>(o.line(x) - o.half(t, x, 1)), 1e-9);
    EXPECT_NEAR(*p.predictionCi95.high, static_cast<double>(o.line(x) + o.half(t, x, 1)), 1e-9);
}

TEST(Projection, ReportPrintsTheDateAndItsIntervalsForOpenAi)
{
    const Era era = chartYears();
    const std::vector<EraFit> fits = {{era, fitEra(openAi(), era)}};
    const auto json = nlohmann::json::parse(projectionReportJson(fits, {1e27}, {Date(2025, 1, 1)}));
    ASSERT_EQ(json["projections"].size(), 2u);
    const auto &to = json["projections"][0];
    EXPECT_EQ(to["query"], "date_at_compute");
    EXPECT_EQ(to["status"], "ok");
    EXPECT_EQ(to["era"], "2012 to 2018");
    EXPECT_EQ(to["n"], 15);
    EXPECT_EQ(to["target_flop"].get<double>(), 1e27);
    EXPECT_NEAR(to["target_pfs_days"].get<double>(), 1e27 / 8.64e19, 1e-3);
    EXPECT_EQ(to["date"].get<std::string>().substr(0, 7), "2022-08");
    const auto &ci = to["date_ci95"];
    ASSERT_EQ(ci.size(), 2u);
    EXPECT_LT(ci[0].get<std::string>(), to["date"].get<std::string>());
    EXPECT_GT(ci[1].get<std::string>(), to["date"].get<std::string>());
    EXPECT_LT(to["year_prediction_ci95"][0].get<double>(), to["year_ci95"][0].get<double>());
    const auto &at = json["projections"][1];
    EXPECT_EQ(at["query"], "compute_at_date");
    EXPECT_EQ(at["date"], "2025-01-01");
    EXPECT_NEAR(std::log10(at["flop"].get<double>()), at["log10_flop"].get<double>(), 1e-12);
    EXPECT_LT(at["flop_ci95"][0].get<double>(), at["flop"].get<double>());
    EXPECT_GT(at["flop_prediction_ci95"][1].get<double>(), at["flop_ci95"][1].get<double>());
    EXPECT_NEAR(at["pfs_days"].get<double>(), at["flop"].get<double>() / 8.64e19,
                at["pfs_days"].get<double>() * 1e-12);
}

// --- Statuses instead of NaN ---------------------------------------------------------

TEST(Projection, SlopeIntervalIncludingZeroGivesACentralDateButAnUnboundedInterval)
{
    const std::vector<double> x = {40, 41, 42, 43, 44, 45};
    const std::vector<double> y = {20.0, 22.0, 19.5, 21.8, 19.9, 20.6};
    const TrendFit fit = fitTrend(x, y);
    ASSERT_LT(fit.slopeCiLow, 0.0);
    ASSERT_GT(fit.slopeCiHigh, 0.0);
    const DateProjection p = projectDateOf(fit, 25.0);
    EXPECT_EQ(p.status, ProjectionStatus::Unbounded);
    EXPECT_TRUE(p.hasDate());
    EXPECT_TRUE(std::isfinite(p.x));
    EXPECT_NEAR(p.x, *fit.xAtLog10(25.0), 1e-12);
    EXPECT_FALSE(p.xCi95.low || p.xCi95.high || p.xPredictionCi95.low || p.xPredictionCi95.high);
    EXPECT_FALSE(p.message.empty());
    const auto json = nlohmann::json::parse(projectionReportJson({{Era{}, fit}}, {1e25}, {}));
    EXPECT_EQ(json["projections"][0]["status"], "unbounded");
    EXPECT_TRUE(json["projections"][0]["date_ci95"][0].is_null());
    EXPECT_TRUE(json["projections"][0]["date"].is_string());
}

TEST(Projection, TwoRunsGiveNoFitAndNoNumbers)
{
    const std::vector<double> x = {42, 43}, y = {18, 19};
    const TrendFit fit = fitTrend(x, y);
    const DateProjection p = projectDateOf(fit, 25.0);
    EXPECT_EQ(p.status, ProjectionStatus::NoFit);
    EXPECT_FALSE(p.hasDate());
    EXPECT_NE(p.message.find("not enough data"), std::string::npos);
    const ComputeProjection c = projectComputeAt(fit, 50.0);
    EXPECT_EQ(c.status, ProjectionStatus::NoFit);
    EXPECT_FALSE(c.meanCi95.low || c.predictionCi95.high);
    EXPECT_TRUE(projectionFan(fit, 40, 60).empty());
    const auto json =
        nlohmann::json::parse(projectionReportJson({{Era{}, fit}}, {1e25}, {Date(2030, 1, 1)}));
    for (const auto &entry : json["projections"]) {
        EXPECT_EQ(entry["status"], "no_fit");
        EXPECT_NE(entry["fit_status"].get<std::string>().find("not enough data"),
                  std::string::npos);
    }
    EXPECT_TRUE(json["projections"][0]["date"].is_null());
    EXPECT_TRUE(json["projections"][1]["flop"].is_null());
}

TEST(Projection, RunsOnOneDateGiveNoFit)
{
    const std::vector<double> x = {45, 45, 45}, y = {18, 19, 20};
    const DateProjection p = projectDateOf(fitTrend(x, y), 25.0);
    EXPECT_EQ(p.status, ProjectionStatus::NoFit);
    EXPECT_NE(p.message.find("no spread in dates"), std::string::npos);
}

TEST(Projection, FlatTrendNeverReachesAnotherCompute)
{
    const std::vector<double> x = {1, 2, 3, 4}, y = {20, 20, 20, 20};
    const DateProjection p = projectDateOf(fitTrend(x, y), 21.0);
    EXPECT_EQ(p.status, ProjectionStatus::FlatTrend);
    EXPECT_FALSE(p.hasDate());
    EXPECT_EQ(projectionStatusKey(p.status), "flat_trend");
}

// --- The fan and dates ---------------------------------------------------------------

TEST(Projection, FanWidensAwayFromTheDataAndHoldsBothBands)
{
    const FitPoints points = selectFitPoints(openAi(), chartYears(), {});
    const TrendFit fit = fitTrend(points.x, points.y);
    const std::vector<FanPoint> fan = projectionFan(fit, 49.0, 60.0, 11);
    ASSERT_EQ(fan.size(), 12u);
    EXPECT_DOUBLE_EQ(fan.front().x, 49.0);
    EXPECT_DOUBLE_EQ(fan.back().x, 60.0);
    for (std::size_t i = 0; i < fan.size(); ++i) {
        const FanPoint &f = fan[i];
        EXPECT_NEAR(f.log10Flop, fit.predictLog10(f.x), 1e-12);
        EXPECT_NEAR(f.meanHigh, *fit.meanCi95Log10(f.x).high, 1e-12);
        EXPECT_NEAR(f.predictionLow, *fit.predictionCi95Log10(f.x).low, 1e-12);
        EXPECT_LT(f.predictionLow, f.meanLow);
        EXPECT_GT(f.predictionHigh, f.meanHigh);
        if (i > 0) {
            EXPECT_GT(f.meanHigh - f.meanLow, fan[i - 1].meanHigh - fan[i - 1].meanLow);
        }
    }
    EXPECT_EQ(projectionFan(fit, 50.0, 50.0, 10).size(), 1u);
}

TEST(Projection, DateAtXRoundsToTheNearestDayAndRefusesTheUnrepresentable)
{
    EXPECT_EQ(*dateAtX(Date(2022, 8, 15).yearsSinceEpoch()), Date(2022, 8, 15));
    EXPECT_EQ(*dateAtX(Date(1959, 3, 1).yearsSinceEpoch() + 0.4 / 365.25), Date(1959, 3, 1));
    EXPECT_FALSE(dateAtX(20000.0).has_value()); // year 21970
    EXPECT_FALSE(dateAtX(-3000.0).has_value());
    EXPECT_FALSE(dateAtX(INFINITY).has_value());
    EXPECT_FALSE(dateAtX(NAN).has_value());
}
