// SPDX-License-Identifier: GPL-3.0-or-later
// CsvStream's own scanner against libcsv, which read the files before it: the same
// records, the same outcome and the same located error for the corpus, the Epoch exports
// and thousands of random inputs, however the bytes are cut into pieces.
#include "core/io/csv_reader.h"
#include "tests/core/test_paths.h"

#include <csv.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace compute;

namespace {

// What a reader made of some bytes: the records it delivered, then its count or error.
struct Outcome {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> records;
    bool ok = true;
    std::size_t count = 0;
    std::string where, message;
    bool operator==(const Outcome &) const = default;
};

std::string describe(const std::pair<std::size_t, std::vector<std::string>> &record)
{
    std::string text = std::to_string(record.first) + ":";
    for (const std::string &f : record.second)
        text += " " + testing::PrintToString(f);
    return text;
}

// Where `actual` first departs from `expected` ("" when it does not), so that a failure on
// a 4 MB file names one record rather than printing them all.
std::string difference(const Outcome &actual, const Outcome &expected)
{
    const std::size_t n = std::min(actual.records.size(), expected.records.size());
    for (std::size_t i = 0; i < n; ++i)
        if (actual.records[i] != expected.records[i])
            return "record " + describe(actual.records[i]) + "\n  expected " +
                   describe(expected.records[i]);
    if (actual.records.size() != expected.records.size())
        return std::to_string(actual.records.size()) + " records, expected " +
               std::to_string(expected.records.size());
    auto end = [](const Outcome &o) {
        return o.ok ? "ok, " + std::to_string(o.count) : "error at " + o.where + ": " + o.message;
    };
    return actual == expected ? "" : end(actual) + "\n  expected " + end(expected);
}

// The reader as it was, on libcsv with CSV_STRICT | CSV_STRICT_FINI: the byte order mark,
// the NUL check and the located errors exactly as core/io/csv_reader.cpp had them.
class LibcsvReference {
public:
    // `stopAfter`: the callback returns false on that record (0: never).
    explicit LibcsvReference(std::size_t stopAfter) : m_stopAfter(stopAfter)
    {
        csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI);
    }
    ~LibcsvReference() { csv_free(&m_parser); }
    LibcsvReference(const LibcsvReference &) = delete;
    LibcsvReference &operator=(const LibcsvReference &) = delete;

    bool feed(std::string_view piece)
    {
        if (m_error || m_stopped) return false;
        if (m_atStart) {
            const std::size_t take = std::min(piece.size(), 3 - m_head.size());
            m_head.append(piece.substr(0, take));
            piece.remove_prefix(take);
            if (m_head.size() < 3) return true;
            m_atStart = false;
            if (m_head != "\xEF\xBB\xBF" && !feed(m_head)) return false;
        }
        const std::size_t nul = piece.find('\0');
        const std::string_view before = piece.substr(0, nul);
        if (!before.empty() && csv_parse(&m_parser, before.data(), before.size(), onField,
                                         onRecordEnd, this) != before.size()) {
            m_error = located(csv_error(&m_parser) == CSV_EPARSE
                                  ? "malformed CSV: a quote inside a field that is not "
                                    "quoted, or text after a closing quote (expected RFC "
                                    "4180 quoting)"
                                  : "the CSV parser ran out of memory");
            return false;
        }
        if (nul != std::string_view::npos && !m_stopped) {
            m_error = located("a NUL byte: this is not a text file (expected CSV text)");
            return false;
        }
        return !m_stopped;
    }
    void stop() { m_stopped = true; }
    Outcome finish()
    {
        if (m_atStart && !m_head.empty()) {
            m_atStart = false;
            const std::string head = std::move(m_head);
            feed(head);
        }
        if (!m_error && !m_stopped && csv_fini(&m_parser, onField, onRecordEnd, this) != 0)
            m_error = located("malformed CSV: a quoted field is never closed (missing '\"')");
        if (m_error) {
            m_outcome.ok = false;
            m_outcome.where = m_error->first;
            m_outcome.message = m_error->second;
        } else {
            m_outcome.count = m_number;
        }
        return m_outcome;
    }

private:
    static void onField(void *data, std::size_t length, void *context)
    {
        auto *self = static_cast<LibcsvReference *>(context);
        if (self->m_stopped) return;
        self->m_fields.emplace_back(static_cast<const char *>(data), length);
    }
    static void onRecordEnd(int, void *context)
    {
        auto *self = static_cast<LibcsvReference *>(context);
        if (self->m_stopped) return;
        ++self->m_number;
        self->m_outcome.records.emplace_back(self->m_number, std::move(self->m_fields));
        self->m_fields.clear();
        if (self->m_number == self->m_stopAfter) self->m_stopped = true;
    }
    std::pair<std::string, std::string> located(std::string what) const
    {
        return {"ref.csv: row " + std::to_string(m_number + 1) + ", column " +
                    std::to_string(m_fields.size() + 1),
                std::move(what)};
    }

