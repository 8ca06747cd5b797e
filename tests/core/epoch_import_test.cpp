// SPDX-License-Identifier: GPL-3.0-or-later
// Imports of the real Epoch AI exports in tests/data/epoch/ (see PROVENANCE.md there).
#include "core/io/epoch_import.h"
#include "core/io/hardware_catalog_json.h"
#include "core/io/json_format.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace compute;

namespace {

// The shared test catalog is deliberately small: rows on other chips must show up in
// report.unknownHardware.
const HardwareCatalog &catalog()
{
    return testing_support::testCatalog();
}

const std::string kAllMlSystems = "all_ml_systems_full_view_2025-08-07.csv";
const std::string kNotable = "notable_ai_models_2025-02-24.csv";
const std::string kPcd = "pcd_trends_2022-05-03.csv";

// Each file is imported once per test binary: the largest takes a noticeable moment.
const ImportResult &imported(const std::string &file)
{
    static std::map<std::string, ImportResult> cache;
    if (auto it = cache.find(file); it != cache.end()) return it->second;
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + file);
    auto result = importEpochCsv(bytes, file, &catalog());
    if (!result) throw std::runtime_error(result.errorText());
    return cache.emplace(file, std::move(result).value()).first->second;
}

const TrainingRun &runNamed(const ImportResult &result, std::string_view name)
{
    for (const TrainingRun &run : result.dataset.runs)
        if (run.name == name) return run;
    throw std::runtime_error("no run named " + std::string(name));
}

const HardwareInputs *hardwareOf(const TrainingRun &run)
{
    for (const ComputeEstimate &e : run.estimates)
        if (const auto *hw = std::get_if<HardwareInputs>(&e.inputs)) return hw;
    return nullptr;
}

std::string warningText(const ImportReport &report)
{
    std::string text;
    for (std::size_t i = 0; i < report.warnings.size() && i < 10; ++i)
        text += "\n  " + report.warnings[i].toString();
    return text;
}

// Expected figures below were computed independently of the C++ importer by a one-off
// python3 script: csv.DictReader over each file; a row is counted as "with reported
// compute" when the compute cell parses as a finite number > 0, as "without a date" when
// the date cell is not a valid yyyy, yyyy-mm, yyyy-mm-dd, m/yyyy or d/m/yyyy; a hardware
// estimate needs a single chip whose normalised name (lower-case letters and digits) is
// one of this test's catalog names or aliases, and quantity and hours > 0. Warnings: empty
// names plus cells that are present but not a positive number or a date.

struct ExpectedCounts {
    std::size_t rows, withReportedCompute, computeFromHardware, hardwareEstimates, withoutDate,
        withoutCompute, notPlottable, unknownHardware, warnings;
};

void expectCounts(const ImportReport &report, const ExpectedCounts &expected)
{
    EXPECT_EQ(report.rows, expected.rows);
    EXPECT_EQ(report.withReportedCompute, expected.withReportedCompute);
    EXPECT_EQ(report.computeFromHardware, expected.computeFromHardware);
    EXPECT_EQ(report.hardwareEstimates, expected.hardwareEstimates);
    EXPECT_EQ(report.withoutDate, expected.withoutDate);
    EXPECT_EQ(report.withoutCompute, expected.withoutCompute);
    EXPECT_EQ(report.notPlottable.size(), expected.notPlottable);
    EXPECT_EQ(report.unknownHardware.size(), expected.unknownHardware);
    EXPECT_EQ(report.warnings.size(), expected.warnings) << warningText(report);
    EXPECT_FALSE(report.cancelled);
}

TEST(EpochImport, AllMlSystemsCountsMatchAnIndependentCount)
{
    expectCounts(imported(kAllMlSystems).report, {.rows = 1892,
                                                  .withReportedCompute = 988,
                                                  .computeFromHardware = 24,
                                                  .hardwareEstimates = 229,
                                                  .withoutDate = 0,
                                                  .withoutCompute = 880,
                                                  .notPlottable = 880,
                                                  .unknownHardware = 35,
                                                  .warnings = 0});
    EXPECT_EQ(imported(kAllMlSystems).dataset.runs.size(), 1892u);
}

