// SPDX-License-Identifier: GPL-3.0-or-later
// Leave-one-out influence, checked against brute force: n refits with fitTrend.
#include "core/stats/influence.h"
#include "core/stats/trend_fit.h"
#include "tests/core/analysis_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace compute;

namespace {

using analysis_fixtures::Points;

// A noisy era: 40 runs from 2012 on, 0.55 OOM/year, scatter of 0.6 OOM, one giant.
Points noisyEra()
{
    Points p = analysis_fixtures::noisyEra(40, 7, 0.55, 0.6);
    p.y[5] += 3.0; // far above the trend
    return p;
}

double months(double slope)
{
    return 12.0 * std::log10(2.0) / slope;
}

} // namespace

TEST(LeaveOneOut, EveryFitWithoutARunMatchesARefitOfTheOthers)
{
    const Points p = noisyEra();
    const LeaveOneOut loo = leaveOneOut(p.x, p.y);
    ASSERT_EQ(loo.entries.size(), p.x.size());
    const TrendFit full = fitTrend(p.x, p.y);
    EXPECT_DOUBLE_EQ(loo.full.slope, full.slope);
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        std::vector<double> x = p.x, y = p.y;
        x.erase(x.begin() + static_cast<std::ptrdiff_t>(i));
        y.erase(y.begin() + static_cast<std::ptrdiff_t>(i));
        const TrendFit refit = fitTrend(x, y);
        const InfluenceEntry &e = loo.entries[i];
        EXPECT_EQ(e.point, i);
        EXPECT_EQ(e.without.n, 39u);
        EXPECT_NEAR(e.without.slope, refit.slope, 1e-11) << i;
        EXPECT_NEAR(e.without.intercept, refit.intercept, 1e-9) << i;
        EXPECT_NEAR(e.without.residualStdError, refit.residualStdError, 1e-9) << i;
        EXPECT_NEAR(e.without.slopeCiLow, refit.slopeCiLow, 1e-9) << i;
        ASSERT_TRUE(e.doublingTimeMonthsWithout && e.doublingTimeMonthsChange);
        EXPECT_NEAR(*e.doublingTimeMonthsWithout, months(refit.slope), 1e-9) << i;
        EXPECT_NEAR(*e.doublingTimeMonthsChange, months(refit.slope) - months(full.slope), 1e-9);
        EXPECT_NEAR(e.slopeChange, refit.slope - full.slope, 1e-11);
    }
}

TEST(LeaveOneOut, MostInfluentialRunComesFirstWhenSorted)
{
    const Points p = noisyEra();
    LeaveOneOut loo = leaveOneOut(p.x, p.y);
    double largest = 0;
    std::size_t expected = 0;
    for (const InfluenceEntry &e : loo.entries)
        if (std::abs(*e.doublingTimeMonthsChange) > largest) {
            largest = std::abs(*e.doublingTimeMonthsChange);
            expected = e.point;
        }
    sortByInfluence(loo.entries);
    EXPECT_EQ(loo.entries.front().point, expected);
    for (std::size_t i = 1; i < loo.entries.size(); ++i)
        EXPECT_GE(std::abs(*loo.entries[i - 1].doublingTimeMonthsChange),
                  std::abs(*loo.entries[i].doublingTimeMonthsChange));
}

TEST(LeaveOneOut, FitPointsCarryTheirRunIndices)
{
    FitPoints points;
    points.x = {42, 43, 44, 45};
    points.y = {18, 18.6, 19.5, 19.9};
    points.runIndex = {7, 3, 11, 0};
    const LeaveOneOut loo = leaveOneOut(points);
    ASSERT_EQ(loo.entries.size(), 4u);
    EXPECT_EQ(loo.entries[0].runIndex, 7u);
    EXPECT_EQ(loo.entries[2].runIndex, 11u);
    EXPECT_EQ(loo.entries[3].runIndex, 0u);
    EXPECT_EQ(loo.entries[2].point, 2u);
}

TEST(LeaveOneOut, ThreeRunsLeaveTooFewToFitAndSaySo)
{
    const std::vector<double> x = {42, 43, 44}, y = {18, 19, 20.5};
    const LeaveOneOut loo = leaveOneOut(x, y);
    ASSERT_TRUE(loo.full.ok());
    for (const InfluenceEntry &e : loo.entries) {
        EXPECT_EQ(e.without.status, FitStatus::NotEnoughData);
        EXPECT_EQ(e.without.n, 2u);
        EXPECT_FALSE(e.doublingTimeMonthsWithout.has_value());
        EXPECT_FALSE(e.doublingTimeMonthsChange.has_value());
        EXPECT_EQ(e.slopeChange, 0.0);
    }
}

TEST(LeaveOneOut, TwoRunsHaveNoFitAtAll)
{
    const std::vector<double> x = {42, 43}, y = {18, 19};
    const LeaveOneOut loo = leaveOneOut(x, y);
    EXPECT_EQ(loo.full.status, FitStatus::NotEnoughData);
    ASSERT_EQ(loo.entries.size(), 2u);
    EXPECT_FALSE(loo.entries[0].doublingTimeMonthsChange.has_value());
}

TEST(LeaveOneOut, RemovingTheOnlyRunOnAnotherDateLeavesNoSpread)
{
    const std::vector<double> x = {45, 45, 45, 46}, y = {18, 18.5, 19, 20};
    const LeaveOneOut loo = leaveOneOut(x, y);
    ASSERT_TRUE(loo.full.ok());
    EXPECT_EQ(loo.entries[3].without.status, FitStatus::NoDateSpread);
    EXPECT_FALSE(loo.entries[3].doublingTimeMonthsChange.has_value());
    EXPECT_TRUE(loo.entries[0].without.ok());
    std::vector<InfluenceEntry> sorted = loo.entries;
    sortByInfluence(sorted);
    EXPECT_EQ(sorted.back().point, 3u); // no change to show: last
}

TEST(LeaveOneOut, IdenticalDatesTakenOutOneByOneMatchRefits)
{
    // Pairs of runs on the same dates: each removal leaves the date present.
    const std::vector<double> x = {42, 42, 44, 44, 47, 47}, y = {18, 18.4, 19.2, 19.0, 21.1, 20.5};
    const LeaveOneOut loo = leaveOneOut(x, y);
    for (std::size_t i = 0; i < x.size(); ++i) {
        std::vector<double> xs = x, ys = y;
        xs.erase(xs.begin() + static_cast<std::ptrdiff_t>(i));
        ys.erase(ys.begin() + static_cast<std::ptrdiff_t>(i));
        EXPECT_NEAR(loo.entries[i].without.slope, fitTrend(xs, ys).slope, 1e-11);
    }
}
