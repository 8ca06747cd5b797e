// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the trend moves over time: the fit in a window of W years that slides through the
// range a month at a time (or grows from its start). Each window is [from, to), like every
// range here: `from` the first of a month, `to` from plus W years (in whole months).

#include "core/model/date.h"
#include "core/model/era.h"
#include "core/stats/run_selection.h"

#include <optional>
#include <vector>

namespace compute {

struct RollingOptions {
    int windowMonths = 36;  // W years = windowMonths / 12
    bool expanding = false; // keep `from` at the start of the range, grow `to` instead
};

struct RollingWindow {
    Date from;
    Date to;
    TrendFit fit; // of the points dated from <= date < to
};

// The windows of one era.
struct RollingSeries {
    Era era;
    std::vector<RollingWindow> windows;
};

// The first day of the month `months` after date's month (months may be negative).
Date firstOfMonthAfter(const Date &date, int months);

// The windows over `points` (in any order), fitted from the points in their given order,
// so that a window fits exactly what a fit of its range would. The range starts on
// `rangeFrom` (moved on to the next first of a month when it is not one) or else on the
// first of the month of the earliest point, and ends on `rangeTo` or else on the first of
// the month after the latest point. Window k slides from start + k months (expanding:
// from stays at the start) to start + k months + W; windows are made while `to` is within
// the range. No points, or a range shorter than W: no windows.
std::vector<RollingWindow> rollingWindows(const FitPoints &points,
                                          const std::optional<Date> &rangeFrom,
                                          const std::optional<Date> &rangeTo,
                                          const RollingOptions &options);

// The windows of each era over its members (core/stats/era_membership.h) under `filter`,
// over the era's dates: the trend of `y` against the date (`axes` must be dated).
std::vector<RollingSeries> rollingFits(const Dataset &dataset, const std::vector<Era> &eras,
                                       const RunFilter &filter, const RollingOptions &options,
                                       const Axes &axes = {});

} // namespace compute
