// SPDX-License-Identifier: GPL-3.0-or-later
// Every column of Epoch AI's exports is kept: imported into RunFields, written to the
// native format (schema 3) and back, and written out as the CSV it came from, cell by
// cell, for every export vintage in tests/data/epoch. And every quantity charted and
// fitted: derived quantities, axes, power-law fits against independent arithmetic.
#include "core/io/csv_export.h"
#include "core/io/csv_reader.h"
#include "core/io/epoch_import.h"
#include "core/io/internal/epoch_columns.h"
#include "core/io/json_format.h"
#include "core/model/quantity.h"
#include "core/report/fit_report.h"
#include "core/stats/fit_cache.h"
#include "core/stats/run_selection.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace compute;

namespace {

using Table = std::vector<std::vector<std::string>>;

Table cellsOf(std::string_view bytes)
{
    Table table;
    const auto read = readCsv(bytes, "table.csv", [&](const CsvRecord &record) {
        // A blank last line is not a row.
        if (record.fields.size() == 1 && record.fields[0].empty() && record.number > 1) return true;
        table.emplace_back(record.fields.begin(), record.fields.end());
        return true;
    });
    EXPECT_TRUE(read.ok()) << read.errorText();
    return table;
}

// Every cell of `actual` equals that of `expected` (missing cells of a short row read as
// empty); the first differences are named by row and column.
void expectSameCells(const Table &expected, const Table &actual)
{
    ASSERT_EQ(actual.size(), expected.size());
    ASSERT_FALSE(expected.empty());
    const std::vector<std::string> &header = expected.front();
    EXPECT_EQ(actual.front(), header);
    int reported = 0;
    std::size_t compared = 0;
    for (std::size_t r = 1; r < expected.size(); ++r) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            const std::string want = c < expected[r].size() ? expected[r][c] : std::string();
            const std::string got = c < actual[r].size() ? actual[r][c] : std::string();
            ++compared;
            if (want == got || reported > 10) continue;
            ++reported;
            ADD_FAILURE() << "row " << r + 1 << ", column '" << header[c] << "': expected '" << want
                          << "', got '" << got << "'";
        }
    }
    EXPECT_EQ(compared, (expected.size() - 1) * header.size());
}

Dataset importFile(const std::string &name)
{
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + name);
    auto imported = importEpochCsv(bytes, name, &testing_support::testCatalog());
    EXPECT_TRUE(imported.ok()) << imported.errorText();
    return imported.ok() ? imported->dataset : Dataset{};
}

class EveryVintage : public ::testing::TestWithParam<const char *> {};

TEST_P(EveryVintage, CsvToNativeAndBackKeepsEveryColumnAndCell)
{
    const std::string name = GetParam();
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + name);
    const Dataset imported = importFile(name);
    ASSERT_FALSE(imported.runs.empty());

    const std::string native = writeDatasetJson(imported);
    const auto reread = readDatasetJson(native, "native.json");
    ASSERT_TRUE(reread.ok()) << reread.errorText();
    EXPECT_EQ(reread->runs, imported.runs);
    EXPECT_EQ(reread->metadata.csvColumns, imported.metadata.csvColumns);
    // The native bytes are a function of the dataset.
    EXPECT_EQ(writeDatasetJson(*reread), native);

    expectSameCells(cellsOf(bytes), cellsOf(writeRunsCsv(*reread)));
}

TEST_P(EveryVintage, CsvWrittenBackDirectlyKeepsEveryCell)
{
    const std::string name = GetParam();
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + name);
    expectSameCells(cellsOf(bytes), cellsOf(writeRunsCsv(importFile(name))));
}

// The cells an import judges without asking the run what it would write (padded texts,
// dollar signs, numbers not in Python's spelling, values that are not read, hardware
// columns a hardware estimate fills in) still come back as they were.
TEST(BeyondCompute, TrickyCellsComeBackAsTheyWere)
{
    const std::string csv =
        "Model,Domain,Organization,Publication date,Training compute (FLOP),Parameters,"
        "Training hardware,Hardware quantity,Training time (hours),Hardware utilization,"
        "Training compute cost (2023 USD),Citations,Country (from Organization),"
        "Organization categorization,Finetune compute (FLOP),Epochs,Batch size,Extra\n"
        "Padded,Language,Lab,2020-01-02,,\"  1e+09 \",\" NVIDIA A100 \",512.0,720.0,,"
        "\"$5000000\",0,\"  United States  \",\" Industry\",0.0,3,512,\" x \"\n"
        "Spelt,Vision,Lab,25/11/2019,6583000470780115968,1E+16,NVIDIA A100,512,720,1.5,"
        "5e6,0.0,France,Academia,1e16,3.0,512.00,\n"
        "Long,Vision,Lab,2019-11,6.583000470780116e+18,123456789012345680,,0,N/A,0.33,"
        "1099604.9936612176,-3,,,,1e-05,0.0001,y\n"
        "Unread,Games,Lab,2019,abc,-5,NVIDIA A100,,720.0,0.4,$,1e400,,,1e-400,0,,\n"
        "Empty,,,,,,,,,,,,,,,,,\n";
    auto imported = importEpochCsv(csv, "tricky.csv", &testing_support::testCatalog());
    ASSERT_TRUE(imported.ok()) << imported.errorText();
    const Dataset &dataset = imported->dataset;
    ASSERT_EQ(dataset.runs.size(), 5u);
    // The padded hardware is read, and makes a hardware estimate with the default
    // utilization, which the empty utilization cell does not show.
    ASSERT_EQ(dataset.runs[0].estimates.size(), 1u);
    EXPECT_EQ(dataset.runs[0].fields.text(RunText::TrainingHardware), "NVIDIA A100");
    EXPECT_EQ(dataset.runs[0].fields.text(RunText::Country), "United States");
    EXPECT_EQ(dataset.runs[0].fields.number(RunNumber::Cost), 5e6);
    EXPECT_EQ(dataset.runs[1].fields.number(RunNumber::Utilization), 1.5);
    expectSameCells(cellsOf(csv), cellsOf(writeRunsCsv(dataset)));
    const auto reread = readDatasetJson(writeDatasetJson(dataset), "tricky.json");
    ASSERT_TRUE(reread.ok()) << reread.errorText();
    expectSameCells(cellsOf(csv), cellsOf(writeRunsCsv(*reread)));
}

INSTANTIATE_TEST_SUITE_P(EpochExports, EveryVintage,
                         ::testing::Values("notable_ai_models_2025-02-24.csv",
                                           "all_ml_systems_full_view_2025-08-07.csv",
                                           "pcd_trends_2022-05-03.csv"));

const TrainingRun &runNamed(const Dataset &dataset, std::string_view name)
{
    for (const TrainingRun &run : dataset.runs)
        if (run.name == name) return run;
    throw std::runtime_error("no run named " + std::string(name));
}

