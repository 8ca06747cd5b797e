// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed native JSON and malformed CSV: every input gives located errors (file plus
// JSON path, or file plus row and column) that say what was expected, and none of them
// crashes or lets an exception escape. Fixtures: tests/data/malformed/{json,csv}/.
#include "core/io/epoch_import.h"
#include "core/io/json_format.h"
#include "tests/core/located_error.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace compute;
using testing_errors::hasLocatedError;

namespace {

std::string fixture(const std::string &folder, const std::string &file)
{
    return testing_paths::readSource("tests/data/malformed/" + folder + "/" + file);
}

// ---------------------------------------------------------------------------------------
// Native JSON

struct JsonCase {
    const char *file;
    const char *where;   // a prefix of Error::where, after "<file>: "
    const char *message; // a part of Error::message
};

// The where of each case is the JSON path of the offending value; syntax errors also
// give a line and column.
const JsonCase kJsonCases[] = {
    {"truncated.json", "runs[0].estimates[0].value, line 5, column 58",
     "not valid JSON: syntax error while parsing object - unexpected end of input; expected '}'"},
    {"empty.json", "", "is empty (expected a JSON object"},
    {"whitespace_only.json", "", "is empty"},
    {"not_an_object.json", "", "expected a JSON object at the top level, got array"},
    {"runs_not_an_array.json", "runs", "expected an array, got object"},
    {"runs_missing.json", "runs", "missing (expected an array of training runs)"},
    {"run_not_an_object.json", "runs[0]", "expected an object, got string"},
    {"name_not_a_string.json", "runs[0].name", "expected a string, got number"},
    {"name_empty.json", "runs[0].name", "must not be empty"},
    {"id_missing.json", "runs[0].id", "missing (expected a string)"},
    {"date_not_a_string.json", "runs[0].date", "expected a string, got number"},
    {"date_impossible.json", "runs[0].date",
     "'2021-02-30' is not a date (expected yyyy-mm-dd, yyyy-mm or yyyy)"},
    {"date_zero.json", "runs[0].date", "'0000-00-00' is not a date"},
    {"date_not_iso.json", "runs[0].date", "'28/05/2020' is not a date (expected yyyy-mm-dd"},
    {"parameters_not_a_number.json", "runs[0].parameters", "expected a number, got string"},
    {"parameters_negative.json", "runs[0].parameters", "greater than 0"},
    {"tags_not_an_array.json", "runs[0].tags", "expected an array, got string"},
    {"tag_not_a_string.json", "runs[0].tags[1]", "expected a string"},
    {"upper_bound_not_a_boolean.json", "runs[0].upper_bound", "expected true or false, got string"},
    {"confidence_unknown_word.json", "runs[0].confidence",
     "expected confident, likely, speculative or unknown"},
    {"estimates_not_an_array.json", "runs[0].estimates", "expected an array, got object"},
    {"estimate_not_an_object.json", "runs[0].estimates[0]", "expected an object, got number"},
    {"estimate_method_missing.json", "runs[0].estimates[0].method", "missing (expected a string)"},
    {"estimate_method_unknown.json", "runs[0].estimates[0].method",
     "unknown method 'flops' (expected operations, hardware, parameters-tokens or reported)"},
    {"estimate_value_not_a_number.json", "runs[0].estimates[0].value",
     "expected a number, got string"},
    {"compute_zero.json", "runs[0].estimates[0].value", "expected a compute figure greater than 0"},
    {"compute_negative.json", "runs[0].estimates[0].value", "greater than 0"},
    {"compute_1e999.json", "runs[0].estimates[0].value",
     "number overflow parsing '1e999' (expected a number within the range of a double"},
    {"compute_nan_literal.json", "runs[0].estimates[0].value, line 1, column 111",
     "not valid JSON: syntax error while parsing value - invalid literal"},
    {"compute_null.json", "runs[0].estimates[0].value", "expected a compute figure greater than 0"},
    {"reported_unit_unknown.json", "runs[0].estimates[0].unit",
     "expected \"flop\" or \"pfs-days\""},
    {"inputs_overflow.json", "runs[0].estimates[0]",
     "the inputs multiply to a compute outside the range of numbers"},
    {"utilization_above_one.json", "runs[0].estimates[0].utilization",
     "expected a fraction greater than 0 and at most 1"},
    {"number_format_unknown.json", "runs[0].estimates[0].number_format",
     "unknown number format 'fp8'"},
    {"time_unit_unknown.json", "runs[0].estimates[0].time_unit", "expected \"hours\" or \"days\""},
    {"estimate_field_typo.json", "runs[0].estimates[0].token", "unknown field"},
    {"primary_out_of_range.json", "runs[0].primary", "expected an index below 1"},
    {"primary_negative.json", "runs[0].primary", "expected an index (a whole number of 0 or more)"},
    {"primary_fractional.json", "runs[0].primary", "expected an index"},
    {"primary_without_estimates.json", "runs[0].primary", "expected 0 (the run has no estimates)"},
    {"duplicate_ids.json", "runs[1].id", "'gpt-3' is used by an earlier run"},
    {"unknown_run_field.json", "runs[0].organisation", "unknown field"},
    {"unknown_top_level_field.json", "run", "unknown field"},
    {"source_not_an_object.json", "runs[0].sources[0]", "expected an object, got string"},
    {"source_empty.json", "runs[0].sources[0]", "needs a title or a URL"},
    {"metadata_not_an_object.json", "metadata", "expected an object, got array"},
    {"hidden_tags_not_strings.json", "metadata.hidden_tags[0]", "expected a string"},
    {"era_schemes_not_an_array.json", "era_schemes", "expected an array, got object"},
    {"era_to_before_from.json", "era_schemes[0].eras[0].to", "must be after from (2012-01-01)"},
    {"era_to_equals_from.json", "era_schemes[0].eras[0].to", "must be after from (2012-01)"},
    {"era_colour_bad.json", "era_schemes[0].eras[0].color", "expected a colour as #rrggbb"},
    {"era_colour_short_hex.json", "era_schemes[0].eras[0].color", "expected a colour as #rrggbb"},
    {"era_name_missing.json", "era_schemes[0].eras[0].name", "missing (expected a string)"},
    {"duplicate_scheme_names.json", "era_schemes[1].name", "'OpenAI' is used by an earlier scheme"},
    {"schema_version_string.json", "schema_version", "expected a whole number of 0 or more"},
    {"schema_version_newer.json", "schema_version", "Please update Compute Explorer"},
    {"app_version_not_a_string.json", "app_version", "expected a string, got number"},
    {"v0_compute_not_a_number.json", "runs[0].compute_flop",
     "expected a number (FLOP), got string"},
    {"v0_source_url_not_a_string.json", "runs[0].source_url", "expected a string, got array"},
    {"trailing_comma.json", "runs[1], line 1, column 65",
     "not valid JSON: syntax error while parsing value - unexpected ']'"},
    {"single_quotes.json", "line 1, column 2", "not valid JSON: syntax error while parsing"},
    {"trailing_garbage.json", "line 1, column 35", "expected end of input"},
};

class MalformedJson : public ::testing::TestWithParam<JsonCase> {};

TEST_P(MalformedJson, IsRefusedWithALocatedErrorThatSaysWhatWasExpected)
{
    const JsonCase &c = GetParam();
    const std::string bytes = fixture("json", c.file);
    const std::string where =
        std::string(c.file) + (std::string(c.where).empty() ? "" : ": " + std::string(c.where));
    std::optional<Result<Dataset>> result;
    ASSERT_NO_THROW(result.emplace(readDatasetJson(bytes, c.file)));
    ASSERT_FALSE(result->ok());
    EXPECT_TRUE(hasLocatedError(result->errors(), c.file, where, c.message));
}

std::string caseName(const ::testing::TestParamInfo<JsonCase> &info)
{
    std::string name = info.param.file;
    name = name.substr(0, name.find('.'));
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MalformedJson, ::testing::ValuesIn(kJsonCases), caseName);

TEST(MalformedJsonGenerated, BinaryGarbageIsRefusedNotThrown)
{
    std::mt19937 random(20250807);
    for (int round = 0; round < 50; ++round) {
        std::string bytes(1 + random() % 4096, '\0');
        for (char &b : bytes)
            b = static_cast<char>(random() % 256);
        bytes.front() = '\x01'; // never a JSON value, so the file is never valid
        std::optional<Result<Dataset>> result;
        ASSERT_NO_THROW(result.emplace(readDatasetJson(bytes, "garbage.bin")));
        ASSERT_FALSE(result->ok());
        EXPECT_TRUE(hasLocatedError(result->errors(), "garbage.bin",
                                    "garbage.bin: line 1, column 1", "not valid JSON"));
    }
}

TEST(MalformedJsonGenerated, DocumentCutAtAnyByteIsRefusedWithItsLineAndColumn)
{
    const std::string whole = testing_paths::readSource("tests/data/json/v0_dataset.json");
    const std::size_t end = whole.rfind('}');
    for (std::size_t cut = 0; cut < end; ++cut) {
        const std::string bytes = whole.substr(0, cut);
        std::optional<Result<Dataset>> result;
        ASSERT_NO_THROW(result.emplace(readDatasetJson(bytes, "cut.json"))) << cut;
        ASSERT_FALSE(result->ok()) << cut;
        const Error &e = result->errors().front();
        if (bytes.find_first_not_of(" \n") == std::string::npos) {
            EXPECT_EQ(e.message.rfind("is empty", 0), 0u) << cut;
            continue;
        }
        // The parser stops at the last character it read: the last one of the cut text.
        const std::string_view before = std::string_view(bytes).substr(0, bytes.size() - 1);
        const auto line = std::count(before.begin(), before.end(), '\n') + 1;
        const std::size_t lineStart = before.rfind('\n');
        const std::size_t column =
            before.size() - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
        const std::string position =
            "line " + std::to_string(line) + ", column " + std::to_string(column);
        EXPECT_TRUE(e.where.ends_with(position)) << cut << ": " << e.toString();
        EXPECT_EQ(e.message.rfind("not valid JSON: syntax error", 0), 0u) << e.toString();
    }
}

TEST(MalformedJsonGenerated, CorruptedBytesNeverEscapeAsExceptions)
{
    const std::string whole = testing_paths::readSource("tests/data/json/v0_dataset.json");
    std::mt19937 random(1958);
    for (int round = 0; round < 500; ++round) {
        std::string bytes = whole;
        for (int n = 0; n < 3; ++n)
            bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
        EXPECT_NO_THROW((void)readDatasetJson(bytes, "corrupt.json")) << round;
    }
}

TEST(MalformedJsonGenerated, PathOfAPathologicalNestingIsCut)
{
    const std::string bytes = "{\"runs\": " + std::string(100000, '[');
    const Result<Dataset> result = readDatasetJson(bytes, "deep.json");
    ASSERT_FALSE(result.ok());
    const std::string &where = result.errors().front().where;
    EXPECT_EQ(where.rfind("deep.json: runs[0][0][0]", 0), 0u) << where.substr(0, 200);
    EXPECT_LT(where.size(), 200u);
}

TEST(MalformedJsonGenerated, InvalidUtf8InAStringIsRefusedAtItsPath)
{
    const std::string bytes =
        "{\"schema_version\": 1,\n\"runs\": [{\"id\": \"a\", \"name\": \"caf\xC3\x28\"}]}";
    const Result<Dataset> result = readDatasetJson(bytes, "latin1.json");
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(hasLocatedError(result.errors(), "latin1.json", "latin1.json: runs[0].name, line 2",
                                "ill-formed UTF-8"));
}

TEST(MalformedJsonGenerated, DeeplyNestedArraysAreRefusedWithoutOverflowingTheStack)
{
    const std::string bytes = std::string(200000, '[') + std::string(200000, ']');
    std::optional<Result<Dataset>> result;
    ASSERT_NO_THROW(result.emplace(readDatasetJson(bytes, "nested.json")));
    ASSERT_FALSE(result->ok());
    EXPECT_TRUE(hasLocatedError(result->errors(), "nested.json", "nested.json",
                                "expected a JSON object at the top level, got array"));
}

TEST(MalformedJsonGenerated, EveryFieldOfOneRunIsReportedAtOnce)
{
    const std::string bytes = R"({"schema_version": 1, "runs": [{"id": 1, "name": [],
        "date": "2021-13-01", "parameters": "big", "upper_bound": 0, "tags": [1]}]})";
    const Result<Dataset> result = readDatasetJson(bytes, "many.json");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.errors().size(), 6u) << result.errorText();
    for (const char *path : {"id", "name", "date", "parameters", "upper_bound", "tags[0]"})
        EXPECT_TRUE(hasLocatedError(result.errors(), "many.json",
                                    std::string("many.json: runs[0].") + path, "expected"));
}

