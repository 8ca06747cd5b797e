// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace compute {

// How much of a publication date is known. A date of lower precision stands for
// the first day of its month or year, which is where Epoch AI and OpenAI plot it.
enum class DatePrecision : std::uint8_t { Day, Month, Year };

// A calendar date (proleptic Gregorian, years 1..9999) that remembers its precision.
class Date {
public:
    Date() = default;
    // Builds a date without checking it; use isValid() or the parsers for user input.
    Date(int year, int month, int day, DatePrecision precision = DatePrecision::Day);

    static Date fromDaysSinceEpoch(std::int64_t days);
    // Strict ISO 8601 calendar forms: "yyyy-mm-dd", "yyyy-mm" or "yyyy".
    static std::optional<Date> fromIso(std::string_view text);

    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }
    DatePrecision precision() const { return m_precision; }
    bool isValid() const;

    // Days since 1970-01-01 (negative before; handles the 1950s fine).
    std::int64_t daysSinceEpoch() const;
    // The x of every trend fit: days since 1970-01-01 divided by 365.25.
    double yearsSinceEpoch() const { return static_cast<double>(daysSinceEpoch()) / 365.25; }
    // The calendar year as a decimal (2012.5 is about July 2012), for display.
    double decimalYear() const { return 1970.0 + yearsSinceEpoch(); }

    // ISO text at the date's precision: "2012-06-01", "2012-06" or "2012".
    std::string toIso() const;

    // Dates order by the day they stand for; precision does not order them. (No <=>:
    // moc cannot parse <compare>, and app headers with Q_OBJECT include this one.)
    bool operator<(const Date &other) const { return daysSinceEpoch() < other.daysSinceEpoch(); }
    bool operator>(const Date &other) const { return other < *this; }
    bool operator<=(const Date &other) const { return !(other < *this); }
    bool operator>=(const Date &other) const { return !(*this < other); }
    bool operator==(const Date &other) const
    {
        return m_year == other.m_year && m_month == other.m_month && m_day == other.m_day &&
               m_precision == other.m_precision;
    }

private:
    int m_year = 1970;
    std::int8_t m_month = 1;
    std::int8_t m_day = 1;
    DatePrecision m_precision = DatePrecision::Day;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

std::string_view precisionKey(DatePrecision precision); // "day", "month", "year"

// The date forms found in Epoch AI's exports across versions: ISO (yyyy-mm-dd,
// yyyy-mm, yyyy), d/m/yyyy, m/yyyy. Returns nullopt for anything else, including
// "Forthcoming" and the empty string.
std::optional<Date> parseFlexibleDate(std::string_view text);

} // namespace compute
