// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile inputs shaped as files: 100 MB on a single line (JSON and CSV, valid and
// not), JSON nested 100,000 deep, a file cut at any byte (what a reader sees of a file
// truncated while it is read). Each is read correctly or refused with a short error
// naming the file and the row or JSON path; none crashes, throws or hangs. Hostile
// values (names, dates, compute) are in hostile_values_test.cpp; the 1,000,000-row
// import and its memory in million_row_import_test.cpp; a file changing while the app
// reads it in tests/app/hostile_load_test.cpp.
#include "tests/core/hostile_input.h"
#include "tests/core/located_error.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>

using namespace hostile;
using testing_errors::hasLocatedError;

namespace {

// ---------------------------------------------------------------------------------------
// 100 MB on a single line

TEST(HostileSingleLine, HundredMegabyteJsonStringLoadsWhole)
{
    const std::string name(kHundredMegabytes, 'x');
    const std::string bytes = oneRunJson(R"("name": ")" + name + R"(", "date": "2020-01-01")");
    std::optional<Result<Dataset>> read;
    timed("100 MB single-line JSON, load", [&] { read.emplace(readJson(bytes, "long.json")); });
    ASSERT_TRUE(read->ok()) << read->errorText().substr(0, 500);
    ASSERT_EQ(read->value().runs.size(), 1u);
    EXPECT_TRUE(read->value().runs[0].name == name);
}

TEST(HostileSingleLine, HundredMegabyteJsonStringNeverClosedIsRefusedWithAShortMessage)
{
    const std::string bytes = oneRunJson(R"("name": ")" + std::string(kHundredMegabytes, 'x'));
    std::optional<Result<Dataset>> read;
    timed("100 MB single-line JSON, unclosed string refused",
          [&] { read.emplace(readJson(bytes, "open.json")); });
    ASSERT_FALSE(read->ok());
    // The lexer stops at the end of the text; the message quotes only the start of it.
    EXPECT_TRUE(
        hasLocatedError(read->errors(), "open.json",
                        "open.json: runs[0].name, line 1, column " + std::to_string(bytes.size()),
                        "not valid JSON: syntax error while parsing value - invalid "
                        "string: missing closing quote; last read: '\"xxx"));
    EXPECT_TRUE(allShort(read->errors()));
}

TEST(HostileSingleLine, HundredMegabyteJsonKeyIsReportedWithAShortPath)
{
    const std::string key(kHundredMegabytes, 'k');
    const Result<Dataset> read =
        readJson(R"({"schema_version": 1, "runs": [], ")" + key + R"(": 1})", "key.json");
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(hasLocatedError(read.errors(), "key.json", "key.json: kkkk", "unknown field"));
    EXPECT_TRUE(allShort(read.errors()));

    // The same key left open: a syntax error, at a path that is cut short too.
    const Result<Dataset> open =
        readJson(R"({"schema_version": 1, ")" + key + R"(": [1, )", "k.json");
    ASSERT_FALSE(open.ok());
    EXPECT_TRUE(hasLocatedError(open.errors(), "k.json", "k.json: kkkk", "not valid JSON"));
    EXPECT_TRUE(allShort(open.errors()));
}

TEST(HostileSingleLine, HundredMegabytesOfRandomBytesAreRefusedAtTheirStart)
{
    std::mt19937 random(100);
    std::string bytes(kHundredMegabytes, '\0');
    for (char &b : bytes) {
        b = static_cast<char>(1 + random() % 255);
        if (b == '\n' || b == '\r') b = ' ';
    }
    bytes.front() = '\x01'; // neither JSON nor text in a CSV header
    std::optional<Result<Dataset>> json;
    timed("100 MB random bytes as JSON, refused",
          [&] { json.emplace(readJson(bytes, "random.json")); });
    ASSERT_FALSE(json->ok());
    EXPECT_TRUE(hasLocatedError(json->errors(), "random.json", "random.json: line 1, column 1",
                                "not valid JSON"));
    EXPECT_TRUE(allShort(json->errors()));
    EXPECT_TRUE(allUtf8(json->errors()));

    std::optional<Result<ImportResult>> csv;
    timed("100 MB random bytes as CSV, refused",
          [&] { csv.emplace(importCsv(bytes, "random.csv")); });
    ASSERT_FALSE(csv->ok());
    // A quote comes within the first few hundred bytes: malformed quoting on row 1.
    EXPECT_TRUE(hasLocatedError(csv->errors(), "random.csv", "random.csv: row 1, column ",
                                "malformed CSV"));
    EXPECT_TRUE(allShort(csv->errors()));
}

TEST(HostileSingleLine, HundredMegabyteCsvHeaderWithoutANewlineIsNotAnEpochExport)
{
    const std::string bytes = "Model,Publication date," + std::string(kHundredMegabytes, 'h');
    std::optional<Result<ImportResult>> read;
    timed("100 MB single-line CSV header, refused",
          [&] { read.emplace(importCsv(bytes, "wide.csv")); });
    ASSERT_FALSE(read->ok());
    EXPECT_TRUE(hasLocatedError(read->errors(), "wide.csv", "wide.csv: row 1",
                                "not an Epoch AI export: no column 'Training compute (FLOP)' (or "
                                "'Training compute (FLOPs)') (found 'Model', 'Publication date', "
                                "'hhhh"));
    EXPECT_TRUE(allShort(read->errors()));
}

TEST(HostileSingleLine, HundredMegabyteCsvRowOfOneLineImportsWhole)
{
    const std::string name(kHundredMegabytes, 'n');
    const std::string bytes = kCsvHeader + name + ",2020-05-28,3.14e23"; // no final newline
    std::optional<Result<ImportResult>> read;
    timed("100 MB single-line CSV row, import", [&] { read.emplace(importCsv(bytes, "row.csv")); });
    ASSERT_TRUE(read->ok()) << read->errorText().substr(0, 500);
    ASSERT_EQ(read->value().dataset.runs.size(), 1u);
    EXPECT_TRUE(read->value().dataset.runs[0].name == name);
    EXPECT_EQ(read->value().dataset.runs[0].flop(), 3.14e23);
}

TEST(HostileSingleLine, HundredMegabyteQuotedCsvFieldNeverClosedIsRefused)
{
    const std::string bytes = kCsvHeader + "\"" + std::string(kHundredMegabytes, 'q');
    std::optional<Result<ImportResult>> read;
    timed("100 MB single-line CSV, unclosed quote refused",
          [&] { read.emplace(importCsv(bytes, "quote.csv")); });
    ASSERT_FALSE(read->ok());
    EXPECT_TRUE(hasLocatedError(read->errors(), "quote.csv", "quote.csv: row 2, column 1",
                                "a quoted field is never closed"));
    EXPECT_TRUE(allShort(read->errors()));
}

TEST(HostileSingleLine, HundredMegabyteCellsAreQuotedShortInWarnings)
{
    const std::string big(kOneMegabyte * 10, '9');
    const std::string bytes = kCsvHeader + "A," + big + "-01-01," + big + "x\n" + "B,2020,0" +
                              std::string(kOneMegabyte * 10, '0') + "\n";
    const Result<ImportResult> read = importCsv(bytes, "cells.csv");
    ASSERT_TRUE(read.ok()) << read.errorText().substr(0, 500);
    const Errors &warnings = read->report.warnings;
    EXPECT_TRUE(hasLocatedError(warnings, "cells.csv",
                                "cells.csv: row 2, column 'Publication date'", "' is not a date"));
    EXPECT_TRUE(hasLocatedError(warnings, "cells.csv",
                                "cells.csv: row 2, column 'Training compute (FLOP)'",
                                "' is not a number"));
    EXPECT_TRUE(hasLocatedError(warnings, "cells.csv",
                                "cells.csv: row 3, column 'Training compute (FLOP)'",
                                "' is not greater than 0"));
    EXPECT_TRUE(allShort(warnings));

    const Result<Dataset> json =
        readJson(oneRunJson(R"("name": "n", "date": ")" + big + R"(")"), "date.json");
    ASSERT_FALSE(json.ok());
    EXPECT_TRUE(hasLocatedError(json.errors(), "date.json", "date.json: runs[0].date",
                                "' is not a date (expected yyyy-mm-dd, yyyy-mm or yyyy)"));
    EXPECT_TRUE(allShort(json.errors()));
}

// ---------------------------------------------------------------------------------------
// JSON nested 100,000 deep

constexpr std::size_t kDeep = 100000;

std::string nestedArrays(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string nestedObjects(std::size_t depth)
{
    std::string text;
    text.reserve(depth * 7);
    for (std::size_t i = 0; i < depth; ++i)
        text += R"({"a": )";
    text += "1";
    text.append(depth, '}');
    return text;
}

TEST(HostileNesting, HundredThousandLevelsAtTheTopLevelAreNotADataset)
{
    const Result<Dataset> arrays = readJson(nestedArrays(kDeep), "arrays.json");
    ASSERT_FALSE(arrays.ok());
    EXPECT_TRUE(hasLocatedError(arrays.errors(), "arrays.json", "arrays.json",
                                "expected a JSON object at the top level, got array"));

    const Result<Dataset> objects = readJson(nestedObjects(kDeep), "objects.json");
    ASSERT_FALSE(objects.ok());
    EXPECT_TRUE(
        hasLocatedError(objects.errors(), "objects.json", "objects.json: a", "unknown field"));
    EXPECT_TRUE(hasLocatedError(objects.errors(), "objects.json", "objects.json: runs", "missing"));
}

TEST(HostileNesting, HundredThousandLevelsLeftOpenAreASyntaxErrorAtACutPath)
{
    for (const std::string &open :
         {std::string(kDeep, '['), nestedObjects(kDeep).substr(0, kDeep * 6)}) {
        const Result<Dataset> read =
            readJson(R"({"schema_version": 1, "runs": [{"id": "r", "notes": )" + open, "open.json");
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(hasLocatedError(read.errors(), "open.json", "open.json: runs[0].notes",
                                    "not valid JSON: syntax error"));
        EXPECT_TRUE(allShort(read.errors()));
    }
}

TEST(HostileNesting, HundredThousandLevelsInARunFieldAreTheWrongType)
{
    struct Case {
        std::string fields;
        std::string where;
        std::string message;
    };
    const Case cases[] = {
        {R"("name": "n", "notes": )" + nestedArrays(kDeep), "runs[0].notes",
         "expected a string, got array"},
        {R"("name": "n", "notes": )" + nestedObjects(kDeep), "runs[0].notes",
         "expected a string, got object"},
        {R"("name": )" + nestedArrays(kDeep), "runs[0].name", "expected a string, got array"},
        {R"("name": "n", "estimates": [{"method": "reported", "value": )" + nestedObjects(kDeep) +
             "}]",
         "runs[0].estimates[0].value", "expected a number, got object"},
        {R"("name": "n", "tags": )" + nestedArrays(kDeep), "runs[0].tags[0]", "expected a string"},
        // "extra" holds the cells of columns the app does not know: text, not objects.
        {R"("name": "n", "extra": )" + nestedObjects(kDeep), "runs[0].extra.a",
         "expected the cell's text (a string)"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.where);
        const Result<Dataset> read = readJson(oneRunJson(c.fields), "deep.json");
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(
            hasLocatedError(read.errors(), "deep.json", "deep.json: " + c.where, c.message));
    }
}

TEST(HostileNesting, HundredThousandLevelsOutsideTheRunsAndInAnOldFileAreTheWrongType)
{
    // Members other than "runs", and the runs of a file that migrates, are parsed into
    // nlohmann::json values rather than streamed: a second path through the reader.
    const Result<Dataset> metadata = readJson(
        R"({"schema_version": 1, "runs": [], "metadata": {"title": )" + nestedArrays(kDeep) + "}}",
        "meta.json");
    ASSERT_FALSE(metadata.ok());
    EXPECT_TRUE(hasLocatedError(metadata.errors(), "meta.json", "meta.json: metadata.title",
                                "expected a string, got array"));

    const Result<Dataset> old =
        readJson(R"({"runs": [{"name": "n", "notes": )" + nestedObjects(kDeep) + "}]}", "v0.json");
    ASSERT_FALSE(old.ok());
    EXPECT_TRUE(allShort(old.errors()));
    EXPECT_TRUE(hasLocatedError(old.errors(), "v0.json", "v0.json: runs[0]", ""));
}

// ---------------------------------------------------------------------------------------
// A file cut anywhere (what a reader sees of a file truncated while it is read)

TEST(HostileTruncation, CsvCutAtAnyByteKeepsItsWholeRowsOrIsRefusedWithALocatedError)
{
    Dataset dataset;
    dataset.runs = {runNamed("GPT-3, \"davinci\"\nline two", "a"), runNamed("AlexNet", "b"),
                    runNamed("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "c")};
    const std::string whole = writeRunsCsv(dataset);
    for (std::size_t cut = 0; cut < whole.size(); ++cut) {
        SCOPED_TRACE(cut);
        const Result<ImportResult> read = importCsv(whole.substr(0, cut), "cut.csv");
        if (!read.ok()) {
            EXPECT_TRUE(hasLocatedError(read.errors(), "cut.csv", "cut.csv", ""));
            EXPECT_TRUE(allShort(read.errors()));
            continue;
        }
        // Rows before the cut are whole; the one cut (read short, with a warning) is
        // still valid text, even when the cut splits a character.
        const auto &runs = read->dataset.runs;
        ASSERT_LE(runs.size(), dataset.runs.size());
        for (std::size_t i = 0; i + 1 < runs.size(); ++i)
            EXPECT_EQ(runs[i].name, dataset.runs[i].name);
        for (const TrainingRun &run : runs)
            EXPECT_EQ(firstInvalidUtf8(run.name), std::string_view::npos);
    }
}

} // namespace
