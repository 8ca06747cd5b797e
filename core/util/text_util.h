// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace compute {

// Lower-case ASCII letters and digits only: "NVIDIA Tesla V100-SXM2 (16 GB)" ->
// "nvidiateslav100sxm216gb". Used to match names across spellings.
std::string normalizedKey(std::string_view text);

// Without leading and trailing whitespace (space, tab, CR, LF).
inline std::string_view trimmed(std::string_view text)
{
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

// normalizedKey(text) == key, without building the key. `key` must be normalised.
bool normalizedEquals(std::string_view text, std::string_view key);

// Calls f(part) with each part between separators, trimmed; empty parts are skipped.
template <typename F> void forEachTrimmedPart(std::string_view text, char separator, F &&f)
{
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = trimmed(text.substr(start, end - start));
        if (!part.empty()) f(part);
        start = end + 1;
    }
}

// Splits on a separator and trims each part; empty parts are dropped.
std::vector<std::string> splitTrimmed(std::string_view text, char separator);

// A stable, readable id from a name: "GPT-3 175B (davinci)" -> "gpt-3-175b-davinci".
std::string slugify(std::string_view name);

// ASCII lower case (names and keys here are compared without locale).
std::string toLower(std::string_view text);

// Length of the well-formed UTF-8 character starting at text[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF): 1 to 4, or 0 when there is none.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF); npos when the text is all UTF-8.
std::size_t firstInvalidUtf8(std::string_view text);

// The text with every byte that is not part of well-formed UTF-8 read as Windows-1252
// (what spreadsheet programs write; Latin-1 for 0xA0-0xFF), encoded as UTF-8. The five
// bytes Windows-1252 leaves undefined become U+FFFD. Valid UTF-8 is unchanged.
std::string repairUtf8(std::string_view text);

// At most maxBytes of UTF-8 text, cut before a character rather than inside one (for
// quoting a cell in a message).
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes);

// Text to quote in a message, whatever it holds: at most maxBytes of it (utf8Prefix)
// and "..." when cut, bytes that are not UTF-8 written as <E9>.
std::string messageExcerpt(std::string_view text, std::size_t maxBytes);

} // namespace compute
