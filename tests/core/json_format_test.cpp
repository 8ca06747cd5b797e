// SPDX-License-Identifier: GPL-3.0-or-later
// The native format: what is written reads back equal, byte-stable, with exact doubles;
// older versions migrate, newer ones are refused.
#include "core/io/json_format.h"
#include "core/util/version.h"
#include "tests/core/test_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace compute;

namespace {

// A dataset that sets every field the format knows, each to something other than its
// default, so that a field the writer or reader forgets shows up as a difference.
Dataset everyField()
{
    Dataset d;
    d.metadata.title = "Compute of notable runs";
    d.metadata.description = "With \"quotes\", a backslash \\, a tab\t and\na newline";
    d.metadata.license = "CC BY 4.0";
    d.metadata.citation = "Epoch AI (2025), “Notable AI Models” — données";
    d.metadata.sourceUrl = "https://epoch.ai/data/notable-ai-models";
    d.metadata.hiddenTags = {"appendix", "retracted"};
    d.metadata.provenance = {"https://epoch.ai/data/notable_ai_models.csv", "2025-08-07T12:34:56Z",
                             std::string(64, 'a'), "2025-08-06"};

    TrainingRun perceptron;
    perceptron.id = "perceptron-mark-i";
    perceptron.name = "Perceptron Mark I";
    perceptron.organization = "Cornell Aeronautical Laboratory";
    perceptron.domain = "Vision";
    perceptron.date = Date(1958, 7, 7);
    perceptron.estimates = {ComputeEstimate{OperationsInputs{.forwardFlopPerExample = 1000,
                                                             .backwardForwardRatio = 1,
                                                             .examplesPerEpoch = 6,
                                                             .epochs = 0.5},
                                            "Rosenblatt (1958): 1,000 multiply-adds per example"}};
    perceptron.confidence = Confidence::Speculative;
    perceptron.upperBound = true;
    perceptron.tags = {"appendix"};

    TrainingRun gpt3;
    gpt3.id = "gpt-3-175b-davinci";
    gpt3.name = "GPT-3 175B (davinci)";
    gpt3.organization = "OpenAI";
    gpt3.domain = "Language";
    gpt3.date = Date(2020, 5, 1, DatePrecision::Month);
    gpt3.estimates = {ComputeEstimate{ParametersTokensInputs{.parameters = 1.75e11, .tokens = 3e11},
                                      "6ND, 300B tokens"},
                      ComputeEstimate{HardwareInputs{.device = "nvidia-v100",
                                                     .deviceCount = 10000,
                                                     .peakFlopsPerDevice = 1.25e14,
                                                     .trainingHours = 355.2,
                                                     .timeUnit = TimeUnit::Hours,
                                                     .numberFormat = NumberFormat::TensorFP16,
                                                     .utilization = 0.1968,
                                                     .adjustment = 1},
                                      {}},
                      ComputeEstimate::reported(3.14e23, "Epoch AI")};
    gpt3.primary = 2;
    gpt3.parameters = 1.75e11;
    gpt3.sources = {{"Language Models are Few-Shot Learners", "https://arxiv.org/abs/2005.14165"},
                    {"", "https://openai.com/blog/gpt-3"},
                    {"Title only", ""}};
    gpt3.notes = "Quotes \"inside\", unicode 模型 🚀 and ‘curly’ ones; a control \x01 char";
    gpt3.tags = {"frontier", "domain:Code"};
    gpt3.confidence = Confidence::Likely;

    TrainingRun gnmt;
    gnmt.id = "gnmt";
    gnmt.name = "GNMT";
    gnmt.date = Date(2016, 1, 1, DatePrecision::Year);
    gnmt.estimates = {ComputeEstimate{
        HardwareInputs{.device = "NVIDIA K80 (as printed)",
                       .deviceCount = 96,
                       .peakFlopsPerDevice = 1.58e12, // GTX 580's figure: a double with a tail
                       .trainingHours = 6 * 24,
                       .timeUnit = TimeUnit::Days,
                       .numberFormat = NumberFormat::FP32,
                       .utilization = 0.1,
                       .adjustment = std::sqrt(1000.0)}, // OpenAI's sqrt(10 x 100)
        "OpenAI (2018) appendix"}};
    gnmt.confidence = Confidence::Confident;

    TrainingRun alphaGoZero;
    alphaGoZero.id = "alphago-zero";
    alphaGoZero.name = "AlphaGo Zero";
    alphaGoZero.date = Date(2017, 10, 18);
    alphaGoZero.estimates = {
        ComputeEstimate{ReportedInputs{.value = 8.64e19 / 3, .unit = ComputeUnit::Flop}, {}},
        ComputeEstimate{ReportedInputs{.value = 1860, .unit = ComputeUnit::PfsDays}, "OpenAI"}};
    alphaGoZero.primary = 1;

    TrainingRun bare; // nothing but the two required fields
    bare.id = "bare";
    bare.name = "Bare";

    d.runs = {perceptron, gpt3, gnmt, alphaGoZero, bare};

    EraScheme openAi;
    openAi.name = "OpenAI 2018";
    openAi.description = "Two eras, split in 2012";
    openAi.eras = {Era{"First era", std::nullopt, Date(2012, 1, 1), "#1f77b4"},
                   Era{"Modern era", Date(2012, 1, 1), std::nullopt, "#D62728"}};
    EraScheme three;
    three.name = "Three eras";
    three.eras = {Era{"Pre-deep-learning", Date(1950, 1, 1, DatePrecision::Year),
                      Date(2010, 1, 1, DatePrecision::Month), "#2ca02c"},
                  Era{"Deep learning", Date(2010, 1, 1), Date(2015, 9, 1), "#ff7f0e"},
                  Era{"Large scale", Date(2015, 9, 1), std::nullopt, "#9467bd"}};
    d.eraSchemes = {openAi, three};
    return d;
}

Dataset readBack(const std::string &text)
{
    Result<Dataset> read = readDatasetJson(text, "written.json");
    if (!read) ADD_FAILURE() << read.errorText();
    return read ? std::move(read).value() : Dataset{};
}

TEST(JsonFormat, FixtureDatasetIsValid)
{
    const Errors errors = everyField().validate();
    EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors[0].toString());
}