TEST(EpochImport, NotableModelsCountsMatchAnIndependentCount)
{
    const ImportReport &report = imported(kNotable).report;
    expectCounts(report, {.rows = 895,
                          .withReportedCompute = 451,
                          .computeFromHardware = 1,
                          .hardwareEstimates = 93,
                          .withoutDate = 0,
                          .withoutCompute = 443,
                          .notPlottable = 443,
                          .unknownHardware = 18,
                          .warnings = 0});
    EXPECT_EQ(report.summary(),
              "895 rows: 451 with compute, 1 estimated from hardware, 443 without compute, 0 "
              "without a usable date");
}

TEST(EpochImport, Pcd2022CountsMatchAnIndependentCount)
{
    const ImportReport &report = imported(kPcd).report;
    expectCounts(report, {.rows = 498,
                          .withReportedCompute = 133,
                          .computeFromHardware = 0,
                          .hardwareEstimates = 0, // the 2022 table has no hardware columns
                          .withoutDate = 2,       // "Forthcoming" and one empty cell
                          .withoutCompute = 365,
                          .notPlottable = 366,
                          .unknownHardware = 0,
                          // 1 row without a name or a reference (row 156: every cell
                          // empty), 2 with "0.00E+00" parameters (SqueezeNet, ALBERT).
                          .warnings = 3});
    const auto unnamed =
        std::count_if(report.warnings.begin(), report.warnings.end(),
                      [](const Error &e) { return e.where.ends_with(", column 'System'"); });
    EXPECT_EQ(unnamed, 1);
}

// The 2022 table names 150 papers only in Reference (System empty): that names the run.
TEST(EpochImport, Pcd2022RowsWithoutASystemAreNamedByTheirReference)
{
    const ImportResult &result = imported(kPcd);
    const TrainingRun &first = result.dataset.runs.front(); // row 2: System empty
    EXPECT_EQ(first.name, "Unsupervised Learning of Probably Symmetric Deformable 3D Objects "
                          "From Images in the Wild");
    EXPECT_EQ(first.date, Date(2019, 11, 25));
    std::size_t unnamed = 0;
    for (const TrainingRun &run : result.dataset.runs)
        if (run.name.starts_with("(unnamed")) ++unnamed;
    EXPECT_EQ(unnamed, 1u);
}

TEST(EpochImport, ImportedRowsAreInFileOrderAndNotPlottableOnesAreListed)
{
    const ImportResult &result = imported(kNotable);
    EXPECT_EQ(result.dataset.runs.front().name, "Grok-3");
    for (std::size_t i = 0; i < result.dataset.runs.size(); ++i) {
        const bool listed = std::binary_search(result.report.notPlottable.begin(),
                                               result.report.notPlottable.end(), i);
        EXPECT_EQ(listed, !result.dataset.runs[i].isPlottable()) << result.dataset.runs[i].name;
    }
}

TEST(EpochImport, ForthcomingAndEmptyDatesAreKeptWithoutADateAndWithoutAWarning)
{
    const ImportResult &result = imported(kPcd);
    const TrainingRun &neox = runNamed(result, "GPT-NeoX-20B");
    EXPECT_FALSE(neox.date);
    EXPECT_EQ(neox.flop(), 9.3e22); // kept with its compute, just not plotted
    const TrainingRun &noDate = runNamed(result, "(unnamed, row 156)");
    EXPECT_FALSE(noDate.date);
    for (const Error &w : result.report.warnings)
        EXPECT_FALSE(w.where.ends_with("'Publication date'")) << w.toString();
}

TEST(EpochImport, SlashDatesAreDayFirstAndKeepTheirPrecision)
{
    const ImportResult &result = imported(kPcd);
    EXPECT_EQ(runNamed(result, "AlexNet").date, Date(2012, 9, 30));                    // 30/09/2012
    EXPECT_EQ(runNamed(result, "Gopher").date, Date(2021, 12, 8));                     // 8/12/2021
    EXPECT_EQ(runNamed(result, "M6-10T").date, Date(2021, 10, 8));                     // 8/10/2021
    EXPECT_EQ(runNamed(result, "Perceptron Mark I").date, Date(1957, 1, 1));           // 01/01/1957
    EXPECT_EQ(runNamed(result, "BRNN").date, Date(1997, 11, 1, DatePrecision::Month)); // 11/1997
    EXPECT_EQ(runNamed(result, "BaGuaLu").date, Date(2022, 4, 1, DatePrecision::Month));
    EXPECT_EQ(runNamed(result, "Theseus").date, Date(1952, 1, 1, DatePrecision::Year)); // 1952
    EXPECT_EQ(runNamed(result, "Theseus").flop(), 40.0);
}

