// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A fast path for readCsv: reads one record of well-formed RFC 4180 text straight from
// the bytes, exactly as libcsv reads it with CSV_STRICT (blanks around unquoted fields
// and after closing quotes trimmed, blank lines skipped, CR, LF or CRLF ending a
// record), without copying a field unless it holds a doubled quote. Anything libcsv
// would refuse, or that this scanner does not handle, is "unusual": libcsv then takes
// over from the start of that record, where its state is the same as at the start of
// the text.
class CsvRecordScanner {
public:
    enum class Outcome { Record, End, Unusual };

    struct Record {
        std::size_t start = 0;      // first byte, after any blank lines
        std::size_t terminator = 0; // the CR or LF ending it; npos when the text ends first
        std::size_t next = 0;       // where the next record may start
    };

    explicit CsvRecordScanner(std::string_view bytes) : m_bytes(bytes) {}

    // Reads the record at or after `from` (End: only blank lines are left); `fields`
    // are valid until the next scan. `record.start` is set for an unusual record too.
    Outcome scan(std::size_t from, Record &record, std::vector<std::string_view> &fields);

private:
    struct Field {
        bool unescaped = false; // in m_unescaped rather than in the bytes
        std::size_t offset = 0;
        std::size_t length = 0;
    };

    std::string_view m_bytes;
    std::vector<Field> m_fields;
    std::string m_unescaped; // quoted fields with doubled quotes, without them
};

} // namespace compute
