// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/residuals.h"

#include <algorithm>
#include <cmath>

namespace compute {
namespace {

// Below this residual standard error (orders of magnitude) the fit is exact and what is
// left of the residuals is rounding, whose ratios mean nothing.
constexpr double kExactFitS = 1e-9;

} // namespace

ResidualReport residuals(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    ResidualReport report;
    report.fit = fitTrend(x.first(n), y.first(n));
    const TrendFit &fit = report.fit;
    if (!fit.ok()) return report;
    const bool exact = fit.residualStdError < kExactFitS;
    report.residuals.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Residual r;
        r.point = r.runIndex = i;
        r.x = x[i];
        r.log10Flop = y[i];
        r.residual = y[i] - fit.predictLog10(x[i]);
        const double dx = x[i] - fit.xMean;
        r.leverage = std::min(1.0, 1.0 / static_cast<double>(n) + dx * dx / fit.sxx);
        // Leverage 1 (up to rounding): the line passes through the run, e is rounding.
        const double freedom = 1.0 - r.leverage;
        if (!exact && freedom > 1e-9)
            r.z = r.residual / (fit.residualStdError * std::sqrt(freedom));
        r.outlier = std::abs(r.z) > kOutlierZ;
        report.outlierCount += r.outlier;
        report.residuals.push_back(r);
    }
    return report;
}

ResidualReport residuals(const FitPoints &points)
{
    ResidualReport report = residuals(points.x, points.y);
    for (Residual &r : report.residuals)
        if (r.point < points.runIndex.size()) r.runIndex = points.runIndex[r.point];
    return report;
}

} // namespace compute
