// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/synthetic_dataset.h"

#include "core/io/csv_reader.h"
#include "core/util/number_parse.h"

#include <cmath>
#include <cstdio>
#include <random>

namespace testing_support {

compute::Dataset syntheticDataset(std::size_t runs, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> year(1950.0, 2025.0);
    std::normal_distribution<double> noise(0.0, 0.8);
    std::uniform_int_distribution<int> method(0, 3);
    const char *domains[] = {"Language",       "Vision",  "Games",    "Speech",
                             "Multimodal",     "Biology", "Robotics", "Image generation",
                             "Recommendation", "Other"};

    compute::Dataset d;
    d.metadata.title = "Synthetic dataset";
    d.metadata.license = "CC0";
    d.eraSchemes.push_back({"Three eras",
                            {},
                            {{"Pre-DL", std::nullopt, compute::Date(2010, 1, 1), "#1f77b4"},
                             {"Deep learning", compute::Date(2010, 1, 1), std::nullopt, "#ff7f0e"},
                             {"Large scale", compute::Date(2015, 9, 1), std::nullopt, "#2ca02c"}}});
    d.eraSchemes.push_back({"Two eras",
                            {},
                            {{"Before 2012", std::nullopt, compute::Date(2012, 1, 1), "#9467bd"},
                             {"From 2012", compute::Date(2012, 1, 1), std::nullopt, "#d62728"}}});
    d.runs.reserve(runs);
    for (std::size_t i = 0; i < runs; ++i) {
        compute::TrainingRun run;
        run.id = "run-" + std::to_string(i);
        run.name = "Model " + std::to_string(i);
        run.organization = "Lab " + std::to_string(i % 97);
        run.domain = domains[i % std::size(domains)];
        const double y = year(rng);
        const auto days = static_cast<std::int64_t>((y - 1970.0) * 365.25);
        run.date = compute::Date::fromDaysSinceEpoch(days);
        const double log10Flop = 14.0 + 0.45 * (y - 1990.0) + noise(rng);
        const double flop = std::pow(10.0, std::clamp(log10Flop, 3.0, 28.0));
        switch (method(rng)) {
        case 0:
            run.estimates.push_back(compute::ComputeEstimate::reported(flop, "synthetic"));
            break;
        case 1:
            run.estimates.push_back(
                {compute::OperationsInputs{flop / 3.0 / 1e6 / 10.0, 2.0, 1e6, 10.0}, {}});
            break;
        case 2: {
            compute::HardwareInputs hw;
            hw.device = "nvidia-v100";
            hw.numberFormat = compute::NumberFormat::TensorFP16;
            hw.deviceCount = 64;
            hw.peakFlopsPerDevice = 1.25e14;
            hw.utilization = 0.33;
            hw.trainingHours = flop / (64 * 1.25e14 * 0.33 * 3600.0);
            hw.timeUnit = compute::TimeUnit::Hours;
            run.estimates.push_back({hw, {}});
            break;
        }
        default:
            run.estimates.push_back(
                {compute::ParametersTokensInputs{std::sqrt(flop / 6.0), std::sqrt(flop / 6.0)},
                 {}});
        }
        run.sources.push_back(
            {"Paper " + std::to_string(i), "https://example.org/" + std::to_string(i)});
        if (i % 5 == 0) run.parameters = 1e6 * static_cast<double>(1 + i % 1000);
        d.runs.push_back(std::move(run));
    }
    return d;
}

std::string syntheticEpochCsv(std::size_t rows, std::uint32_t seed)
{
    std::string csv;
    csv.reserve(rows * 220);
    syntheticEpochCsv(rows, seed, [&csv](std::string_view piece) { csv += piece; });
    return csv;
}

void syntheticEpochCsv(std::size_t rows, std::uint32_t seed,
                       const std::function<void(std::string_view)> &write)
{
    constexpr std::size_t kPiece = 1 << 20;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> yearDist(1960, 2024), month(1, 12), day(1, 28);
    std::normal_distribution<double> noise(0.0, 0.8);
    std::string csv = compute::csvRecord(
        {"Model", "Domain", "Organization", "Publication date", "Reference", "Link", "Parameters",
         "Training compute (FLOP)", "Training compute notes", "Training hardware",
         "Hardware quantity", "Training time (hours)", "Confidence", "Frontier model"});
    csv.reserve(kPiece + 4096);
    for (std::size_t i = 0; i < rows; ++i) {
        const int y = yearDist(rng);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, month(rng), day(rng));
        const double flop = std::pow(10.0, 14.0 + 0.45 * (y - 1990) + noise(rng));
        const bool hardware = i % 3 == 0;
        csv += compute::csvRecord(
            {"Model " + std::to_string(i), i % 7 == 0 ? "Language,Vision" : "Language",
             "Lab " + std::to_string(i % 97) + ", Inc.", date,
             "A \"quoted\" title, with commas " + std::to_string(i),
             "https://arxiv.org/abs/" + std::to_string(1000 + i),
             compute::formatNumber(1e9 + static_cast<double>(i)),
             i % 10 == 9 ? std::string() : compute::formatNumber(flop), "6ND estimate\nsecond line",
             hardware ? "NVIDIA A100" : "", hardware ? "512" : "", hardware ? "720" : "",
             i % 2 ? "Confident" : "Likely", i % 11 == 0 ? "True" : ""});
        if (csv.size() >= kPiece) {
            write(csv);
            csv.clear();
        }
    }
    if (!csv.empty()) write(csv);
}

