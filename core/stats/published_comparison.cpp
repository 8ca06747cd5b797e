// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/published_comparison.h"

#include "core/util/constants.h"

#include <cmath>

namespace compute {

std::optional<double> publishedSlope(const PublishedFigure &figure)
{
    if (!std::isfinite(figure.value) || !(figure.value > 0)) return std::nullopt;
    switch (figure.quantity) {
    case PublishedQuantity::DoublingTimeMonths:
        return kLog10Of2 * 12.0 / figure.value;
    case PublishedQuantity::GrowthFactorPerYear:
        return std::log10(figure.value);
    }
    return std::nullopt;
}

std::optional<bool> publishedInsideCi95(const PublishedFigure &figure, const TrendFit &fit)
{
    const std::optional<double> slope = publishedSlope(figure);
    if (!fit.ok() || !slope) return std::nullopt;
    return fit.slopeCiLow <= *slope && *slope <= fit.slopeCiHigh;
}

std::optional<double> slopeAs(PublishedQuantity quantity, double slope)
{
    switch (quantity) {
    case PublishedQuantity::DoublingTimeMonths:
        if (slope == 0) return std::nullopt;
        return kLog10Of2 / slope * 12.0;
    case PublishedQuantity::GrowthFactorPerYear:
        return std::pow(10.0, slope);
    }
    return std::nullopt;
}

Interval slopeIntervalAs(PublishedQuantity quantity, double low, double high)
{
    Interval interval;
    switch (quantity) {
    case PublishedQuantity::DoublingTimeMonths:
        // Decreasing in the slope; a slope interval straddling 0 has no bound.
        if (low > 0 || high < 0) {
            interval.low = kLog10Of2 / high * 12.0;
            interval.high = kLog10Of2 / low * 12.0;
        }
        break;
    case PublishedQuantity::GrowthFactorPerYear:
        interval.low = std::pow(10.0, low);
        interval.high = std::pow(10.0, high);
        break;
    }
    return interval;
}

bool liesInside(double value, const Interval &interval)
{
    return (!interval.low || value >= *interval.low) && (!interval.high || value <= *interval.high);
}

BootstrapOptions papersBootstrapOptions()
{
    BootstrapOptions options;
    options.resamples = 1000;
    options.jitter = true;
    return options;
}

PublishedComparison comparePublished(const PublishedFigure &published, const TrendFit &fit)
{
    PublishedComparison c;
    c.published = published;
    c.fit = fit;
    if (fit.ok()) {
        c.fitValue = slopeAs(published.quantity, fit.slope);
        c.fitCi95 = slopeIntervalAs(published.quantity, fit.slopeCiLow, fit.slopeCiHigh);
        c.insideFitCi95 = publishedInsideCi95(published, fit);
    }
    return c;
}

void addBootstrap(PublishedComparison &c, std::span<const double> x, std::span<const double> y,
                  const BootstrapOptions &options)
{
    const PublishedQuantity q = c.published.quantity;
    c.bootstrap = bootstrapTrend(x, y, options);
    c.bootstrapMedian.reset();
    c.bootstrapCi95 = {};
    c.insideBootstrapCi95.reset();
    if (!c.bootstrap.ok()) return;
    c.bootstrapMedian = slopeAs(q, c.bootstrap.slopeMedian);
    if (c.bootstrap.slopeCi95.low && c.bootstrap.slopeCi95.high)
        c.bootstrapCi95 =
            slopeIntervalAs(q, *c.bootstrap.slopeCi95.low, *c.bootstrap.slopeCi95.high);
    c.insideBootstrapCi95 = liesInside(c.published.value, c.bootstrapCi95);
}

} // namespace compute
