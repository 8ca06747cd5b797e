// SPDX-License-Identifier: GPL-3.0-or-later
// An import fed a piece at a time, as the window and the command line read a file, gives
// exactly what the import of the whole text gives, wherever the pieces end: inside a
// quoted field, between CR and LF, inside the byte order mark or a UTF-8 character, and
// with the stray bytes of a Windows-1252 file. A NUL byte is located alike.
#include "core/io/csv_reader.h"
#include "core/io/epoch_import.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace compute;

namespace {

// What a test compares: the runs, the report's counts and every warning.
struct Outcome {
    bool ok = false;
    std::string errors;
    std::vector<TrainingRun> runs;
    std::vector<std::string> warnings;
    std::size_t rows = 0, withoutDate = 0, withoutCompute = 0, hardwareEstimates = 0;
};

Outcome outcomeOf(const Result<ImportResult> &result)
{
    Outcome outcome;
    outcome.ok = result.ok();
    if (!result) {
        outcome.errors = result.errorText();
        return outcome;
    }
    outcome.runs = result->dataset.runs;
    for (const Error &e : result->report.warnings)
        outcome.warnings.push_back(e.toString());
    outcome.rows = result->report.rows;
    outcome.withoutDate = result->report.withoutDate;
    outcome.withoutCompute = result->report.withoutCompute;
    outcome.hardwareEstimates = result->report.hardwareEstimates;
    return outcome;
}

Outcome inPieces(std::string_view bytes, std::size_t pieceSize)
{
    EpochCsvStream stream("pieces.csv", &testing_support::testCatalog(), {}, bytes.size());
    for (std::size_t pos = 0; pos < bytes.size(); pos += pieceSize)
        if (!stream.feed(bytes.substr(pos, pieceSize))) break;
    return outcomeOf(stream.finish());
}

Outcome whole(std::string_view bytes)
{
    return outcomeOf(importEpochCsv(bytes, "pieces.csv", &testing_support::testCatalog()));
}

void expectSame(const Outcome &a, const Outcome &b, std::size_t pieceSize)
{
    SCOPED_TRACE("pieces of " + std::to_string(pieceSize) + " bytes");
    EXPECT_EQ(a.ok, b.ok);
    EXPECT_EQ(a.errors, b.errors);
    EXPECT_EQ(a.rows, b.rows);
    EXPECT_EQ(a.withoutDate, b.withoutDate);
    EXPECT_EQ(a.withoutCompute, b.withoutCompute);
    EXPECT_EQ(a.hardwareEstimates, b.hardwareEstimates);
    EXPECT_EQ(a.warnings, b.warnings);
    ASSERT_EQ(a.runs.size(), b.runs.size());
    for (std::size_t i = 0; i < a.runs.size(); ++i)
        EXPECT_TRUE(a.runs[i] == b.runs[i]) << "run " << i << " (" << a.runs[i].name << ")";
}

// A byte order mark, CRLF line breaks, quoted fields with commas and line breaks, and
// characters of two, three and four UTF-8 bytes.
const std::string kUtf8 =
    "\xEF\xBB\xBF"
    "Model,Organization,Publication date,Training compute (FLOP),Training hardware,"
    "Hardware quantity,Training time (hours),Notes\r\n"
    "Caf\xC3\xA9 Net,\"Lab, Inc.\",2019-03-01,1.5e20,NVIDIA A100,64,100,\"two\r\nlines\"\r\n"
    "Euro \xE2\x82\xAC model,Lab,2020-01-01,2e21,,,,\"a \"\"quoted\"\" word\"\r\n"
    "Alpha \xF0\x9D\x9B\xBC,Lab,2021,,NVIDIA V100,8,24,\r\n"
    "No date,Lab,,3e22,,,,\r\n";

} // namespace

