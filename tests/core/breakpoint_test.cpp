// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/date.h"
#include "core/stats/breakpoint.h"
#include "core/stats/trend_fit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <vector>

using compute::Breakpoint;
using compute::BreakpointStatus;
using compute::Date;
using compute::findBreakpoint;
using compute::fitTrend;
using compute::TrendFit;

namespace {

double residualSum(const TrendFit &fit, const std::vector<double> &x, const std::vector<double> &y)
{
    double sse = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double r = y[i] - fit.predictLog10(x[i]);
        sse += r * r;
    }
    return sse;
}

struct BruteSplit {
    double splitX = 0;
    double sse = 0;
};

// Every midpoint between consecutive distinct x, each side refitted from scratch with
// fitTrend: O(n^2), written without the library's prefix sums.
std::optional<BruteSplit> bruteForce(const std::vector<double> &x, const std::vector<double> &y,
                                     std::size_t minPerSide)
{
    std::vector<double> distinct = x;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::optional<BruteSplit> best;
    for (std::size_t i = 0; i + 1 < distinct.size(); ++i) {
        const double c = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
        std::vector<double> lx, ly, rx, ry;
        for (std::size_t j = 0; j < x.size(); ++j) {
            (x[j] < c ? lx : rx).push_back(x[j]);
            (x[j] < c ? ly : ry).push_back(y[j]);
        }
        if (lx.size() < minPerSide || rx.size() < minPerSide) continue;
        const TrendFit left = fitTrend(lx, ly);
        const TrendFit right = fitTrend(rx, ry);
        if (!left.ok() || !right.ok()) continue;
        const double sse = residualSum(left, lx, ly) + residualSum(right, rx, ry);
        if (!best || sse < best->sse) best = BruteSplit{c, sse};
    }
    return best;
}

Date dayAfter(const Date &date, int days)
{
    return Date::fromDaysSinceEpoch(date.daysSinceEpoch() + days);
}

void expectNoNumbers(const Breakpoint &b)
{
    EXPECT_FALSE(b.ok());
    EXPECT_FALSE(b.statusMessage().empty());
    EXPECT_EQ(b.fStatistic, 0.0);
    EXPECT_EQ(b.sseOneLine, 0.0);
    EXPECT_EQ(b.sseTwoLines, 0.0);
    EXPECT_FALSE(std::isnan(b.splitX));
}

} // namespace

TEST(Breakpoint, MatchesBruteForceSearchOnRandomData)
{
    std::mt19937 random(20240611);
    std::uniform_real_distribution<double> xOf(30.0, 55.0);
    std::normal_distribution<double> noise(0.0, 0.6);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 6 + static_cast<std::size_t>(trial % 40);
        const std::size_t minPerSide = 3 + static_cast<std::size_t>(trial % 3);
        std::vector<double> x, y;
        for (std::size_t i = 0; i < n; ++i) {
            // Whole days, so that some x repeat on small samples.
            x.push_back(std::round(xOf(random) * 365.25 / 40) * 40 / 365.25);
            y.push_back(10 + 0.4 * (x.back() - 30) + noise(random));
        }
        const Breakpoint found = findBreakpoint(x, y, minPerSide);
        const auto expected = bruteForce(x, y, minPerSide);
        SCOPED_TRACE("trial " + std::to_string(trial));
        if (n < 2 * minPerSide) {
            EXPECT_EQ(found.status, BreakpointStatus::NotEnoughData);
            continue;
        }
        ASSERT_EQ(found.ok(), expected.has_value()) << found.statusMessage();
        if (!expected) continue;
        EXPECT_DOUBLE_EQ(found.splitX, expected->splitX);
        EXPECT_NEAR(found.sseTwoLines, expected->sse, 1e-9 * (1 + expected->sse));
        EXPECT_EQ(found.left.n + found.right.n, n);
        EXPECT_GE(found.left.n, minPerSide);
        EXPECT_GE(found.right.n, minPerSide);
        const TrendFit one = fitTrend(x, y);
        EXPECT_NEAR(found.sseOneLine, residualSum(one, x, y), 1e-9 * found.sseOneLine);
        EXPECT_GE(found.sseOneLine + 1e-9, found.sseTwoLines);
        const double f = (found.sseOneLine - found.sseTwoLines) / 2 /
                         (found.sseTwoLines / static_cast<double>(n - 4));
        EXPECT_NEAR(found.fStatistic, f, 1e-9 * (1 + f));
        EXPECT_NEAR(found.sseReduction, 1 - found.sseTwoLines / found.sseOneLine, 1e-12);
    }
}