    csv_parser m_parser{};
    std::size_t m_stopAfter;
    std::size_t m_number = 0;
    std::vector<std::string> m_fields;
    bool m_stopped = false;
    bool m_atStart = true;
    std::string m_head;
    std::optional<std::pair<std::string, std::string>> m_error;
    Outcome m_outcome;
};

// `bytes` cut at `cuts` (sorted offsets), fed to `reader` until it says no more.
template <typename Reader>
void feedPieces(Reader &reader, std::string_view bytes, const std::vector<std::size_t> &cuts)
{
    std::size_t from = 0;
    for (std::size_t i = 0; i <= cuts.size(); ++i) {
        const std::size_t to = i < cuts.size() ? cuts[i] : bytes.size();
        if (!reader.feed(bytes.substr(from, to - from))) return;
        from = to;
    }
}

Outcome reference(std::string_view bytes, const std::vector<std::size_t> &cuts,
                  std::size_t stopAfter = 0)
{
    LibcsvReference reader(stopAfter);
    feedPieces(reader, bytes, cuts);
    return reader.finish();
}

Outcome scanner(std::string_view bytes, const std::vector<std::size_t> &cuts,
                std::size_t stopAfter = 0)
{
    Outcome outcome;
    CsvStream stream("ref.csv", [&](const CsvRecord &record) {
        outcome.records.emplace_back(
            record.number, std::vector<std::string>(record.fields.begin(), record.fields.end()));
        return record.number != stopAfter;
    });
    feedPieces(stream, bytes, cuts);
    const Result<std::size_t> read = stream.finish();
    if (read.ok()) {
        outcome.count = *read;
    } else {
        outcome.ok = false;
        outcome.where = read.errors()[0].where;
        outcome.message = read.errors()[0].message;
    }
    return outcome;
}

// Cuts at random offsets (some pieces empty, some one byte), or at every byte.
std::vector<std::size_t> randomCuts(std::size_t size, std::mt19937 &random)
{
    std::vector<std::size_t> cuts;
    if (size == 0) return cuts;
    const std::size_t count = random() % std::min<std::size_t>(size + 1, 64);
    for (std::size_t i = 0; i < count; ++i)
        cuts.push_back(random() % (size + 1));
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}
std::vector<std::size_t> everyByte(std::size_t size)
{
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < size; ++i)
        cuts.push_back(i);
    return cuts;
}

// The scanner on `bytes` whole, in one-byte pieces and in random pieces, against libcsv
// fed the bytes whole. Whether libcsv read them without error.
bool expectSameAsLibcsv(const std::string &bytes, std::mt19937 &random, int randomSplits)
{
    const Outcome expected = reference(bytes, {});
    EXPECT_EQ(difference(scanner(bytes, {}), expected), "");
    EXPECT_EQ(difference(scanner(bytes, everyByte(bytes.size())), expected), "")
        << "in one-byte pieces";
    for (int i = 0; i < randomSplits; ++i) {
        const std::vector<std::size_t> cuts = randomCuts(bytes.size(), random);
        EXPECT_EQ(difference(scanner(bytes, cuts), expected), "")
            << "in " << cuts.size() + 1 << " pieces";
    }
    return expected.ok;
}