TEST(EpochImport, IsoDatesOfTheNewerExportsAreDays)
{
    EXPECT_EQ(runNamed(imported(kNotable), "GPT-3 175B (davinci)").date, Date(2020, 5, 28));
    EXPECT_EQ(runNamed(imported(kAllMlSystems), "Llama 3.1-405B").date, Date(2024, 7, 23));
}

TEST(EpochImport, MultiDomainCellKeepsTheFirstDomainAndTagsTheOthers)
{
    const TrainingRun &grok =
        runNamed(imported(kNotable), "Grok-3"); // "Language,Vision,Multimodal"
    EXPECT_EQ(grok.domain, "Language");
    EXPECT_TRUE(grok.hasTag("domain:Vision"));
    EXPECT_TRUE(grok.hasTag("domain:Multimodal"));
    EXPECT_FALSE(grok.hasTag("domain:Language"));
}

TEST(EpochImport, FrontierModelTrueBecomesTheFrontierTag)
{
    const ImportResult &result = imported(kNotable);
    EXPECT_TRUE(runNamed(result, "GPT-3 175B (davinci)").hasTag(kTagFrontier));
    EXPECT_FALSE(runNamed(result, "LLaMA-65B").hasTag(kTagFrontier)); // empty cell
    const auto frontier =
        std::count_if(result.dataset.runs.begin(), result.dataset.runs.end(),
                      [](const TrainingRun &r) { return r.hasTag(kTagFrontier); });
    EXPECT_EQ(frontier, 144); // python: Counter of the column gives 'True': 144
}

TEST(EpochImport, RowFieldsLandInTheirRunFields)
{
    const TrainingRun &gpt3 = runNamed(imported(kNotable), "GPT-3 175B (davinci)");
    EXPECT_EQ(gpt3.id, "gpt-3-175b-davinci");
    EXPECT_EQ(gpt3.organization, "OpenAI");
    EXPECT_EQ(gpt3.parameters, 1.75e11);
    EXPECT_EQ(gpt3.confidence, Confidence::Confident);
    ASSERT_FALSE(gpt3.sources.empty());
    EXPECT_EQ(gpt3.sources[0].title, "Language Models are Few-Shot Learners");
    EXPECT_EQ(gpt3.sources[0].url, "https://arxiv.org/abs/2005.14165");
    ASSERT_FALSE(gpt3.estimates.empty());
    EXPECT_EQ(gpt3.primary, 0u);
    EXPECT_EQ(gpt3.estimates[0].method(), EstimateMethod::Reported);
    EXPECT_EQ(gpt3.flop(), 3.14e23);
    EXPECT_EQ(gpt3.estimates[0].note.find("Epoch AI"), 0u) << gpt3.estimates[0].note;
}

TEST(EpochImport, HardwareColumnsOfAKnownChipBecomeAHardwareEstimate)
{
    // GPT-3: 10,000 "NVIDIA Tesla V100 DGXS 32 GB" (alias of nvidia-v100), 355.2 hours,
    // utilization 0.1968, no numerical format: the chip's default, tensor FP16, 125e12.
    const TrainingRun &gpt3 = runNamed(imported(kNotable), "GPT-3 175B (davinci)");
    ASSERT_EQ(gpt3.estimates.size(), 2u);
    const auto *hw = std::get_if<HardwareInputs>(&gpt3.estimates[1].inputs);
    ASSERT_NE(hw, nullptr);
    EXPECT_EQ(hw->device, "nvidia-v100");
    EXPECT_EQ(hw->numberFormat, NumberFormat::TensorFP16);
    EXPECT_EQ(hw->peakFlopsPerDevice, 125e12);
    EXPECT_EQ(hw->deviceCount, 10000);
    EXPECT_EQ(hw->trainingHours, 355.2);
    EXPECT_EQ(hw->timeUnit, TimeUnit::Hours);
    EXPECT_EQ(hw->utilization, 0.1968);
    // By hand: 10,000 x 125e12 FLOP/s x 355.2 h x 3,600 s/h x 0.1968 = 3.1456512e23 FLOP.
    EXPECT_NEAR(gpt3.estimates[1].flop(), 3.1456512e23, 3.1456512e23 * 1e-12);

    // Epoch's 3.14e23 and the hardware figure agree to 0.2%: their utilization column is
    // derived from the same numbers.
    const auto consistency = compareEstimates(gpt3.estimates[0], gpt3.estimates[1]);
    ASSERT_TRUE(consistency);
    EXPECT_NEAR(consistency->ratio, 3.1456512e23 / 3.14e23, 1e-12);
    EXPECT_FALSE(consistency->disagrees());
    ASSERT_TRUE(consistency->impliedUtilization);
    EXPECT_NEAR(*consistency->impliedUtilization, 0.1968 * 3.14e23 / 3.1456512e23, 1e-12);
}

