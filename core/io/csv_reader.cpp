// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_reader.h"

#include <algorithm>
#include <array>
#include <new>
#include <optional>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace compute {
namespace {

// The bytes that end a run of unquoted text: the delimiter, a quote and the line breaks.
// (A NUL never reaches the scanner: feed() stops before it.)
constexpr std::array<bool, 256> kEndsUnquoted = [] {
    std::array<bool, 256> ends{};
    for (unsigned char c : {',', '"', '\r', '\n'})
        ends[c] = true;
    return ends;
}();

bool endsUnquoted(char c)
{
    return kEndsUnquoted[static_cast<unsigned char>(c)];
}

// The first byte in [p, end) that ends unquoted text, or `end`: sixteen bytes at a time
// where SSE2 is (every x86-64), the table for the rest.
const char *findEndOfUnquoted(const char *p, const char *const end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, quote)),
                         _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)));
        if (const int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(mask);
    }
#endif
    while (p != end && !endsUnquoted(*p))
        ++p;
    return p;
}

// The first quote in [p, end), or `end` (inline: most quoted fields are short, shorter
// than a call to memchr pays for).
const char *findQuote(const char *p, const char *const end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if (const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote)))
            return p + __builtin_ctz(mask);
    }
#endif
    while (p != end && *p != '"')
        ++p;
    return p;
}
bool blank(char c)
{
    return c == ' ' || c == '\t';
}
bool lineBreak(char c)
{
    return c == '\r' || c == '\n';
}

const char *const kMalformed = "malformed CSV: a quote inside a field that is not quoted, or "
                               "text after a closing quote (expected RFC 4180 quoting)";
const char *const kOutOfMemory = "the CSV parser ran out of memory";
constexpr char kEmpty[] = ""; // an empty field

} // namespace

// The scanner reads RFC 4180 the way libcsv 3 does with CSV_STRICT | CSV_STRICT_FINI
// (which read these files before it; tests/core/csv_scanner_differential_test.cpp holds
// the two side by side):
// - spaces and tabs before a field, around a quoted one and after an unquoted one are
//   not part of it; a line with nothing but them is no record, like an empty line;
// - CR, LF and CRLF end a record, and so does a lone CR;
// - a quote in an unquoted field, or anything but blanks, a comma or a line break after
//   a closing quote, is an error;
// - after a stop from the callback the rest of the same feed() is still checked, so an
//   error there still fails, located at the record after the last one delivered.
struct CsvStream::State {
    enum class At : unsigned char {
        RecordStart, // no field of the record yet
        FieldStart,  // after a comma
        Unquoted,    // in an unquoted field
        Quoted,      // in a quoted field
        AfterQuote,  // after a quote in a quoted field: its end, or the first of ""
    };
    // A field of the record being read: bytes of the piece being fed (`data`), or of
    // `buffer` from `offset` (`data` null) once the field or the piece has ended.
    struct Field {
        const char *data;
        std::size_t offset;
        std::size_t size;
    };

    std::string sourceName;
    std::function<bool(const CsvRecord &)> onRecord;
    At at = At::RecordStart;
    bool blankAfterQuote = false; // AfterQuote: a space or tab since the quote
    std::vector<Field> fields;    // the record's fields so far
    std::size_t spilled = 0;      // fields before this one are in `buffer`
    std::string buffer;           // bytes of the record that outlived their piece
    bool partInBuffer = false;    // the current field's first bytes are in `buffer`...
    std::size_t partOffset = 0;   // ...from here
    CsvRecord record;
    bool stopped = false;
    bool atStart = true; // the byte order mark not yet looked for
    std::string head;    // the first bytes, until there are three to look at
    std::optional<Error> error;

    // After a stop no field or record is counted any more (libcsv's callbacks did nothing).
    Error located(std::string what) const
    {
        return Error{sourceName + ": row " + std::to_string(record.number + 1) + ", column " +
                         std::to_string(stopped ? 1 : fields.size() + 1),
                     std::move(what)};
    }
    bool failed() const { return error.has_value() || stopped; }
    // Reads `bytes` (without NUL); false on an error.
    bool consume(std::string_view bytes);
    bool scan(const char *p, const char *end);

