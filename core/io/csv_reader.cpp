// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <memory>
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

// Record and field (both 1-based) holding byte `offset`: line breaks and commas
// outside quotes are counted, blank lines skipped, as libcsv does.
std::pair<std::size_t, std::size_t> positionOf(std::string_view bytes, std::size_t offset)
{
    std::size_t record = 1, field = 1;
    bool quoted = false, lineHasContent = false;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) {
            if (lineHasContent) ++record;
            lineHasContent = false;
            field = 1;
            continue;
        }
        if (!quoted && c == ',') ++field;
        lineHasContent = true;
    }
    return {record, field};
}

} // namespace

Result<std::size_t> readCsv(std::string_view bytes, const std::string &sourceName,
                            const std::function<bool(const CsvRecord &)> &onRecord,
                            const std::function<bool(double)> &progress)
{
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        const auto [record, field] = positionOf(bytes, nul);
        return Error{sourceName + ": row " + std::to_string(record) + ", column " +
                         std::to_string(field),
                     "a NUL byte: this is not a text file (expected CSV text)"};
    }

    ParseState state;
    state.onRecord = &onRecord;
    auto located = [&](const char *what) {
        return Error{sourceName + ": row " + std::to_string(state.record.number + 1) + ", column " +
                         std::to_string(state.fieldCount + 1),
                     std::string(what)};
    };
    const char *const kOutOfMemory = "the CSV parser ran out of memory";

    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return located(kOutOfMemory);
    const std::unique_ptr<csv_parser, void (*)(csv_parser *)> freeParser(
        &parser, [](csv_parser *p) { csv_free(p); });
    // Fields may be up to the size of the file (a 100 MB single-line file is legal).
    constexpr std::size_t kFieldBlock = 1 << 16;
    csv_set_blk_size(&parser, kFieldBlock);

    // Fed in chunks so that an early stop does not parse the rest of a huge file. After
    // a stop, libcsv still parses to the end of the chunk, for errors.
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t pos = 0; pos < bytes.size() && !state.stopped; pos += kChunk) {
        const std::size_t n = std::min(kChunk, bytes.size() - pos);
        if (csv_parse(&parser, bytes.data() + pos, n, onField, onRecordEnd, &state) != n) {
            if (csv_error(&parser) == CSV_EPARSE)
                return located("malformed CSV: a quote inside a field that is not quoted, or "
                               "text after a closing quote (expected RFC 4180 quoting)");
            return located(kOutOfMemory);
        }
        // libcsv grows its field buffer by the block size: a block as large as the buffer
        // makes the growth geometric, not quadratic in a long field's length.
        csv_set_blk_size(&parser, std::max(kFieldBlock, csv_get_buffer_size(&parser)));
        if (progress && !progress(static_cast<double>(pos + n) / static_cast<double>(bytes.size())))
            state.stopped = true;
    }
    if (state.stopped) return state.record.number;
    if (csv_fini(&parser, onField, onRecordEnd, &state) != 0)
        return located("malformed CSV: a quoted field is never closed (missing '\"')");
    return state.record.number;
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