TEST(MalformedJsonGenerated, HugeSchemaVersionIsNewerNotNegative)
{
    const Result<Dataset> result =
        readDatasetJson(R"({"schema_version": 18446744073709551615, "runs": []})", "huge.json");
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(hasLocatedError(result.errors(), "huge.json", "huge.json: schema_version",
                                "format version 18446744073709551615"));
}

// ---------------------------------------------------------------------------------------
// CSV (Epoch AI exports). A file is refused only when it is not CSV or lacks a name,
// date or compute column; otherwise every row is kept, and a cell that cannot be read
// is a warning at "row N, column 'X'".

const HardwareCatalog &catalog()
{
    return testing_support::testCatalog();
}

// Imports a fixture; any exception fails the test.
Result<ImportResult> importFixture(const std::string &file)
{
    return importEpochCsv(fixture("csv", file), file, &catalog());
}

struct FatalCsvCase {
    const char *file;
    const char *where;
    const char *message;
};

const FatalCsvCase kFatalCsvCases[] = {
    {"missing_compute_column.csv", "row 1",
     "not an Epoch AI export: no column 'Training compute (FLOP)' (or 'Training compute "
     "(FLOPs)') (found 'Model', 'Publication date')"},
    {"missing_name_column.csv", "row 1", "no column 'Model' (or 'System')"},
    {"missing_every_column.csv", "row 1",
     "no column 'Model' (or 'System'), 'Publication date', 'Training compute (FLOP)'"},
    {"unterminated_quote.csv", "row 3, column 1", "a quoted field is never closed (missing '\"')"},
    {"stray_quote.csv", "row 3, column 2",
     "malformed CSV: a quote inside a field that is not quoted, or text after a closing quote"},
    {"text_after_closing_quote.csv", "row 2, column 1", "malformed CSV"},
    {"empty.csv", "", "is empty (expected a CSV file with a header row)"},
};

