// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/date.h"

#include <gtest/gtest.h>

#include <cstdio>

#include <string>

using compute::Date;
using compute::DatePrecision;
using compute::daysInMonth;
using compute::isLeapYear;
using compute::parseFlexibleDate;
using compute::precisionKey;

// Day counts below come from Python's datetime: (date(y, m, d) - date(1970, 1, 1)).days.

TEST(Date, EpochIsDayZero)
{
    EXPECT_EQ(Date(1970, 1, 1).daysSinceEpoch(), 0);
    EXPECT_EQ(Date(1969, 12, 31).daysSinceEpoch(), -1);
    EXPECT_EQ(Date(1970, 1, 2).daysSinceEpoch(), 1);
    EXPECT_EQ(Date(2000, 3, 1).daysSinceEpoch(), 11017);
}

TEST(Date, CountsDaysBeforeTheEpochForTheFiftiesPerceptronEra)
{
    EXPECT_EQ(Date(1952, 1, 1).daysSinceEpoch(), -6575);
    EXPECT_EQ(Date(1957, 1, 1).daysSinceEpoch(), -4748); // Rosenblatt's Perceptron report
    EXPECT_EQ(Date(1958, 1, 1).daysSinceEpoch(), -4383);
    EXPECT_EQ(Date(1958, 7, 7).daysSinceEpoch(), -4196); // Perceptron in the press
    EXPECT_EQ(Date(1900, 3, 1).daysSinceEpoch(), -25508);
    EXPECT_EQ(Date(1, 1, 1).daysSinceEpoch(), -719162);
}

TEST(Date, CountsDaysAfterTheEpoch)
{
    EXPECT_EQ(Date(2000, 1, 1).daysSinceEpoch(), 10957);
    EXPECT_EQ(Date(2012, 9, 30).daysSinceEpoch(), 15613); // AlexNet
    EXPECT_EQ(Date(2024, 2, 29).daysSinceEpoch(), 19782);
    EXPECT_EQ(Date(9999, 12, 31).daysSinceEpoch(), 2932896);
}

