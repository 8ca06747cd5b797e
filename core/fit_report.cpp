#include "core/fit_report.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

namespace compute {

using ordered_json = nlohmann::ordered_json;

namespace {

// A number, or null when it does not exist. nlohmann would print NaN and infinity as
// null anyway, but silently; here it is on purpose (e.g. the doubling time of a flat trend).
ordered_json optionalNumber(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? ordered_json(*value) : ordered_json(nullptr);
}

} // namespace

std::string fitReportJson(const std::vector<EraFit> &fits)
{
    ordered_json list = ordered_json::array();
    for (const EraFit &ef : fits) {
        const TrendFit &f = ef.fit;
        ordered_json j;
        j["era"] = ef.era.name;
        j["from"] = ef.era.from ? ordered_json(ef.era.from->toIso()) : ordered_json(nullptr);
        j["to"] = ef.era.to ? ordered_json(ef.era.to->toIso()) : ordered_json(nullptr);
        j["n"] = f.n;
        j["status"] = f.ok() ? "ok" : f.statusMessage();
        auto value = [&](double v) {
            return optionalNumber(f.ok() ? std::optional<double>(v) : std::nullopt);
        };
        j["slope_log10_per_year"] = value(f.slope);
        j["intercept_log10_flop_1970"] = value(f.intercept);
        j["doubling_time_days"] = value(f.doublingTimeDays());
        j["doubling_time_months"] = value(f.doublingTimeMonths());
        const Interval ci = f.ok() ? f.doublingTimeMonthsCi95() : Interval{};
        j["doubling_time_months_ci95"] = {optionalNumber(ci.low), optionalNumber(ci.high)};
        j["growth_factor_per_year"] = value(f.growthFactorPerYear());
        j["r_squared"] = value(f.rSquared);
        list.push_back(std::move(j));
    }
    ordered_json root;
    root["fits"] = std::move(list);
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace compute
