// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace compute {

// LEB128 varints: 7 bits a byte, low bits first, the high bit set on every byte but the
// last. The lengths and ids of the app's packed blocks (RunFields, SourceList, TagList,
// FlatStringSet), most of which fit in one byte.

inline std::size_t varintSize(std::uint64_t value)
{
    std::size_t size = 1;
    for (; value >= 0x80; value >>= 7)
        ++size;
    return size;
}

// Writes `value` at `out` (varintSize(value) bytes) and returns the byte after it.
inline char *writeVarint(char *out, std::uint64_t value)
{
    for (; value >= 0x80; value >>= 7)
        *out++ = static_cast<char>(value | 0x80);
    *out++ = static_cast<char>(value);
    return out;
}

inline void appendVarint(std::string &out, std::uint64_t value)
{
    for (; value >= 0x80; value >>= 7)
        out.push_back(static_cast<char>(value | 0x80));
    out.push_back(static_cast<char>(value));
}

// Reads the varint at `at` and moves `at` past it.
inline std::uint64_t readVarint(const char *&at)
{
    const auto first = static_cast<std::uint8_t>(*at++);
    if (first < 0x80) return first;
    std::uint64_t value = first & 0x7Fu;
    for (unsigned shift = 7;; shift += 7) {
        const auto byte = static_cast<std::uint8_t>(*at++);
        value |= std::uint64_t{byte & 0x7Fu} << shift;
        if (byte < 0x80) return value;
    }
}

} // namespace compute