TEST(BeyondCompute, ImportReadsEveryNewFieldOfARow)
{
    const Dataset d = importFile("notable_ai_models_2025-02-24.csv");
    const TrainingRun &llama = runNamed(d, "Llama 2-70B");
    const RunFields &f = llama.fields;
    EXPECT_EQ(f.number(RunNumber::DatasetSize), 1.5e12);
    EXPECT_EQ(f.number(RunNumber::TrainingHours), 1728.0);
    EXPECT_EQ(f.number(RunNumber::HardwareQuantity), 1000.0);
    EXPECT_EQ(f.number(RunNumber::Utilization), 0.4191975017);
    EXPECT_EQ(f.number(RunNumber::Cost), 1099604.9936612176);
    EXPECT_EQ(f.costYear(), 2023);
    EXPECT_EQ(f.number(RunNumber::PowerDraw), 884796.5963891526);
    EXPECT_EQ(f.number(RunNumber::Epochs), 1.0);
    EXPECT_EQ(f.number(RunNumber::BatchSize), 4e6);
    EXPECT_EQ(f.number(RunNumber::Citations), 8056.0);
    EXPECT_EQ(f.text(RunText::OrganizationCategory), "Industry");
    EXPECT_EQ(f.text(RunText::Country), "United States of America");
    EXPECT_EQ(f.text(RunText::Accessibility), "Open weights (restricted use)");
    EXPECT_EQ(f.text(RunText::TrainingHardware), "NVIDIA A100 SXM4 80 GB");
    EXPECT_FALSE(f.number(RunNumber::ChipHours)); // not a column of this export
    EXPECT_EQ(llama.confidence, Confidence::Confident);
    // Columns the app does not know are kept under their names.
    EXPECT_FALSE(f.extra("Abstract").empty());
    EXPECT_FALSE(f.extra("Authors").empty());

    const TrainingRun &gpt4 = runNamed(d, "GPT-4");
    EXPECT_TRUE(gpt4.hasTag(kTagFrontier));
    EXPECT_EQ(gpt4.fields.number(RunNumber::Cost), 40586592.57781653);
    EXPECT_EQ(gpt4.confidence, Confidence::Speculative);
    EXPECT_FALSE(gpt4.parameters);
}

TEST(BeyondCompute, TheDollarYearComesFromTheColumnName)
{
    const Dataset d2022 = importFile("pcd_trends_2022-05-03.csv");
    std::size_t costs = 0;
    for (const TrainingRun &run : d2022.runs) {
        if (!run.fields.number(RunNumber::Cost)) continue;
        ++costs;
        EXPECT_EQ(run.fields.costYear(), 2020) << run.name;
    }
    EXPECT_EQ(costs, 7u); // 8 cells, one of them "N/A"
    // All ML Systems writes some costs with a dollar sign: read as numbers.
    const Dataset all = importFile("all_ml_systems_full_view_2025-08-07.csv");
    std::size_t withDollar = 0;
    for (const TrainingRun &run : all.runs)
        if (auto cell = run.fields.sourceCell("Training compute cost (2023 USD)",
                                              epoch::canonicalCell(epoch::kCost, run));
            cell && cell->rfind("$", 0) == 0) {
            ++withDollar;
            EXPECT_TRUE(run.fields.number(RunNumber::Cost)) << run.name;
        }
    EXPECT_GT(withDollar, 0u);
}

TEST(BeyondCompute, AnEditedValueIsWrittenAsTheAppWritesIt)
{
    Dataset d = importFile("pcd_trends_2022-05-03.csv");
    // The 2022 export writes dates as d/m/yyyy: kept as they were, until one is edited.
    const std::size_t i = static_cast<std::size_t>(d.indexOfRun(d.runs[0].id));
    const Table before = cellsOf(writeRunsCsv(d));
    const std::size_t dateColumn = static_cast<std::size_t>(
        std::find(before[0].begin(), before[0].end(), "Publication date") - before[0].begin());
    EXPECT_EQ(before[1][dateColumn], "25/11/2019");
    d.runs[i].date = Date(2020, 1, 2);
    const Table after = cellsOf(writeRunsCsv(d));
    EXPECT_EQ(after[1][dateColumn], "2020-01-02");
    EXPECT_EQ(after[2][dateColumn], before[2][dateColumn]);
    // And through the native format: the stale spelling is not saved.
    const auto reread = readDatasetJson(writeDatasetJson(d), "edited.json");
    ASSERT_TRUE(reread.ok()) << reread.errorText();
    EXPECT_EQ(cellsOf(writeRunsCsv(*reread))[1][dateColumn], "2020-01-02");
}

TEST(BeyondCompute, PythonFloatReprAsEpochWritesNumbers)
{
    EXPECT_EQ(epoch::pythonFloat(24000000000.0), "24000000000.0");
    EXPECT_EQ(epoch::pythonFloat(4.64e26), "4.64e+26");
    EXPECT_EQ(epoch::pythonFloat(1e16), "1e+16");
    EXPECT_EQ(epoch::pythonFloat(9999999999999998.0), "9999999999999998.0");
    EXPECT_EQ(epoch::pythonFloat(0.33), "0.33");
    EXPECT_EQ(epoch::pythonFloat(0.0001), "0.0001");
    EXPECT_EQ(epoch::pythonFloat(1e-5), "1e-05");
    EXPECT_EQ(epoch::pythonFloat(1.5e-7), "1.5e-07");
    EXPECT_EQ(epoch::pythonFloat(40.0), "40.0");
    EXPECT_EQ(epoch::pythonFloat(-2.5), "-2.5");
    EXPECT_EQ(epoch::pythonFloat(1099604.9936612176), "1099604.9936612176");
    // Python's repr of each, at the ends of the range and of the fixed notation.
    EXPECT_EQ(epoch::pythonFloat(1e15), "1000000000000000.0");
    EXPECT_EQ(epoch::pythonFloat(1e300), "1e+300");
    EXPECT_EQ(epoch::pythonFloat(5e-324), "5e-324");
    EXPECT_EQ(epoch::pythonFloat(-1.7976931348623157e308), "-1.7976931348623157e+308");
    EXPECT_EQ(epoch::pythonFloat(123456789012345680.0), "1.2345678901234568e+17");
    EXPECT_EQ(epoch::pythonFloat(0.00012), "0.00012");
    EXPECT_EQ(epoch::pythonFloat(-0.0), "-0.0");
}

