// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/published_figure.h"

#include <cmath>

namespace compute {

std::string_view publishedQuantityKey(PublishedQuantity quantity)
{
    switch (quantity) {
    case PublishedQuantity::DoublingTimeMonths:
        return "doubling_time_months";
    case PublishedQuantity::GrowthFactorPerYear:
        return "growth_factor_per_year";
    }
    return "";
}

std::optional<PublishedQuantity> publishedQuantityFromKey(std::string_view key)
{
    if (key == "doubling_time_months") return PublishedQuantity::DoublingTimeMonths;
    if (key == "growth_factor_per_year") return PublishedQuantity::GrowthFactorPerYear;
    return std::nullopt;
}

Errors validatePublishedFigure(const PublishedFigure &figure, const std::string &where)
{
    Errors errors;
    auto positive = [](double v) { return std::isfinite(v) && v > 0; };
    if (!positive(figure.value)) errors.push_back({where + ".value", "expected a number above 0"});
    if (figure.ciLow && !positive(*figure.ciLow))
        errors.push_back({where + ".ci[0]", "expected a number above 0"});
    if (figure.ciHigh && !positive(*figure.ciHigh))
        errors.push_back({where + ".ci[1]", "expected a number above 0"});
    if (figure.ciLow && figure.ciHigh && *figure.ciLow > *figure.ciHigh)
        errors.push_back({where + ".ci", "expected [low, high] with low <= high"});
    if (figure.ciLevel && !(*figure.ciLevel > 0 && *figure.ciLevel < 1))
        errors.push_back({where + ".ci_level", "expected a level between 0 and 1 (0.95)"});
    return errors;
}

} // namespace compute