class MalformedCsv : public ::testing::TestWithParam<FatalCsvCase> {};

TEST_P(MalformedCsv, IsRefusedWithALocatedError)
{
    const FatalCsvCase &c = GetParam();
    const std::string where =
        std::string(c.file) + (std::string(c.where).empty() ? "" : ": " + std::string(c.where));
    std::optional<Result<ImportResult>> result;
    ASSERT_NO_THROW(result.emplace(importFixture(c.file)));
    ASSERT_FALSE(result->ok());
    EXPECT_TRUE(hasLocatedError(result->errors(), c.file, where, c.message));
}

std::string csvCaseName(const ::testing::TestParamInfo<FatalCsvCase> &info)
{
    const std::string name = info.param.file;
    return name.substr(0, name.find('.'));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MalformedCsv, ::testing::ValuesIn(kFatalCsvCases), csvCaseName);

// Warnings of an import, one per line, for failure messages.
std::string warningText(const ImportReport &report)
{
    std::string text;
    for (const Error &e : report.warnings)
        text += "\n  " + e.toString();
    return text;
}

bool isNotPlottable(const ImportReport &report, std::size_t runIndex)
{
    return std::find(report.notPlottable.begin(), report.notPlottable.end(), runIndex) !=
           report.notPlottable.end();
}

