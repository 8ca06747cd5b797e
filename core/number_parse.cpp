#include "core/number_parse.h"

#include "core/text_util.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace compute {

std::optional<double> parseNumber(std::string_view text)
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
        const bool ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' ||
                        c == '+';
        if (!ok) return std::nullopt;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value,
                                           std::chars_format::general);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(value)) return std::nullopt;
    return value;
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