TEST(Date, DayCountsAgreeWithAnIndependentCalendarWalk)
{
    // Walk day by day from 1900-01-01 to 2100-12-31 with daysInMonth alone.
    std::int64_t days = Date(1900, 1, 1).daysSinceEpoch();
    EXPECT_EQ(days, -25567);
    int y = 1900, m = 1, d = 1;
    while (y <= 2100) {
        const Date date(y, m, d);
        ASSERT_EQ(date.daysSinceEpoch(), days) << date.toIso();
        ASSERT_EQ(Date::fromDaysSinceEpoch(days), date) << date.toIso();
        ++days;
        if (++d > daysInMonth(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }
    EXPECT_EQ(days, Date(2101, 1, 1).daysSinceEpoch());
}

TEST(Date, FromDaysSinceEpochRoundTripsBothSidesOfNineteenSeventy)
{
    for (std::int64_t days : {-719162LL, -25508LL, -4748LL, -4196LL, -1LL, 0LL, 1LL, 11016LL,
                              11017LL, 19782LL, 2932896LL}) {
        const Date date = Date::fromDaysSinceEpoch(days);
        EXPECT_TRUE(date.isValid()) << days;
        EXPECT_EQ(date.precision(), DatePrecision::Day);
        EXPECT_EQ(date.daysSinceEpoch(), days);
    }
    EXPECT_EQ(Date::fromDaysSinceEpoch(-4748), Date(1957, 1, 1));
    EXPECT_EQ(Date::fromDaysSinceEpoch(11016), Date(2000, 2, 29));
    EXPECT_EQ(Date::fromDaysSinceEpoch(-1), Date(1969, 12, 31));
}

// chrono::year stops at 32767, yet a chart zoomed far out asks for days centuries
// beyond; the arithmetic must stay exact there (and before year 1) all the same.
TEST(Date, DaysStayExactFarOutsideTheCalendarRange)
{
    auto daysBetween = [](const Date &a, const Date &b) {
        return b.daysSinceEpoch() - a.daysSinceEpoch();
    };
    EXPECT_EQ(daysBetween(Date(32767, 1, 1), Date(32768, 1, 1)), 365); // not a leap year
    EXPECT_EQ(daysBetween(Date(32768, 1, 1), Date(32769, 1, 1)), 366); // 32768 = 4 x 8192
    EXPECT_EQ(daysBetween(Date(32800, 1, 1), Date(32801, 1, 1)), 366); // 32800 = 400 x 82
    EXPECT_EQ(daysBetween(Date(32900, 1, 1), Date(32901, 1, 1)), 365); // 100 x 329, not 400
    // 400 Gregorian years are 146097 days, wherever they fall.
    EXPECT_EQ(daysBetween(Date(99600, 3, 1), Date(100000, 3, 1)), 146097);
    EXPECT_EQ(daysBetween(Date(-40400, 3, 1), Date(-40000, 3, 1)), 146097);
    EXPECT_EQ(daysBetween(Date(1970, 1, 1), Date(2370, 1, 1)) * 100,
              daysBetween(Date(1970, 1, 1), Date(41970, 1, 1)));
    for (const Date &d : {Date(32768, 2, 29), Date(-40000, 12, 31), Date(1000000, 7, 4)})
        EXPECT_EQ(Date::fromDaysSinceEpoch(d.daysSinceEpoch()), d) << d.year();
    EXPECT_TRUE(isLeapYear(32768));
    EXPECT_FALSE(isLeapYear(32900));
    EXPECT_TRUE(isLeapYear(-400));
    EXPECT_EQ(daysInMonth(40000, 2), 29);
}

TEST(Date, YearsSinceEpochIsDaysOverJulianYear)
{
    EXPECT_DOUBLE_EQ(Date(2000, 1, 1).yearsSinceEpoch(), 10957.0 / 365.25);
    EXPECT_DOUBLE_EQ(Date(1957, 1, 1).yearsSinceEpoch(), -4748.0 / 365.25);
    EXPECT_DOUBLE_EQ(Date(1970, 1, 1).yearsSinceEpoch(), 0.0);
    // Four Julian years after 1970-01-01 is exactly 1974-01-01 (1461 days, one leap day).
    EXPECT_DOUBLE_EQ(Date(1974, 1, 1).yearsSinceEpoch(), 4.0);
    EXPECT_DOUBLE_EQ(Date(1974, 1, 1).decimalYear(), 1974.0);
    EXPECT_NEAR(Date(2012, 7, 2).decimalYear(), 2012.5, 0.01);
}

TEST(Date, LeapYearsFollowTheGregorianRules)
{
    EXPECT_TRUE(isLeapYear(2000));  // divisible by 400
    EXPECT_FALSE(isLeapYear(1900)); // divisible by 100, not 400
    EXPECT_FALSE(isLeapYear(2100));
    EXPECT_TRUE(isLeapYear(2400));
    EXPECT_TRUE(isLeapYear(2024));
    EXPECT_FALSE(isLeapYear(2023));
    EXPECT_TRUE(isLeapYear(1956));
    EXPECT_EQ(daysInMonth(2000, 2), 29);
    EXPECT_EQ(daysInMonth(1900, 2), 28);
    EXPECT_EQ(daysInMonth(2024, 2), 29);
    EXPECT_EQ(daysInMonth(2023, 2), 28);
    EXPECT_EQ(daysInMonth(2023, 4), 30);
    EXPECT_EQ(daysInMonth(2023, 12), 31);
    EXPECT_EQ(daysInMonth(2023, 0), 0);
    EXPECT_EQ(daysInMonth(2023, 13), 0);
}

TEST(Date, LeapDayIsValidOnlyInLeapYears)
{
    EXPECT_TRUE(Date(2024, 2, 29).isValid());
    EXPECT_FALSE(Date(2023, 2, 29).isValid());
    EXPECT_TRUE(Date(2000, 2, 29).isValid());
    EXPECT_FALSE(Date(1900, 2, 29).isValid());
    EXPECT_TRUE(Date::fromIso("2024-02-29").has_value());
    EXPECT_FALSE(Date::fromIso("2023-02-29").has_value());
    EXPECT_FALSE(Date::fromIso("1900-02-29").has_value());
}

TEST(Date, ValidityCoversYearsOneToNineNineNineNine)
{
    EXPECT_TRUE(Date(1, 1, 1).isValid());
    EXPECT_TRUE(Date(9999, 12, 31).isValid());
    EXPECT_FALSE(Date(0, 1, 1).isValid());
    EXPECT_FALSE(Date(10000, 1, 1).isValid());
    EXPECT_FALSE(Date(2012, 0, 1).isValid());
    EXPECT_FALSE(Date(2012, 4, 31).isValid());
    EXPECT_FALSE(Date(2012, 4, 0).isValid());
}

TEST(Date, LowerPrecisionDatesStandForTheFirstDayOfTheirPeriod)
{
    EXPECT_TRUE(Date(2012, 6, 1, DatePrecision::Month).isValid());
    EXPECT_FALSE(Date(2012, 6, 15, DatePrecision::Month).isValid());
    EXPECT_TRUE(Date(2012, 1, 1, DatePrecision::Year).isValid());
    EXPECT_FALSE(Date(2012, 6, 1, DatePrecision::Year).isValid());
    EXPECT_EQ(Date(2012, 6, 1, DatePrecision::Month).daysSinceEpoch(),
              Date(2012, 6, 1).daysSinceEpoch());
}

TEST(Date, ParsesIsoAtDayMonthAndYearPrecision)
{
    const auto day = Date::fromIso("2012-09-30");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->year(), 2012);
    EXPECT_EQ(day->month(), 9);
    EXPECT_EQ(day->day(), 30);
    EXPECT_EQ(day->precision(), DatePrecision::Day);

    const auto month = Date::fromIso("2017-12");
    ASSERT_TRUE(month);
    EXPECT_EQ(*month, Date(2017, 12, 1, DatePrecision::Month));

    const auto year = Date::fromIso("1958");
    ASSERT_TRUE(year);
    EXPECT_EQ(*year, Date(1958, 1, 1, DatePrecision::Year));
}

TEST(Date, IsoTextRoundTripsAtEachPrecision)
{
    for (const char *text : {"2012-09-30", "1957-01-01", "2024-02-29", "0001-01-01", "9999-12-31",
                             "2017-12", "1958-07", "1958", "0005", "2022"}) {
        const auto date = Date::fromIso(text);
        ASSERT_TRUE(date) << text;
        EXPECT_EQ(date->toIso(), text);
        EXPECT_EQ(Date::fromIso(date->toIso()), date) << text;
    }
    EXPECT_EQ(Date(2012, 6, 1, DatePrecision::Month).toIso(), "2012-06");
    EXPECT_EQ(Date(2012, 1, 1, DatePrecision::Year).toIso(), "2012");
    EXPECT_EQ(Date(5, 3, 7).toIso(), "0005-03-07");
}

// toIso() writes years of four digits by hand and the others through snprintf: both
// against snprintf's own text.
TEST(Date, IsoTextIsPrintfsAtEveryPrecision)
{
    const auto reference = [](const Date &date) {
        char buffer[40];
        switch (date.precision()) {
        case DatePrecision::Year:
            std::snprintf(buffer, sizeof buffer, "%04d", date.year());
            break;
        case DatePrecision::Month:
            std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year(), date.month());
            break;
        case DatePrecision::Day:
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(),
                          date.day());
            break;
        }
        return std::string(buffer);
    };
    std::size_t checked = 0;
    for (int year : {-12345, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1957, 2026, 9999, 10000, 123456})
        for (int month = 1; month <= 12; ++month)
            for (int day = 1; day <= 31; day += 3)
                for (auto precision :
                     {DatePrecision::Year, DatePrecision::Month, DatePrecision::Day}) {
                    const Date date(year, month, day, precision);
                    ASSERT_EQ(date.toIso(), reference(date));
                    ++checked;
                }
    EXPECT_EQ(checked, 15u * 12 * 11 * 3);
    EXPECT_EQ(Date(2012, 6, 1, DatePrecision::Month).toIso(), "2012-06");
    EXPECT_EQ(Date(-5, 3, 7).toIso(), "-005-03-07");
}

