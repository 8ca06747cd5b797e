// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/run_selection.h"

#include "core/stats/era_membership.h"
#include "core/util/text_util.h"

#include <algorithm>
#include <cmath>

namespace compute {
namespace {

bool containsIgnoringCase(std::string_view haystack, std::string_view lowerNeedle)
{
    if (lowerNeedle.empty()) return true;
    const auto it = std::search(haystack.begin(), haystack.end(), lowerNeedle.begin(),
                                lowerNeedle.end(), [](char a, char b) {
                                    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
                                    return a == b;
                                });
    return it != haystack.end();
}

} // namespace

bool RunFilter::narrows() const
{
    return from || to || !domains.empty() || !categories.empty() || !trimmed(searchText).empty();
}

const std::vector<std::string> &RunFilter::values(RunCategory category) const
{
    static const std::vector<std::string> kAll;
    if (category == RunCategory::Domain) return domains;
    for (const Choice &choice : categories)
        if (choice.category == category) return choice.values;
    return kAll;
}

void RunFilter::setValues(RunCategory category, std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (category == RunCategory::Domain) {
        domains = std::move(values);
        return;
    }
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [&](const Choice &c) { return c.category == category; });
    if (values.empty()) {
        if (it != categories.end()) categories.erase(it);
    } else if (it != categories.end()) {
        it->values = std::move(values);
    } else {
        categories.push_back({category, std::move(values)});
        std::sort(categories.begin(), categories.end(),
                  [](const Choice &a, const Choice &b) { return a.category < b.category; });
    }
}

bool RunFilter::accepts(const Dataset &dataset, const TrainingRun &run) const
{
    if (!includeHidden && dataset.isHiddenByDefault(run)) return false;
    if ((from || to) && !run.date) return false;
    if (from && *run.date < *from) return false;
    if (to && !(*run.date < *to)) return false;
    if (!domains.empty() && std::find(domains.begin(), domains.end(), run.domain) == domains.end())
        return false;
    for (const Choice &choice : categories) {
        bool kept = false;
        forEachCategoryValue(run, choice.category, [&](std::string_view value) {
            kept = kept || std::find(choice.values.begin(), choice.values.end(), value) !=
                               choice.values.end();
        });
        if (!kept) return false;
    }
    const std::string needle = toLower(trimmed(searchText));
    if (!needle.empty() && !containsIgnoringCase(run.name, needle) &&
        !containsIgnoringCase(run.organization, needle))
        return false;
    return true;
}

FitPoints selectFitPoints(const Dataset &dataset, const Era &era, const RunFilter &filter,
                          const Axes &axes)
{
    if (!era.rule.isAllRuns()) return EraSelector(dataset, filter, axes).points(era);
    const bool computeAgainstDate = axes == Axes{};
    // Each run in the era is visited twice: counted, then added (FitPoints::reserve).
    auto visit = [&](auto &&add) {
        for (std::size_t i = 0; i < dataset.runs.size(); ++i) {
            const TrainingRun &run = dataset.runs[i];
            if (!run.date || !era.contains(*run.date)) continue;
            if (run.upperBound && axes.boundsMatter()) continue;
            if (computeAgainstDate) {
                const std::optional<double> flop = run.flop();
                if (!flop || !filter.accepts(dataset, run)) continue;
                add(i, run.date->yearsSinceEpoch(), *flop, true);
            } else {
                const auto point = axes.point(run);
                if (!point || !filter.accepts(dataset, run)) continue;
                add(i, point->first, point->second, false);
            }
        }
    };
    std::size_t count = 0;
    visit([&](std::size_t, double, double, bool) { ++count; });
    FitPoints points;
    points.reserve(count);
    visit([&](std::size_t i, double x, double y, bool flop) {
        points.x.push_back(x);
        points.y.push_back(flop ? std::log10(y) : y);
        points.runIndex.push_back(i);
    });
    return points;
}

TrendFit fitEra(const Dataset &dataset, const Era &era, const RunFilter &filter, const Axes &axes)
{
    const FitPoints points = selectFitPoints(dataset, era, filter, axes);
    return fitTrend(points.x, points.y);
}

std::vector<EraFit> fitScheme(const Dataset &dataset, const EraScheme &scheme,
                              const RunFilter &filter, const Axes &axes)
{
    std::vector<EraFit> fits;
    fits.reserve(scheme.eras.size());
    EraSelector selector(dataset, filter, axes); // one population for every era
    for (const Era &era : scheme.eras) {
        const FitPoints points = selector.points(era);
        fits.push_back({era, fitTrend(points.x, points.y)});
    }
    return fits;
}

} // namespace compute
