// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile values: names of 1 MB, control characters, right-to-left text and invalid
// UTF-8 in names, impossible and extreme dates (0000-00-00, 2023-02-30, 9999-12-31),
// compute of 1e-300 and 1e300 and beyond the range of a double. Each round-trips
// byte for byte, or is refused (JSON) or warned about and kept (CSV) with a message
// naming the file and the row or JSON path.
#include "core/model/units.h"
#include "core/stats/run_selection.h"
#include "core/util/number_parse.h"
#include "tests/core/hostile_input.h"
#include "tests/core/located_error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace hostile;
using testing_errors::hasLocatedError;

namespace {

// ---------------------------------------------------------------------------------------
// Names: 1 MB, control characters, right-to-left text, invalid UTF-8

// A megabyte of text in 1-, 2-, 3- and 4-byte characters, with commas, quotes and
// line breaks that CSV must quote.
std::string megabyteName()
{
    const std::string piece = "GPT \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80 \"q\", a\nb ";
    std::string name;
    while (name.size() + piece.size() <= kOneMegabyte)
        name += piece;
    return "M" + name + "Z";
}

TEST(HostileNames, MegabyteNameRoundTripsThroughSaveLoadAndCsv)
{
    Dataset dataset;
    dataset.runs = {runNamed(megabyteName(), "big"), runNamed("Small", "small")};
    const Dataset loaded = throughJson(dataset);
    EXPECT_TRUE(loaded == dataset);

    const std::vector<TrainingRun> imported = throughCsv(dataset);
    ASSERT_EQ(imported.size(), 2u);
    EXPECT_TRUE(imported[0].name == dataset.runs[0].name);
    EXPECT_EQ(imported[0].flop(), 3.14e23);
    EXPECT_LE(imported[0].id.size(), 61u); // a slug of the name, not the name
    EXPECT_EQ(imported[1].name, "Small");
}

// U+0001..U+001F and DEL, inside a name.
std::string controlCharacters()
{
    std::string text;
    for (char c = 1; c < 0x20; ++c)
        text += c;
    return text + '\x7F';
}

TEST(HostileNames, ControlCharactersRoundTripThroughSaveAndLoadByteForByte)
{
    Dataset dataset;
    dataset.runs = {runNamed(controlCharacters(), "all"),
                    runNamed("a" + controlCharacters() + "b", "inside"),
                    runNamed("\x01 leading and trailing \x1F", "ends")};
    const std::string saved = writeDatasetJson(dataset);
    EXPECT_EQ(saved.find('\x01'), std::string::npos) << "control characters are escaped";
    EXPECT_NE(saved.find(R"(\u0001)"), std::string::npos);
    EXPECT_TRUE(throughJson(dataset) == dataset);
}

TEST(HostileNames, ControlCharactersRoundTripThroughCsvExceptBlanksAtTheEnds)
{
    Dataset dataset;
    dataset.runs = {runNamed("a" + controlCharacters() + "b", "inside"),
                    runNamed("\x01 leading and trailing \x1F", "ends"),
                    runNamed("\t\r\n ", "blank")};
    const std::vector<TrainingRun> imported = throughCsv(dataset);
    ASSERT_EQ(imported.size(), 3u);
    EXPECT_EQ(imported[0].name, dataset.runs[0].name);
    EXPECT_EQ(imported[1].name, dataset.runs[1].name);
    // An import trims blanks (space, tab, CR, LF) around a cell; a name of only blanks is
    // empty, and is kept under a name that says where it came from.
    EXPECT_EQ(imported[2].name, "(unnamed, row 4)");
}

TEST(HostileNames, RawControlCharacterInAJsonStringIsRefusedAtItsPath)
{
    const Result<Dataset> read = readJson(oneRunJson("\"name\": \"a\x01z\""), "raw.json");
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(hasLocatedError(read.errors(), "raw.json", "raw.json: runs[0].name, line 1",
                                "control character U+0001 (SOH) must be escaped"));
}

TEST(HostileNames, RightToLeftTextRoundTripsByteForByte)
{
    const std::string names[] = {
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D GPT-4",        // Hebrew, then Latin
        "\xD9\x86\xD9\x85\xD9\x88\xD8\xB0\xD8\xAC 175B", // Arabic with digits
        "\xE2\x80\xAE"
        "4-TPG\xE2\x80\xAC",                              // U+202E RLO ... U+202C PDF
        "a\xE2\x81\xA7\xD7\x90\xE2\x81\xA9z\xE2\x80\x8F", // isolate U+2067..U+2069, RLM
        "\xE2\x80\xAE",                                   // an override never closed
    };
    Dataset dataset;
    for (std::size_t i = 0; i < std::size(names); ++i)
        dataset.runs.push_back(runNamed(names[i], "rtl-" + std::to_string(i)));
    dataset.runs[0].organization = names[1];
    dataset.runs[0].notes = names[2];

    const std::string saved = writeDatasetJson(dataset);
    for (const std::string &name : names)
        EXPECT_NE(saved.find(name), std::string::npos) << "written as UTF-8, not escaped";
    EXPECT_TRUE(throughJson(dataset) == dataset);

    const std::vector<TrainingRun> imported = throughCsv(dataset);
    ASSERT_EQ(imported.size(), std::size(names));
    for (std::size_t i = 0; i < std::size(names); ++i)
        EXPECT_EQ(imported[i].name, names[i]) << i;
    EXPECT_EQ(imported[0].organization, names[1]);
    EXPECT_EQ(imported[0].notes, names[2]);
    // Names without a Latin letter or digit still get distinct ids.
    EXPECT_EQ(imported[4].id, "run");
}

TEST(HostileNames, InvalidUtf8InAJsonNameIsRefusedAtItsPath)
{
    const char *const bad[] = {
        "caf\xE9",          // Latin-1
        "\xC0\xAF",         // overlong '/'
        "\xED\xA0\x80",     // a UTF-16 surrogate
        "\xF4\x90\x80\x80", // above U+10FFFF
        "cut \xE2\x82",     // a sequence cut short by the closing quote
        "\xFF\xFE",
    };
    for (const char *name : bad) {
        SCOPED_TRACE(name);
        const Result<Dataset> read =
            readJson(oneRunJson(std::string("\"name\": \"") + name + "\""), "bad.json");
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(hasLocatedError(read.errors(), "bad.json", "bad.json: runs[0].name, line 1",
                                    "ill-formed UTF-8"));
        EXPECT_TRUE(allUtf8(read.errors())) << "the message quotes the bytes, repaired";
    }
}

TEST(HostileNames, InvalidUtf8InACsvIsReadAsWindows1252AndSaidWhere)
{
    const std::string bytes =
        kCsvHeader + "GPT-3,2020-05-28,3.14e23\n" + "Caf\xE9 \x93quoted\x94,2021,1e20\n";
    const Result<ImportResult> read = importCsv(bytes, "latin1.csv");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->dataset.runs.size(), 2u);
    EXPECT_EQ(read->dataset.runs[1].name, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    EXPECT_TRUE(
        hasLocatedError(read->report.warnings, "latin1.csv", "latin1.csv: line 3",
                        "not UTF-8 text: bytes that are not UTF-8 were read as Windows-1252"));
    EXPECT_EQ(firstInvalidUtf8(writeDatasetJson(read->dataset)), std::string_view::npos);
}

// ---------------------------------------------------------------------------------------
// Dates

TEST(HostileDates, ImpossibleDatesInJsonAreRefusedAndTheExtremesAccepted)
{
    for (const char *date : {"0000-00-00", "2023-02-30", "2023-13-01", "10000-01-01", "0000",
                             "9999-12-32", "-001-01-01"}) {
        SCOPED_TRACE(date);
        const Result<Dataset> read = readJson(
            oneRunJson(std::string(R"("name": "n", "date": ")") + date + "\""), "dates.json");
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(hasLocatedError(read.errors(), "dates.json", "dates.json: runs[0].date",
                                    std::string("'") + date + "' is not a date"));
    }
    for (const char *date : {"9999-12-31", "0001-01-01", "9999-12", "9999", "2024-02-29"}) {
        SCOPED_TRACE(date);
        const Result<Dataset> read = readJson(
            oneRunJson(std::string(R"("name": "n", "date": ")") + date + "\""), "dates.json");
        ASSERT_TRUE(read.ok()) << read.errorText();
        ASSERT_TRUE(read->runs[0].date);
        EXPECT_EQ(read->runs[0].date->toIso(), date);
        EXPECT_TRUE(throughJson(*read) == *read);
    }
}

TEST(HostileDates, ImpossibleDatesInACsvAreWarningsAndTheRunIsKeptUnplotted)
{
    const std::string bytes = kCsvHeader + "Zero,0000-00-00,1e20\n" + "Feb30,2023-02-30,1e20\n" +
                              "SlashZero,00/00/0000,1e20\n" + "SlashFeb30,30/02/2023,1e20\n" +
                              "Last,9999-12-31,1e20\n" + "SlashLast,31/12/9999,1e20\n" +
                              "First,0001-01-01,1e20\n";
    const Result<ImportResult> read = importCsv(bytes, "dates.csv");
    ASSERT_TRUE(read.ok()) << read.errorText();
    const auto &runs = read->dataset.runs;
    ASSERT_EQ(runs.size(), 7u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_FALSE(runs[i].date) << runs[i].name;
        EXPECT_TRUE(hasLocatedError(
            read->report.warnings, "dates.csv",
            "dates.csv: row " + std::to_string(i + 2) + ", column 'Publication date'",
            "is not a date (expected yyyy-mm-dd, d/m/yyyy, m/yyyy or yyyy)"));
    }
    EXPECT_EQ(read->report.withoutDate, 4u);
    EXPECT_EQ(read->report.notPlottable, (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(runs[4].date, Date(9999, 12, 31));
    EXPECT_EQ(runs[5].date, Date(9999, 12, 31));
    EXPECT_EQ(runs[6].date, Date(1, 1, 1));
}

TEST(HostileDates, YearOneAndYearNineNineNineNineFitAndRoundTripTheirDays)
{
    const Date last(9999, 12, 31), first(1, 1, 1);
    EXPECT_EQ(Date::fromDaysSinceEpoch(last.daysSinceEpoch()), last);
    EXPECT_EQ(Date::fromDaysSinceEpoch(first.daysSinceEpoch()), first);
    EXPECT_EQ(last.daysSinceEpoch() - first.daysSinceEpoch(),
              3652058); // 10,000 Gregorian years less a day

    Dataset dataset;
    dataset.runs = {runNamed("first", "a"), runNamed("middle", "b"), runNamed("last", "c")};
    dataset.runs[0].date = first;
    dataset.runs[2].date = last;
    const TrendFit fit = fitEra(dataset, Era{});
    ASSERT_TRUE(fit.ok()) << fit.statusMessage();
    EXPECT_EQ(fit.n, 3u);
    EXPECT_NEAR(fit.slope, 0, 1e-12); // the same compute throughout
    EXPECT_TRUE(std::isfinite(fit.intercept));
}

// ---------------------------------------------------------------------------------------
// Compute at the extremes

TEST(HostileCompute, TinyAndHugeComputeImportAndConvertToPfsDays)
{
    const std::string bytes = kCsvHeader + "Tiny,2000-01-01,1e-300\n" + "Huge,2010-01-01,1e300\n" +
                              "Mid,2005-01-01,1\n" + "Subnormal,2006-01-01,4.9e-324\n";
    const Result<ImportResult> read = importCsv(bytes, "extreme.csv");
    ASSERT_TRUE(read.ok()) << read.errorText();
    const auto &runs = read->dataset.runs;
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_TRUE(read->report.warnings.empty()) << read->report.warnings.front().toString();
    EXPECT_EQ(runs[0].flop(), 1e-300);
    EXPECT_EQ(runs[1].flop(), 1e300);
    EXPECT_EQ(runs[3].flop(), 4.9e-324);

    // In pfs-days (8.64e19 FLOP each), 1e-300 FLOP is a subnormal, still above 0.
    const double tinyPfsDays = runs[0].primaryEstimate()->pfsDays();
    const double hugePfsDays = runs[1].primaryEstimate()->pfsDays();
    EXPECT_GT(tinyPfsDays, 0);
    EXPECT_NEAR(tinyPfsDays / 1.1574074074074074e-320, 1, 1e-3);
    EXPECT_DOUBLE_EQ(hugePfsDays, 1e300 / kFlopPerPfsDay);
    EXPECT_EQ(formatSignificant(hugePfsDays, 3), "1.16e+280");
    EXPECT_EQ(formatSignificant(tinyPfsDays, 3), "1.16e-320");
    EXPECT_EQ(runs[3].primaryEstimate()->pfsDays(), 0) << "below the smallest double: 0";

    // Saved and loaded exactly; and fitted (log10 from -300 to 300) to finite figures.
    Dataset dataset = read->dataset;
    dataset.runs.pop_back();
    EXPECT_TRUE(throughJson(dataset) == dataset);
    const TrendFit fit = fitEra(dataset, Era{});
    ASSERT_TRUE(fit.ok()) << fit.statusMessage();
    // About 60 orders of magnitude a year: -300 in 2000, 0 in 2005, 300 in 2010.
    double mx = 0, my = 0;
    for (const TrainingRun &run : dataset.runs) {
        mx += run.date->yearsSinceEpoch() / 3;
        my += std::log10(*run.flop()) / 3;
    }
    double sxy = 0, sxx = 0;
    for (const TrainingRun &run : dataset.runs) {
        const double dx = run.date->yearsSinceEpoch() - mx;
        sxy += dx * (std::log10(*run.flop()) - my);
        sxx += dx * dx;
    }
    EXPECT_NEAR(fit.slope, sxy / sxx, 1e-9);
    EXPECT_NEAR(fit.slope, 60, 0.01);
    EXPECT_TRUE(std::isfinite(fit.doublingTimeDays()));
}

TEST(HostileCompute, ComputeBeyondTheRangeOfADoubleIsRefusedInACsvNotMadeInfinite)
{
    const std::string bytes = kCsvHeader + "Over,2020,1e309\n" + "Under,2020,1e-400\n" +
                              "Negative,2020,-1e309\n" + "Digits,2020,1" + std::string(400, '0') +
                              "\n";
    const Result<ImportResult> read = importCsv(bytes, "range.csv");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->dataset.runs.size(), 4u);
    for (const TrainingRun &run : read->dataset.runs)
        EXPECT_TRUE(run.estimates.empty()) << run.name;
    EXPECT_EQ(read->report.withoutCompute, 4u);
    const std::string at = "range.csv: row ";
    const std::string column = ", column 'Training compute (FLOP)'";
    EXPECT_TRUE(hasLocatedError(read->report.warnings, "range.csv", at + "2" + column,
                                "'1e309' is beyond the range of numbers"));
    EXPECT_TRUE(hasLocatedError(read->report.warnings, "range.csv", at + "3" + column,
                                "'1e-400' is too close to 0 to be told apart from it"));
    EXPECT_TRUE(hasLocatedError(read->report.warnings, "range.csv", at + "4" + column,
                                "'-1e309' is beyond the range of numbers"));
    EXPECT_TRUE(hasLocatedError(read->report.warnings, "range.csv", at + "5" + column,
                                "is beyond the range of numbers"));
    EXPECT_TRUE(allShort(read->report.warnings));
}

TEST(HostileCompute, ComputeBeyondTheRangeOfADoubleIsRefusedInJson)
{
    struct Case {
        const char *estimate;
        const char *where;
        const char *message;
    };
    const Case cases[] = {
        {R"({"method": "reported", "value": 1e309})", "runs[0].estimates[0].value",
         "number overflow parsing '1e309' (expected a number within the range of a double"},
        {R"({"method": "reported", "value": -1e309})", "runs[0].estimates[0].value",
         "number overflow parsing '-1e309'"},
        {R"({"method": "reported", "value": 1e-400})", "runs[0].estimates[0].value",
         "expected a compute figure greater than 0"},
        // Finite in pfs-days, beyond the range in FLOP.
        {R"({"method": "reported", "value": 1e300, "unit": "pfs-days"})", "runs[0].estimates[0]",
         "the inputs multiply to a compute outside the range of numbers (too large)"},
        {R"({"method": "parameters-tokens", "parameters": 1e200, "tokens": 1e200})",
         "runs[0].estimates[0]", "outside the range of numbers (too large)"},
        {R"({"method": "parameters-tokens", "parameters": 1e-200, "tokens": 1e-200})",
         "runs[0].estimates[0]", "outside the range of numbers (too small)"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.estimate);
        const Result<Dataset> read =
            readJson(oneRunJson(std::string(R"("name": "n", "estimates": [)") + c.estimate + "]"),
                     "range.json");
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(hasLocatedError(read.errors(), "range.json",
                                    std::string("range.json: ") + c.where, c.message));
    }
}

TEST(HostileCompute, TinyAndHugePfsDaysLoadAndSaveExactly)
{
    const Result<Dataset> read = readJson(
        R"({"schema_version": 1, "runs": [
        {"id": "a", "name": "a", "date": "2000",
         "estimates": [{"method": "reported", "value": 1e-300, "unit": "pfs-days"}]},
        {"id": "b", "name": "b", "date": "2001",
         "estimates": [{"method": "reported", "value": 1e288, "unit": "pfs-days"}]},
        {"id": "c", "name": "c", "date": "2002",
         "estimates": [{"method": "reported", "value": 1e-300}]}]})",
        "pfs.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_DOUBLE_EQ(*read->runs[0].flop(), 1e-300 * kFlopPerPfsDay);
    EXPECT_DOUBLE_EQ(*read->runs[1].flop(), 1e288 * kFlopPerPfsDay);
    EXPECT_EQ(read->runs[1].primaryEstimate()->pfsDays(), 1e288);
    EXPECT_EQ(*read->runs[2].flop(), 1e-300);
    EXPECT_TRUE(throughJson(*read) == *read);
}

} // namespace