TEST(Breakpoint, FindsTheKinkOfATwoSlopeExponentialWithinTheGapBetweenRuns)
{
    // A run every 17 days from 2000; compute grows 10^0.3 per year until 2008-03-10 and
    // 10^0.9 per year after it, continuously (a kink, no jump).
    const Date start(2000, 1, 1);
    const Date trueBreak(2008, 3, 10);
    const double xBreak = trueBreak.yearsSinceEpoch();
    std::vector<double> x, y;
    Date lastBefore, firstAfter;
    bool seenAfter = false;
    for (int i = 0; i < 300; ++i) {
        const Date d = dayAfter(start, 17 * i);
        x.push_back(d.yearsSinceEpoch());
        const double dx = x.back() - xBreak;
        y.push_back(17 + (dx < 0 ? 0.3 : 0.9) * dx);
        if (d < trueBreak)
            lastBefore = d;
        else if (!seenAfter) {
            firstAfter = d;
            seenAfter = true;
        }
    }
    ASSERT_LT(lastBefore, trueBreak);
    ASSERT_GE(firstAfter, trueBreak);

    const Breakpoint b = findBreakpoint(x, y);
    ASSERT_TRUE(b.ok()) << b.statusMessage();
    EXPECT_GT(b.split, lastBefore);
    EXPECT_LE(b.split, firstAfter);
    EXPECT_EQ(b.split.precision(), compute::DatePrecision::Day);
    EXPECT_NEAR(b.left.slope, 0.3, 1e-9);
    EXPECT_NEAR(b.right.slope, 0.9, 1e-9);
    EXPECT_EQ(b.left.n + b.right.n, 300u);
    EXPECT_NEAR(b.sseTwoLines, 0.0, 1e-12);
    EXPECT_GT(b.sseOneLine, 1.0);
    // Two lines are exact, one line is not.
    EXPECT_EQ(b.fStatistic, std::numeric_limits<double>::infinity());
    EXPECT_DOUBLE_EQ(b.sseReduction, 1.0);
}

TEST(Breakpoint, FindsANoisyJumpWithinTheGapBetweenRuns)
{
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 0.05);
    const Date start(2010, 1, 1);
    const Date trueBreak(2015, 7, 1);
    std::vector<double> x, y;
    Date lastBefore(1970, 1, 1), firstAfter(9999, 1, 1);
    for (int i = 0; i < 120; ++i) {
        const Date d = dayAfter(start, 23 * i);
        x.push_back(d.yearsSinceEpoch());
        const bool after = !(d < trueBreak);
        y.push_back(20 + 0.5 * (x.back() - 40) + (after ? 1.0 : 0.0) + noise(random));
        if (!after)
            lastBefore = d;
        else
            firstAfter = std::min(firstAfter, d);
    }
    const Breakpoint b = findBreakpoint(x, y, 5);
    ASSERT_TRUE(b.ok()) << b.statusMessage();
    EXPECT_GT(b.split, lastBefore);
    EXPECT_LE(b.split, firstAfter);
    EXPECT_GT(b.fStatistic, 100.0);
    EXPECT_GT(b.sseReduction, 0.9);
}

TEST(Breakpoint, SplitDateSeparatesTheSidesLikeAnEraBoundary)
{
    // Runs on consecutive days: the split date is the first day of the right side, so
    // [from, split) and [split, to) hold exactly the two sides.
    const Date start(2020, 2, 27);
    std::vector<double> x, y;
    for (int i = 0; i < 10; ++i) {
        x.push_back(dayAfter(start, i).yearsSinceEpoch());
        y.push_back(i < 5 ? 18.0 + 0.01 * i : 19.0 + 0.01 * i);
    }
    const Breakpoint b = findBreakpoint(x, y);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b.split, dayAfter(start, 5));
    for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_EQ(x[i] < b.split.yearsSinceEpoch(), i < 5) << i;
}

TEST(Breakpoint, TiesGoToTheEarliestSplit)
{
    // Mirror-symmetric data: the splits after the 5th and after the 7th point are
    // equally good (and better than the rest).
    const std::vector<double> y = {18, 18, 18, 18, 18, 21, 21, 18, 18, 18, 18, 18};
    std::vector<double> x;
    for (int i = 0; i < 12; ++i)
        x.push_back(40 + i);
    const Breakpoint b = findBreakpoint(x, y);
    ASSERT_TRUE(b.ok());
    EXPECT_DOUBLE_EQ(b.splitX, 44.5);
    EXPECT_EQ(b.left.n, 5u);
    const auto brute = bruteForce(x, y, 3);
    ASSERT_TRUE(brute);
    EXPECT_NEAR(b.sseTwoLines, brute->sse, 1e-9);
}

