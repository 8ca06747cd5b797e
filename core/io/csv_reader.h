// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// One record of a CSV file; fields are views valid only during the callback.
struct CsvRecord {
    std::size_t number = 0; // 1-based record number; the header is record 1
    std::vector<std::string_view> fields;
};

// An RFC 4180 file fed a piece at a time (quoted fields with commas, quotes and newlines;
// CRLF or LF; a UTF-8 byte order mark), read one record at a time by a scanner that reads
// as libcsv (CSV_STRICT | CSV_STRICT_FINI) did: a piece may end anywhere, in a field or
// between the bytes of a line break, so the file never has to sit in memory whole.
// Fields are views into the piece fed, or into one reused buffer when a record spans
// pieces or a field holds a doubled quote.
class CsvStream {
public:
    // `onRecord` returns false to stop early.
    CsvStream(std::string sourceName, std::function<bool(const CsvRecord &)> onRecord);
    ~CsvStream();
    CsvStream(const CsvStream &) = delete;
    CsvStream &operator=(const CsvStream &) = delete;

    // Parses the next piece; false once stopped by `onRecord` or failed (finish() says
    // which). A NUL byte fails at its row and column.
    bool feed(std::string_view piece);
    // No more records: finish() gives the number read so far.
    void stop();
    // Ends the last record. The number of records read, or a located error on malformed
    // quoting (a quote inside an unquoted field, text after a closing quote, a quoted field
    // never closed) or a NUL byte.
    Result<std::size_t> finish();

private:
    struct State;
    std::unique_ptr<State> m;
};

// Streams an RFC 4180 file (quoted fields with commas, quotes and newlines; CRLF or LF;
// a UTF-8 byte order mark) through CsvStream one record at a time, so a million-row file
// never sits in memory as strings. Return false from `onRecord` to stop early;
// `progress` (optional) gets the fraction of bytes parsed and may stop by returning
// false. Returns the number of records read; fails with a located error on malformed
// quoting.
Result<std::size_t> readCsv(std::string_view bytes, const std::string &sourceName,
                            const std::function<bool(const CsvRecord &)> &onRecord,
                            const std::function<bool(double)> &progress = {});

// Quotes a field when it needs it (comma, quote, CR, LF, or a leading/trailing space or tab).
std::string csvField(std::string_view text);
// A record of quoted fields terminated by CRLF, as RFC 4180 writes it.
std::string csvRecord(const std::vector<std::string> &fields);

} // namespace compute