TEST(MalformedCsvRows, NulBytesAreRefusedAtTheirRowAndColumn)
{
    const std::string bytes = std::string("Model,Publication date,Training compute (FLOP)\n"
                                          "GPT-3,2020-05-28,3.14e23\n\"Alex\nNet\",2012,4.7e17\n"
                                          "LeNet,1998,") +
                              std::string(1, '\0') + "2.8e12\n";
    const Result<ImportResult> result = importEpochCsv(bytes, "nul.csv", &catalog());
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(hasLocatedError(result.errors(), "nul.csv", "nul.csv: row 4, column 3",
                                "a NUL byte: this is not a text file (expected CSV text)"));
}

TEST(MalformedCsvRows, BinaryGarbageIsRefusedWithARowNotACrash)
{
    std::mt19937 random(4180);
    for (int round = 0; round < 50; ++round) {
        std::string bytes(1 + random() % 4096, '\0');
        for (char &b : bytes)
            b = static_cast<char>(1 + random() % 255);
        std::optional<Result<ImportResult>> result;
        ASSERT_NO_THROW(result.emplace(importEpochCsv(bytes, "garbage.csv", &catalog())));
        ASSERT_FALSE(result->ok());
        EXPECT_TRUE(hasLocatedError(result->errors(), "garbage.csv", "garbage.csv: row ", ""));
    }
}

