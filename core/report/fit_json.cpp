// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/fit_json.h"

#include "core/stats/published_comparison.h"

#include <cmath>

namespace compute::fit_json {

ordered_json optionalNumber(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json interval(const Interval &interval)
{
    return {optionalNumber(interval.low), optionalNumber(interval.high)};
}

ordered_json optionalDate(const std::optional<Date> &date)
{
    return date ? ordered_json(date->toIso()) : ordered_json(nullptr);
}

void putEra(ordered_json &j, const Era &era)
{
    j["era"] = era.name;
    j["from"] = optionalDate(era.from);
    j["to"] = optionalDate(era.to);
}

ordered_json eraFit(const EraFit &ef, const Axes &axes)
{
    const TrendFit &f = ef.fit;
    ordered_json j;
    putEra(j, ef.era);
    j["n"] = f.n;
    j["status"] = f.ok() ? "ok" : f.statusMessage();
    j["y"] = std::string(quantityKey(axes.y));
    j["x"] = std::string(quantityKey(axes.x));
    auto value = [&](double v) {
        return optionalNumber(f.ok() ? std::optional<double>(v) : std::nullopt);
    };
    if (!axes.dated()) {
        for (const char *key :
             {"slope_log10_per_year", "intercept_log10_flop_1970", "doubling_time_days",
              "doubling_time_months", "doubling_time_months_ci95", "growth_factor_per_year"})
            j[key] = nullptr;
        j["exponent"] = value(f.slope);
        j["exponent_ci95"] =
            f.ok() ? interval({f.slopeCiLow, f.slopeCiHigh}) : interval(Interval{});
        j["intercept_log10"] = value(f.intercept);
        j["r_squared"] = value(f.rSquared);
        return j;
    }
    j["slope_log10_per_year"] = value(f.slope);
    j["intercept_log10_flop_1970"] = value(f.intercept);
    j["doubling_time_days"] = value(f.doublingTimeDays());
    j["doubling_time_months"] = value(f.doublingTimeMonths());
    j["doubling_time_months_ci95"] = interval(f.ok() ? f.doublingTimeMonthsCi95() : Interval{});
    j["growth_factor_per_year"] = value(f.growthFactorPerYear());
    j["r_squared"] = value(f.rSquared);
    // A paper's figure is about compute against the date.
    if (ef.era.published && axes == Axes{}) j["published"] = published(*ef.era.published, f);
    return j;
}

ordered_json published(const PublishedFigure &figure, const TrendFit &fit)
{
    auto textOrNull = [](const std::string &text) {
        return text.empty() ? ordered_json(nullptr) : ordered_json(text);
    };
    ordered_json j;
    j["quantity"] = std::string(publishedQuantityKey(figure.quantity));
    j["value"] = optionalNumber(figure.value);
    j["ci"] = figure.ciLow || figure.ciHigh ? interval({figure.ciLow, figure.ciHigh})
                                            : ordered_json(nullptr);
    j["ci_level"] = optionalNumber(figure.ciLevel);
    j["n"] = figure.n ? ordered_json(*figure.n) : ordered_json(nullptr);
    j["data_vintage"] = textOrNull(figure.dataVintage);
    j["source"] = textOrNull(figure.source);
    j["table"] = textOrNull(figure.table);
    const std::optional<bool> inside = publishedInsideCi95(figure, fit);
    j["inside_ci95"] = inside ? ordered_json(*inside) : ordered_json(nullptr);
    return j;
}

std::string dump(const ordered_json &root)
{
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace compute::fit_json
