// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/analysis_format.h"

#include "app/format/number_format.h"
#include "app/format/unit_format.h"
#include "core/stats/projection.h"

#include <QObject>

#include <cmath>
#include <string>

namespace app {
namespace {

const QString kMissing = QStringLiteral("–");

} // namespace

QString formatNumber3(std::optional<double> value)
{
    return value && std::isfinite(*value) ? significant(*value, 3) : kMissing;
}

QString formatInterval(const compute::Interval &interval)
{
    if (!interval.low && !interval.high) return kMissing;
    const QString low = interval.low ? significant(*interval.low, 3) : QStringLiteral("−∞");
    const QString high = interval.high ? significant(*interval.high, 3) : QStringLiteral("∞");
    return QStringLiteral("[%1, %2]").arg(low, high);
}

QString formatMonth(const compute::Date &date)
{
    return QString::fromStdString(date.toIso()).left(7);
}

QString formatDateAtX(double x)
{
    const std::optional<compute::Date> date = compute::dateAtX(x);
    if (date) return QString::fromStdString(date->toIso());
    return x > 0 ? QObject::tr("beyond the year 9999") : QObject::tr("before the year 1");
}

QString formatDateInterval(const compute::Interval &x)
{
    if (!x.low || !x.high) return QObject::tr("unbounded");
    return QStringLiteral("[%1, %2]").arg(formatDateAtX(*x.low), formatDateAtX(*x.high));
}

QString formatComputeLog10(double log10Flop, compute::ComputeUnit unit)
{
    const double value = compute::toUnit(std::pow(10.0, log10Flop), unit);
    return QStringLiteral("%1 %2").arg(significant(value, 3), unitName(unit));
}

QString formatComputeInterval(const compute::Interval &log10Flop, compute::ComputeUnit unit)
{
    if (!log10Flop.low || !log10Flop.high) return QObject::tr("unbounded");
    auto value = [unit](double l) {
        return significant(compute::toUnit(std::pow(10.0, l), unit), 3);
    };
    return QStringLiteral("[%1, %2] %3")
        .arg(value(*log10Flop.low), value(*log10Flop.high), unitName(unit));
}

namespace {

QString unitOf(compute::Quantity quantity)
{
    return QString::fromStdString(std::string(compute::quantityUnit(quantity)));
}

} // namespace

QString formatQuantityLog10(double log10Value, compute::Quantity quantity,
                            compute::ComputeUnit unit)
{
    if (quantity == compute::Quantity::Compute) return formatComputeLog10(log10Value, unit);
    return QStringLiteral("%1 %2").arg(significant(std::pow(10.0, log10Value), 3),
                                       unitOf(quantity));
}

QString formatQuantityInterval(const compute::Interval &log10Value, compute::Quantity quantity,
                               compute::ComputeUnit unit)
{
    if (quantity == compute::Quantity::Compute) return formatComputeInterval(log10Value, unit);
    if (!log10Value.low || !log10Value.high) return QObject::tr("unbounded");
    return QStringLiteral("[%1, %2] %3")
        .arg(significant(std::pow(10.0, *log10Value.low), 3),
             significant(std::pow(10.0, *log10Value.high), 3), unitOf(quantity));
}

} // namespace app
