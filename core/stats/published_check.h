// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A paper's published figure set beside the fit recomputed here.

#include "core/model/published_figure.h"
#include "core/stats/trend_fit.h"

#include <optional>

namespace compute {

// The slope (log10 FLOP per year) a published figure stands for: log10(2) x 12 / months
// for a doubling time (a month is a twelfth of a Julian year, as in every fit), log10(g)
// for a growth factor g per year. Null when the value is not positive and finite.
std::optional<double> publishedSlope(const PublishedFigure &figure);

// Whether the published value lies inside the fit's 95% interval (the ends included),
// compared as slopes, so that an interval of the doubling time that is unbounded (the
// slope's interval includes 0) is handled like any other. Null when the fit is not ok or
// the value is not a trend.
std::optional<bool> publishedInsideCi95(const PublishedFigure &figure, const TrendFit &fit);

} // namespace compute
