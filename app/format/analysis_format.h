// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/model/quantity.h"
#include "core/model/units.h"
#include "core/stats/trend_fit.h"

#include <QString>

#include <optional>

namespace app {

// Display text for the analysis panels; every number comes from core.

// "3.42" (3 significant digits), or "–" when missing.
QString formatNumber3(std::optional<double> value);
// "[2.91, 4.12]"; an unbounded end reads "∞" (or "−∞"), an empty interval "–".
QString formatInterval(const compute::Interval &interval);
// The date at x years since 1970, "2031-04-12"; "beyond the year 9999" when Date cannot
// hold it.
QString formatDateAtX(double x);
// The month of a date, "2024-06".
QString formatMonth(const compute::Date &date);
// "[2029-01-03, 2034-11-20]" from an interval of x; "unbounded" when an end is missing.
QString formatDateInterval(const compute::Interval &x);
// A compute given as log10 FLOP, in `unit`: "1.2e+27 FLOP", "1.4e+07 pfs-days".
QString formatComputeLog10(double log10Flop, compute::ComputeUnit unit);
// "[3.1e+26, 4.6e+27] FLOP" from an interval of log10 FLOP.
QString formatComputeInterval(const compute::Interval &log10Flop, compute::ComputeUnit unit);
// The same for the value of any quantity: compute in `unit`, others in their own unit
// ("1.2e+12 parameters").
QString formatQuantityLog10(double log10Value, compute::Quantity quantity,
                            compute::ComputeUnit unit);
QString formatQuantityInterval(const compute::Interval &log10Value, compute::Quantity quantity,
                               compute::ComputeUnit unit);

} // namespace app
