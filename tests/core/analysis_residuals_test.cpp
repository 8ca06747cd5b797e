// SPDX-License-Identifier: GPL-3.0-or-later
// Residuals and outliers of a fit, checked against the hat-matrix formulas computed
// here in long double.
#include "core/stats/residuals.h"
#include "core/stats/trend_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace compute;

namespace {

const std::vector<double> kX = {42.5, 43.25, 44, 45.5, 46.75, 47, 48.5, 49.25, 50, 51.5, 52.75, 54};
// The twelve runs of trend_fit_test.cpp with one pushed 1.5 orders of magnitude up.
const std::vector<double> kY = {17.1, 17.9, 17.6, 18.9, 19.2, 19.8,
                                21.6, 20.9, 20.4, 21.8, 22.6, 22.5};

} // namespace

TEST(Residuals, StudentizedResidualsMatchTheHatMatrixFormula)
{
    const ResidualReport report = residuals(kX, kY);
    ASSERT_TRUE(report.fit.ok());
    ASSERT_EQ(report.residuals.size(), kX.size());
    // Independent OLS in long double.
    const long double n = 12;
    long double xm = 0, ym = 0;
    for (std::size_t i = 0; i < kX.size(); ++i) {
        xm += kX[i] / n;
        ym += kY[i] / n;
    }
    long double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < kX.size(); ++i) {
        sxx += (kX[i] - xm) * (kX[i] - xm);
        sxy += (kX[i] - xm) * (kY[i] - ym);
    }
    const long double b = sxy / sxx, a = ym - b * xm;
    long double sse = 0;
    for (std::size_t i = 0; i < kX.size(); ++i)
        sse += std::pow(kY[i] - a - b * kX[i], 2);
    const long double s = std::sqrt(sse / (n - 2));
    long double leverageSum = 0, residualSum = 0;
    for (std::size_t i = 0; i < kX.size(); ++i) {
        const Residual &r = report.residuals[i];
        const long double e = kY[i] - a - b * kX[i];
        const long double h = 1 / n + (kX[i] - xm) * (kX[i] - xm) / sxx;
        EXPECT_NEAR(r.residual, static_cast<double>(e), 1e-12) << i;
        EXPECT_NEAR(r.leverage, static_cast<double>(h), 1e-12) << i;
        EXPECT_NEAR(r.z, static_cast<double>(e / (s * std::sqrt(1 - h))), 1e-10) << i;
        EXPECT_EQ(r.outlier, std::abs(r.z) > 2.0);
        leverageSum += r.leverage;
        residualSum += r.residual;
    }
    EXPECT_NEAR(static_cast<double>(leverageSum), 2.0, 1e-12); // trace of the hat matrix
    EXPECT_NEAR(static_cast<double>(residualSum), 0.0, 1e-12);
}

TEST(Residuals, RunFarAboveTheTrendIsTheOnlyOutlier)
{
    const ResidualReport report = residuals(kX, kY);
    EXPECT_EQ(report.outlierCount, 1u);
    EXPECT_TRUE(report.residuals[6].outlier);
    EXPECT_GT(report.residuals[6].z, 2.0);
    EXPECT_GT(report.residuals[6].residual, 1.0); // over an order of magnitude above
}

TEST(Residuals, ExactExponentialHasZeroResidualsAndNoOutliers)
{
    std::vector<double> y;
    for (double x : kX)
        y.push_back(-6.0 + 0.5 * x);
    const ResidualReport report = residuals(kX, y);
    ASSERT_TRUE(report.fit.ok());
    EXPECT_EQ(report.outlierCount, 0u);
    for (const Residual &r : report.residuals) {
        EXPECT_NEAR(r.residual, 0.0, 1e-12);
        EXPECT_EQ(r.z, 0.0);
        EXPECT_FALSE(std::isnan(r.z));
    }
}

TEST(Residuals, NoFitMeansNoResiduals)
{
    const std::vector<double> x = {42, 43}, y = {18, 19};
    const ResidualReport report = residuals(x, y);
    EXPECT_FALSE(report.fit.ok());
    EXPECT_TRUE(report.residuals.empty());
    const std::vector<double> same = {45, 45, 45};
    EXPECT_EQ(residuals(same, std::vector<double>{18, 19, 20}).fit.status, FitStatus::NoDateSpread);
}

TEST(Residuals, RunAloneOnItsDateHasLeverageOneAndNoZ)
{
    // Three runs on one date and one on another: the line passes through the lone run.
    const std::vector<double> x = {45, 45, 45, 47}, y = {18, 19, 20, 22};
    const ResidualReport report = residuals(x, y);
    ASSERT_TRUE(report.fit.ok());
    EXPECT_NEAR(report.residuals[3].leverage, 1.0, 1e-12);
    EXPECT_NEAR(report.residuals[3].residual, 0.0, 1e-12);
    EXPECT_EQ(report.residuals[3].z, 0.0);
    EXPECT_FALSE(report.residuals[3].outlier);
}

TEST(Residuals, FitPointsCarryTheirRunIndices)
{
    FitPoints points;
    points.x = kX;
    points.y = kY;
    for (std::size_t i = 0; i < kX.size(); ++i)
        points.runIndex.push_back(100 + i);
    const ResidualReport report = residuals(points);
    EXPECT_EQ(report.residuals[6].runIndex, 106u);
    EXPECT_EQ(report.residuals[6].point, 6u);
}
