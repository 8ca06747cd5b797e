// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/projection_report.h"

#include "core/model/units.h"
#include "core/report/fit_json.h"
#include "core/stats/projection.h"

#include <cmath>

namespace compute {
namespace {

using fit_json::optionalNumber;
using fit_json::ordered_json;

std::optional<double> some(double value)
{
    return value;
}

ordered_json eraKeys(const EraFit &ef, Quantity y)
{
    const TrendFit &f = ef.fit;
    ordered_json j;
    fit_json::putEra(j, ef.era);
    j["y"] = std::string(quantityKey(y));
    j["x"] = "date";
    j["n"] = f.n;
    j["fit_status"] = f.ok() ? "ok" : f.statusMessage();
    j["slope_log10_per_year"] = optionalNumber(f.ok() ? some(f.slope) : std::nullopt);
    j["doubling_time_months"] =
        optionalNumber(f.ok() && f.slope != 0 ? some(f.doublingTimeMonths()) : std::nullopt);
    return j;
}

std::optional<double> yearOf(const std::optional<double> &x)
{
    return x ? some(1970.0 + *x) : std::nullopt;
}

ordered_json dateOf(const std::optional<double> &x)
{
    return fit_json::optionalDate(x ? dateAtX(*x) : std::nullopt);
}

// [f(low), f(high)] of an interval of log10 FLOP, null where unbounded.
template <typename Map> ordered_json mapped(const Interval &interval, Map map)
{
    auto one = [&](const std::optional<double> &v) {
        return optionalNumber(v ? some(map(*v)) : std::nullopt);
    };
    return {one(interval.low), one(interval.high)};
}

ordered_json dateAtCompute(const EraFit &ef, double targetFlop, Quantity y)
{
    ordered_json j = eraKeys(ef, y);
    const DateProjection p = projectDateOf(ef.fit, std::log10(targetFlop));
    j["query"] = y == Quantity::Compute ? "date_at_compute" : "date_at_value";
    j["status"] = projectionStatusKey(p.status);
    j["message"] = p.message;
    if (y == Quantity::Compute) {
        j["target_flop"] = targetFlop;
        j["target_pfs_days"] = flopToPfsDays(targetFlop);
        j["target_log10_flop"] = p.log10Flop;
    } else {
        j["target_value"] = targetFlop;
        j["target_log10"] = p.log10Flop;
    }
    const std::optional<double> x = p.hasDate() ? some(p.x) : std::nullopt;
    j["date"] = dateOf(x);
    j["year"] = optionalNumber(yearOf(x));
    auto dates = [](const Interval &i) { return ordered_json{dateOf(i.low), dateOf(i.high)}; };
    auto years = [](const Interval &i) {
        return ordered_json{optionalNumber(yearOf(i.low)), optionalNumber(yearOf(i.high))};
    };
    j["date_ci95"] = dates(p.xCi95);
    j["year_ci95"] = years(p.xCi95);
    j["date_prediction_ci95"] = dates(p.xPredictionCi95);
    j["year_prediction_ci95"] = years(p.xPredictionCi95);
    return j;
}

ordered_json computeAtDate(const EraFit &ef, const Date &date, Quantity quantity)
{
    ordered_json j = eraKeys(ef, quantity);
    const ComputeProjection p = projectComputeAt(ef.fit, date);
    j["query"] = quantity == Quantity::Compute ? "compute_at_date" : "value_at_date";
    j["status"] = projectionStatusKey(p.status);
    j["message"] = p.message;
    j["date"] = date.toIso();
    j["year"] = date.decimalYear();
    const std::optional<double> y = p.ok() ? some(p.log10Flop) : std::nullopt;
    auto flop = [](double log10Flop) { return std::pow(10.0, log10Flop); };
    auto pfsDays = [](double log10Flop) { return flopToPfsDays(std::pow(10.0, log10Flop)); };
    if (quantity != Quantity::Compute) { // the same figures, named for any quantity
        j["log10_value"] = optionalNumber(y);
        j["value"] = optionalNumber(y ? some(flop(*y)) : std::nullopt);
        j["value_ci95"] = mapped(p.meanCi95, flop);
        j["value_prediction_ci95"] = mapped(p.predictionCi95, flop);
        return j;
    }
    j["log10_flop"] = optionalNumber(y);
    j["flop"] = optionalNumber(y ? some(flop(*y)) : std::nullopt);
    j["flop_ci95"] = mapped(p.meanCi95, flop);
    j["flop_prediction_ci95"] = mapped(p.predictionCi95, flop);
    j["pfs_days"] = optionalNumber(y ? some(pfsDays(*y)) : std::nullopt);
    j["pfs_days_ci95"] = mapped(p.meanCi95, pfsDays);
    j["pfs_days_prediction_ci95"] = mapped(p.predictionCi95, pfsDays);
    return j;
}

} // namespace

std::string projectionReportJson(const std::vector<EraFit> &fits,
                                 const std::vector<double> &targetFlop,
                                 const std::vector<Date> &dates, Quantity y)
{
    ordered_json list = ordered_json::array();
    for (const EraFit &ef : fits) {
        for (double target : targetFlop)
            list.push_back(dateAtCompute(ef, target, y));
        for (const Date &date : dates)
            list.push_back(computeAtDate(ef, date, y));
    }
    ordered_json root;
    root["projections"] = std::move(list);
    return fit_json::dump(root);
}

} // namespace compute