TEST(EpochImport, Llama2HardwareEstimateAgreesWithEpochsFigure)
{
    // 1,000 A100 SXM4 80 GB x 312e12 x 1,728 h x 3,600 x 0.4191975017 = 8.1361...e23,
    // against Epoch's 8.1e23.
    const TrainingRun &llama = runNamed(imported(kNotable), "Llama 2-70B");
    const HardwareInputs *hw = hardwareOf(llama);
    ASSERT_NE(hw, nullptr);
    EXPECT_EQ(hw->device, "nvidia-a100");
    const double byHand = 1000 * 312e12 * 1728 * 3600 * 0.4191975017;
    EXPECT_NEAR(llama.estimates[1].flop(), byHand, byHand * 1e-12);
    EXPECT_NEAR(llama.estimates[1].flop() / *llama.flop(), 1.0045, 0.001);
}

TEST(EpochImport, NumericalFormatColumnPicksThePeak)
{
    // Segment Anything Model: 256 A100, 68 h, "Numerical format" FP32 -> 19.5e12, and
    // no utilization cell -> the default 0.33.
    const TrainingRun &sam = runNamed(imported(kAllMlSystems), "Segment Anything Model");
    const HardwareInputs *hw = hardwareOf(sam);
    ASSERT_NE(hw, nullptr);
    EXPECT_EQ(hw->numberFormat, NumberFormat::FP32);
    EXPECT_EQ(hw->peakFlopsPerDevice, 19.5e12);
    EXPECT_EQ(hw->utilization, 0.33);
    // Llama 3.1-405B: "BF16" on H100 -> tensor FP16/BF16.
    const HardwareInputs *llama = hardwareOf(runNamed(imported(kAllMlSystems), "Llama 3.1-405B"));
    ASSERT_NE(llama, nullptr);
    EXPECT_EQ(llama->numberFormat, NumberFormat::TensorFP16);
    EXPECT_EQ(llama->peakFlopsPerDevice, 989.4e12);
    EXPECT_EQ(llama->utilization, 0.4042); // from "Hardware utilization (MFU)"
}

TEST(EpochImport, RowWithoutComputeButWithHardwareIsPlottedFromTheHardware)
{
    // Ferret (13B): no compute cell; 8 A100 x 120 h at the default 0.33:
    // 8 x 312e12 x 120 x 3,600 x 0.33 = 3.5582976e20 FLOP.
    const TrainingRun &ferret = runNamed(imported(kNotable), "Ferret (13B)");
    ASSERT_EQ(ferret.estimates.size(), 1u);
    EXPECT_EQ(ferret.estimates[0].method(), EstimateMethod::Hardware);
    EXPECT_TRUE(ferret.hasTag("compute-from-hardware"));
    ASSERT_TRUE(ferret.flop());
    EXPECT_NEAR(*ferret.flop(), 3.5582976e20, 3.5582976e20 * 1e-12);
    EXPECT_TRUE(ferret.isPlottable());
}

TEST(EpochImport, MultiChipCellsAndUnknownChipsGiveNoHardwareEstimate)
{
    const ImportResult &result = imported(kNotable);
    const auto &unknown = result.report.unknownHardware;
    EXPECT_NE(std::find(unknown.begin(), unknown.end(), "Google TPU v2"), unknown.end());
    // "NVIDIA A100,NVIDIA H100 SXM5 80GB" names two chips: neither an estimate nor unknown.
    EXPECT_EQ(std::find(unknown.begin(), unknown.end(), "NVIDIA A100,NVIDIA H100 SXM5 80GB"),
              unknown.end());
    for (const std::string &name : unknown)
        EXPECT_EQ(catalog().find(name), nullptr) << name;
}

TEST(EpochImport, WithoutACatalogOnlyReportedComputeIsImported)
{
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + kNotable);
    const auto result = importEpochCsv(bytes, kNotable, nullptr);
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_EQ(result->report.rows, 895u);
    EXPECT_EQ(result->report.withReportedCompute, 451u);
    EXPECT_EQ(result->report.hardwareEstimates, 0u);
    EXPECT_EQ(result->report.withoutCompute, 444u); // Ferret (13B) has nothing left
    EXPECT_TRUE(result->report.unknownHardware.empty());
}

