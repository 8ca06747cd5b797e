// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/year_ticker.h"

#include "core/model/date.h"

#include <cmath>

namespace app {
namespace {

// Month steps a tick may use, from one month to a century.
constexpr int kSteps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};

// Calendar month (year*12 + month-1) that contains a decimal-year key.
long long monthIndexOf(double key)
{
    const auto days = static_cast<std::int64_t>(std::floor((key - 1970.0) * 365.25));
    const compute::Date d = compute::Date::fromDaysSinceEpoch(days);
    return static_cast<long long>(d.year()) * 12 + (d.month() - 1);
}

} // namespace

double YearTicker::keyOf(int year, int month, int day)
{
    return 1970.0 + compute::Date(year, month, day).yearsSinceEpoch();
}

double YearTicker::getTickStep(const QCPRange &range)
{
    const double months = range.size() * 12.0;
    const double wanted = months / std::max(1, mTickCount);
    m_monthStep = kSteps[std::size(kSteps) - 1];
    for (int step : kSteps) {
        if (step >= wanted) {
            m_monthStep = step;
            break;
        }
    }
    return m_monthStep / 12.0;
}

int YearTicker::getSubTickCount(double)
{
    switch (m_monthStep) {
    case 1:
        return 0;
    case 2:
        return 1;
    case 3:
        return 2;
    case 6:
        return 5;
    case 12:
        return 3;
    case 24:
        return 1;
    case 60:
        return 4;
    case 120:
        return 9;
    case 240:
        return 3;
    case 600:
        return 4;
    default:
        return 9;
    }
}

QVector<double> YearTicker::createTickVector(double, const QCPRange &range)
{
    QVector<double> ticks;
    // Clamp to the calendar the core supports (years 1..9999).
    const long long first = std::max<long long>(12, monthIndexOf(range.lower));
    const long long last = std::min<long long>(9999LL * 12 + 11, monthIndexOf(range.upper) + 1);
    long long m = first - (first % m_monthStep);
    for (; m <= last && ticks.size() < 2000; m += m_monthStep) {
        if (m < 12) continue;
        ticks << keyOf(static_cast<int>(m / 12), static_cast<int>(m % 12) + 1, 1);
    }
    return ticks;
}

QString YearTicker::getTickLabel(double tick, const QLocale &locale, QChar, int)
{
    const long long m = monthIndexOf(tick + 1e-6);
    const int year = static_cast<int>(m / 12);
    const int month = static_cast<int>(m % 12) + 1;
    if (m_monthStep >= 12) return QString::number(year);
    return QStringLiteral("%1 %2").arg(locale.monthName(month, QLocale::ShortFormat)).arg(year);
}

} // namespace app