TEST(JsonFormat, WriteThenReadGivesAnEqualDataset)
{
    const Dataset original = everyField();
    const std::string text = writeDatasetJson(original);
    const Dataset read = readBack(text);
    EXPECT_TRUE(read == original);
    // Field by field, so that a failure says which part differs.
    EXPECT_EQ(read.metadata, original.metadata);
    ASSERT_EQ(read.runs.size(), original.runs.size());
    for (std::size_t i = 0; i < read.runs.size(); ++i)
        EXPECT_TRUE(read.runs[i] == original.runs[i]) << "runs[" << i << "]";
    EXPECT_EQ(read.eraSchemes, original.eraSchemes);
}

TEST(JsonFormat, RoundTripIsByteStable)
{
    const std::string once = writeDatasetJson(everyField());
    const std::string twice = writeDatasetJson(readBack(once));
    EXPECT_EQ(twice, once);
    EXPECT_EQ(writeDatasetJson(readBack(twice)), once);
}

TEST(JsonFormat, WritesVersionsFirstAndOneRunPerLine)
{
    const std::string text = writeDatasetJson(everyField());
    EXPECT_EQ(text.rfind("{\n  \"schema_version\": " + std::to_string(kSchemaVersion) +
                             ",\n  \"app_version\": \"" + std::string(kAppVersion) + "\",\n",
                         0),
              0u)
        << text.substr(0, 80);
    for (const char *id : {"perceptron-mark-i", "gpt-3-175b-davinci", "gnmt", "alphago-zero"}) {
        const std::string start = "\n    {\"id\":\"" + std::string(id) + "\"";
        const std::size_t at = text.find(start);
        ASSERT_NE(at, std::string::npos) << id;
        const std::size_t lineEnd = text.find('\n', at + 1);
        EXPECT_EQ(text.substr(at + 1, lineEnd - at - 1).find("\"id\"", 10), std::string::npos)
            << "the line of " << id << " holds a second run";
    }
    EXPECT_EQ(text.back(), '\n');
}

TEST(JsonFormat, DoublesSurviveExactly)
{
    const double values[] = {0.1,         1.58e12,
                             8.64e19 / 3, 1.0 / 3.0,
                             0.33,        2.0000000000000004,
                             5e-324,      1.7976931348623157e308,
                             3.14e23,     123456789012345678901234.0};
    Dataset d;
    for (double value : values) {
        TrainingRun run;
        run.name = "value " + std::to_string(d.runs.size());
        run.id = d.uniqueRunId(run.name);
        run.estimates = {ComputeEstimate::reported(value)};
        run.parameters = value;
        d.runs.push_back(run);
    }
    const Dataset read = readBack(writeDatasetJson(d));
    ASSERT_EQ(read.runs.size(), std::size(values));
    for (std::size_t i = 0; i < read.runs.size(); ++i) {
        const auto &reported = std::get<ReportedInputs>(read.runs[i].estimates[0].inputs);
        EXPECT_EQ(reported.value, values[i]) << "value " << i;
        EXPECT_EQ(read.runs[i].parameters, values[i]) << "value " << i;
    }
}