TEST(EpochImport, ImportedDatasetsValidateAndSurviveTheNativeFormat)
{
    for (const std::string &file : {kAllMlSystems, kNotable, kPcd}) {
        SCOPED_TRACE(file);
        const Dataset &dataset = imported(file).dataset;
        const Errors invalid = dataset.validate();
        EXPECT_TRUE(invalid.empty()) << (invalid.empty() ? "" : invalid[0].toString());
        const std::string text = writeDatasetJson(dataset);
        const Result<Dataset> read = readDatasetJson(text, file + ".json");
        ASSERT_TRUE(read.ok()) << read.errorText().substr(0, 500);
        EXPECT_TRUE(*read == dataset);
        EXPECT_EQ(writeDatasetJson(*read), text);
    }
}

TEST(EpochImport, ProgressReachesOneAndCancellingStopsEarly)
{
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + kAllMlSystems);
    std::vector<double> fractions;
    ImportOptions options;
    options.progress = [&](double f) {
        fractions.push_back(f);
        return true;
    };
    ASSERT_TRUE(importEpochCsv(bytes, kAllMlSystems, &catalog(), options).ok());
    ASSERT_FALSE(fractions.empty());
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_EQ(fractions.back(), 1.0);

    options.progress = [](double) { return false; };
    const auto cancelled = importEpochCsv(bytes, kAllMlSystems, &catalog(), options);
    ASSERT_TRUE(cancelled.ok()) << cancelled.errorText();
    EXPECT_TRUE(cancelled->report.cancelled);
    EXPECT_LT(cancelled->report.rows, 1892u);
}

TEST(EpochImport, BundledHardwareCatalogGivesEstimatesThatAgreeWithEpochs)
{
    const auto bundled = readHardwareCatalogJson(
        testing_paths::readSource("resources/hardware/accelerators.json"), "accelerators.json");
    ASSERT_TRUE(bundled.ok()) << bundled.errorText();
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + kNotable);
    const auto result = importEpochCsv(bytes, kNotable, &*bundled);
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_EQ(result->report.rows, 895u);
    EXPECT_EQ(result->report.withReportedCompute, 451u);
    // The bundled catalog knows at least the chips of this test's inline one.
    EXPECT_GE(result->report.hardwareEstimates, 93u);
    EXPECT_TRUE(result->dataset.validate().empty());

    const TrainingRun &gpt3 = runNamed(*result, "GPT-3 175B (davinci)");
    ASSERT_EQ(gpt3.estimates.size(), 2u);
    EXPECT_NEAR(gpt3.estimates[1].flop(), 3.1456512e23, 3.1456512e23 * 1e-12);

    // Over every row with both figures, the typical hardware estimate is within a factor
    // of 1.5 of Epoch's: a peak off by an order of magnitude would move the median.
    std::vector<double> ratios;
    for (const TrainingRun &run : result->dataset.runs) {
        if (run.estimates.size() != 2) continue;
        if (auto c = compareEstimates(run.estimates[0], run.estimates[1]))
            ratios.push_back(c->ratio);
    }
    ASSERT_GE(ratios.size(), 90u);
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    const double median = ratios[ratios.size() / 2];
    EXPECT_GT(median, 1 / 1.5);
    EXPECT_LT(median, 1.5);
}

} // namespace

