// SPDX-License-Identifier: GPL-3.0-or-later
// The RFC 4180 reader, field quoting, and CSV export that imports back.
#include "core/io/csv_export.h"
#include "core/io/csv_reader.h"
#include "core/io/epoch_import.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace compute;

namespace {

using Records = std::vector<std::vector<std::string>>;

// Every record of `bytes` as owned strings; fails the test on a parse error.
Records readAll(std::string_view bytes)
{
    Records records;
    const Result<std::size_t> read = readCsv(bytes, "test.csv", [&](const CsvRecord &record) {
        records.emplace_back(record.fields.begin(), record.fields.end());
        return true;
    });
    if (!read)
        ADD_FAILURE() << read.errorText();
    else
        EXPECT_EQ(*read, records.size());
    return records;
}

TEST(CsvReader, SplitsRecordsIntoFields)
{
    EXPECT_EQ(readAll("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvReader, QuotedFieldsKeepCommasDoubledQuotesAndLineBreaks)
{
    EXPECT_EQ(readAll("\"a,b\",\"say \"\"hi\"\"\",\"line 1\r\nline 2\",\"\"\n"),
              (Records{{"a,b", "say \"hi\"", "line 1\r\nline 2", ""}}));
}

TEST(CsvReader, EmptyFieldsAreKept)
{
    EXPECT_EQ(readAll("a,,c\n,\nx,y,\n"), (Records{{"a", "", "c"}, {"", ""}, {"x", "y", ""}}));
}

TEST(CsvReader, CrlfLfAndCrAllEndRecords)
{
    const Records expected{{"a", "b"}, {"c", "d"}, {"e", "f"}};
    EXPECT_EQ(readAll("a,b\r\nc,d\r\ne,f\r\n"), expected);
    EXPECT_EQ(readAll("a,b\nc,d\ne,f\n"), expected);
    EXPECT_EQ(readAll("a,b\rc,d\re,f\r"), expected);
    EXPECT_EQ(readAll("a,b\r\nc,d\ne,f"), expected); // mixed, and no final line break
}

TEST(CsvReader, ByteOrderMarkIsSkipped)
{
    EXPECT_EQ(readAll("\xEF\xBB\xBFModel,Domain\n"), (Records{{"Model", "Domain"}}));
}

TEST(CsvReader, BlankLinesAreSkipped)
{
    EXPECT_EQ(readAll("a\n\n\r\n\nb\n\n"), (Records{{"a"}, {"b"}}));
}

TEST(CsvReader, BlanksAroundUnquotedFieldsAreTrimmedButQuotedOnesKept)
{
    // As libcsv read them (the reader's reference), which also lets `a, "b"` parse; csvField
    // quotes such fields.
    EXPECT_EQ(readAll(" a ,\tb\t, \" c \" \n"), (Records{{"a", "b", " c "}}));
}

TEST(CsvReader, RecordNumbersCountRecordsNotLines)
{
    std::vector<std::size_t> numbers;
    readCsv("h1,h2\n\"two\nlines\",x\nlast,y\n", "n.csv", [&](const CsvRecord &record) {
        numbers.push_back(record.number);
        return true;
    });
    EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(CsvReader, EmptyInputHasNoRecords)
{
    const Result<std::size_t> read = readCsv("", "empty.csv", [](const CsvRecord &) {
        ADD_FAILURE() << "no record expected";
        return true;
    });
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(*read, 0u);
}

// A CSV of `records` rows, a few MB: more than one of the reader's 1 MiB chunks.
std::string bigCsv(std::size_t records)
{
    std::string text = "Model,Publication date,Training compute (FLOP)\n";
    for (std::size_t i = 0; i < records; ++i)
        text += "\"Model " + std::to_string(i) + ", with a comma\",2020-01-01,1e20\n";
    return text;
}

TEST(CsvReader, StreamingStopsWhenTheCallbackReturnsFalse)
{
    const std::string bytes = bigCsv(100000); // ~4.5 MB
    ASSERT_GT(bytes.size(), 4u << 20);
    std::size_t calls = 0;
    std::vector<double> fractions;
    const Result<std::size_t> read = readCsv(
        bytes, "big.csv", [&](const CsvRecord &) { return ++calls < 3; },
        [&](double f) {
            fractions.push_back(f);
            return true;
        });
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(calls, 3u);
    EXPECT_EQ(*read, 3u);
    // The rest of the file was never parsed: progress stopped after the first chunk.
    ASSERT_EQ(fractions.size(), 1u);
    EXPECT_LT(fractions[0], 0.25);
}

TEST(CsvReader, ProgressRisesToExactlyOne)
{
    const std::string bytes = bigCsv(100000);
    std::vector<double> fractions;
    std::size_t records = 0;
    const Result<std::size_t> read = readCsv(
        bytes, "big.csv",
        [&](const CsvRecord &) {
            ++records;
            return true;
        },
        [&](double f) {
            fractions.push_back(f);
            return true;
        });
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(records, 100001u);
    ASSERT_GE(fractions.size(), 4u);
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_GT(fractions.front(), 0.0);
    EXPECT_EQ(fractions.back(), 1.0);
}

TEST(CsvReader, ProgressReturningFalseCancels)
{
    std::size_t records = 0;
    const Result<std::size_t> read = readCsv(
        bigCsv(100000), "big.csv",
        [&](const CsvRecord &) {
            ++records;
            return true;
        },
        [](double) { return false; });
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(*read, records);
    EXPECT_LT(records, 100001u);
}

TEST(CsvReader, MalformedQuotingIsLocatedByRowAndColumn)
{
    const auto stray = readCsv("a,b\nc,d\"e\n", "q.csv", [](const CsvRecord &) { return true; });
    ASSERT_FALSE(stray.ok());
    EXPECT_EQ(stray.errors()[0].where, "q.csv: row 2, column 2");
    EXPECT_NE(stray.errors()[0].message.find("expected RFC 4180 quoting"), std::string::npos);

    const auto open =
        readCsv("a,b\nc,\"d\n\ne,f\n", "o.csv", [](const CsvRecord &) { return true; });
    ASSERT_FALSE(open.ok());
    EXPECT_EQ(open.errors()[0].where, "o.csv: row 2, column 2");
    EXPECT_EQ(open.errors()[0].message,
              "malformed CSV: a quoted field is never closed (missing '\"')");
}

TEST(CsvReader, NulByteIsLocatedByRowAndColumn)
{
    const std::string bytes = std::string("a,b\n\"x\ny\",z\nc,") + '\0' + "d\n";
    const auto read = readCsv(bytes, "nul.csv", [](const CsvRecord &) { return true; });
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.errors()[0].where, "nul.csv: row 3, column 2");
}

TEST(CsvField, QuotesOnlyWhenNeeded)
{
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("3.14e+23"), "3.14e+23");
    EXPECT_EQ(csvField("inner space"), "inner space");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("line\nbreak"), "\"line\nbreak\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csvField(" lead"), "\" lead\"");
    EXPECT_EQ(csvField("trail "), "\"trail \"");
    EXPECT_EQ(csvField("\ttab"), "\"\ttab\"");
}

TEST(CsvField, RecordEndsWithCrlf)
{
    EXPECT_EQ(csvRecord({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(CsvField, AnyTextSurvivesWriteThenRead)
{
    std::mt19937 random(4180);
    const std::string alphabet = "ab ,\"\r\n\t;é";
    Records written;
    std::string bytes;
    for (int r = 0; r < 200; ++r) {
        std::vector<std::string> fields;
        for (int f = 0; f < 4; ++f) {
            std::string field;
            for (std::size_t n = random() % 8; n > 0; --n)
                field += alphabet[random() % alphabet.size()];
            fields.push_back(field);
        }
        bytes += csvRecord(fields);
        written.push_back(fields);
    }
    EXPECT_EQ(readAll(bytes), written);
}

// ---------------------------------------------------------------------------------------
// Export

Dataset exportedDataset()
{
    Dataset d;
    TrainingRun gpt3;
    gpt3.id = "gpt-3";
    gpt3.name = "GPT-3 175B (davinci), \"the big one\"";
    gpt3.organization = "OpenAI";
    gpt3.domain = "Language";
    gpt3.tags = {"frontier", "domain:Code"};
    gpt3.date = Date(2020, 5, 28);
    gpt3.parameters = 1.75e11;
    gpt3.confidence = Confidence::Likely;
    gpt3.estimates = {ComputeEstimate::reported(3.14e23),
                      ComputeEstimate{HardwareInputs{.device = "nvidia-v100",
                                                     .deviceCount = 10000,
                                                     .peakFlopsPerDevice = 125e12,
                                                     .trainingHours = 355.2,
                                                     .timeUnit = TimeUnit::Hours,
                                                     .numberFormat = NumberFormat::TensorFP16,
                                                     .utilization = 0.1968,
                                                     .adjustment = 1},
                                      {}}};
    gpt3.sources = {{"Language Models are Few-Shot Learners", "https://arxiv.org/abs/2005.14165"}};
    gpt3.notes = "Two lines:\nsecond";

    TrainingRun sam; // hardware only, FP32 on an A100: the format must survive
    sam.id = "sam";
    sam.name = "Segment Anything Model";
    sam.domain = "Vision";
    sam.date = Date(2023, 4, 1, DatePrecision::Month);
    sam.estimates = {ComputeEstimate{HardwareInputs{.device = "nvidia-a100",
                                                    .deviceCount = 256,
                                                    .peakFlopsPerDevice = 19.5e12,
                                                    .trainingHours = 68,
                                                    .timeUnit = TimeUnit::Hours,
                                                    .numberFormat = NumberFormat::FP32,
                                                    .utilization = 0.4,
                                                    .adjustment = 1},
                                     {}}};

    TrainingRun perceptron; // an upper bound from 1958 with year precision
    perceptron.id = "perceptron";
    perceptron.name = "Perceptron Mark I";
    perceptron.date = Date(1958, 1, 1, DatePrecision::Year);
    perceptron.estimates = {
        ComputeEstimate{ParametersTokensInputs{.parameters = 1000, .tokens = 1e3 / 3}, {}}};
    perceptron.upperBound = true;
    perceptron.confidence = Confidence::Speculative;

    TrainingRun undated;
    undated.id = "undated";
    undated.name = "Undated";
    undated.estimates = {ComputeEstimate::reported(8.64e19 / 3)};

    TrainingRun bare;
    bare.id = "bare";
    bare.name = "No compute";
    bare.date = Date(2019, 11, 25);

    d.runs = {gpt3, sam, perceptron, undated, bare};
    return d;
}

TEST(CsvExport, HeaderUsesEpochColumnNames)
{
    // Data from no CSV: the columns of Epoch's current export, then the app's own.
    const std::string csv = writeRunsCsv(Dataset{});
    EXPECT_EQ(csv.substr(0, csv.find('\r')),
              "Model,Domain,Organization,Organization categorization,Country (from "
              "Organization),Authors,Publication date,Reference,Link,Citations,Notability "
              "criteria,Notability criteria notes,Parameters,Parameters notes,Training compute "
              "(FLOP),Training compute notes,Training dataset,Training dataset notes,Training "
              "dataset size (datapoints),Dataset size notes,Epochs,Training time (hours),Training "
              "time notes,Training hardware,Hardware quantity,Hardware utilization,Training "
              "compute cost (2023 USD),Compute cost notes,Confidence,Abstract,Base model,Finetune "
              "compute (FLOP),Finetune compute notes,Batch size,Batch size notes,Model "
              "accessibility,Training code accessibility,Inference code accessibility,"
              "Accessibility notes,Frontier model,Training power draw (W),Training compute "
              "estimation method,Numerical format,Upper bound,Notes");
}

TEST(CsvExport, ReimportKeepsNamesDatesComputeAndHardware)
{
    const Dataset original = exportedDataset();
    const HardwareCatalog &catalog = testing_support::testCatalog();
    const auto imported = importEpochCsv(writeRunsCsv(original), "export.csv", &catalog);
    ASSERT_TRUE(imported.ok()) << imported.errorText();
    EXPECT_TRUE(imported->report.warnings.empty()) << imported->report.warnings[0].toString();
    const Dataset &back = imported->dataset;
    ASSERT_EQ(back.runs.size(), original.runs.size());
    for (std::size_t i = 0; i < back.runs.size(); ++i) {
        const TrainingRun &a = original.runs[i];
        const TrainingRun &b = back.runs[i];
        SCOPED_TRACE(a.name);
        EXPECT_EQ(b.name, a.name);
        EXPECT_EQ(b.organization, a.organization);
        EXPECT_EQ(b.domain, a.domain);
        EXPECT_EQ(b.date, a.date); // precision included
        EXPECT_EQ(b.flop(), a.flop());
        EXPECT_EQ(b.parameters, a.parameters);
        EXPECT_EQ(b.confidence, a.confidence);
        EXPECT_EQ(b.upperBound, a.upperBound);
        EXPECT_EQ(b.hasTag(kTagFrontier), a.hasTag(kTagFrontier));
        EXPECT_EQ(b.hasTag("domain:Code"), a.hasTag("domain:Code"));
        EXPECT_EQ(b.notes, a.notes);
        EXPECT_EQ(b.sources, a.sources);
        const HardwareInputs *hwA = nullptr, *hwB = nullptr;
        for (const ComputeEstimate &e : a.estimates)
            if (!hwA) hwA = std::get_if<HardwareInputs>(&e.inputs);
        for (const ComputeEstimate &e : b.estimates)
            if (!hwB) hwB = std::get_if<HardwareInputs>(&e.inputs);
        ASSERT_EQ(hwB != nullptr, hwA != nullptr);
        if (hwA) {
            EXPECT_EQ(*hwB, *hwA);
        }
    }
    EXPECT_EQ(imported->report.hardwareEstimates, 2u);
    EXPECT_EQ(imported->report.notPlottable, (std::vector<std::size_t>{3, 4}));
}

TEST(CsvExport, RunIndicesSelectAndOrderTheRows)
{
    const Dataset d = exportedDataset();
    const auto imported = importEpochCsv(writeRunsCsv(d, {2, 0, 99}), "some.csv", nullptr);
    ASSERT_TRUE(imported.ok()) << imported.errorText();
    ASSERT_EQ(imported->dataset.runs.size(), 2u);
    EXPECT_EQ(imported->dataset.runs[0].name, "Perceptron Mark I");
    EXPECT_EQ(imported->dataset.runs[1].name, d.runs[0].name);
}

} // namespace