TEST(JsonFormat, EmptyDatasetRoundTrips)
{
    const std::string text = writeDatasetJson(Dataset{});
    EXPECT_TRUE(readBack(text) == Dataset{});
    EXPECT_NE(text.find("\"runs\": []"), std::string::npos) << text;
}

TEST(JsonFormat, InvalidUtf8InANameDoesNotMakeTheWriterThrow)
{
    Dataset d = everyField();
    d.runs[1].name = "GPT-3 \xFF\xFE (latin-1: caf\xE9)";
    d.metadata.title = "Title \xC3\x28";
    d.eraSchemes[0].eras[0].name = "Era \x80";
    std::string text;
    ASSERT_NO_THROW(text = writeDatasetJson(d));
    const Dataset read = readBack(text);
    ASSERT_EQ(read.runs.size(), d.runs.size());
    // Each bad byte becomes U+FFFD; the valid bytes around it stay.
    EXPECT_EQ(read.runs[1].name, "GPT-3 \xEF\xBF\xBD\xEF\xBF\xBD (latin-1: caf\xEF\xBF\xBD)");
    EXPECT_EQ(read.metadata.title, "Title \xEF\xBF\xBD(");
    EXPECT_EQ(read.eraSchemes[0].eras[0].name, "Era \xEF\xBF\xBD");
    EXPECT_TRUE(read.runs[2] == d.runs[2]);
}

TEST(JsonFormat, ByteOrderMarkIsAccepted)
{
    const std::string bytes = testing_paths::readSource("tests/data/json/bom_dataset.json");
    ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    const Result<Dataset> read = readDatasetJson(bytes, "bom_dataset.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->runs.size(), 1u);
    EXPECT_EQ(read->runs[0].name, "GPT-3");
    EXPECT_EQ(read->runs[0].flop(), 3.14e23);
}

TEST(JsonFormat, V0FileMigratesToTheV1Equivalent)
{
    const Result<Dataset> read = readDatasetJson(
        testing_paths::readSource("tests/data/json/v0_dataset.json"), "v0_dataset.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    const Dataset &d = *read;

    EXPECT_EQ(d.metadata.title, "AI and Compute (pre-release draft)");

    ASSERT_EQ(d.eraSchemes.size(), 1u);
    EXPECT_EQ(d.eraSchemes[0].name, "Eras");
    ASSERT_EQ(d.eraSchemes[0].eras.size(), 2u);
    const Era &first = d.eraSchemes[0].eras[0];
    EXPECT_EQ(first.name, "First era");
    EXPECT_FALSE(first.from);
    EXPECT_EQ(first.to, Date(2012, 1, 1));
    const Era &modern = d.eraSchemes[0].eras[1];
    EXPECT_EQ(modern.from, Date(2012, 1, 1));
    EXPECT_FALSE(modern.to);
    EXPECT_EQ(modern.color, "#d62728");

    ASSERT_EQ(d.runs.size(), 5u);
    const TrainingRun &perceptron = d.runs[0];
    EXPECT_EQ(perceptron.id, "perceptron-mark-i");
    EXPECT_EQ(perceptron.name, "Perceptron Mark I");
    EXPECT_EQ(perceptron.organization, "Cornell Aeronautical Laboratory");
    EXPECT_EQ(perceptron.domain, "Vision");
    EXPECT_EQ(perceptron.date, Date(1958, 7, 1, DatePrecision::Month));
    ASSERT_EQ(perceptron.estimates.size(), 1u);
    EXPECT_EQ(perceptron.estimates[0].method(), EstimateMethod::Reported);
    EXPECT_EQ(perceptron.flop(), 695000.0);
    ASSERT_EQ(perceptron.sources.size(), 1u);
    EXPECT_EQ(perceptron.sources[0].url, "https://en.wikipedia.org/wiki/Perceptron");
    EXPECT_EQ(perceptron.sources[0].title, "");

    EXPECT_EQ(d.runs[1].id, "alexnet");
    EXPECT_EQ(d.runs[1].date, Date(2012, 9, 30));
    EXPECT_EQ(d.runs[1].flop(), 4.7e17);
    EXPECT_EQ(d.runs[2].id, "alexnet-2"); // same name, its own id
    EXPECT_EQ(d.runs[2].date, Date(2012, 1, 1, DatePrecision::Year));
    EXPECT_EQ(d.runs[2].notes.find("Second entry"), 0u);

    const TrainingRun &alphaGoZero = d.runs[3];
    EXPECT_EQ(alphaGoZero.id, "alphago-zero");
    EXPECT_EQ(alphaGoZero.flop(), 3.41e23);
    EXPECT_TRUE(alphaGoZero.sources.empty()); // "source_url": "" is no source
    EXPECT_TRUE(alphaGoZero.hasTag("frontier"));

    const TrainingRun &unpublished = d.runs[4];
    EXPECT_EQ(unpublished.id, "unpublished-run");
    EXPECT_FALSE(unpublished.date);
    EXPECT_TRUE(unpublished.estimates.empty()); // "compute_flop": null
    EXPECT_FALSE(unpublished.isPlottable());

    // Saved again, it is a file of the current version that reads back equal.
    const std::string text = writeDatasetJson(d);
    EXPECT_NE(text.find("\"schema_version\": " + std::to_string(kSchemaVersion) + ","),
              std::string::npos);
    EXPECT_TRUE(readBack(text) == d);
}

TEST(JsonFormat, ExplicitSchemaVersion0IsMigratedToo)
{
    const Result<Dataset> read = readDatasetJson(
        R"({"schema_version": 0, "runs": [{"name": "LeNet-5", "publication_date": "1998-11",
            "compute_flop": 2.8e12}]})",
        "v0.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->runs.size(), 1u);
    EXPECT_EQ(read->runs[0].id, "lenet-5");
    EXPECT_EQ(read->runs[0].date, Date(1998, 11, 1, DatePrecision::Month));
    EXPECT_EQ(read->runs[0].flop(), 2.8e12);
}

