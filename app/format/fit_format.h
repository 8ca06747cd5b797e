// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/era.h"
#include "core/model/quantity.h"
#include "core/stats/breakpoint.h"
#include "core/stats/trend_fit.h"

#include <QString>

namespace app {

// How a fit is written for people; every number comes from core.

// "doubling every 3.4 months (×11.2/yr, R² 0.77, n = 15)", or why there is no fit.
QString describeFit(const compute::TrendFit &fit);
// describeFit() naming the runs the era's rule takes, when it does not take them all:
// "doubling every 4.8 months (×5.6/yr, R² 0.77, large-scale runs, Z ≥ 0.76, n = 16)".
QString describeEraFit(const compute::Era &era, const compute::TrendFit &fit);
// The same on any axes: against another quantity than the date, the power law
// "∝ x^0.53 [0.48, 0.58] (R² 0.97, n = 15)".
QString describeEraFit(const compute::Era &era, const compute::TrendFit &fit,
                       const compute::Axes &axes);
// "∝ x^0.53 [0.48, 0.58] (R² 0.97, n = 15)", or why there is no fit.
QString describePowerLaw(const compute::TrendFit &fit);
// The short form for a list: "n = 339 · exponent 1.40", or n and why there is no fit.
QString powerLawSummary(const compute::TrendFit &fit);
// The short form for a list: "n = 15 · doubling 3.4 mo", or n and why there is no fit.
QString fitSummary(const compute::TrendFit &fit);
// The headline of a fit for a legend short of room: "doubling every 3.4 months (n = 15)"
// against the date, "∝ x^0.53 (n = 15)" against a quantity, or why there is no fit.
QString briefFit(const compute::TrendFit &fit, const compute::Axes &axes);
// "F = 23.4: two lines remove 62% of the squared residuals of one line"; empty without
// a breakpoint.
QString describeImprovement(const compute::Breakpoint &breakpoint);

} // namespace app