TEST(Date, StrictIsoRejectsMalformedText)
{
    for (const char *text :
         {"0000-00-00",  "0000",        "2012-13-01", "2012-00-10",  "2012-04-31",
          "2012-1-1",    "2012-01-1",   "12-01-2012", "2012-01-01x", "2012-01-01T00:00:00",
          "2012-01-01 ", " 2012-01-01", "",           "2012-",       "2012-1",
          "201",         "20120",       "+2012",      "-2012",       "2012/01/01",
          "20120101",    "2012-O1-01",  "abcd",       "Forthcoming"}) {
        EXPECT_FALSE(Date::fromIso(text).has_value()) << "'" << text << "'";
    }
}

TEST(Date, AcceptsTheLastDayOfYearNineNineNineNine)
{
    const auto date = Date::fromIso("9999-12-31");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->daysSinceEpoch(), 2932896);
}

TEST(Date, ComparesByTheDayItStandsFor)
{
    EXPECT_LT(Date(1957, 1, 1), Date(1958, 7, 7));
    EXPECT_LT(Date(1969, 12, 31), Date(1970, 1, 1));
    EXPECT_GT(Date(2012, 6, 2), Date(2012, 6, 1, DatePrecision::Month));
    // Precision does not order: 2012 (year) is neither before nor after 2012-01-01.
    const Date year(2012, 1, 1, DatePrecision::Year);
    const Date day(2012, 1, 1);
    EXPECT_FALSE(year < day);
    EXPECT_FALSE(day < year);
    // ... but it is part of equality: a date known to the day is more than its year.
    EXPECT_NE(year, day);
}

