// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/published_check.h"

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

} // namespace compute
