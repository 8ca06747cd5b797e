// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace compute {

// Parses a finite decimal number in plain or scientific notation ("1200", "3.14e23",
// "3.14E+23", " 0.33 "). Leading and trailing blanks are allowed; anything else
// (thousands separators, units, "nan", "inf", hex, trailing text) is rejected, so a
// typo is never read as a different value. Values that overflow a double are rejected.
std::optional<double> parseNumber(std::string_view text);

// digits x 10^power as from_chars would read it (correctly rounded), when one rounding
// gives it: digits below 2^53 and a power within +-22, both exact in a double (Clinger's
// fast path). nullopt otherwise, which says nothing about the number.
std::optional<double> exactDecimal(std::uint64_t digits, int power);

// Where a number parseNumber refuses lies against the range of a double: TooLarge for
// "1e309" (it would be infinite), TooSmall for "1e-400" (not 0, yet it would be 0).
// InRange for everything else, text that is not a number included.
enum class NumberRange { InRange, TooLarge, TooSmall };
NumberRange numberRange(std::string_view text);

// Shortest text that reads back as exactly the same double (for CSV and forms).
std::string formatNumber(double value);

// Human display with a given number of significant digits: "3.4", "1.2e+23".
std::string formatSignificant(double value, int digits);

} // namespace compute