TEST(MalformedCsvRows, HeaderOnlyImportsNothingAndSaysSo)
{
    const auto result = importFixture("header_only.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_EQ(result->report.rows, 0u);
    EXPECT_TRUE(result->dataset.runs.empty());
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "header_only.csv",
                                "header_only.csv: row 2", "no data rows after the header"));
}

TEST(MalformedCsvRows, RowWithFewerFieldsThanTheHeaderIsKept)
{
    const auto result = importFixture("short_row.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 2u);
    const TrainingRun &alexnet = result->dataset.runs[1];
    EXPECT_EQ(alexnet.name, "AlexNet");
    EXPECT_EQ(alexnet.organization, "University of Toronto");
    EXPECT_FALSE(alexnet.date);
    EXPECT_TRUE(alexnet.estimates.empty());
    EXPECT_TRUE(isNotPlottable(result->report, 1));
    EXPECT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "short_row.csv", "short_row.csv: row 3",
                                "has 2 fields but the header has 4; the missing cells are read "
                                "as empty"));
}

TEST(MalformedCsvRows, RowWithMoreFieldsThanTheHeaderIsKeptWithAWarning)
{
    const auto result = importFixture("long_row.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_EQ(result->dataset.runs[0].flop(), 3.14e23);
    EXPECT_TRUE(result->report.notPlottable.empty());
    EXPECT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "long_row.csv",
                                "long_row.csv: row 2, column 5",
                                "has 6 fields but the header has 4; the fields after column 4 "
                                "are ignored"));
}