// isPythonFloat() tells without formatting, for most cells, what text == pythonFloat(v)
// tells by formatting: checked against that on every spelling here.
TEST(BeyondCompute, IsPythonFloatAgreesWithWritingTheNumber)
{
    std::size_t checked = 0, canonical = 0, readInOnePass = 0;
    const auto check = [&](const std::string &text, double value) {
        const bool expected = text == epoch::pythonFloat(value);
        ASSERT_EQ(epoch::isPythonFloat(text, value), expected)
            << "'" << text << "' against " << epoch::pythonFloat(value);
        ++checked;
        canonical += expected;
    };
    // A text against the number it reads as, and that number's neighbours.
    const auto checkAround = [&](const std::string &text) {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || !std::isfinite(value)) return;
        // The number read in the same pass is Python's spelling's, and from_chars' reading.
        if (const auto read = epoch::pythonFloatValue(text)) {
            ASSERT_EQ(epoch::pythonFloat(*read), text);
            ASSERT_EQ(*read, value) << text;
            ++readInOnePass;
        }
        check(text, value);
        check(text, std::nextafter(value, HUGE_VAL));
        check(text, std::nextafter(value, -HUGE_VAL));
        check(text, -value);
    };
    // The spellings a file may have of the same number besides Python's.
    const auto spellings = [](const std::string &repr) {
        std::vector<std::string> out = {repr, repr + "0", "0" + repr, "+" + repr, repr + " "};
        if (const auto e = repr.find('e'); e != std::string::npos) {
            std::string upper = repr;
            upper[e] = 'E';
            out.push_back(upper);
            out.push_back(repr.substr(0, e) + ".0" + repr.substr(e));        // "1.0e+16"
            out.push_back(repr.substr(0, e) + "e" + repr.substr(e + 2));     // no sign
            out.push_back(repr.substr(0, e + 2) + "0" + repr.substr(e + 2)); // "e+016"
        }
        if (repr.ends_with(".0")) out.push_back(repr.substr(0, repr.size() - 2)); // "512"
        if (const auto point = repr.find('.'); point != std::string::npos)
            out.push_back(repr.substr(0, point) + repr.substr(point + 1) + "e-" +
                          std::to_string(repr.size() - point - 1));
        return out;
    };
    for (const char *text : {"0.0",
                             "-0.0",
                             "0",
                             "0.00",
                             "nan",
                             "inf",
                             "-inf",
                             "512.0",
                             "512.",
                             ".5",
                             "0.5",
                             "00.5",
                             "1e+16",
                             "1e+15",
                             "1000000000000000.0",
                             "10000000000000000.0",
                             "0.0001",
                             "0.00001",
                             "1e-05",
                             "1e-04",
                             "1e-5",
                             "9999999999999998.0",
                             "5e-324",
                             "1.7976931348623157e+308",
                             "1e+308",
                             "1e+400",
                             "2.5e+0",
                             "2.5e+00",
                             "",
                             "-",
                             "e",
                             "1e",
                             "1e+",
                             "1..5",
                             "1.5.0",
                             "0.33",
                             "720.0",
                             "100100.0",
                             "2.01e+11",
                             "6583000470780115968",
                             "-2.5",
                             "--2.5"})
        checkAround(text);
    EXPECT_FALSE(epoch::isPythonFloat("0.0", -0.0));
    EXPECT_TRUE(epoch::isPythonFloat("-0.0", -0.0));
    EXPECT_TRUE(epoch::isPythonFloat("0.0", 0.0));
    EXPECT_TRUE(epoch::isPythonFloat("nan", std::nan("")));

    std::mt19937_64 random(20261207);
    // Any double, from its bits.
    for (int i = 0; i < 20000; ++i) {
        double value = 0;
        const std::uint64_t bits = random();
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value)) continue;
        for (const std::string &text : spellings(epoch::pythonFloat(value)))
            checkAround(text);
    }
    // Numbers of 1 to 17 digits at powers of ten around the fixed notation's ends and the
    // exact range of a product of a power of ten (22), where the check changes its way.
    std::uniform_int_distribution<int> digitCount(1, 17), exponent(-30, 30);
    for (int i = 0; i < 20000; ++i) {
        std::string digits;
        for (int n = digitCount(random); n > 0; --n)
            digits += static_cast<char>('0' + random() % 10);
        const std::string text = digits + "e" + std::to_string(exponent(random));
        double value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        for (const std::string &spelt : spellings(epoch::pythonFloat(value)))
            checkAround(spelt);
        checkAround(text);
    }
    EXPECT_GT(checked, 1000000u);
    EXPECT_GT(canonical, 40000u);     // both answers were checked, many times each
    EXPECT_GT(readInOnePass, 10000u); // and numbers read without from_chars
}

// Over random numbers of every magnitude: the text reads back as the same double, in
// fixed notation exactly for 1e-4 <= |v| < 1e16 (Python's rule), with the shortest
// digits and an exponent of at least two digits otherwise.
TEST(BeyondCompute, PythonFloatReadsBackAsTheSameNumberInPythonsNotation)
{
    std::mt19937_64 rng(15);
    std::uniform_real_distribution<double> mantissa(1, 10);
    std::uniform_int_distribution<int> exponent(-320, 308);
    for (int i = 0; i < 100000; ++i) {
        double v = mantissa(rng) * std::pow(10.0, exponent(rng));
        if (i % 3 == 0) // a few digits only, as most cells
            v = std::round(mantissa(rng) * 1000) / 1000 * std::pow(10.0, exponent(rng));
        if (i % 2) v = -v;
        if (!std::isfinite(v) || v == 0) continue;
        const std::string text = epoch::pythonFloat(v);
        ASSERT_EQ(std::strtod(text.c_str(), nullptr), v) << text;
        const double magnitude = std::fabs(v);
        const bool fixed = magnitude >= 1e-4 && magnitude < 1e16;
        EXPECT_EQ(text.find('e') == std::string::npos, fixed) << text;
        if (fixed) {
            EXPECT_NE(text.find('.'), std::string::npos) << text;
            continue;
        }
        const std::size_t e = text.find('e');
        EXPECT_TRUE(text[e + 1] == '+' || text[e + 1] == '-') << text;
        EXPECT_GE(text.size() - e - 2, 2u) << text;
        char shortest[64];
        const auto end =
            std::to_chars(shortest, shortest + sizeof shortest, v, std::chars_format::scientific)
                .ptr;
        const std::string_view expected(shortest, static_cast<std::size_t>(end - shortest));
        EXPECT_EQ(text.substr(0, e), expected.substr(0, expected.find('e'))) << text;
    }
}

TEST(BeyondCompute, OtherDataIsWrittenWithTheCurrentExportsColumns)
{
    Dataset d;
    TrainingRun run;
    run.id = "a";
    run.name = "A";
    run.date = Date(2021, 5, 1);
    run.parameters = 1e9;
    run.estimates = {ComputeEstimate::reported(6e21)};
    run.fields.setNumber(RunNumber::DatasetSize, 2e10);
    run.fields.setText(RunText::Country, "France");
    d.runs = {run};
    const Table table = cellsOf(writeRunsCsv(d));
    std::vector<std::string> header = epoch::currentExportHeader();
    header.insert(header.end(), {"Numerical format", "Upper bound", "Notes"});
    EXPECT_EQ(table[0], header);
    auto cell = [&](std::string_view column) {
        const auto at = std::find(header.begin(), header.end(), column) - header.begin();
        return table[1][static_cast<std::size_t>(at)];
    };
    EXPECT_EQ(cell("Training dataset size (datapoints)"), "20000000000.0");
    EXPECT_EQ(cell("Country (from Organization)"), "France");
    EXPECT_EQ(cell("Parameters"), "1000000000.0");
    EXPECT_EQ(cell("Publication date"), "2021-05-01");
}

