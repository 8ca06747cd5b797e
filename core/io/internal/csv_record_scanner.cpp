// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/csv_record_scanner.h"

#include <array>
#include <cstring>

namespace compute {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isTerminator(char c)
{
    return c == '\r' || c == '\n';
}

// Bytes that end an unquoted field, or make it unusual (a quote).
constexpr auto kUnquotedStop = [] {
    std::array<bool, 256> stop{};
    for (unsigned char c : {',', '\r', '\n', '"'})
        stop[c] = true;
    return stop;
}();

} // namespace

CsvRecordScanner::Outcome CsvRecordScanner::scan(std::size_t from, Record &record,
                                                 std::vector<std::string_view> &fields)
{
    const char *const data = m_bytes.data();
    const std::size_t size = m_bytes.size();
    std::size_t p = from;
    // Blank lines, and blanks before the first field, make no record.
    while (p < size && (isBlank(data[p]) || isTerminator(data[p])))
        ++p;
    if (p == size) return Outcome::End;
    record.start = p;
    m_fields.clear();
    m_unescaped.clear();
    for (;;) {
        // A field; blanks before it are behind p.
        Field field;
        if (p < size && data[p] == '"') {
            const std::size_t begin = ++p;
            const std::size_t unescapedBegin = m_unescaped.size();
            bool escaped = false;
            for (;;) {
                const void *found = std::memchr(data + p, '"', size - p);
                if (!found) return Outcome::Unusual; // never closed
                const auto quote =
                    static_cast<std::size_t>(static_cast<const char *>(found) - data);
                if (quote + 1 < size && data[quote + 1] == '"') { // a doubled quote: one quote
                    escaped = true;
                    m_unescaped.append(data + p, quote + 1 - p);
                    p = quote + 2;
                    continue;
                }
                if (escaped) {
                    m_unescaped.append(data + p, quote - p);
                    field = {true, unescapedBegin, m_unescaped.size() - unescapedBegin};
                } else {
                    field = {false, begin, quote - begin};
                }
                p = quote + 1;
                break;
            }
            while (p < size && isBlank(data[p]))
                ++p;
            if (p < size && data[p] != ',' && !isTerminator(data[p]))
                return Outcome::Unusual; // text after the closing quote
        } else {
            const std::size_t begin = p;
            while (p < size && !kUnquotedStop[static_cast<unsigned char>(data[p])])
                ++p;
            if (p < size && data[p] == '"') return Outcome::Unusual; // a quote inside
            std::size_t end = p;
            while (end > begin && isBlank(data[end - 1]))
                --end;
            field = {false, begin, end - begin};
        }
        m_fields.push_back(field);
        if (p == size) { // the text ends the record (libcsv's csv_fini)
            record.terminator = std::string_view::npos;
            record.next = size;
            break;
        }
        if (data[p] == ',') {
            ++p;
            while (p < size && isBlank(data[p]))
                ++p;
            continue;
        }
        record.terminator = p;
        record.next = p + 1;
        break;
    }
    fields.clear();
    for (const Field &f : m_fields)
        fields.emplace_back((f.unescaped ? m_unescaped.data() : data) + f.offset, f.length);
    return Outcome::Record;
}

} // namespace compute