TEST(MalformedCsvRows, NonNumericComputeIsKeptUnplottedWithAWarningAtItsCell)
{
    const auto result = importFixture("compute_not_a_number.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 2u);
    EXPECT_EQ(result->dataset.runs[0].name, "GPT-3");
    EXPECT_TRUE(result->dataset.runs[0].estimates.empty());
    EXPECT_EQ(result->report.notPlottable, std::vector<std::size_t>{0});
    EXPECT_EQ(result->report.withoutCompute, 1u);
    EXPECT_EQ(result->report.withReportedCompute, 1u);
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where,
              "compute_not_a_number.csv: row 2, column 'Training compute (FLOP)'");
    EXPECT_EQ(result->report.warnings[0].message,
              "'about 3e23' is not a number (expected a training compute in FLOP, e.g. 3.14e+23)");
}

TEST(MalformedCsvRows, NegativeAndZeroComputeAreKeptWithWarnings)
{
    const auto result = importFixture("compute_negative.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 2u);
    EXPECT_EQ(result->report.notPlottable, (std::vector<std::size_t>{0, 1}));
    ASSERT_EQ(result->report.warnings.size(), 2u) << warningText(result->report);
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "compute_negative.csv",
                                "compute_negative.csv: row 2, column 'Training compute (FLOP)'",
                                "'-3.14e23' is not greater than 0"));
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "compute_negative.csv",
                                "compute_negative.csv: row 3, column 'Training compute (FLOP)'",
                                "'0' is not greater than 0"));
}

TEST(MalformedCsvRows, NanInfinityOverflowAndHexComputeAreNotReadAsNumbers)
{
    const auto result = importFixture("compute_nan_inf.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 4u);
    EXPECT_EQ(result->report.withoutCompute, 4u);
    ASSERT_EQ(result->report.warnings.size(), 4u) << warningText(result->report);
    int row = 2;
    for (const char *message :
         {"'nan' is not a number", "'inf' is not a number",
          "'1e999' is beyond the range of numbers", "'0x1p70' is not a number"}) {
        EXPECT_TRUE(hasLocatedError(result->report.warnings, "compute_nan_inf.csv",
                                    "compute_nan_inf.csv: row " + std::to_string(row++) +
                                        ", column 'Training compute (FLOP)'",
                                    message));
    }
}

TEST(MalformedCsvRows, ThousandsSeparatorsAreNotGuessedAt)
{
    const auto result = importFixture("compute_thousands_separator.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_TRUE(result->dataset.runs[0].estimates.empty());
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "compute_thousands_separator.csv",
                                "compute_thousands_separator.csv: row 2, column 'Training "
                                "compute (FLOP)'",
                                "is not a number"));
}

TEST(MalformedCsvRows, QuarterDateIsKeptWithoutADateAndWarned)
{
    const auto result = importFixture("date_quarter.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_FALSE(result->dataset.runs[0].date);
    EXPECT_EQ(result->dataset.runs[0].flop(), 3.14e23);
    EXPECT_EQ(result->report.withoutDate, 1u);
    EXPECT_EQ(result->report.notPlottable, std::vector<std::size_t>{0});
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where,
              "date_quarter.csv: row 2, column 'Publication date'");
    EXPECT_EQ(result->report.warnings[0].message,
              "'Q3 2020' is not a date (expected yyyy-mm-dd, d/m/yyyy, m/yyyy or yyyy)");
}

