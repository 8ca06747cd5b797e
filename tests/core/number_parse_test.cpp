// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/number_parse.h"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

using compute::formatNumber;
using compute::formatSignificant;
using compute::NumberRange;
using compute::numberRange;
using compute::parseNumber;

TEST(ParseNumber, ReadsPlainDecimals)
{
    EXPECT_EQ(parseNumber("1200"), 1200.0);
    EXPECT_EQ(parseNumber("0.33"), 0.33);
    EXPECT_EQ(parseNumber("-2.5"), -2.5);
    EXPECT_EQ(parseNumber("0"), 0.0);
    EXPECT_EQ(parseNumber(".5"), 0.5);
    EXPECT_EQ(parseNumber("5."), 5.0);
    EXPECT_EQ(parseNumber("175000000000"), 175e9);
}

TEST(ParseNumber, ReadsScientificNotation)
{
    EXPECT_EQ(parseNumber("3.14e23"), 3.14e23);
    EXPECT_EQ(parseNumber("3.14E+23"), 3.14e23);
    EXPECT_EQ(parseNumber("3.14e+23"), 3.14e23);
    EXPECT_EQ(parseNumber("1e-300"), 1e-300);
    EXPECT_EQ(parseNumber("1E300"), 1e300);
    EXPECT_EQ(parseNumber("8.64e19"), 8.64e19);
    EXPECT_EQ(parseNumber("-1.5e-3"), -1.5e-3);
}

TEST(ParseNumber, AcceptsLeadingPlusAndSurroundingBlanks)
{
    EXPECT_EQ(parseNumber("+5"), 5.0);
    EXPECT_EQ(parseNumber("+3.14e23"), 3.14e23);
    EXPECT_EQ(parseNumber(" 0.33 "), 0.33);
    EXPECT_EQ(parseNumber("\t1e20\r"), 1e20);
    EXPECT_EQ(parseNumber("  +42  "), 42.0);
    EXPECT_EQ(parseNumber("7\r\n"), 7.0);
}

TEST(ParseNumber, RejectsNonFiniteSpellings)
{
    for (const char *text : {"nan", "NaN", "-nan", "inf", "-inf", "+inf", "Infinity", "INF"})
        EXPECT_FALSE(parseNumber(text).has_value()) << text;
}

TEST(ParseNumber, RejectsValuesThatOverflowADouble)
{
    EXPECT_FALSE(parseNumber("1e400").has_value());
    EXPECT_FALSE(parseNumber("-1e400").has_value());
    EXPECT_FALSE(parseNumber("1.8e308").has_value());
    EXPECT_EQ(parseNumber("1.7976931348623157e308"), std::numeric_limits<double>::max());
}

TEST(NumberRange, TellsNumbersTooLargeFromNumbersTooCloseToZero)
{
    for (const char *text : {"1e309", "-1e309", "+1.8e308", "0.001e312", "1e99999999999999999999",
                             "10e9223372036854775807"})
        EXPECT_EQ(numberRange(text), NumberRange::TooLarge) << text;
    EXPECT_EQ(numberRange("1" + std::string(400, '0')), NumberRange::TooLarge);
    for (const char *text :
         {"1e-400", "-1e-400", "2e-324", "1000e-330", "0.0001e-320", "1e-99999999999999999999"})
        EXPECT_EQ(numberRange(text), NumberRange::TooSmall) << text;
    EXPECT_EQ(numberRange("0." + std::string(400, '0') + "1"), NumberRange::TooSmall);
    // Within range, zero, or not numbers at all.
    for (const char *text :
         {"1e308", "4.9e-324", "0e999", "0", "-0.0", "abc", "", "1e", "inf", "1,5e999"})
        EXPECT_EQ(numberRange(text), NumberRange::InRange) << text;
}

TEST(ParseNumber, RejectsTyposRatherThanMisreadingThem)
{
    for (const char *text :
         {"1,000", "12abc", "",      " ",       "-",     "+",   "0x10",  "0X1p3",    "1e",
          "1e+",   "e5",    ".",     "1..2",    "1.2.3", "++5", "+-5",   "--5",      "-+5",
          "5-",    "1e5.5", "1 000", "10 FLOP", "$5",    "5%",  "1_000", "3.14e23x", "1e2e3"}) {
        EXPECT_FALSE(parseNumber(text).has_value()) << "'" << text << "'";
    }
}

TEST(FormatNumber, WritesTheShortestTextThatReadsBack)
{
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(3.14e23), "3.14e+23");
    EXPECT_EQ(formatNumber(1200), "1200");
    EXPECT_EQ(formatNumber(0.33), "0.33");
    EXPECT_EQ(formatNumber(-2.5), "-2.5");
}

TEST(FormatNumber, RoundTripsThroughParseNumberExactly)
{
    for (double v : {0.0, 0.1, 0.2, 1.0 / 3.0, 1e-300, 1e300, 3.14e23, 8.64e19, 0.33, -123456.789,
                     2.2250738585072014e-308, std::numeric_limits<double>::max(),
                     std::numeric_limits<double>::min(), std::nextafter(1.0, 2.0)}) {
        const auto back = parseNumber(formatNumber(v));
        ASSERT_TRUE(back.has_value()) << formatNumber(v);
        EXPECT_EQ(std::bit_cast<std::uint64_t>(*back), std::bit_cast<std::uint64_t>(v))
            << formatNumber(v);
    }
}