TEST(StreamingImport, PiecesOfEverySizeGiveWhatTheWholeTextGives)
{
    const Outcome reference = whole(kUtf8);
    ASSERT_TRUE(reference.ok) << reference.errors;
    ASSERT_EQ(reference.runs.size(), 4u);
    EXPECT_EQ(reference.runs[0].name, "Caf\xC3\xA9 Net");
    EXPECT_EQ(reference.runs[2].name, "Alpha \xF0\x9D\x9B\xBC");
    for (std::size_t size : {1, 2, 3, 4, 5, 7, 13, 64, 4096})
        expectSame(inPieces(kUtf8, size), reference, size);
}

TEST(StreamingImport, AWindowsFileIsRepairedAndLocatedAlikeInPieces)
{
    // 0xE9 is "é" in Windows-1252; on line 3, after valid UTF-8 on line 2.
    const std::string bytes = "Model,Publication date,Training compute (FLOP)\n"
                              "Caf\xC3\xA9,2019,1e20\n"
                              "Cr\xE9me,2020,2e20\n"
                              "Na\xEFve \x80 model,2021,3e21\n";
    const Outcome reference = whole(bytes);
    ASSERT_TRUE(reference.ok) << reference.errors;
    ASSERT_EQ(reference.warnings.size(), 1u);
    EXPECT_NE(reference.warnings[0].find("pieces.csv: line 3"), std::string::npos)
        << reference.warnings[0];
    ASSERT_EQ(reference.runs.size(), 3u);
    EXPECT_EQ(reference.runs[1].name, "Cr\xC3\xA9me");
    EXPECT_EQ(reference.runs[2].name, "Na\xC3\xAFve \xE2\x82\xAC model");
    for (std::size_t size : {1, 2, 3, 5, 17, 4096})
        expectSame(inPieces(bytes, size), reference, size);
}

TEST(StreamingImport, ANulIsLocatedAtItsRowAndColumnWhereverThePiecesEnd)
{
    const std::string bytes = std::string("Model,Publication date,Training compute (FLOP)\n"
                                          "GPT-3,2020-05-28,3.14e23\n\"Alex\nNet\",2012,4.7e17\n"
                                          "LeNet,1998,") +
                              std::string(1, '\0') + "2.8e12\n";
    const Outcome reference = whole(bytes);
    ASSERT_FALSE(reference.ok);
    EXPECT_NE(reference.errors.find("pieces.csv: row 4, column 3"), std::string::npos)
        << reference.errors;
    for (std::size_t size : {1, 2, 3, 11, 4096})
        expectSame(inPieces(bytes, size), reference, size);
}

TEST(StreamingImport, TheNotableExportImportsAlikeInPiecesOfAnOddSize)
{
    const std::string bytes =
        testing_paths::readSource("tests/data/epoch/notable_ai_models_2025-02-24.csv");
    const Outcome reference = whole(bytes);
    ASSERT_TRUE(reference.ok) << reference.errors;
    EXPECT_GT(reference.runs.size(), 800u);
    expectSame(inPieces(bytes, 4093), reference, 4093);
}

TEST(CsvStream, AByteOrderMarkSplitAcrossPiecesIsStillDropped)
{
    std::vector<std::string> firstFields;
    CsvStream stream("bom.csv", [&](const CsvRecord &record) {
        firstFields.emplace_back(record.fields.at(0));
        return true;
    });
    for (std::string_view piece : {"\xEF", "\xBB",
                                   "\xBF"
                                   "a,b\r",
                                   "\nc,d"})
        ASSERT_TRUE(stream.feed(piece));
    const Result<std::size_t> read = stream.finish();
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(*read, 2u);
    EXPECT_EQ(firstFields, (std::vector<std::string>{"a", "c"}));
}

TEST(CsvStream, AFileShorterThanAByteOrderMarkIsParsed)
{
    std::vector<std::string> fields;
    CsvStream stream("short.csv", [&](const CsvRecord &record) {
        for (std::string_view f : record.fields)
            fields.emplace_back(f);
        return true;
    });
    ASSERT_TRUE(stream.feed("a,"));
    const Result<std::size_t> read = stream.finish();
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(*read, 1u);
    EXPECT_EQ(fields, (std::vector<std::string>{"a", ""}));
}