TEST(BeyondCompute, SchemaTwoHardwareInputsBecomeFields)
{
    const std::string v2 = R"({"schema_version": 2, "runs": [{"id": "a", "name": "A",
        "date": "2016-01-01", "estimates": [{"method": "hardware", "device": "NVIDIA K80",
        "number_format": "fp32", "device_count": 16, "peak_flops_per_device": 5.6e12,
        "training_hours": 72, "time_unit": "hours", "utilization": 0.33}]}]})";
    const auto d = readDatasetJson(v2, "old.json");
    ASSERT_TRUE(d.ok()) << d.errorText();
    const RunFields &f = d->runs[0].fields;
    EXPECT_EQ(f.number(RunNumber::HardwareQuantity), 16.0);
    EXPECT_EQ(f.number(RunNumber::TrainingHours), 72.0);
    EXPECT_EQ(f.number(RunNumber::Utilization), 0.33);
    EXPECT_EQ(f.text(RunText::TrainingHardware), "NVIDIA K80");
    EXPECT_EQ(quantityValue(d->runs[0], Quantity::HardwareQuantity), 16.0);
    EXPECT_NE(writeDatasetJson(*d).find("\"schema_version\": 3"), std::string::npos);
}

TEST(BeyondCompute, BadFieldsInANativeFileAreLocated)
{
    const std::string bad = R"({"schema_version": 3, "runs": [{"id": "a", "name": "A",
        "fields": {"dataset_size": "many", "cost_year": 20.5},
        "extra": {"Abstract": 3}, "csv_cells": {"Model": ["A"]}}]})";
    const auto d = readDatasetJson(bad, "bad.json");
    ASSERT_FALSE(d.ok());
    const std::string text = d.errorText();
    EXPECT_NE(text.find("runs[0].fields.dataset_size"), std::string::npos) << text;
    EXPECT_NE(text.find("runs[0].fields.cost_year"), std::string::npos) << text;
    EXPECT_NE(text.find("runs[0].extra.Abstract"), std::string::npos) << text;
    EXPECT_NE(text.find("runs[0].csv_cells.Model"), std::string::npos) << text;
}

TEST(BeyondCompute, RunFieldsKeepTextsExtrasAndCellsApart)
{
    RunFields f;
    EXPECT_TRUE(f.empty());
    f.setExtra("Abstract", "long text");
    f.setText(RunText::Country, "Canada");
    f.setSourceCell("Publication date", "25/11/2019", "2019-11-25");
    f.setExtra("Authors", "A, B");
    EXPECT_EQ(f.extra("Abstract"), "long text");
    EXPECT_EQ(f.extra("Authors"), "A, B");
    EXPECT_EQ(f.text(RunText::Country), "Canada");
    EXPECT_EQ(f.sourceCell("Publication date", "2019-11-25"), "25/11/2019");
    EXPECT_FALSE(f.sourceCell("Publication date", "2019-11-26")); // stale
    f.setExtra("Abstract", "");                                   // cleared
    EXPECT_EQ(f.extra("Abstract"), "");
    EXPECT_EQ(f.extras().size(), 1u);
    RunFields g;
    g.setExtra("Authors", "A, B");
    g.setSourceCell("Publication date", "25/11/2019", "2019-11-25");
    g.setText(RunText::Country, "Canada");
    EXPECT_EQ(f, g); // the order of setting does not matter
    g.setNumber(RunNumber::Epochs, 2);
    EXPECT_NE(f, g);
    g.setNumber(RunNumber::Epochs, std::nullopt);
    EXPECT_EQ(f, g);
    g.setNumber(RunNumber::Epochs, NAN); // not a value: cleared
    EXPECT_FALSE(g.number(RunNumber::Epochs));
    EXPECT_EQ(f, g);
}

// The columns the builder tests set: an extra, and two known columns whose spellings
// differ from the app's.
struct BuilderColumns {
    std::uint16_t abstract = *columnKey("Abstract");
    std::uint16_t date = *columnKey("Publication date");
    std::uint16_t quantity = *columnKey("Hardware quantity");
};

// The abstract and both spellings through RunFields' own setters.
void setExtraAndSpellings(RunFields &fields)
{
    fields.setExtra("Abstract", "long text");
    fields.setSourceCell("Publication date", "25/11/2019", "2019-11-25");
    fields.setSourceCell("Hardware quantity", "512", "512.0");
}

TEST(BeyondCompute, ABuilderGivesTheFieldsTheSettersWouldInAnyOrderLastSettingWinning)
{
    const BuilderColumns c;
    RunFields bySetters;
    bySetters.setNumber(RunNumber::Epochs, 2);
    bySetters.setCostYear(2023);
    bySetters.setText(RunText::Country, "Canada");
    setExtraAndSpellings(bySetters);
    RunFields::Builder builder;
    builder.setExtra(c.abstract, "replaced below");
    builder.setSourceCell(c.quantity, "512", "512.0");
    builder.setText(RunText::BaseModel, "cleared below");
    builder.setNumber(RunNumber::Cost, 5); // cleared below
    builder.setSourceCell(c.date, "25/11/2019", "2019-11-25");
    builder.setExtra(c.abstract, "long text");
    builder.setText(RunText::Country, "Canada");
    builder.setCostYear(2023);
    builder.setNumber(RunNumber::Epochs, 2);
    builder.setText(RunText::BaseModel, "");
    builder.setNumber(RunNumber::Cost, NAN);
    RunFields built;
    builder.build(built);
    EXPECT_EQ(built, bySetters);
    EXPECT_EQ(built.sourceCell("Hardware quantity", "1024.0"), "1024");
    // Built again after more settings, into fields that had some: the same as setters.
    builder.setExtra(c.abstract, "");
    bySetters.setExtra("Abstract", "");
    builder.build(built);
    EXPECT_EQ(built, bySetters);
    builder.clear();
    builder.build(built);
    EXPECT_TRUE(built.empty());
}