TEST(FormatNumber, RoundTripsTheSmallestSubnormal)
{
    const double tiny = std::numeric_limits<double>::denorm_min(); // 4.94e-324
    EXPECT_EQ(formatNumber(tiny), "5e-324");
    EXPECT_EQ(parseNumber("5e-324"), tiny);
}

TEST(FormatNumber, RoundTripsRandomBitPatterns)
{
    std::mt19937_64 rng(42);
    int checked = 0;
    for (int i = 0; i < 100000; ++i) {
        const double v = std::bit_cast<double>(rng());
        if (!std::isfinite(v)) continue;
        const auto back = parseNumber(formatNumber(v));
        ASSERT_TRUE(back.has_value()) << formatNumber(v);
        ASSERT_EQ(std::bit_cast<std::uint64_t>(*back), std::bit_cast<std::uint64_t>(v))
            << formatNumber(v);
        ++checked;
    }
    EXPECT_GT(checked, 99000);
}

TEST(FormatNumber, NegativeZeroKeepsItsSign)
{
    const auto back = parseNumber(formatNumber(-0.0));
    ASSERT_TRUE(back);
    EXPECT_TRUE(std::signbit(*back));
}

TEST(FormatSignificant, UsesPlainNotationForEverydayMagnitudes)
{
    EXPECT_EQ(formatSignificant(3.4, 2), "3.4");
    EXPECT_EQ(formatSignificant(3.41234, 2), "3.4");
    EXPECT_EQ(formatSignificant(0.33, 2), "0.33");
    EXPECT_EQ(formatSignificant(0, 3), "0");
    EXPECT_EQ(formatSignificant(21.26, 3), "21.3");
}

TEST(FormatSignificant, UsesScientificNotationForHugeAndTinyMagnitudes)
{
    EXPECT_EQ(formatSignificant(1.2e23, 2), "1.2e+23");
    EXPECT_EQ(formatSignificant(3.14159e23, 3), "3.14e+23");
    EXPECT_EQ(formatSignificant(-8.64e19, 3), "-8.64e+19");
    EXPECT_EQ(formatSignificant(2.5e-5, 2), "2.5e-05");
}

// parseNumber checks a text before from_chars reads it: on any text of
// digits, signs, points and exponents it gives what from_chars gives.
TEST(ParseNumber, ReadsEveryTextAsFromCharsDoes)
{
    const auto fromChars = [](const std::string &text) -> std::optional<double> {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
            return std::nullopt;
        return value;
    };
    std::size_t numbers = 0;
    const auto check = [&](const std::string &text) {
        const auto expected = fromChars(text);
        const auto read = parseNumber(text);
        ASSERT_EQ(read.has_value(), expected.has_value()) << "'" << text << "'";
        if (!read) return;
        ++numbers;
        // Bit for bit: -0.0 too.
        ASSERT_EQ(std::memcmp(&*read, &*expected, sizeof(double)), 0)
            << "'" << text << "': " << *read << " against " << *expected;
    };
    for (const char *text : {"0",
                             "-0",
                             "0.0",
                             "-0.0",
                             "00",
                             ".5",
                             "5.",
                             ".",
                             "-",
                             "-.",
                             "1e",
                             "1e+",
                             "1e-",
                             "e5",
                             "1e5",
                             "1E5",
                             "1e+05",
                             "1e-05",
                             "1e22",
                             "1e23",
                             "9007199254740992",
                             "9007199254740993",
                             "9007199254740991e22",
                             "123456789012345678901234567890",
                             "1000000000000000000000",
                             "0.000000000000000000000000001",
                             "4.35e+25",
                             "1.7976931348623157e308",
                             "1e309",
                             "5e-324",
                             "1e-400",
                             "1e00000",
                             "1e99999",
                             "0.1",
                             "0.2",
                             "0.3",
                             "1.5e-07",
                             "--1",
                             "1-",
                             "1.2.3",
                             "1e5e5",
                             "1e+-5",
                             "123456789012345.6",
                             "1234567890123456.7"})
        check(text);
    std::mt19937_64 random(20261207);
    // Any text of the characters a number has, mostly shaped like one.
    const std::string alphabet = "0123456789.-+eE";
    std::uniform_int_distribution<int> length(1, 24), digitCount(1, 20), exponent(-40, 40);
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        if (i % 2 == 0) {
            for (int n = length(random); n > 0; --n)
                text += alphabet[random() % alphabet.size()];
            if (text.front() == '+') continue; // read as the number after it: not from_chars'
        } else {
            if (random() % 4 == 0) text += '-';
            const int count = digitCount(random);
            const int point = static_cast<int>(random() % static_cast<unsigned>(count + 1));
            for (int n = 0; n < count; ++n) {
                if (n == point && random() % 2) text += '.';
                text += static_cast<char>('0' + random() % 10);
            }
            if (random() % 2) text += (random() % 2 ? "e" : "E") + std::to_string(exponent(random));
        }
        check(text);
    }
    EXPECT_GT(numbers, 100000u); // most were numbers, read both ways
}
