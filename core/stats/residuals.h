// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Residuals of an era's fit: how far each run lies from the trend, in orders of
// magnitude, and whether it is an outlier.
//
// The standardized residual is the internally studentized one (R's rstandard):
//   z_i = e_i / (s sqrt(1 - h_i)),  h_i = 1/n + (x_i - x̄)² / Sxx,
// with e_i = y_i - yHat_i and s the residual standard error. Dividing by
// sqrt(1 - h_i) puts the runs at the ends of an era, whose residuals the line follows
// more closely, on the same scale as those in the middle. |z| > 2 flags an outlier.

#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <span>
#include <vector>

namespace compute {

inline constexpr double kOutlierZ = 2.0;

struct Residual {
    std::size_t point = 0;    // index into the points given
    std::size_t runIndex = 0; // index into dataset.runs (= point for spans)
    double x = 0;
    double log10Flop = 0;
    double residual = 0; // orders of magnitude above (+) or below (-) the line
    double leverage = 0; // h_i, in [1/n, 1]
    // Studentized residual. 0 when it does not exist: an exact fit (s below 1e-9 orders
    // of magnitude, i.e. rounding) or a run with leverage 1 (its residual is 0).
    double z = 0;
    bool outlier = false; // |z| > kOutlierZ
};

struct ResidualReport {
    TrendFit fit;                    // the fit the residuals are from
    std::vector<Residual> residuals; // one per point, in order; empty when !fit.ok()
    std::size_t outlierCount = 0;
};

ResidualReport residuals(std::span<const double> x, std::span<const double> y);
ResidualReport residuals(const FitPoints &points);

} // namespace compute