// buildOnto() appends what sorts after the base and replays anything else setting by
// setting: either way the fields are those of the setters called on the base.
TEST(BeyondCompute, ABuilderOntoFieldsGivesTheFieldsTheSettersWould)
{
    const BuilderColumns c;
    RunFields base;
    base.setNumber(RunNumber::Epochs, 2);
    base.setText(RunText::Country, "Canada");

    // Only extras and spellings, all after the base's numbers and texts: appended.
    RunFields bySetters = base;
    setExtraAndSpellings(bySetters);
    RunFields::Builder builder;
    builder.setSourceCell(c.quantity, "512", "512.0");
    builder.setExtra(c.abstract, "long text");
    builder.setSourceCell(c.date, "25/11/2019", "2019-11-25");
    RunFields built;
    builder.buildOnto(base, built);
    EXPECT_EQ(built, bySetters);
    EXPECT_EQ(built.storedBytes(), bySetters.storedBytes()); // no byte more than needed
    EXPECT_EQ(built.number(RunNumber::Epochs), 2.0);
    EXPECT_EQ(built.sourceCell("Hardware quantity", "1024.0"), "1024");
    EXPECT_EQ(built.sourceCell("Publication date", "2019-11-25"), "25/11/2019");

    // A number before the base's text, a field of the base changed and one cleared:
    // replayed in order, the last setting winning.
    RunFields replayed = bySetters;
    replayed.setNumber(RunNumber::Cost, 5);
    replayed.setText(RunText::Country, "");
    replayed.setNumber(RunNumber::Epochs, 3);
    replayed.setExtra("Abstract", "other text");
    builder.clear();
    builder.setNumber(RunNumber::Cost, 7);
    builder.setText(RunText::Country, "");
    builder.setNumber(RunNumber::Epochs, 3);
    builder.setExtra(c.abstract, "other text");
    builder.setNumber(RunNumber::Cost, 5);
    RunFields rebuilt;
    builder.buildOnto(built, rebuilt);
    EXPECT_EQ(rebuilt, replayed);
    EXPECT_EQ(rebuilt.text(RunText::Country), "");
    EXPECT_EQ(rebuilt.number(RunNumber::Cost), 5.0);
    EXPECT_EQ(rebuilt.extra("Abstract"), "other text");
    EXPECT_EQ(rebuilt.sourceCell("Publication date", "2019-11-25"), "25/11/2019");

    // Onto nothing, it is build().
    builder.clear();
    builder.setText(RunText::Country, "Chile");
    RunFields fromEmpty, plain;
    builder.buildOnto(RunFields{}, fromEmpty);
    builder.build(plain);
    EXPECT_EQ(fromEmpty, plain);
}

TEST(BeyondCompute, EveryNumberComesBackExactWhateverItsStoredSize)
{
    // Whole numbers up to 2^53 take as few bytes as they need, others a double's 8.
    const double values[] = {0.0,
                             -0.0,
                             1.0,
                             255.0,
                             256.0,
                             65535.0,
                             2e11,
                             4e15,
                             9007199254740992.0,
                             9007199254740994.0,
                             0.5,
                             1e-300,
                             1.7e308,
                             -3.0,
                             -2.5,
                             6.0221e23,
                             2023.0,
                             1e5 + 0.25};
    for (const double v : values) {
        RunFields bySetter;
        bySetter.setNumber(RunNumber::Citations, v);
        ASSERT_TRUE(bySetter.number(RunNumber::Citations)) << v;
        EXPECT_EQ(*bySetter.number(RunNumber::Citations), v);
        EXPECT_EQ(std::signbit(*bySetter.number(RunNumber::Citations)), std::signbit(v));
        RunFields::Builder builder;
        builder.setNumber(RunNumber::Citations, v);
        RunFields built;
        builder.build(built);
        EXPECT_EQ(built, bySetter) << v;
    }
    RunFields whole, fraction;
    whole.setNumber(RunNumber::HardwareQuantity, 512);
    fraction.setNumber(RunNumber::HardwareQuantity, 512.5);
    EXPECT_EQ(whole.storedBytes() + 6, fraction.storedBytes()); // 2 bytes, not 8
    whole.setCostYear(2023);
    EXPECT_EQ(whole.costYear(), 2023);
}

TEST(BeyondCompute, SharedTextsAreTheSameFieldsInFewerBytes)
{
    const std::string country = "United Kingdom of Great Britain and Northern Ireland";
    const auto authors = *columnKey("Authors");
    RunFields own;
    own.setText(RunText::Country, country);
    own.setExtra("Authors", "A. Author");
    RunFields::Builder builder;
    builder.share(true);
    builder.setText(RunText::Country, country);
    builder.setExtra(authors, "A. Author");
    RunFields shared;
    builder.build(shared);
    EXPECT_EQ(shared, own);
    EXPECT_EQ(shared.text(RunText::Country), country);
    EXPECT_EQ(shared.extra("Authors"), "A. Author");
    EXPECT_LT(shared.storedBytes(), own.storedBytes() - 40); // an id, not 52 characters
    // An edit of another field keeps the shared text shared, and an edit of it makes it
    // the run's own.
    const std::size_t before = shared.storedBytes();
    shared.setNumber(RunNumber::Epochs, 3);
    EXPECT_EQ(shared.text(RunText::Country), country);
    // The number's kind and key in a byte, its length in one, and 3 in one.
    EXPECT_EQ(shared.storedBytes(), before + 3);
    shared.setText(RunText::Country, "Canada");
    EXPECT_EQ(shared.text(RunText::Country), "Canada");
    own.setNumber(RunNumber::Epochs, 3);
    EXPECT_NE(shared, own);
    own.setText(RunText::Country, "Canada");
    EXPECT_EQ(shared, own);
    shared.setExtra("Authors", "");
    EXPECT_EQ(shared.extra("Authors"), "");
}

TEST(BeyondCompute, AnImportSharesTheTextsOfColumnsWhoseValuesRepeat)
{
    // 600 rows: the country cycles through 3 values, an unknown column repeats 4, and
    // the abstract is the row's own. Judged on the first 256 values of each column.
    const std::string country = "United Kingdom of Great Britain and Northern Ireland";
    std::string csv = csvRecord({"Model", "Publication date", "Training compute (FLOP)",
                                 "Country (from Organization)", "Training dataset", "Abstract"});
    for (int i = 0; i < 600; ++i)
        csv +=
            csvRecord({"M" + std::to_string(i), "2020-01-01", "1e+20", i % 3 ? country : "Canada",
                       "Common Crawl, web text " + std::to_string(i % 4),
                       "An abstract of row " + std::to_string(i) + " that is its own"});
    const auto imported = importEpochCsv(csv, "shared.csv", nullptr);
    ASSERT_TRUE(imported.ok()) << imported.errorText();
    const auto &runs = imported->dataset.runs;
    ASSERT_EQ(runs.size(), 600u);
    for (const std::size_t i : {std::size_t{1}, std::size_t{299}, std::size_t{599}}) {
        const RunFields &f = runs[i].fields;
        ASSERT_TRUE(f.sourceCellColumns().empty()) << i; // every cell as the app writes it
        RunFields own;                                   // the same fields, each text the run's own
        own.setText(RunText::Country, f.text(RunText::Country));
        own.setExtra("Training dataset", f.extra("Training dataset"));
        own.setExtra("Abstract", f.extra("Abstract"));
        EXPECT_EQ(f.text(RunText::Country), i % 3 ? country : "Canada");
        EXPECT_EQ(f.extra("Abstract"),
                  "An abstract of row " + std::to_string(i) + " that is its own");
        EXPECT_EQ(f, own) << i;
        // Country and dataset are ids; the abstract is shared only while it was judged. An
        // id takes a byte or two (more only past the 8,192nd text shared in the process)
        // where the text takes its characters and a byte of length.
        const std::size_t sharedTexts = i < 256 ? 3 : 2;
        const std::size_t sharedLengths = f.text(RunText::Country).size() +
                                          f.extra("Training dataset").size() +
                                          (i < 256 ? f.extra("Abstract").size() : 0);
        EXPECT_LE(f.storedBytes() + sharedLengths, own.storedBytes() + sharedTexts) << i;
    }
}