TEST(Date, PrecisionKeysAreLowerCaseWords)
{
    EXPECT_EQ(precisionKey(DatePrecision::Day), "day");
    EXPECT_EQ(precisionKey(DatePrecision::Month), "month");
    EXPECT_EQ(precisionKey(DatePrecision::Year), "year");
}

TEST(FlexibleDate, ParsesDayMonthYearWithAndWithoutLeadingZeros)
{
    EXPECT_EQ(parseFlexibleDate("1/6/2012"), Date(2012, 6, 1));
    EXPECT_EQ(parseFlexibleDate("01/06/2012"), Date(2012, 6, 1));
    EXPECT_EQ(parseFlexibleDate("30/9/2012"), Date(2012, 9, 30)); // d/m, not m/d
    EXPECT_EQ(parseFlexibleDate("29/02/2024"), Date(2024, 2, 29));
    EXPECT_EQ(parseFlexibleDate("7/7/1958"), Date(1958, 7, 7));
}

TEST(FlexibleDate, ParsesMonthYearAtMonthPrecision)
{
    EXPECT_EQ(parseFlexibleDate("6/2012"), Date(2012, 6, 1, DatePrecision::Month));
    EXPECT_EQ(parseFlexibleDate("06/2012"), Date(2012, 6, 1, DatePrecision::Month));
    EXPECT_EQ(parseFlexibleDate("12/1957"), Date(1957, 12, 1, DatePrecision::Month));
}

TEST(FlexibleDate, ParsesYearAndIsoForms)
{
    EXPECT_EQ(parseFlexibleDate("1958"), Date(1958, 1, 1, DatePrecision::Year));
    EXPECT_EQ(parseFlexibleDate("2012-09-30"), Date(2012, 9, 30));
    EXPECT_EQ(parseFlexibleDate("2012-09"), Date(2012, 9, 1, DatePrecision::Month));
}

TEST(FlexibleDate, IgnoresSurroundingSpaces)
{
    EXPECT_EQ(parseFlexibleDate("  2012-09-30 "), Date(2012, 9, 30));
    EXPECT_EQ(parseFlexibleDate("\t1/6/2012\r"), Date(2012, 6, 1));
    EXPECT_EQ(parseFlexibleDate(" 6/2012"), Date(2012, 6, 1, DatePrecision::Month));
    EXPECT_EQ(parseFlexibleDate("1958\r\n"), Date(1958, 1, 1, DatePrecision::Year));
}

TEST(FlexibleDate, RejectsTextThatIsNotADate)
{
    for (const char *text : {"Forthcoming", "",
                             "   ",         "31/2/2020",
                             "29/2/2023",   "1/13/2012",
                             "0/6/2012",    "13/2012",
                             "0/2012",      "1/6/12",
                             "1/6/20120",   "123/6/2012",
                             "1/6/2012/1",  "1//2012",
                             "/6/2012",     "1/6/",
                             "2012/06/01",  "1 / 6 / 2012",
                             "June 2012",   "2012-13-01",
                             "12-01-2012",  "2012-01-01 extra",
                             "1/6/2012x"}) {
        EXPECT_FALSE(parseFlexibleDate(text).has_value()) << "'" << text << "'";
    }
}