    // Moves the finished fields still in the piece into `buffer`.
    void spillFields()
    {
        for (; spilled < fields.size(); ++spilled) {
            Field &f = fields[spilled];
            if (!f.data) continue;
            f.offset = buffer.size();
            buffer.append(f.data, f.size);
            f.data = nullptr;
        }
    }
    // Appends [from, to) of the piece to the current field's bytes in `buffer`.
    void keep(const char *from, const char *to)
    {
        if (!partInBuffer) {
            spillFields(); // so that the field's bytes stay contiguous at the buffer's end
            partInBuffer = true;
            partOffset = buffer.size();
        }
        buffer.append(from, static_cast<std::size_t>(to - from));
    }
    // Ends the current field, whose last bytes are [from, to) of the piece; an unquoted
    // field loses its trailing blanks.
    void endField(const char *from, const char *to, bool trim)
    {
        if (partInBuffer) {
            buffer.append(from, static_cast<std::size_t>(to - from));
            std::size_t end = buffer.size();
            if (trim)
                while (end > partOffset && blank(buffer[end - 1]))
                    --end;
            buffer.resize(end);
            fields.push_back({nullptr, partOffset, end - partOffset});
            partInBuffer = false;
            spilled = fields.size();
        } else {
            if (trim)
                while (to > from && blank(to[-1]))
                    --to;
            fields.push_back({from, 0, static_cast<std::size_t>(to - from)});
        }
    }
    void endRecord()
    {
        if (!stopped) {
            ++record.number;
            record.fields.clear();
            for (const Field &f : fields)
                record.fields.emplace_back(f.data ? f.data : buffer.data() + f.offset, f.size);
            if (!onRecord(record)) stopped = true;
        }
        fields.clear();
        spilled = 0;
        buffer.clear();
    }
};

bool CsvStream::State::scan(const char *p, const char *const end)
{
    const char *run = p;    // the current field's bytes in this piece start here
    const char *runEnd = p; // AfterQuote: ...and end here, at the quote
    for (;;) {
        switch (at) {
        case At::RecordStart:
        case At::FieldStart: {
            while (p != end && blank(*p))
                ++p;
            if (p == end) {
                spillFields();
                return true;
            }
            const char c = *p++;
            if (c == ',') {
                endField(kEmpty, kEmpty, false);
                at = At::FieldStart;
            } else if (lineBreak(c)) {
                if (at == At::FieldStart) { // a record's last field is empty
                    endField(kEmpty, kEmpty, false);
                    endRecord();
                    at = At::RecordStart;
                } // else an empty line (or the LF of a CRLF): no record
            } else if (c == '"') {
                run = p;
                at = At::Quoted;
            } else {
                run = p - 1;
                at = At::Unquoted;
            }
            break;
        }
        case At::Unquoted: {
            p = findEndOfUnquoted(p, end);
            if (p == end) {
                keep(run, end);
                return true;
            }
            const char c = *p;
            if (c == '"') return false;
            ++p;
            endField(run, p - 1, true);
            if (c == ',') {
                at = At::FieldStart;
            } else {
                endRecord();
                at = At::RecordStart;
            }
            break;
        }
        case At::Quoted: {
            const char *quote = findQuote(p, end);
            if (quote == end) {
                keep(run, end);
                return true;
            }
            runEnd = quote;
            p = quote + 1;
            blankAfterQuote = false;
            at = At::AfterQuote;
            break;
        }
        case At::AfterQuote: {
            while (p != end && blank(*p)) {
                blankAfterQuote = true;
                ++p;
            }
            if (p == end) {
                keep(run, runEnd);
                return true;
            }
            const char c = *p++;
            if (c == '"' && !blankAfterQuote) { // "" inside quotes: one quote
                keep(run, runEnd);
                buffer += '"';
                run = p;
                at = At::Quoted;
            } else if (c == ',') {
                endField(run, runEnd, false);
                at = At::FieldStart;
            } else if (lineBreak(c)) {
                endField(run, runEnd, false);
                endRecord();
                at = At::RecordStart;
            } else {
                return false;
            }
            break;
        }
        }
    }
}