// A text of `length` bytes, different at every offset and from one `seed` to the next, so
// that a value read from a shifted place or cut short does not come back equal.
std::string patterned(std::size_t length, std::size_t seed)
{
    std::string text(length, ' ');
    for (std::size_t i = 0; i < length; ++i)
        text[i] = static_cast<char>('!' + (i * 7 + seed * 13) % 90);
    return text;
}

// Each entry's key is written after the key before it, in a byte of its own up to a step
// of 30 and with more bytes beyond, and each value after its length, in one byte up to 63
// and more beyond: the fields come back whole on either side of every such boundary, set
// by the setters in any order, by a builder, or appended onto a builder's first fields.
TEST(BeyondCompute, RunFieldsKeepEveryEntryWhateverItsKeyAndLength)
{
    // 500 columns registered together have consecutive keys: the columns below are 0, 30,
    // 31, 32, 158 and 159 keys apart, besides the first step from key 0.
    std::vector<std::uint16_t> keys;
    std::vector<std::string> names;
    for (int i = 0; i < 500; ++i) {
        names.push_back("Key step column " + std::to_string(i));
        keys.push_back(*columnKey(names.back()));
        ASSERT_EQ(keys.back(), keys.front() + i);
    }
    const std::size_t lengths[] = {1, 63, 64, 127, 128, 253, 254, 255, 256, 8191, 8192, 70000};
    struct Cell {
        std::size_t column;
        std::string value;
        std::string canonical; // a spelling's
    };
    std::vector<Cell> extras, spellings;
    std::size_t seed = 0;
    for (const std::size_t column : {0, 1, 32, 64, 97, 256, 416, 417, 499, 300, 301}) {
        extras.push_back({column, patterned(lengths[seed % std::size(lengths)], seed), {}});
        ++seed;
    }
    // Spellings of their own (kept with the hash of the canonical text), and shortest
    // number styles (kept with no text): other kinds, keyed afresh.
    for (const std::size_t column : {0, 1, 32, 64, 97, 256, 416, 417, 450, 451, 482, 499}) {
        spellings.push_back({column, patterned(lengths[spellings.size()], ++seed),
                             "canonical " + std::to_string(column)});
    }
    const std::size_t styles[] = {2, 34, 66, 225, 385};
    const std::string notes = patterned(70000, ++seed), baseModel = patterned(64, ++seed);

    RunFields bySetters;
    bySetters.setNumber(RunNumber::DatasetSize, 2e11);
    bySetters.setNumber(RunNumber::Utilization, 0.4);
    bySetters.setText(RunText::DatasetNotes, notes);
    bySetters.setText(RunText::BaseModel, baseModel);
    for (const Cell &c : extras)
        bySetters.setExtra(names[c.column], c.value);
    for (const Cell &c : spellings)
        bySetters.setSourceCell(names[c.column], c.value, c.canonical);
    for (const std::size_t column : styles)
        bySetters.setSourceCell(names[column], "512", "512.0");

    const auto expectAll = [&](const RunFields &f) {
        EXPECT_EQ(f.number(RunNumber::DatasetSize), 2e11);
        EXPECT_EQ(f.number(RunNumber::Utilization), 0.4);
        EXPECT_EQ(f.text(RunText::DatasetNotes), notes);
        EXPECT_EQ(f.text(RunText::BaseModel), baseModel);
        for (const Cell &c : extras)
            EXPECT_EQ(f.extra(names[c.column]), c.value) << c.column;
        for (const Cell &c : spellings) {
            EXPECT_EQ(f.sourceCell(names[c.column], c.canonical), c.value) << c.column;
            EXPECT_FALSE(f.sourceCell(names[c.column], "edited")) << c.column;
        }
        for (const std::size_t column : styles)
            EXPECT_EQ(f.sourceCell(names[column], "1024.0"), "1024") << column;
        EXPECT_EQ(f.extra(names[2]), ""); // a column between those set
        const auto listed = f.extras();
        ASSERT_EQ(listed.size(), extras.size());
        for (std::size_t i = 1; i < listed.size(); ++i)
            EXPECT_LT(*columnKey(listed[i - 1].column), *columnKey(listed[i].column));
        EXPECT_EQ(f.sourceCellColumns().size(), spellings.size() + std::size(styles));
    };
    expectAll(bySetters);

    // The same settings the other way round.
    RunFields reversed;
    for (const std::size_t column : styles)
        reversed.setSourceCell(names[column], "512", "512.0");
    for (auto c = spellings.rbegin(); c != spellings.rend(); ++c)
        reversed.setSourceCell(names[c->column], c->value, c->canonical);
    for (auto c = extras.rbegin(); c != extras.rend(); ++c)
        reversed.setExtra(names[c->column], c->value);
    reversed.setText(RunText::BaseModel, baseModel);
    reversed.setText(RunText::DatasetNotes, notes);
    reversed.setNumber(RunNumber::Utilization, 0.4);
    reversed.setNumber(RunNumber::DatasetSize, 2e11);
    EXPECT_EQ(reversed, bySetters);
    expectAll(reversed);

    // By a builder, and by a builder appending the extras past column 100, and then the
    // spellings, onto fields whose last entry is an extra of a column before.
    RunFields::Builder builder;
    const auto setNumbersAndTexts = [&] {
        builder.setNumber(RunNumber::DatasetSize, 2e11);
        builder.setNumber(RunNumber::Utilization, 0.4);
        builder.setText(RunText::DatasetNotes, notes);
        builder.setText(RunText::BaseModel, baseModel);
    };
    const auto setExtras = [&](std::size_t from, std::size_t to) {
        for (const Cell &c : extras)
            if (c.column >= from && c.column < to) builder.setExtra(keys[c.column], c.value);
    };
    const auto setSpellings = [&] {
        for (const Cell &c : spellings)
            builder.setSourceCell(keys[c.column], c.value, c.canonical);
        for (const std::size_t column : styles)
            builder.setSourceCell(keys[column], "512", "512.0");
    };
    setNumbersAndTexts();
    setExtras(0, 500);
    setSpellings();
    RunFields built;
    builder.build(built);
    EXPECT_EQ(built, bySetters);
    EXPECT_EQ(built.storedBytes(), bySetters.storedBytes());
    expectAll(built);
    builder.clear();
    setNumbersAndTexts();
    setExtras(0, 100);
    RunFields first;
    builder.build(first);
    builder.clear();
    setExtras(100, 500); // the first of them 158 keys after the last extra of `first`
    setSpellings();
    RunFields appended;
    builder.buildOnto(first, appended);
    EXPECT_EQ(appended, bySetters);
    EXPECT_EQ(appended.storedBytes(), bySetters.storedBytes());
    expectAll(appended);
}

