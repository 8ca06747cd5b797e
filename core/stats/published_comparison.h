// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A paper's published figure for an era set beside the same era recomputed on the open
// data: the least-squares fit with its Student t interval, and the paper's own method
// (Sevilla et al. 2022, App. A: a bootstrap of B resamples, each compute jittered by a
// factor in [1/2, 2]), both written in the quantity the paper published.

#include "core/model/published_figure.h"
#include "core/stats/bootstrap.h"
#include "core/stats/trend_fit.h"

#include <optional>
#include <span>

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

// A slope (log10 FLOP per year) as `quantity`: the doubling time in months, log10(2) /
// slope * 12, or the growth factor per year, 10^slope. Nullopt for a doubling time of a
// zero slope.
std::optional<double> slopeAs(PublishedQuantity quantity, double slope);
// The slope interval [low, high] as `quantity`, ends in increasing order; unbounded (both
// ends missing) for a doubling time when the slope interval includes 0.
Interval slopeIntervalAs(PublishedQuantity quantity, double low, double high);
// `value` lies inside `interval` (ends included; a missing end is open). Both ends
// missing counts as inside: an unbounded interval excludes nothing.
bool liesInside(double value, const Interval &interval);

struct PublishedComparison {
    PublishedFigure published;
    TrendFit fit;                          // least squares on our runs
    std::optional<double> fitValue;        // the fit in the published quantity
    Interval fitCi95;                      // its t interval, in the published quantity
    std::optional<bool> insideFitCi95;     // publishedInsideCi95(); nullopt: no fit
    BootstrapResult bootstrap;             // the paper's method on our runs
    std::optional<double> bootstrapMedian; // in the published quantity
    Interval bootstrapCi95;                // percentile interval, in the published quantity
    std::optional<bool> insideBootstrapCi95;
};

// Sets `fit` beside `published`: its value and t interval in the published quantity, and
// whether the published value lies inside; the bootstrap is left for addBootstrap().
PublishedComparison comparePublished(const PublishedFigure &published, const TrendFit &fit);
// Bootstraps the points x (years since 1970), y (log10 FLOP) of the comparison's fit with
// `options` (the paper's method: papersBootstrapOptions()) and sets the bootstrap fields.
// O(B n): callers with many runs run it off the UI thread.
void addBootstrap(PublishedComparison &comparison, std::span<const double> x,
                  std::span<const double> y, const BootstrapOptions &options);
// The bootstrap of Sevilla et al. 2022: B = 1000, each compute jittered, the default seed.
BootstrapOptions papersBootstrapOptions();

} // namespace compute