TEST(Breakpoint, AStraightLineHasNoImprovementAndTakesTheEarliestSplit)
{
    std::vector<double> x, y;
    for (int i = 0; i < 9; ++i) {
        x.push_back(42 + 0.37 * i);
        y.push_back(16 + 1.1 * x.back());
    }
    const Breakpoint b = findBreakpoint(x, y);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b.left.n, 3u);
    EXPECT_EQ(b.fStatistic, 0.0);
    EXPECT_EQ(b.sseReduction, 0.0);
    EXPECT_NEAR(b.left.slope, 1.1, 1e-9);
    EXPECT_NEAR(b.right.slope, 1.1, 1e-9);
}

TEST(Breakpoint, NeverSplitsRunsThatShareADate)
{
    // Three runs on each of six dates: a split always falls between two dates.
    std::vector<double> x, y;
    for (int d = 0; d < 6; ++d)
        for (int k = 0; k < 3; ++k) {
            x.push_back(45 + d);
            y.push_back(18 + (d < 2 ? 0.2 : 1.5) * d + 0.1 * k);
        }
    const Breakpoint b = findBreakpoint(x, y, 4);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b.left.n % 3, 0u);
    EXPECT_TRUE(b.splitX == 46.5 || b.splitX == 47.5 || b.splitX == 48.5 || b.splitX == 49.5)
        << b.splitX;
    const auto brute = bruteForce(x, y, 4);
    ASSERT_TRUE(brute);
    EXPECT_DOUBLE_EQ(b.splitX, brute->splitX);
}

TEST(Breakpoint, RunsOnOneOrTwoDatesHaveNoValidSplit)
{
    const std::vector<double> sameX(10, 48.0);
    const std::vector<double> y = {18, 19, 18.5, 17, 20, 18, 19, 18.5, 17, 20};
    const Breakpoint one = findBreakpoint(sameX, y);
    EXPECT_EQ(one.status, BreakpointStatus::NoValidSplit);
    EXPECT_EQ(one.n, 10u);
    expectNoNumbers(one);

    // Two dates: any split leaves a single date on each side, so neither line exists.
    std::vector<double> twoX(10, 48.0);
    std::fill(twoX.begin() + 5, twoX.end(), 49.0);
    const Breakpoint two = findBreakpoint(twoX, y);
    EXPECT_EQ(two.status, BreakpointStatus::NoValidSplit);
    expectNoNumbers(two);
}

TEST(Breakpoint, TooFewPointsIsAStatusNotANumber)
{
    const std::vector<double> x = {40, 41, 42, 43, 44};
    const std::vector<double> y = {18, 19, 20, 21, 22};
    const Breakpoint b = findBreakpoint(x, y);
    EXPECT_EQ(b.status, BreakpointStatus::NotEnoughData);
    EXPECT_EQ(b.n, 5u);
    EXPECT_EQ(b.statusMessage(),
              "not enough data: 5 runs, a breakpoint needs at least 6 (3 on each side)");
    expectNoNumbers(b);

    expectNoNumbers(findBreakpoint(std::vector<double>{}, std::vector<double>{}));
    // Eight points are too few for four on each side.
    const std::vector<double> x8 = {40, 41, 42, 43, 44, 45, 46, 47};
    EXPECT_EQ(findBreakpoint(x8, x8, 5).status, BreakpointStatus::NotEnoughData);
    // A side needs a fit with an interval: minPerSide is never below 3.
    EXPECT_EQ(findBreakpoint(x, y, 1).minPerSide, 3u);
    EXPECT_EQ(findBreakpoint(x, y, 1).status, BreakpointStatus::NotEnoughData);
}

TEST(Breakpoint, IgnoresPointsWithoutFiniteCoordinates)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> x = {40, 41, 42, 43, nan, 44, 45};
    const std::vector<double> y = {18, 19, 20, 21, 22, 23, std::numeric_limits<double>::infinity()};
    const Breakpoint b = findBreakpoint(x, y);
    EXPECT_EQ(b.n, 5u);
    EXPECT_EQ(b.status, BreakpointStatus::NotEnoughData);
}

TEST(Breakpoint, TakesFitPoints)
{
    compute::FitPoints points;
    for (int i = 0; i < 8; ++i) {
        points.x.push_back(40 + i);
        points.y.push_back(i < 4 ? 18 : 20 + 0.5 * i);
    }
    const Breakpoint b = findBreakpoint(points);
    ASSERT_TRUE(b.ok());
    EXPECT_DOUBLE_EQ(b.splitX, 43.5);
}