// Shared texts are held by their ids: ten thousand of them, the first of one byte and
// the last of three (past 8,192), each comes back as its own text would.
TEST(BeyondCompute, SharedTextsComeBackWhateverTheirId)
{
    const auto authors = *columnKey("Authors");
    constexpr std::size_t kRuns = 10000;
    std::vector<RunFields> runs(kRuns);
    RunFields::Builder builder;
    for (std::size_t i = 0; i < kRuns; ++i) {
        const std::string country = "Shared country " + std::to_string(i);
        const std::string author = "Shared author " + std::to_string(i);
        const std::string baseModel = "Own " + std::to_string(i);
        builder.clear();
        builder.share(true);
        builder.setText(RunText::Country, country);
        builder.setExtra(authors, author);
        builder.share(false);
        builder.setText(RunText::BaseModel, baseModel);
        builder.setNumber(RunNumber::Epochs, static_cast<double>(i));
        builder.build(runs[i]);
    }
    for (std::size_t i = 0; i < kRuns; ++i) {
        const RunFields &f = runs[i];
        ASSERT_EQ(f.text(RunText::Country), "Shared country " + std::to_string(i)) << i;
        ASSERT_EQ(f.extra("Authors"), "Shared author " + std::to_string(i)) << i;
        ASSERT_EQ(f.text(RunText::BaseModel), "Own " + std::to_string(i)) << i;
        ASSERT_EQ(f.number(RunNumber::Epochs), static_cast<double>(i)) << i;
        RunFields own;
        own.setText(RunText::Country, "Shared country " + std::to_string(i));
        own.setExtra("Authors", "Shared author " + std::to_string(i));
        own.setText(RunText::BaseModel, "Own " + std::to_string(i));
        own.setNumber(RunNumber::Epochs, static_cast<double>(i));
        ASSERT_EQ(f, own) << i;
        ASSERT_LT(f.storedBytes(), own.storedBytes()) << i;
        // Shared texts stay shared through a copy and an edit of another field.
        RunFields edited = f;
        edited.setText(RunText::BaseModel, "Edited");
        ASSERT_EQ(edited.text(RunText::Country), "Shared country " + std::to_string(i)) << i;
        ASSERT_LT(edited.storedBytes(), own.storedBytes()) << i;
    }
}

TEST(BeyondCompute, ANumberInItsShortestSpellingKeepsThatStyleThroughEdits)
{
    RunFields f;
    // "512" where Epoch writes "512.0": kept as a style, which holds for a new value too.
    f.setSourceCell("Hardware quantity", "512", "512.0");
    EXPECT_EQ(f.sourceCell("Hardware quantity", "512.0"), "512");
    EXPECT_EQ(f.sourceCell("Hardware quantity", "1024.0"), "1024");
    EXPECT_EQ(f.sourceCell("Hardware quantity", ""), std::nullopt); // cleared: empty
    // Any other spelling holds only for the value it was read with.
    f.setSourceCell("Parameters", "4.00E+01", "40.0");
    EXPECT_EQ(f.sourceCell("Parameters", "40.0"), "4.00E+01");
    EXPECT_EQ(f.sourceCell("Parameters", "41.0"), std::nullopt);
    EXPECT_EQ(f.sourceCellColumns().size(), 2u);
}

// A run's fields are one pointer, null without a field: a million runs of compute alone
// stay small. Yet they copy, move and compare like any value.
TEST(BeyondCompute, RunFieldsAreOnePointerThatCopiesMovesAndComparesAsAValue)
{
    EXPECT_EQ(sizeof(RunFields), sizeof(void *));
    const RunFields none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.storedBytes(), 0u);

    RunFields original;
    original.setNumber(RunNumber::Epochs, 2.5);
    original.setText(RunText::Country, "Canada");
    original.setExtra("Abstract", "long text");
    original.setSourceCell("Publication date", "25/11/2019", "2019-11-25");
    RunFields copy = original;
    EXPECT_EQ(copy, original);
    EXPECT_EQ(copy.storedBytes(), original.storedBytes());
    copy.setText(RunText::Country, "Chile"); // deep: the original keeps its own
    EXPECT_EQ(original.text(RunText::Country), "Canada");
    EXPECT_NE(copy, original);

    copy = original; // assigned over fields it had
    EXPECT_EQ(copy, original);
    copy = none; // and over them with none
    EXPECT_TRUE(copy.empty());
    EXPECT_EQ(copy, none);

    RunFields &alias = original; // a self-assignment keeps the fields
    original = alias;
    EXPECT_EQ(original.text(RunText::Country), "Canada");
    EXPECT_EQ(original.sourceCell("Publication date", "2019-11-25"), "25/11/2019");

    static_assert(std::is_nothrow_move_constructible_v<RunFields>);
    static_assert(std::is_nothrow_move_assignable_v<RunFields>);
    const RunFields kept = original;
    RunFields moved = std::move(original);
    EXPECT_EQ(moved, kept);
    EXPECT_EQ(moved.extra("Abstract"), "long text");
    RunFields target;
    target.setNumber(RunNumber::Cost, 1e6);
    target = std::move(moved);
    EXPECT_EQ(target, kept);
    EXPECT_FALSE(target.number(RunNumber::Cost));
}

TrainingRun runWith(std::string id, Date date, std::optional<double> flop,
                    std::optional<double> parameters, std::optional<double> data = {})
{
    TrainingRun run;
    run.id = id;
    run.name = id;
    run.date = date;
    if (flop) run.estimates = {ComputeEstimate::reported(*flop)};
    run.parameters = parameters;
    run.fields.setNumber(RunNumber::DatasetSize, data);
    return run;
}