void syntheticEveryColumnCsv(std::size_t rows, std::uint32_t seed,
                             const std::function<void(std::string_view)> &write)
{
    constexpr std::size_t kPiece = 1 << 20;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> yearDist(1960, 2024), month(1, 12), day(1, 28);
    std::normal_distribution<double> noise(0.0, 0.8);
    // Values that repeat in Epoch's exports are drawn from short lists, as they repeat there.
    const char *categories[] = {"Industry", "Academia", "Industry,Academia", "Government"};
    const char *countries[] = {"United States of America",
                               "China",
                               "United Kingdom of Great "
                               "Britain and Northern Ireland",
                               "France",
                               "Canada",
                               "Korea (Republic of)"};
    const char *notability[] = {"SOTA improvement", "Highly cited", "Training cost",
                                "Historical significance"};
    const char *accessibility[] = {"Open weights (unrestricted)", "API access", "Unreleased",
                                   "Open weights (non-commercial)"};
    const char *code[] = {"Unreleased", "Open source", "Open (restricted use)"};
    const char *datasets[] = {"Common Crawl", "ImageNet", "Unspecified unreleased", "The Pile"};
    const char *methods[] = {"Operation counting", "Hardware", "Third-party estimation"};
    std::string csv = compute::csvRecord({"Model",
                                          "Domain",
                                          "Organization",
                                          "Organization categorization",
                                          "Country (from Organization)",
                                          "Authors",
                                          "Publication date",
                                          "Reference",
                                          "Link",
                                          "Citations",
                                          "Notability criteria",
                                          "Notability criteria notes",
                                          "Parameters",
                                          "Parameters notes",
                                          "Training compute (FLOP)",
                                          "Training compute notes",
                                          "Training dataset",
                                          "Training dataset notes",
                                          "Training dataset size (datapoints)",
                                          "Dataset size notes",
                                          "Epochs",
                                          "Training time (hours)",
                                          "Training time notes",
                                          "Training hardware",
                                          "Hardware quantity",
                                          "Hardware utilization",
                                          "Training compute cost (2023 USD)",
                                          "Compute cost notes",
                                          "Confidence",
                                          "Abstract",
                                          "Base model",
                                          "Finetune compute (FLOP)",
                                          "Finetune compute notes",
                                          "Batch size",
                                          "Batch size notes",
                                          "Model accessibility",
                                          "Training code accessibility",
                                          "Inference code accessibility",
                                          "Accessibility notes",
                                          "Frontier model",
                                          "Training power draw (W)",
                                          "Training compute estimation method"});
    csv.reserve(kPiece + 4096);
    for (std::size_t i = 0; i < rows; ++i) {
        const int y = yearDist(rng);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, month(rng), day(rng));
        const double flop = std::pow(10.0, 14.0 + 0.45 * (y - 1990) + noise(rng));
        const double parameters = 1e9 + static_cast<double>(i);
        const bool hardware = i % 3 == 0;
        const std::string n = std::to_string(i);
        // Epoch writes its numbers as Python floats: "512.0", "1e+25".
        const auto epochNumber = [](double value) {
            std::string text = compute::formatNumber(value);
            if (text.find_first_of(".e") == std::string::npos) text += ".0";
            return text;
        };
        csv += compute::csvRecord({
            "Model " + n,
            i % 7 == 0 ? "Language,Vision" : "Language",
            "Lab " + std::to_string(i % 97) + ", Inc.",
            categories[i % 4],
            countries[i % 6],
            "Author " + n,
            date,
            "A \"quoted\" title, with commas " + n,
            "https://arxiv.org/abs/" + std::to_string(1000 + i),
            epochNumber(static_cast<double>(i % 5000)),
            notability[i % 4],
            "Table 2",
            epochNumber(parameters),
            "Table " + std::to_string(1 + i % 9),
            i % 10 == 9 ? std::string() : compute::formatNumber(flop),
            "6ND estimate\nsecond line",
            datasets[i % 4],
            "web text",
            epochNumber(2e11 + static_cast<double>(i % 1000) * 1e9),
            std::to_string(200 + i % 1000) + "B tokens",
            epochNumber(static_cast<double>(1 + i % 3)),
            hardware ? "720.0" : "",
            hardware ? "30 days" : "",
            hardware ? "NVIDIA A100" : "",
            hardware ? "512.0" : "",
            hardware ? "0.4" : "",
            epochNumber(1e5 + static_cast<double>(i % 10000) * 100),
            "cloud",
            i % 2 ? "Confident" : "Likely",
            "Abstract " + n,
            i % 5 == 0 ? "Model " + std::to_string(i / 2) : std::string(),
            i % 5 == 0 ? "1e+21" : "",
            i % 5 == 0 ? "6ND" : "",
            epochNumber(static_cast<double>(256 << (i % 4))),
            "Table 4",
            accessibility[i % 4],
            code[i % 3],
            code[(i + 1) % 3],
            "MIT",
            i % 11 == 0 ? "True" : "",
            epochNumber(1e5 + static_cast<double>(i % 1000)),
            methods[i % 3],
        });
        if (csv.size() >= kPiece) {
            write(csv);
            csv.clear();
        }
    }
    if (!csv.empty()) write(csv);
}

} // namespace testing_support
