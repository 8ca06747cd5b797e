// SPDX-License-Identifier: GPL-3.0-or-later
// A published figure beside the recomputed fit: the quantity conversions, the inside test
// and the paper's bootstrap, each against arithmetic done here.
#include "core/stats/published_comparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace compute;

namespace {

constexpr double kLog2 = 0.30102999566398119521;

PublishedFigure doubling(double months, double low, double high)
{
    PublishedFigure f;
    f.quantity = PublishedQuantity::DoublingTimeMonths;
    f.value = months;
    f.ciLow = low;
    f.ciHigh = high;
    f.ciLevel = 0.95;
    return f;
}

// Ten yearly runs on a slope of 0.5 orders of magnitude per year with alternating +-0.1.
struct Line {
    std::vector<double> x, y;
};
Line zigzag()
{
    Line line;
    for (int i = 0; i < 10; ++i) {
        line.x.push_back(40.0 + i);
        line.y.push_back(20.0 + 0.5 * i + (i % 2 ? 0.1 : -0.1));
    }
    return line;
}

} // namespace

TEST(PublishedComparison, SlopeAsDoublingMonthsAndGrowthPerYear)
{
    EXPECT_NEAR(*slopeAs(PublishedQuantity::DoublingTimeMonths, 0.5), kLog2 / 0.5 * 12, 1e-12);
    EXPECT_NEAR(*slopeAs(PublishedQuantity::GrowthFactorPerYear, 0.5), std::sqrt(10.0), 1e-12);
    EXPECT_FALSE(slopeAs(PublishedQuantity::DoublingTimeMonths, 0.0));
}

TEST(PublishedComparison, DoublingIntervalIsUnboundedWhenTheSlopeIntervalHoldsZero)
{
    const Interval months = slopeIntervalAs(PublishedQuantity::DoublingTimeMonths, 0.25, 0.5);
    EXPECT_NEAR(*months.low, kLog2 / 0.5 * 12, 1e-12); // the steeper slope doubles sooner
    EXPECT_NEAR(*months.high, kLog2 / 0.25 * 12, 1e-12);
    const Interval open = slopeIntervalAs(PublishedQuantity::DoublingTimeMonths, -0.1, 0.5);
    EXPECT_FALSE(open.low);
    EXPECT_FALSE(open.high);
    EXPECT_TRUE(liesInside(1e6, open));
    const Interval growth = slopeIntervalAs(PublishedQuantity::GrowthFactorPerYear, -0.1, 0.5);
    EXPECT_NEAR(*growth.low, std::pow(10.0, -0.1), 1e-12);
    EXPECT_NEAR(*growth.high, std::pow(10.0, 0.5), 1e-12);
}

TEST(PublishedComparison, InsideIncludesTheEnds)
{
    const Interval i{4.0, 5.0};
    EXPECT_TRUE(liesInside(4.0, i));
    EXPECT_TRUE(liesInside(5.0, i));
    EXPECT_FALSE(liesInside(3.999, i));
    EXPECT_FALSE(liesInside(5.001, i));
    EXPECT_TRUE(liesInside(100.0, Interval{4.0, std::nullopt}));
}

TEST(PublishedComparison, FitSideAgreesWithHandComputedOls)
{
    const Line line = zigzag();
    // OLS by hand: x mean 44.5, Sxx = 82.5.
    double xm = 0, ym = 0;
    for (std::size_t i = 0; i < line.x.size(); ++i) {
        xm += line.x[i] / 10;
        ym += line.y[i] / 10;
    }
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < line.x.size(); ++i) {
        sxx += (line.x[i] - xm) * (line.x[i] - xm);
        sxy += (line.x[i] - xm) * (line.y[i] - ym);
    }
    const double slope = sxy / sxx;
    double sse = 0;
    for (std::size_t i = 0; i < line.x.size(); ++i) {
        const double r = line.y[i] - (ym + slope * (line.x[i] - xm));
        sse += r * r;
    }
    const double se = std::sqrt(sse / 8 / sxx);
    const double t = 2.306004135204166; // Student t 0.975, 8 degrees of freedom (tables)
    const double months = kLog2 / slope * 12;
    const double low = kLog2 / (slope + t * se) * 12, high = kLog2 / (slope - t * se) * 12;

    const PublishedComparison inside =
        comparePublished(doubling(months * 1.001, 1, 2), fitTrend(line.x, line.y));
    ASSERT_TRUE(inside.fitValue);
    EXPECT_NEAR(*inside.fitValue, months, 1e-9);
    EXPECT_NEAR(*inside.fitCi95.low, low, 1e-6);
    EXPECT_NEAR(*inside.fitCi95.high, high, 1e-6);
    EXPECT_EQ(inside.insideFitCi95, true);
    EXPECT_FALSE(inside.bootstrap.ok()); // not asked for yet

    const PublishedComparison outside =
        comparePublished(doubling(high * 1.01, 1, 2), fitTrend(line.x, line.y));
    EXPECT_EQ(outside.insideFitCi95, false);
}

TEST(PublishedComparison, NoFitNoVerdict)
{
    const std::vector<double> x{40, 41}, y{20, 21};
    const PublishedComparison c = comparePublished(doubling(6, 5, 7), fitTrend(x, y));
    EXPECT_FALSE(c.fitValue);
    EXPECT_FALSE(c.insideFitCi95);
}

TEST(PublishedComparison, PapersMethodIsTheJitteredBootstrapOfAThousandResamples)
{
    const BootstrapOptions options = papersBootstrapOptions();
    EXPECT_EQ(options.resamples, 1000u);
    EXPECT_TRUE(options.jitter);

    const Line line = zigzag();
    PublishedComparison c = comparePublished(doubling(7.2, 6, 9), fitTrend(line.x, line.y));
    addBootstrap(c, line.x, line.y, options);
    const BootstrapResult direct = bootstrapTrend(line.x, line.y, options);
    ASSERT_TRUE(c.bootstrap.ok());
    EXPECT_EQ(c.bootstrap.used + c.bootstrap.skipped, 1000u);
    EXPECT_TRUE(c.bootstrap.jitter);
    EXPECT_DOUBLE_EQ(c.bootstrap.slopeMedian, direct.slopeMedian);
    EXPECT_NEAR(*c.bootstrapMedian, kLog2 / direct.slopeMedian * 12, 1e-12);
    EXPECT_NEAR(*c.bootstrapCi95.low, kLog2 / *direct.slopeCi95.high * 12, 1e-12);
    EXPECT_NEAR(*c.bootstrapCi95.high, kLog2 / *direct.slopeCi95.low * 12, 1e-12);
    EXPECT_EQ(*c.insideBootstrapCi95, 7.2 >= *c.bootstrapCi95.low && 7.2 <= *c.bootstrapCi95.high);
    // Another seed, another answer: the seed is used.
    BootstrapOptions other = options;
    other.seed += 1;
    PublishedComparison d = c;
    addBootstrap(d, line.x, line.y, other);
    EXPECT_NE(d.bootstrap.slopeMedian, c.bootstrap.slopeMedian);
}
