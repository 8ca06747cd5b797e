// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/text_util.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace compute {

namespace {

// `c` as a key keeps it (ASCII letters in lower case, digits), or 0 when a key drops it.
char keyChar(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return static_cast<char>(c);
    return 0;
}

} // namespace

std::string normalizedKey(std::string_view text)
{
    std::string key(text.size(), '\0');
    std::size_t n = 0;
    for (unsigned char c : text)
        if (const char k = keyChar(c)) key[n++] = k;
    key.resize(n);
    return key;
}

bool normalizedEquals(std::string_view text, std::string_view key)
{
    std::size_t n = 0;
    for (unsigned char c : text) {
        const char k = keyChar(c);
        if (!k) continue;
        if (n == key.size() || key[n] != k) return false;
        ++n;
    }
    return n == key.size();
}

std::vector<std::string> splitTrimmed(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    forEachTrimmedPart(text, separator, [&](std::string_view part) { parts.emplace_back(part); });
    return parts;
}

std::string slugify(std::string_view name)
{
    char slug[64]; // the loop stops at 60 (61 with a dash)
    std::size_t n = 0;
    bool pendingDash = false;
    for (unsigned char c : name) {
        if (const char k = keyChar(c)) {
            if (pendingDash && n > 0) slug[n++] = '-';
            pendingDash = false;
            slug[n++] = k;
        } else {
            pendingDash = true;
        }
        if (n >= 60) break;
    }
    return n == 0 ? std::string("run") : std::string(slug, n);
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (text.size() - i < length) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(text[i + k]);
        if (c < low || c > high) return 0;
        low = 0x80;
        high = 0xBF;
    }
    return length;
}

namespace {

void appendUtf8(std::string &out, unsigned code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Windows-1252's 0x80-0x9F; 0xFFFD where it defines no character.
constexpr unsigned kWindows1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

} // namespace

std::size_t firstInvalidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        // ASCII runs, eight bytes at a time.
        while (text.size() - i >= 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= text.size()) break;
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string repairUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length > 0) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i++]);
        appendUtf8(out, byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte);
    }
    return out;
}

std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string messageExcerpt(std::string_view text, std::size_t maxBytes)
{
    const std::string_view shown = utf8Prefix(text, maxBytes);
    std::string out;
    for (std::string_view rest = shown; !rest.empty();) {
        const std::size_t bad = firstInvalidUtf8(rest);
        out.append(rest.substr(0, bad));
        if (bad == std::string_view::npos) break;
        char hex[8];
        std::snprintf(hex, sizeof hex, "<%02X>", static_cast<unsigned char>(rest[bad]));
        out += hex;
        rest.remove_prefix(bad + 1);
    }
    if (shown.size() < text.size()) out += "...";
    return out;
}

} // namespace compute
