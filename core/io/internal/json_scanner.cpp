// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/json_scanner.h"
#include "core/util/text_util.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace compute {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Bytes that end a run of plain string text: '"', '\\', control characters, and
// the lead bytes of UTF-8 sequences (which are checked).
constexpr auto kStringStop = [] {
    std::array<bool, 256> stop{};
    for (int c = 0; c < 256; ++c)
        stop[static_cast<std::size_t>(c)] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    return stop;
}();

// Parses one JSON text; every method returns false to give up.
class Scanner {
public:
    Scanner(std::string_view text, nlohmann::json::json_sax_t &sax)
        : m_p(text.data()), m_end(text.data() + text.size()), m_sax(sax)
    {
    }

    bool run();

private:
    void skipBlanks()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool at(char c) const { return m_p != m_end && *m_p == c; }
    bool end(bool object) { return object ? m_sax.end_object() : m_sax.end_array(); }
    bool scalar();
    bool literal(std::string_view word);
    bool number();
    bool string(); // into m_string, from the opening quote
    bool escape(); // after a backslash, into m_string
    bool hex4(unsigned &value);
    bool utf8Sequence(); // one multi-byte character, checked as nlohmann does
    bool key();          // "name" : (after a '{' or a ',' in an object)

    const char *m_p;
    const char *m_end;
    nlohmann::json::json_sax_t &m_sax;
    std::string m_string;
    std::vector<bool> m_inObject; // the open containers: true for an object
};

bool Scanner::run()
{
    if (m_end - m_p >= 3 && std::string_view(m_p, 3) == "\xEF\xBB\xBF") m_p += 3;
    constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);
    for (;;) {
        // A value.
        skipBlanks();
        if (at('{') || at('[')) {
            const bool object = *m_p++ == '{';
            if (!(object ? m_sax.start_object(kUnknownSize) : m_sax.start_array(kUnknownSize)))
                return false;
            skipBlanks();
            if (at(object ? '}' : ']')) {
                ++m_p;
                if (!end(object)) return false;
            } else {
                m_inObject.push_back(object);
                if (object && !key()) return false;
                continue; // to its first value
            }
        } else if (!scalar()) {
            return false;
        }
        // What follows a value: a separator, or the ends of containers.
        for (;;) {
            skipBlanks();
            if (m_inObject.empty()) return m_p == m_end;
            const bool object = m_inObject.back();
            if (at(',')) {
                ++m_p;
                if (object && !key()) return false;
                break;
            }
            if (!at(object ? '}' : ']')) return false;
            ++m_p;
            m_inObject.pop_back();
            if (!end(object)) return false;
        }
    }
}

bool Scanner::key()
{
    skipBlanks();
    if (!at('"') || !string() || !m_sax.key(m_string)) return false;
    skipBlanks();
    if (!at(':')) return false;
    ++m_p;
    return true;
}

bool Scanner::scalar()
{
    if (m_p == m_end) return false;
    switch (*m_p) {
    case '"':
        return string() && m_sax.string(m_string);
    case 't':
        return literal("true") && m_sax.boolean(true);
    case 'f':
        return literal("false") && m_sax.boolean(false);
    case 'n':
        return literal("null") && m_sax.null();
    default:
        return number();
    }
}

bool Scanner::literal(std::string_view word)
{
    if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
        std::string_view(m_p, word.size()) != word)
        return false;
    m_p += word.size();
    return true;
}

// JSON's grammar; integers as nlohmann reads them: unsigned without a sign, signed
// with one, and a double when they overflow 64 bits.
bool Scanner::number()
{
    const char *start = m_p;
    const bool negative = at('-');
    if (negative) ++m_p;
    if (at('0')) {
        ++m_p;
    } else if (m_p != m_end && isDigit(*m_p)) {
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return false;
    }
    bool integer = true;
    if (at('.')) {
        integer = false;
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p)) return false;
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    if (at('e') || at('E')) {
        integer = false;
        ++m_p;
        if (at('+') || at('-')) ++m_p;
        if (m_p == m_end || !isDigit(*m_p)) return false;
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    if (integer && !negative) {
        std::uint64_t value = 0;
        if (std::from_chars(start, m_p, value).ec == std::errc())
            return m_sax.number_unsigned(value);
    } else if (integer) {
        std::int64_t value = 0;
        if (std::from_chars(start, m_p, value).ec == std::errc())
            return m_sax.number_integer(value);
    }
    // Both this and nlohmann's strtod round correctly; an underflow or overflow is
    // left to nlohmann (a zero, or its error).
    double value = 0;
    const auto [end, ec] = std::from_chars(start, m_p, value);
    if (ec != std::errc() || end != m_p || !std::isfinite(value)) return false;
    m_string.assign(start, m_p);
    return m_sax.number_float(value, m_string);
}

bool Scanner::string()
{
    ++m_p; // the opening quote
    m_string.clear();
    const char *run = m_p; // bytes not copied yet
    while (m_p != m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (!kStringStop[c]) {
            ++m_p;
            continue;
        }
        if (c == '"') {
            m_string.append(run, m_p);
            ++m_p;
            return true;
        }
        if (c == '\\') {
            m_string.append(run, m_p);
            ++m_p;
            if (!escape()) return false;
            run = m_p;
        } else if (c < 0x20) {
            return false; // a control character must be escaped
        } else if (!utf8Sequence()) {
            return false;
        }
    }
    return false;
}

bool Scanner::escape()
{
    if (m_p == m_end) return false;
    const char c = *m_p++;
    switch (c) {
    case '"':
    case '\\':
    case '/':
        m_string += c;
        return true;
    case 'b':
        m_string += '\b';
        return true;
    case 'f':
        m_string += '\f';
        return true;
    case 'n':
        m_string += '\n';
        return true;
    case 'r':
        m_string += '\r';
        return true;
    case 't':
        m_string += '\t';
        return true;
    case 'u':
        break;
    default:
        return false;
    }
    unsigned code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false; // a low surrogate first
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low = 0;
        if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code < 0x80) {
        m_string += static_cast<char>(code);
    } else if (code < 0x800) {
        m_string += static_cast<char>(0xC0 | (code >> 6));
        m_string += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        m_string += static_cast<char>(0xE0 | (code >> 12));
        m_string += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        m_string += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        m_string += static_cast<char>(0xF0 | (code >> 18));
        m_string += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        m_string += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        m_string += static_cast<char>(0x80 | (code & 0x3F));
    }
    return true;
}

bool Scanner::hex4(unsigned &value)
{
    if (m_end - m_p < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = *m_p++;
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return false;
        value = value * 16 + digit;
    }
    return true;
}

// Well-formed UTF-8 as RFC 3629 (and nlohmann's lexer) defines it.
bool Scanner::utf8Sequence()
{
    const std::size_t length =
        utf8SequenceLength(std::string_view(m_p, static_cast<std::size_t>(m_end - m_p)), 0);
    m_p += length;
    return length > 0;
}

} // namespace

bool scanJson(std::string_view text, nlohmann::json::json_sax_t &sax)
{
    return Scanner(text, sax).run();
}

} // namespace compute
