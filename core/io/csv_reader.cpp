// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

namespace compute {
namespace {

struct ParseState {
    const std::function<bool(const CsvRecord &)> *onRecord = nullptr;
    std::vector<std::string> storage; // field bytes of the current record
    std::size_t fieldCount = 0;
    CsvRecord record;
    bool stopped = false;
};

void onField(void *data, std::size_t length, void *context)
{
    auto *state = static_cast<ParseState *>(context);
    if (state->stopped) return;
    if (state->fieldCount == state->storage.size()) state->storage.emplace_back();
    state->storage[state->fieldCount].assign(static_cast<const char *>(data), length);
    ++state->fieldCount;
}

void onRecordEnd(int, void *context)
{
    auto *state = static_cast<ParseState *>(context);
    if (state->stopped) return;
    ++state->record.number;
    state->record.fields.clear();
    for (std::size_t i = 0; i < state->fieldCount; ++i)
        state->record.fields.emplace_back(state->storage[i]);
    state->fieldCount = 0;
    if (!(*state->onRecord)(state->record)) state->stopped = true;
}

} // namespace

struct CsvStream::State {
    std::string sourceName;
    std::function<bool(const CsvRecord &)> onRecord;
    ParseState parse;
    csv_parser parser{};
    bool initialised = false;
    bool atStart = true; // the byte order mark not yet looked for
    std::string head;    // the first bytes, until there are three to look at
    std::optional<Error> error;

    Error located(std::string what) const
    {
        return Error{sourceName + ": row " + std::to_string(parse.record.number + 1) + ", column " +
                         std::to_string(parse.fieldCount + 1),
                     std::move(what)};
    }
    bool failed() const { return error.has_value() || parse.stopped; }
    // Hands `bytes` (without NUL) to libcsv; false on an error.
    bool consume(std::string_view bytes);
};

namespace {
// Fields may be up to the size of the file (a 100 MB single-line file is legal).
constexpr std::size_t kFieldBlock = 1 << 16;
const char *const kOutOfMemory = "the CSV parser ran out of memory";
} // namespace

bool CsvStream::State::consume(std::string_view bytes)
{
    if (bytes.empty()) return true;
    if (csv_parse(&parser, bytes.data(), bytes.size(), onField, onRecordEnd, &parse) !=
        bytes.size()) {
        error = located(csv_error(&parser) == CSV_EPARSE
                            ? "malformed CSV: a quote inside a field that is not quoted, or "
                              "text after a closing quote (expected RFC 4180 quoting)"
                            : kOutOfMemory);
        return false;
    }
    // libcsv grows its field buffer by the block size: a block as large as the buffer
    // makes the growth geometric, not quadratic in a long field's length.
    csv_set_blk_size(&parser, std::max(kFieldBlock, csv_get_buffer_size(&parser)));
    return true;
}

CsvStream::CsvStream(std::string sourceName, std::function<bool(const CsvRecord &)> onRecord)
    : m(std::make_unique<State>())
{
    m->sourceName = std::move(sourceName);
    m->onRecord = std::move(onRecord);
    m->parse.onRecord = &m->onRecord;
    if (csv_init(&m->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        m->error = m->located(kOutOfMemory);
        return;
    }
    m->initialised = true;
    csv_set_blk_size(&m->parser, kFieldBlock);
}

CsvStream::~CsvStream()
{
    if (m->initialised) csv_free(&m->parser);
}

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
    // parsed first so that the position is libcsv's own.
    const std::size_t nul = piece.find('\0');
    if (!m->consume(piece.substr(0, nul))) return false;
    if (nul != std::string_view::npos && !m->parse.stopped) {
        m->error = m->located("a NUL byte: this is not a text file (expected CSV text)");
        return false;
    }
    return !m->parse.stopped;
}

void CsvStream::stop()
{
    m->parse.stopped = true;
}

Result<std::size_t> CsvStream::finish()
{
    if (m->atStart && !m->head.empty()) { // fewer than three bytes in all
        m->atStart = false;
        const std::string head = std::move(m->head);
        feed(head);
    }
    if (m->error) return *m->error;
    if (m->parse.stopped) return m->parse.record.number;
    if (csv_fini(&m->parser, onField, onRecordEnd, &m->parse) != 0)
        return m->located("malformed CSV: a quoted field is never closed (missing '\"')");
    return m->parse.record.number;
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
    // Blanks at either end are quoted because readers (libcsv among them) trim them.
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
