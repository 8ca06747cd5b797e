// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/date.h"

#include "core/util/text_util.h"

#include <charconv>
#include <cstdio>

namespace compute {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &year, int &month, int &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
    month = static_cast<int>(m);
    day = static_cast<int>(d);
}

// Parses minDigits..maxDigits ASCII digits and nothing else (no sign, no blank).
std::optional<int> parseDigits(std::string_view text, std::size_t minDigits, std::size_t maxDigits)
{
    if (text.size() < minDigits || text.size() > maxDigits) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::optional<Date> validOrNull(Date date)
{
    if (!date.isValid()) return std::nullopt;
    return date;
}

} // namespace

Date::Date(int year, int month, int day, DatePrecision precision)
    : m_year(year), m_month(month), m_day(day), m_precision(precision)
{
}

Date Date::fromDaysSinceEpoch(std::int64_t days)
{
    Date date;
    civilFromDays(days, date.m_year, date.m_month, date.m_day);
    return date;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool Date::isValid() const
{
    if (m_year < 1 || m_year > 9999 || m_month < 1 || m_month > 12) return false;
    if (m_day < 1 || m_day > daysInMonth(m_year, m_month)) return false;
    // A date of lower precision is stored as the first day of its period.
    if (m_precision == DatePrecision::Month && m_day != 1) return false;
    if (m_precision == DatePrecision::Year && (m_month != 1 || m_day != 1)) return false;
    return true;
}

std::int64_t Date::daysSinceEpoch() const
{
    return daysFromCivil(m_year, static_cast<unsigned>(m_month), static_cast<unsigned>(m_day));
}

std::string Date::toIso() const
{
    char buffer[16];
    switch (m_precision) {
    case DatePrecision::Year:
        std::snprintf(buffer, sizeof buffer, "%04d", m_year);
        break;
    case DatePrecision::Month:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", m_year, m_month);
        break;
    case DatePrecision::Day:
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", m_year, m_month, m_day);
        break;
    }
    return buffer;
}

std::optional<Date> Date::fromIso(std::string_view text)
{
    if (text.size() == 4) {
        auto y = parseDigits(text, 4, 4);
        if (!y) return std::nullopt;
        return validOrNull(Date(*y, 1, 1, DatePrecision::Year));
    }
    if (text.size() == 7 && text[4] == '-') {
        auto y = parseDigits(text.substr(0, 4), 4, 4);
        auto m = parseDigits(text.substr(5, 2), 2, 2);
        if (!y || !m) return std::nullopt;
        return validOrNull(Date(*y, *m, 1, DatePrecision::Month));
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        auto y = parseDigits(text.substr(0, 4), 4, 4);
        auto m = parseDigits(text.substr(5, 2), 2, 2);
        auto d = parseDigits(text.substr(8, 2), 2, 2);
        if (!y || !m || !d) return std::nullopt;
        return validOrNull(Date(*y, *m, *d, DatePrecision::Day));
    }
    return std::nullopt;
}

std::string_view precisionKey(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Day:
        return "day";
    case DatePrecision::Month:
        return "month";
    case DatePrecision::Year:
        return "year";
    }
    return "day";
}

std::optional<Date> parseFlexibleDate(std::string_view raw)
{
    const std::string_view text = trimmed(raw);
    if (text.empty()) return std::nullopt;
    if (auto iso = Date::fromIso(text)) return iso;

    // d/m/yyyy or m/yyyy (Epoch's 2022 database.js export).
    const std::size_t first = text.find('/');
    if (first == std::string_view::npos) return std::nullopt;
    const std::size_t second = text.find('/', first + 1);
    if (second == std::string_view::npos) {
        auto m = parseDigits(text.substr(0, first), 1, 2);
        auto y = parseDigits(text.substr(first + 1), 4, 4);
        if (!m || !y) return std::nullopt;
        return validOrNull(Date(*y, *m, 1, DatePrecision::Month));
    }
    auto d = parseDigits(text.substr(0, first), 1, 2);
    auto m = parseDigits(text.substr(first + 1, second - first - 1), 1, 2);
    auto y = parseDigits(text.substr(second + 1), 4, 4);
    if (!d || !m || !y) return std::nullopt;
    return validOrNull(Date(*y, *m, *d, DatePrecision::Day));
}

} // namespace compute