TEST(BeyondCompute, DerivedQuantitiesAreRatiosOfTheirParts)
{
    const TrainingRun run = runWith("r", Date(2022, 3, 29), 5.76e23, 7e10, 1.4e12);
    EXPECT_DOUBLE_EQ(*quantityValue(run, Quantity::TokensPerParameter), 1.4e12 / 7e10);
    EXPECT_DOUBLE_EQ(*quantityValue(run, Quantity::ComputePerParameter), 5.76e23 / 7e10);
    EXPECT_DOUBLE_EQ(*quantityValue(run, Quantity::Date), Date(2022, 3, 29).yearsSinceEpoch());
    const TrainingRun noParameters = runWith("s", Date(2022, 1, 1), 1e20, std::nullopt, 1e9);
    EXPECT_FALSE(quantityValue(noParameters, Quantity::TokensPerParameter));
    EXPECT_FALSE(quantityValue(noParameters, Quantity::Cost));
    for (Quantity q : kQuantities)
        EXPECT_EQ(quantityFromKey(quantityKey(q)), q) << quantityKey(q);
    EXPECT_FALSE(quantityFromKey("flops"));

    const Axes logLog{Quantity::Compute, Quantity::Parameters};
    const auto point = logLog.point(run);
    ASSERT_TRUE(point);
    EXPECT_DOUBLE_EQ(point->first, std::log10(7e10));
    EXPECT_DOUBLE_EQ(point->second, std::log10(5.76e23));
}

// y = 10^0.3 * x^0.7 with a known wobble; the fit is compared with least squares done by
// hand on log10 x and log10 y.
Dataset powerLawDataset()
{
    Dataset d;
    const double xs[] = {1e6, 3e6, 1e7, 4e7, 1e8, 5e8, 2e9, 1e10};
    const double wobble[] = {0.05, -0.03, 0.02, -0.06, 0.04, 0.0, -0.02, 0.03};
    for (int i = 0; i < 8; ++i) {
        const double y = std::pow(10.0, 0.3 + 0.7 * std::log10(xs[i]) + wobble[i]);
        d.runs.push_back(runWith("r" + std::to_string(i), Date(2015 + i, 6, 1), y, xs[i]));
    }
    d.runs.push_back(runWith("no-params", Date(2018, 1, 1), 1e20, std::nullopt));
    return d;
}

TEST(BeyondCompute, PowerLawFitIsLeastSquaresOnLogLog)
{
    const Dataset d = powerLawDataset();
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const TrainingRun &run : d.runs) {
        if (!run.parameters) continue;
        const double x = std::log10(*run.parameters), y = std::log10(*run.flop());
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const double intercept = (sy - slope * sx) / n;

    const Axes axes{Quantity::Compute, Quantity::Parameters};
    const TrendFit fit = fitEra(d, Era{}, RunFilter{}, axes);
    ASSERT_TRUE(fit.ok());
    EXPECT_EQ(fit.n, 8u);
    EXPECT_NEAR(fit.slope, slope, 1e-12);
    EXPECT_NEAR(fit.intercept, intercept, 1e-10);

    // The window's cache gives the same fit.
    FitCache cache;
    cache.rebuild(d, RunFilter{}, axes);
    const TrendFit cached = cache.fit(Era{});
    EXPECT_EQ(cached.n, 8u);
    EXPECT_NEAR(cached.slope, slope, 1e-9);
    EXPECT_NEAR(cached.intercept, intercept, 1e-8);

    const auto json = nlohmann::json::parse(fitReportJson({{Era{}, fit}}, axes));
    const auto &j = json["fits"][0];
    EXPECT_EQ(j["y"], "compute");
    EXPECT_EQ(j["x"], "parameters");
    EXPECT_NEAR(j["exponent"].get<double>(), slope, 1e-12);
    EXPECT_NEAR(j["intercept_log10"].get<double>(), intercept, 1e-10);
    EXPECT_LT(j["exponent_ci95"][0].get<double>(), slope);
    EXPECT_GT(j["exponent_ci95"][1].get<double>(), slope);
    EXPECT_TRUE(j["doubling_time_months"].is_null());
    EXPECT_TRUE(j["growth_factor_per_year"].is_null());
    EXPECT_TRUE(j["r_squared"].get<double>() > 0.99);
}

// Against parameters an undated run with both values is drawn, but no era (a range of
// dates) holds it: the fits are those of the dated runs alone, as core's.
TEST(BeyondCompute, AnUndatedRunIsDrawnOnLogLogAxesButNeverFitted)
{
    Dataset d = powerLawDataset();
    const Axes axes{Quantity::Compute, Quantity::Parameters};
    const TrendFit dated = fitEra(d, Era{}, RunFilter{}, axes);
    TrainingRun undated = runWith("undated", Date(2000, 1, 1), 1e30, 1e6); // far off the line
    undated.date.reset();
    d.runs.push_back(undated);
    const std::size_t last = d.runs.size() - 1;
    EXPECT_EQ(fitEra(d, Era{}, RunFilter{}, axes).slope, dated.slope);

    FitCache cache;
    cache.rebuild(d, RunFilter{}, axes);
    EXPECT_TRUE(cache.isPlottable(last));
    const TrendFit cached = cache.fit(Era{});
    EXPECT_EQ(cached.n, dated.n);
    EXPECT_NEAR(cached.slope, dated.slope, 1e-9);
    // Not in an era that holds 1970 either (an undated run's date slot is 0).
    const Era around1970{"1960s-1980s", Date(1960, 1, 1), Date(1980, 1, 1)};
    EXPECT_EQ(cache.points(around1970).runIndex, std::vector<std::size_t>{});
    for (const std::size_t i : cache.points(Era{}).runIndex)
        EXPECT_NE(i, last);
    // Against the date it has no place at all.
    cache.rebuild(d, RunFilter{}, Axes{});
    EXPECT_FALSE(cache.isPlottable(last));
}

TEST(BeyondCompute, EachQuantityAgainstTheDateIsAnExponentialOfItsOwn)
{
    Dataset d;
    // Parameters doubling every year exactly: 1e9 at 2018-01-01.
    for (int i = 0; i < 5; ++i) {
        const Date date(2018 + i, 1, 1);
        const double years = date.yearsSinceEpoch() - Date(2018, 1, 1).yearsSinceEpoch();
        d.runs.push_back(
            runWith("p" + std::to_string(i), date, std::nullopt, 1e9 * std::pow(2.0, years)));
    }
    const Axes axes{Quantity::Parameters, Quantity::Date};
    const TrendFit fit = fitEra(d, Era{}, RunFilter{}, axes);
    ASSERT_TRUE(fit.ok()); // runs without compute count: the y is parameters
    EXPECT_EQ(fit.n, 5u);
    EXPECT_NEAR(fit.growthFactorPerYear(), 2.0, 1e-9);
    EXPECT_NEAR(fit.doublingTimeMonths(), 12.0, 1e-6);
    const auto json = nlohmann::json::parse(fitReportJson({{Era{}, fit}}, axes));
    EXPECT_EQ(json["fits"][0]["y"], "parameters");
    EXPECT_EQ(json["fits"][0]["x"], "date");
    EXPECT_NEAR(json["fits"][0]["growth_factor_per_year"].get<double>(), 2.0, 1e-9);
}

} // namespace
