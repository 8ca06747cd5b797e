// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/date.h"

#include "core/util/text_util.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace compute {
namespace {

namespace chrono = std::chrono;

// The Gregorian calendar repeats every 400 years, which are 146097 days. chrono::year
// holds -32767..32767 only, so a date is computed within the cycle of 400 years that
// starts at year 0 and moved back by whole cycles: any int year keeps its exact day.
constexpr std::int64_t kYearsPerCycle = 400;
constexpr std::int64_t kDaysPerCycle = 146097;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) // b > 0
{
    return a / b - (a % b < 0 ? 1 : 0);
}

struct YearInCycle {
    chrono::year year; // 0..399
    std::int64_t cycles;
};

YearInCycle yearInCycle(std::int64_t year)
{
    const std::int64_t cycles = floorDiv(year, kYearsPerCycle);
    return {chrono::year{static_cast<int>(year - cycles * kYearsPerCycle)}, cycles};
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

// A month or day as stored (a byte): one that cannot be either is stored as 0, which no
// valid date has, rather than wrapped into one that could pass for valid.
std::int8_t dayOrMonth(int value)
{
    return static_cast<std::int8_t>(value >= 0 && value <= 127 ? value : 0);
}

} // namespace

Date::Date(int year, int month, int day, DatePrecision precision)
    : m_year(year), m_month(dayOrMonth(month)), m_day(dayOrMonth(day)), m_precision(precision)
{
}

Date Date::fromDaysSinceEpoch(std::int64_t days)
{
    const std::int64_t cycles = floorDiv(days, kDaysPerCycle);
    const chrono::year_month_day ymd{chrono::sys_days{chrono::days{days - cycles * kDaysPerCycle}}};
    Date date;
    date.m_year = static_cast<int>(static_cast<int>(ymd.year()) + cycles * kYearsPerCycle);
    date.m_month = static_cast<std::int8_t>(static_cast<unsigned>(ymd.month()));
    date.m_day = static_cast<std::int8_t>(static_cast<unsigned>(ymd.day()));
    return date;
}

bool isLeapYear(int year)
{
    return yearInCycle(year).year.is_leap();
}

int daysInMonth(int year, int month)
{
    if (month < 1 || month > 12) return 0;
    const auto last =
        yearInCycle(year).year / chrono::month{static_cast<unsigned>(month)} / chrono::last;
    return static_cast<int>(static_cast<unsigned>(last.day()));
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
    // The first of the month, then the days after it: a day past the month's end (an
    // unchecked Date) counts on into the next month, as chrono specifies.
    const YearInCycle y = yearInCycle(m_year);
    const chrono::sys_days first{y.year / chrono::month{static_cast<unsigned>(m_month)} / 1};
    return first.time_since_epoch().count() + (m_day - 1) + y.cycles * kDaysPerCycle;
}

std::string Date::toIso() const
{
    // Written by hand for the years of four digits (an import writes one for every row);
    // snprintf for any other.
    if (m_year >= 0 && m_year <= 9999 && m_month >= 0 && m_month <= 99 && m_day >= 0 &&
        m_day <= 99) {
        char iso[10];
        const auto two = [&iso](int at, int value) {
            iso[at] = static_cast<char>('0' + value / 10);
            iso[at + 1] = static_cast<char>('0' + value % 10);
        };
        two(0, m_year / 100);
        two(2, m_year % 100);
        iso[4] = iso[7] = '-';
        two(5, m_month);
        two(8, m_day);
        const std::size_t length = m_precision == DatePrecision::Year    ? 4
                                   : m_precision == DatePrecision::Month ? 7
                                                                         : 10;
        return std::string(iso, length);
    }
    char buffer[24];
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
