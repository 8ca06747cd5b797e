// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/rolling.h"

#include "core/stats/era_membership.h"

#include <algorithm>
#include <cmath>

namespace compute {

Date firstOfMonthAfter(const Date &date, int months)
{
    const int index = date.year() * 12 + (date.month() - 1) + months;
    return Date(index / 12, index % 12 + 1, 1);
}

std::vector<RollingWindow> rollingWindows(const FitPoints &points,
                                          const std::optional<Date> &rangeFrom,
                                          const std::optional<Date> &rangeTo,
                                          const RollingOptions &options)
{
    std::vector<RollingWindow> windows;
    if (points.x.empty() || options.windowMonths <= 0) return windows;
    const auto [lowest, highest] = std::minmax_element(points.x.begin(), points.x.end());
    // x is days since 1970 / 365.25 of a whole day: rounding recovers the day.
    auto dateOf = [](double x) {
        return Date::fromDaysSinceEpoch(static_cast<std::int64_t>(std::llround(x * 365.25)));
    };
    // The first of the month of the earliest point, or the range's start if that is the
    // first of a month, else the first of the month after it.
    const Date start = !rangeFrom              ? firstOfMonthAfter(dateOf(*lowest), 0)
                       : rangeFrom->day() == 1 ? firstOfMonthAfter(*rangeFrom, 0)
                                               : firstOfMonthAfter(*rangeFrom, 1);
    const Date end = rangeTo ? *rangeTo : firstOfMonthAfter(dateOf(*highest), 1);

    std::vector<double> x, y;
    for (int k = 0;; ++k) {
        const Date to = firstOfMonthAfter(start, k + options.windowMonths);
        if (end < to) break;
        const Date from = options.expanding ? start : firstOfMonthAfter(start, k);
        // Comparing x is comparing days: x is the day divided by one constant.
        const double fromX = from.yearsSinceEpoch(), toX = to.yearsSinceEpoch();
        x.clear();
        y.clear();
        for (std::size_t p = 0; p < points.x.size(); ++p) {
            if (points.x[p] < fromX || !(points.x[p] < toX)) continue;
            x.push_back(points.x[p]);
            y.push_back(points.y[p]);
        }
        windows.push_back({from, to, fitTrend(x, y)});
    }
    return windows;
}

std::vector<RollingSeries> rollingFits(const Dataset &dataset, const std::vector<Era> &eras,
                                       const RunFilter &filter, const RollingOptions &options,
                                       const Axes &axes)
{
    std::vector<RollingSeries> series;
    if (!axes.dated()) return series; // windows slide along the date
    series.reserve(eras.size());
    EraSelector selector(dataset, filter, axes); // one population for every era
    for (const Era &era : eras)
        series.push_back({era, rollingWindows(selector.points(era), era.from, era.to, options)});
    return series;
}

} // namespace compute
