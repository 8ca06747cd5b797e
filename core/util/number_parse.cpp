// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/number_parse.h"

#include "core/util/text_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace compute {

namespace {

// The text from_chars is given: blanks trimmed, a leading '+' dropped; nullopt when it
// holds characters no decimal number has.
std::optional<std::string_view> decimalText(std::string_view text)
{
    text = trimmed(text);
    if (text.empty()) return std::nullopt;
    // from_chars does not accept a leading '+', people (and spreadsheets) write it; one
    // sign only ("+-5" is a typo, not -5).
    if (text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '+' || text.front() == '-')) return std::nullopt;
    }
    if (text.empty() || text == "-") return std::nullopt;
    // Only digits, one sign, '.', and an exponent: rejects "inf", "nan", hex floats.
    for (char c : text) {
        const bool ok =
            (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
        if (!ok) return std::nullopt;
    }
    return text;
}

} // namespace

std::optional<double> exactDecimal(std::uint64_t digits, int power)
{
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (digits >= (std::uint64_t{1} << 53) || power < -22 || power > 22) return std::nullopt;
    const auto exact = static_cast<double>(digits);
    return power >= 0 ? exact * kPowers[power] : exact / kPowers[-power];
}

std::optional<double> parseNumber(std::string_view raw)
{
    const std::optional<std::string_view> decimal = decimalText(raw);
    if (!decimal) return std::nullopt;
    const std::string_view text = *decimal;
    double value = 0;
    const auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

NumberRange numberRange(std::string_view raw)
{
    const std::optional<std::string_view> decimal = decimalText(raw);
    if (!decimal) return NumberRange::InRange;
    std::string_view text = *decimal;
    double value = 0;
    const auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
    if (ec != std::errc::result_out_of_range || end != text.data() + text.size())
        return NumberRange::InRange;
    // Out of range: the decimal exponent of the first significant digit tells which way.
    if (text.front() == '-') text.remove_prefix(1);
    const std::size_t e = text.find_first_of("eE");
    const std::string_view mantissa = text.substr(0, e);
    long long exponent = 0;
    if (e != std::string_view::npos) {
        std::string_view digits = text.substr(e + 1);
        const bool negative = !digits.empty() && digits.front() == '-';
        if (!digits.empty() && (digits.front() == '-' || digits.front() == '+'))
            digits.remove_prefix(1);
        // Beyond 2^40 the exponent decides alone (no text has that many digits); the
        // clamp also keeps the sum below from overflowing.
        constexpr long long kDecisive = 1LL << 40;
        if (std::from_chars(digits.data(), digits.data() + digits.size(), exponent).ec !=
                std::errc() ||
            exponent > kDecisive)
            exponent = kDecisive;
        if (negative) exponent = -exponent;
    }
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_not_of("0.");
    if (first == std::string_view::npos) return NumberRange::InRange; // a zero
    // first < point: "123.4" is 10^2; first > point: "0.004" is 10^-3.
    const long long lead = first < point ? static_cast<long long>(point - first - 1)
                                         : -static_cast<long long>(first - point);
    return lead + exponent > 0 ? NumberRange::TooLarge : NumberRange::TooSmall;
}

std::string formatNumber(double value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc()) return {};
    return std::string(buffer, end);
}

std::string formatSignificant(double value, int digits)
{
    char buffer[64];
    const double magnitude = value == 0 ? 0 : std::fabs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3))
        std::snprintf(buffer, sizeof buffer, "%.*e", digits > 0 ? digits - 1 : 0, value);
    else
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

} // namespace compute
