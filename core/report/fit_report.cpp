// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/fit_report.h"

#include "core/report/fit_json.h"

#include <algorithm>
#include <numeric>

namespace compute {
namespace {

std::string report(const std::vector<EraFit> &fits,
                   const std::vector<std::vector<std::string>> *members, const Axes &axes)
{
    fit_json::ordered_json list = fit_json::ordered_json::array();
    for (std::size_t i = 0; i < fits.size(); ++i) {
        fit_json::ordered_json j = fit_json::eraFit(fits[i], axes);
        if (members)
            j["members"] = i < members->size() ? (*members)[i] : std::vector<std::string>{};
        list.push_back(std::move(j));
    }
    fit_json::ordered_json root;
    root["fits"] = std::move(list);
    return fit_json::dump(root);
}

} // namespace

std::string fitReportJson(const std::vector<EraFit> &fits, const Axes &axes)
{
    return report(fits, nullptr, axes);
}

std::string fitReportJson(const std::vector<EraFit> &fits,
                          const std::vector<std::vector<std::string>> &members, const Axes &axes)
{
    return report(fits, &members, axes);
}

std::vector<std::string> memberNamesByDate(const Dataset &dataset, const FitPoints &points)
{
    std::vector<std::size_t> order(points.runIndex.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Every run of a fit is dated; x may be another quantity.
    auto day = [&](std::size_t p) {
        return dataset.runs[points.runIndex[p]].date->daysSinceEpoch();
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return day(a) < day(b); });
    std::vector<std::string> names;
    names.reserve(order.size());
    for (std::size_t p : order)
        names.push_back(dataset.runs[points.runIndex[p]].name);
    return names;
}

std::string rollingReportJson(const std::vector<RollingSeries> &series,
                              const RollingOptions &options, const Axes &axes)
{
    fit_json::ordered_json windows = fit_json::ordered_json::array();
    for (const RollingSeries &s : series) {
        for (const RollingWindow &w : s.windows) {
            Era window;
            window.name = s.era.name;
            window.from = w.from;
            window.to = w.to;
            windows.push_back(fit_json::eraFit({window, w.fit}, axes));
        }
    }
    fit_json::ordered_json root;
    root["window_years"] = static_cast<double>(options.windowMonths) / 12.0;
    root["expanding"] = options.expanding;
    root["windows"] = std::move(windows);
    return fit_json::dump(root);
}

} // namespace compute