std::vector<std::filesystem::path> filesIn(const std::string &relative)
{
    std::vector<std::filesystem::path> files;
    for (const auto &entry :
         std::filesystem::directory_iterator(testing_paths::sourcePath(relative)))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Random text over the bytes that matter to CSV, sometimes after a byte order mark, now
// and then with a tab or a NUL; runs of `a` now and then.
std::string randomCsv(std::mt19937 &random)
{
    static const std::string alphabet = "a,\"\n\r ";
    std::string text = random() % 4 == 0 ? "\xEF\xBB\xBF" : "";
    // Mostly short, now and then long enough for the scanner's sixteen-byte steps.
    for (std::size_t n = random() % (random() % 8 == 0 ? 200 : 40); n > 0; --n) {
        const unsigned pick = random() % 100;
        if (pick == 99) text.append(random() % 40, 'a');
        text += pick == 0 ? '\0' : pick < 3 ? '\t' : alphabet[random() % alphabet.size()];
    }
    return text;
}

TEST(CsvScannerDifferential, FuzzCorpusAndRegressionsReadAsLibcsvReadsThem)
{
    std::mt19937 random(1);
    std::size_t files = 0;
    for (const char *dir : {"tests/fuzz/corpus/csv", "tests/fuzz/regressions/csv_import"})
        for (const auto &path : filesIn(dir)) {
            SCOPED_TRACE(path.string());
            expectSameAsLibcsv(testing_paths::readFile(path.string()), random, 20);
            ++files;
        }
    EXPECT_GE(files, 30u);
}

TEST(CsvScannerDifferential, EpochExportsReadAsLibcsvReadsThem)
{
    std::mt19937 random(2);
    std::size_t files = 0;
    for (const auto &path : filesIn("tests/data/epoch")) {
        if (path.extension() != ".csv") continue;
        SCOPED_TRACE(path.string());
        const std::string bytes = testing_paths::readFile(path.string());
        const Outcome expected = reference(bytes, {});
        EXPECT_TRUE(expected.ok);
        EXPECT_GT(expected.count, 1u);
        EXPECT_EQ(difference(scanner(bytes, {}), expected), "");
        EXPECT_EQ(difference(scanner(bytes, everyByte(bytes.size())), expected), "")
            << "in one-byte pieces";
        for (int i = 0; i < 3; ++i)
            EXPECT_EQ(difference(scanner(bytes, randomCuts(bytes.size(), random)), expected), "");
        ++files;
    }
    EXPECT_EQ(files, 4u);
}

TEST(CsvScannerDifferential, RandomInputsReadAsLibcsvReadsThem)
{
    std::mt19937 random(3);
    int read = 0, failed = 0;
    for (int i = 0; i < 5000 && !HasFailure(); ++i) {
        const std::string bytes = randomCsv(random);
        SCOPED_TRACE(testing::PrintToString(bytes));
        ++(expectSameAsLibcsv(bytes, random, 4) ? read : failed);
    }
    // Both outcomes well represented.
    EXPECT_GT(read, 1000);
    EXPECT_GT(failed, 1000);
}

TEST(CsvScannerDifferential, EdgeCasesReadAsLibcsvReadsThem)
{
    std::mt19937 random(4);
    const std::vector<std::string> cases{"",
                                         "\xEF",
                                         "\xEF\xBB",
                                         "\xEF\xBB\xBF",
                                         "\xEF\xBB\xBF\"",
                                         "a",
                                         "\r",
                                         "\n",
                                         "\r\n",
                                         " ",
                                         "  \r\n \t\n",
                                         ",",
                                         ",\n",
                                         "\"\"",
                                         "\"\"\"\"",
                                         "\"a\"\"\"",
                                         "\"a\" ",
                                         "\"a\" \"",
                                         "\"a\" b",
                                         "\"a\"b",
                                         "a\"",
                                         "a \"b\"",
                                         " \"a\" , b ,\tc\t\r\n",
                                         "a,b\rc,d\r\ne\n\r\nf",
                                         "\"x\r\ny\",\"\"\"\"\r\n",
                                         "a\r\r\r\nb",
                                         std::string("a\0b", 3),
                                         std::string("\"\0\"", 3),
                                         std::string("a\n\0", 3),
                                         std::string("\xEF\xBB\0", 3),
                                         std::string("\0", 1),
                                         "\"never closed",
                                         "a,\"never closed\n",
                                         "\"a\"\"",
                                         "x,\"a\" \t",
                                         "a,b,\n,,\n"};
    for (const std::string &bytes : cases) {
        SCOPED_TRACE(testing::PrintToString(bytes));
        expectSameAsLibcsv(bytes, random, 8);
    }
}

// An early stop leaves the rest of that piece still read for errors, not for records:
// both readers must see the same pieces.
TEST(CsvScannerDifferential, EarlyStopsEndAsTheyDidOnLibcsv)
{
    std::mt19937 random(5);
    int failedAfterStop = 0;
    for (int i = 0; i < 3000 && !HasFailure(); ++i) {
        const std::string bytes = randomCsv(random);
        const std::size_t stopAfter = 1 + random() % 4;
        const std::vector<std::size_t> cuts =
            random() % 3 == 0 ? everyByte(bytes.size()) : randomCuts(bytes.size(), random);
        SCOPED_TRACE(testing::PrintToString(bytes) + " stopping at record " +
                     std::to_string(stopAfter));
        const Outcome expected = reference(bytes, cuts, stopAfter);
        EXPECT_EQ(difference(scanner(bytes, cuts, stopAfter), expected), "");
        if (!expected.ok && expected.records.size() == stopAfter) ++failedAfterStop;
    }
    EXPECT_GT(failedAfterStop, 20);
    // (The first three bytes are read on their own, for the byte order mark.)
    const std::string stopThenStray = "abcd\nb\nc\"d\ne\n";
    EXPECT_EQ(difference(scanner(stopThenStray, {}, 1), reference(stopThenStray, {}, 1)), "");
    EXPECT_EQ(scanner(stopThenStray, {}, 1).where, "ref.csv: row 2, column 1");
    EXPECT_TRUE(scanner(stopThenStray, {6}, 1).ok);
}

} // namespace