TEST(JsonFormat, V1FileIsNotMigratedAgain)
{
    // A v1 run without an id is an error, not something to derive from the name.
    const Result<Dataset> read = readDatasetJson(
        R"({"schema_version": 1, "runs": [{"name": "LeNet-5", "compute_flop": 2.8e12}]})",
        "v1.json");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.errorText().find("v1.json: runs[0].id: missing"), std::string::npos)
        << read.errorText();
    EXPECT_NE(read.errorText().find("v1.json: runs[0].compute_flop: unknown field"),
              std::string::npos)
        << read.errorText();
}

TEST(JsonFormat, NewerSchemaVersionIsRefusedWithAMessageToUpdate)
{
    const Result<Dataset> read = readDatasetJson(
        R"({"schema_version": 99, "app_version": "0.9.0", "runs": []})", "future.json");
    ASSERT_FALSE(read.ok());
    ASSERT_EQ(read.errors().size(), 1u);
    EXPECT_EQ(read.errors()[0].where, "future.json: schema_version");
    EXPECT_EQ(read.errors()[0].message,
              "this file uses format version 99, written by version 0.9.0 of Compute Explorer; "
              "this version reads format versions up to " +
                  std::to_string(kSchemaVersion) + ". Please update Compute Explorer.");

    const Result<Dataset> anonymous =
        readDatasetJson(R"({"schema_version": 7, "runs": [{"whatever": true}]})", "f.json");
    ASSERT_FALSE(anonymous.ok());
    ASSERT_EQ(anonymous.errors().size(), 1u); // refused before anything else is read
    EXPECT_NE(anonymous.errors()[0].message.find("format version 7, written by a newer version"),
              std::string::npos)
        << anonymous.errorText();
}

TEST(JsonFormat, NumbersWrittenAsIntegersReadAsDoubles)
{
    const Result<Dataset> read = readDatasetJson(
        R"({"schema_version": 1, "runs": [{"id": "a", "name": "A", "parameters": 60000000,
            "estimates": [{"method": "hardware", "device_count": 512, "peak_flops_per_device":
            123000000000000, "training_hours": 24}]}]})",
        "ints.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(read->runs[0].parameters, 6e7);
    const auto &hw = std::get<HardwareInputs>(read->runs[0].estimates[0].inputs);
    EXPECT_EQ(hw.deviceCount, 512);
    EXPECT_EQ(hw.peakFlopsPerDevice, 1.23e14);
    EXPECT_EQ(hw.utilization, 0.33); // default when absent
    EXPECT_EQ(hw.timeUnit, TimeUnit::Days);
}

} // namespace