namespace {

// A file of `rows` rows past the first thousand, with what makes warnings (numbers that
// are not, utilizations above 1, short rows, hardware the catalog lacks), names that
// repeat (ids with suffixes), and one byte that is not UTF-8 far into the file.
std::string manyRowsWithWarnings(int rows)
{
    std::string csv = "Model,Domain,Organization,Publication date,Training compute (FLOP),"
                      "Parameters,Training hardware,Hardware quantity,Training time (hours),"
                      "Hardware utilization,Country (from Organization),Extra\n";
    for (int i = 0; i < rows; ++i) {
        const std::string n = std::to_string(i);
        csv += "Model " + std::to_string(i % 700) + "," + (i % 3 ? "Language" : "\"Vision,Games\"");
        csv += ",Lab " + std::to_string(i % 13) + (i == rows * 3 / 5 ? "\xE9" : "");
        if (i % 101 == 0) { // a short row
            csv += "\n";
            continue;
        }
        csv += "," + (i % 9 ? std::to_string(1990 + i % 30) + "-0" + std::to_string(1 + i % 9) +
                                  "-1" + std::to_string(i % 10)
                            : std::string("Forthcoming"));
        csv += "," + (i % 11 ? n + "e+20" : std::string("abc"));
        csv += "," + (i % 17 ? n + "000" : std::string());
        csv += "," + (i % 5 == 0   ? std::string("NVIDIA A100")
                      : i % 7 == 0 ? "Mystery chip " + std::to_string(i % 3)
                                   : std::string());
        csv += ",512,720.0," + std::string(i % 13 ? "0.4" : "1.5");
        csv += "," + std::string(i % 4 ? "France" : "\" United States \"");
        csv += "," + (i % 2 ? "x" + n : std::string()) + "\n";
    }
    return csv;
}

Result<ImportResult> importInPieces(const std::string &csv, ImportOptions options)
{
    EpochCsvStream stream("many.csv", &testing_support::testCatalog(), std::move(options),
                          csv.size());
    for (std::size_t at = 0; at < csv.size(); at += 4093)
        if (!stream.feed(std::string_view(csv).substr(at, 4093))) break;
    return stream.finish();
}

} // namespace

// Rows read on a thread for each core give the same dataset and report, in the same
// order, as rows read one after the other.
TEST(EpochImport, RowsReadInParallelGiveWhatRowsReadInTurnGive)
{
    const std::string csv = manyRowsWithWarnings(12000);
    ImportOptions inTurn;
    inTurn.parallel = false;
    const auto sequential = importInPieces(csv, inTurn);
    const auto parallel = importInPieces(csv, {});
    ASSERT_TRUE(sequential.ok()) << sequential.errorText();
    ASSERT_TRUE(parallel.ok()) << parallel.errorText();
    const ImportReport &a = sequential->report, &b = parallel->report;
    ASSERT_EQ(a.rows, 12000u);
    EXPECT_EQ(b.rows, a.rows);
    EXPECT_EQ(b.withReportedCompute, a.withReportedCompute);
    EXPECT_EQ(b.computeFromHardware, a.computeFromHardware);
    EXPECT_EQ(b.hardwareEstimates, a.hardwareEstimates);
    EXPECT_EQ(b.withoutDate, a.withoutDate);
    EXPECT_EQ(b.withoutCompute, a.withoutCompute);
    EXPECT_EQ(b.notPlottable, a.notPlottable);
    EXPECT_EQ(b.unknownHardware, a.unknownHardware);
    EXPECT_EQ(b.summary(), a.summary());
    // Thousands of warnings, the UTF-8 one among them after the rows before its line.
    ASSERT_GT(a.warnings.size(), 1000u);
    EXPECT_EQ(a.unknownHardware.size(), 3u);
    ASSERT_EQ(b.warnings.size(), a.warnings.size());
    for (std::size_t i = 0; i < a.warnings.size(); ++i)
        ASSERT_EQ(b.warnings[i], a.warnings[i]) << "warning " << i;
    const auto utf8 = std::find_if(a.warnings.begin(), a.warnings.end(), [](const Error &e) {
        return e.message.find("UTF-8") != std::string::npos;
    });
    ASSERT_NE(utf8, a.warnings.end());
    EXPECT_GT(utf8 - a.warnings.begin(), 500); // after the rows of 7 batches and more
    ASSERT_EQ(parallel->dataset.runs.size(), sequential->dataset.runs.size());
    for (std::size_t i = 0; i < sequential->dataset.runs.size(); ++i)
        ASSERT_EQ(parallel->dataset.runs[i], sequential->dataset.runs[i]) << "run " << i;
    // Ids are given in the file's order: the second "Model 5" is row 706's.
    EXPECT_EQ(parallel->dataset.runs[705].id, "model-5-2");
    EXPECT_EQ(writeDatasetJson(parallel->dataset), writeDatasetJson(sequential->dataset));
}

// A cancel while threads read rows stops the import at once, and nothing of it is kept.
TEST(EpochImport, ACancelWhileRowsAreReadInParallelKeepsNothing)
{
    const std::string csv = manyRowsWithWarnings(12000);
    ImportOptions options;
    options.progress = [](double fraction) { return fraction < 0.5; };
    const auto cancelled = importInPieces(csv, options);
    ASSERT_TRUE(cancelled.ok()) << cancelled.errorText();
    EXPECT_TRUE(cancelled->report.cancelled);
    EXPECT_TRUE(cancelled->dataset.runs.empty());
}