TEST(MalformedCsvRows, ForthcomingAndEmptyDatesAreKeptWithoutAWarning)
{
    const auto result = importFixture("date_forthcoming.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 2u);
    EXPECT_FALSE(result->dataset.runs[0].date);
    EXPECT_FALSE(result->dataset.runs[1].date);
    EXPECT_EQ(result->dataset.runs[0].flop(), 9.3e22);
    EXPECT_EQ(result->report.withoutDate, 2u);
    EXPECT_EQ(result->report.notPlottable, (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(result->report.warnings.empty()) << warningText(result->report);
}

TEST(MalformedCsvRows, ImpossibleDatesAreKeptWithoutADateAndWarned)
{
    const auto result = importFixture("date_impossible.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 4u);
    EXPECT_EQ(result->report.withoutDate, 4u);
    ASSERT_EQ(result->report.warnings.size(), 4u) << warningText(result->report);
    int row = 2;
    for (const char *cell : {"2021-02-30", "30/02/2021", "0000-00-00", "13/2021"})
        EXPECT_TRUE(hasLocatedError(result->report.warnings, "date_impossible.csv",
                                    "date_impossible.csv: row " + std::to_string(row++) +
                                        ", column 'Publication date'",
                                    "'" + std::string(cell) + "' is not a date"));
}

TEST(MalformedCsvRows, CrlfAndCrOnlyLineEndingsReadLikeLf)
{
    for (const char *file : {"crlf.csv", "cr_only.csv"}) {
        SCOPED_TRACE(file);
        const auto result = importFixture(file);
        ASSERT_TRUE(result.ok()) << result.errorText();
        ASSERT_EQ(result->dataset.runs.size(), 2u);
        EXPECT_TRUE(result->report.warnings.empty()) << warningText(result->report);
        const TrainingRun &alexnet = result->dataset.runs[1];
        EXPECT_EQ(alexnet.name,
                  std::string(file) == "crlf.csv" ? "AlexNet, the original" : "AlexNet");
        EXPECT_EQ(alexnet.date, Date(2012, 9, 30));
        EXPECT_EQ(alexnet.flop(), 4.7e17);
        EXPECT_EQ(result->dataset.runs[0].flop(), 3.14e23); // no '\r' left on the last cell
    }
}

TEST(MalformedCsvRows, QuotedFieldsKeepCommasQuotesAndNewlines)
{
    const auto result = importFixture("quoted_fields.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    const Dataset &d = result->dataset;
    ASSERT_EQ(d.runs.size(), 4u);
    EXPECT_EQ(d.runs[0].name, "GPT-3 175B (davinci), the \"big\" one");
    EXPECT_EQ(d.runs[1].name, "Two\nline name");
    EXPECT_EQ(d.runs[1].date, Date(2019, 1, 1, DatePrecision::Year));
    EXPECT_EQ(d.runs[2].name, "(unnamed, row 4)"); // record 4: the quoted newline is no row
    EXPECT_EQ(d.runs[3].name, "Padded");
    EXPECT_EQ(d.runs[3].organization, "Lab");
    EXPECT_EQ(d.runs[3].date, Date(2019, 3, 1, DatePrecision::Month));
    EXPECT_EQ(d.runs[3].flop(), 2e21);
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where, "quoted_fields.csv: row 4, column 'Model'");
}

TEST(MalformedCsvRows, ByteOrderMarkDoesNotHideTheFirstColumn)
{
    const auto result = importFixture("bom.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_EQ(result->dataset.runs[0].name, "GPT-3");
}

TEST(MalformedCsvRows, BlankLinesAreNotRows)
{
    const auto result = importFixture("blank_lines.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_EQ(result->report.rows, 2u);
    EXPECT_TRUE(result->report.warnings.empty()) << warningText(result->report);
}

TEST(MalformedCsvRows, UtilizationAboveOneFallsBackToTheDefaultWithAWarning)
{
    const auto result = importFixture("utilization_above_one.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    const TrainingRun &run = result->dataset.runs[0];
    ASSERT_EQ(run.estimates.size(), 2u);
    const auto *hw = std::get_if<HardwareInputs>(&run.estimates[1].inputs);
    ASSERT_NE(hw, nullptr);
    EXPECT_EQ(hw->utilization, 0.33);
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where,
              "utilization_above_one.csv: row 2, column 'Hardware utilization'");
    EXPECT_EQ(result->report.warnings[0].message,
              "'1.5' is above 1 (expected a fraction such as 0.4); the hardware estimate "
              "assumes 0.33");
}

TEST(MalformedCsvRows, HardwareFiguresThatOverflowGiveNoEstimateButAWarning)
{
    const auto result = importFixture("hardware_overflow.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_TRUE(result->dataset.runs[0].estimates.empty());
    EXPECT_EQ(result->report.hardwareEstimates, 0u);
    EXPECT_TRUE(result->dataset.validate().empty());
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "hardware_overflow.csv",
                                "hardware_overflow.csv: row 2, column 'Training hardware'",
                                "beyond the range of numbers"));
}

TEST(MalformedCsvRows, QuantityWithThousandsSeparatorGivesNoEstimateButAWarning)
{
    const auto result = importFixture("hardware_quantity_not_a_number.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_EQ(result->dataset.runs[0].estimates.size(), 1u); // the reported figure only
    EXPECT_TRUE(hasLocatedError(result->report.warnings, "hardware_quantity_not_a_number.csv",
                                "hardware_quantity_not_a_number.csv: row 2, column 'Hardware "
                                "quantity'",
                                "'2,048' is not a number (expected a number of devices"));
}

TEST(MalformedCsvRows, UnknownHardwareIsListedOnce)
{
    const auto result = importFixture("unknown_hardware.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_EQ(result->report.unknownHardware, std::vector<std::string>{"Cerebras WSE-2"});
    EXPECT_EQ(result->report.withoutCompute, 2u);
    EXPECT_EQ(result->dataset.runs[0].confidence, Confidence::Speculative);
}

TEST(MalformedCsvRows, EmptyNameIsKeptUnderARowName)
{
    const auto result = importFixture("empty_name.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->dataset.runs.size(), 1u);
    EXPECT_EQ(result->dataset.runs[0].name, "(unnamed, row 2)");
    EXPECT_EQ(result->dataset.runs[0].flop(), 1e18);
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where, "empty_name.csv: row 2, column 'Model'");
}

TEST(MalformedCsvRows, UnknownConfidenceIsWarnedNotDropped)
{
    const auto result = importFixture("confidence_unknown.csv");
    ASSERT_TRUE(result.ok()) << result.errorText();
    ASSERT_EQ(result->report.warnings.size(), 1u) << warningText(result->report);
    EXPECT_EQ(result->report.warnings[0].where,
              "confidence_unknown.csv: row 2, column 'Confidence'");
    EXPECT_EQ(result->report.warnings[0].message,
              "'Very likely' is not a confidence (expected Confident, Likely, Speculative or "
              "Unknown)");
}

TEST(MalformedCsvRows, EveryKeptFixtureImportsAsAValidDataset)
{
    // Whatever the importer keeps must validate, or saving it would write a file that
    // cannot be read back.
    for (const char *file : {"header_only.csv",
                             "short_row.csv",
                             "long_row.csv",
                             "compute_not_a_number.csv",
                             "compute_negative.csv",
                             "compute_nan_inf.csv",
                             "compute_thousands_separator.csv",
                             "date_quarter.csv",
                             "date_forthcoming.csv",
                             "date_impossible.csv",
                             "crlf.csv",
                             "cr_only.csv",
                             "quoted_fields.csv",
                             "bom.csv",
                             "blank_lines.csv",
                             "utilization_above_one.csv",
                             "hardware_overflow.csv",
                             "hardware_quantity_not_a_number.csv",
                             "unknown_hardware.csv",
                             "empty_name.csv",
                             "confidence_unknown.csv"}) {
        SCOPED_TRACE(file);
        const auto result = importFixture(file);
        ASSERT_TRUE(result.ok()) << result.errorText();
        const Errors invalid = result->dataset.validate();
        EXPECT_TRUE(invalid.empty()) << (invalid.empty() ? "" : invalid[0].toString());
        for (const Error &w : result->report.warnings)
            EXPECT_EQ(w.where.rfind(std::string(file) + ": row ", 0), 0u) << w.toString();
    }
}

} // namespace