bool CsvStream::State::consume(std::string_view bytes)
{
    if (bytes.empty()) return true;
    try {
        if (scan(bytes.data(), bytes.data() + bytes.size())) return true;
        error = located(kMalformed);
    } catch (const std::bad_alloc &) {
        error = located(kOutOfMemory);
    }
    return false;
}

CsvStream::CsvStream(std::string sourceName, std::function<bool(const CsvRecord &)> onRecord)
    : m(std::make_unique<State>())
{
    m->sourceName = std::move(sourceName);
    m->onRecord = std::move(onRecord);
}

CsvStream::~CsvStream() = default;

bool CsvStream::feed(std::string_view piece)
{
    if (m->failed()) return false;
    if (m->atStart) { // a byte order mark, which may itself come in pieces
        const std::size_t take = std::min(piece.size(), 3 - m->head.size());
        m->head.append(piece.substr(0, take));
        piece.remove_prefix(take);
        if (m->head.size() < 3) return true;
        m->atStart = false;
        if (m->head != "\xEF\xBB\xBF" && !feed(m->head)) return false;
    }
    // A NUL ends the file's reading at its row and column: what comes before it is
    // read first, so that an error there comes first.
    const std::size_t nul = piece.find('\0');
    if (!m->consume(piece.substr(0, nul))) return false;
    if (nul != std::string_view::npos && !m->stopped) {
        m->error = m->located("a NUL byte: this is not a text file (expected CSV text)");
        return false;
    }
    return !m->stopped;
}

void CsvStream::stop()
{
    m->stopped = true;
}

Result<std::size_t> CsvStream::finish()
{
    if (m->atStart && !m->head.empty()) { // fewer than three bytes in all
        m->atStart = false;
        const std::string head = std::move(m->head);
        feed(head);
    }
    if (m->error) return *m->error;
    if (m->stopped) return m->record.number;
    // The last record may lack its line break; its last field's bytes are all in the
    // buffer by now.
    using At = State::At;
    switch (m->at) {
    case At::RecordStart:
        break;
    case At::Quoted:
        return m->located("malformed CSV: a quoted field is never closed (missing '\"')");
    case At::FieldStart:
    case At::Unquoted:
    case At::AfterQuote:
        m->endField(kEmpty, kEmpty, m->at == At::Unquoted);
        m->endRecord();
        break;
    }
    m->at = At::RecordStart;
    return m->record.number;
}

Result<std::size_t> readCsv(std::string_view bytes, const std::string &sourceName,
                            const std::function<bool(const CsvRecord &)> &onRecord,
                            const std::function<bool(double)> &progress)
{
    CsvStream stream(sourceName, onRecord);
    // Fed in chunks so that an early stop does not parse the rest of a huge file.
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t pos = 0; pos < bytes.size(); pos += kChunk) {
        const std::size_t n = std::min(kChunk, bytes.size() - pos);
        const bool more = stream.feed(bytes.substr(pos, n));
        if (progress &&
            !progress(static_cast<double>(pos + n) / static_cast<double>(bytes.size()))) {
            stream.stop();
            break;
        }
        if (!more) break;
    }
    return stream.finish();
}

std::string csvField(std::string_view text)
{
    // Blanks at either end are quoted because readers (this one among them) trim them.
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    const bool needsQuotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!text.empty() && (blank(text.front()) || blank(text.back())));
    if (!needsQuotes) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvRecord(const std::vector<std::string> &fields)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += csvField(fields[i]);
    }
    line += "\r\n";
    return line;
}

} // namespace compute
