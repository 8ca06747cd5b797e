// SPDX-License-Identifier: GPL-3.0-or-later
// Core benchmarks: fitting, loading native files, importing Epoch CSV exports.
#include "core/io/csv_reader.h"
#include "core/io/epoch_import.h"
#include "core/io/json_format.h"
#include "core/stats/fit_cache.h"
#include "core/stats/rolling.h"
#include "core/stats/trend_fit.h"
#include "tests/support/synthetic_dataset.h"
#include "tests/support/test_catalog.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

namespace {

// OLS over n runs whose x and log10 FLOP are already known (what the window keeps).
void BM_Fit(benchmark::State &state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> x(-20, 55);
    std::normal_distribution<double> noise(0, 0.7);
    std::vector<double> xs(n), ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = x(rng);
        ys[i] = 18 + 0.5 * xs[i] + noise(rng);
    }
    for (auto _ : state) {
        compute::TrendFit fit = compute::fitTrend(xs, ys);
        benchmark::DoNotOptimize(fit);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_Fit)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// --rolling: 3,000 runs on whole days over 1940-2025 (1,020 months), windows of 1 year
// sliding a month at a time (Arg 0: 1,020 windows) or growing from 1940 (Arg 1).
void BM_Rolling(benchmark::State &state)
{
    std::mt19937 rng(3);
    std::uniform_int_distribution<std::int64_t> day(compute::Date(1940, 1, 1).daysSinceEpoch(),
                                                    compute::Date(2025, 12, 31).daysSinceEpoch());
    std::normal_distribution<double> noise(0, 0.7);
    compute::FitPoints points;
    for (std::size_t i = 0; i < 3000; ++i) {
        const double x = compute::Date::fromDaysSinceEpoch(day(rng)).yearsSinceEpoch();
        points.x.push_back(x);
        points.y.push_back(18 + 0.5 * x + noise(rng));
        points.runIndex.push_back(i);
    }
    compute::RollingOptions options;
    options.windowMonths = 12;
    options.expanding = state.range(0) == 1;
    std::size_t windows = 0;
    for (auto _ : state) {
        const auto result = compute::rollingWindows(points, std::nullopt, std::nullopt, options);
        windows = result.size();
        benchmark::DoNotOptimize(result.data());
    }
    state.counters["windows"] = static_cast<double>(windows);
}
BENCHMARK(BM_Rolling)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The window's refit of one era: a pass over the FitCache (no log10, no strings).
void BM_FitCacheEra(benchmark::State &state)
{
    const auto dataset =
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0)));
    compute::FitCache cache;
    cache.rebuild(dataset, {});
    const compute::Era &era = dataset.eraSchemes[0].eras[1];
    for (auto _ : state) {
        compute::TrendFit fit = cache.fit(era);
        benchmark::DoNotOptimize(fit);
    }
}
BENCHMARK(BM_FitCacheEra)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// Selecting the runs of an era from the dataset itself (log10 of every FLOP) and fitting.
void BM_FitEraFromDataset(benchmark::State &state)
{
    const auto dataset =
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0)));
    const compute::Era &era = dataset.eraSchemes[0].eras[1];
    for (auto _ : state) {
        compute::TrendFit fit = compute::fitEra(dataset, era);
        benchmark::DoNotOptimize(fit);
    }
}
BENCHMARK(BM_FitEraFromDataset)->Arg(100000)->Unit(benchmark::kMillisecond);

// Parse + validate a native file.
void BM_LoadJson(benchmark::State &state)
{
    const std::string bytes = compute::writeDatasetJson(
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0))));
    for (auto _ : state) {
        auto dataset = compute::readDatasetJson(bytes, "bench.json");
        if (!dataset) state.SkipWithError(dataset.errorText().c_str());
        benchmark::DoNotOptimize(dataset);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
    state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
}
BENCHMARK(BM_LoadJson)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The parser alone on the same file: the scanner readDatasetJson reads with, and
// nlohmann's SAX parser it falls back to for exact errors. Both feed a handler that
// only counts events, so the difference is what the scanner saves.
class CountingHandler final : public nlohmann::json::json_sax_t {
public:
    std::size_t events = 0;
    bool null() override { return count(); }
    bool boolean(bool) override { return count(); }
    bool number_integer(number_integer_t) override { return count(); }
    bool number_unsigned(number_unsigned_t) override { return count(); }
    bool number_float(number_float_t, const string_t &) override { return count(); }
    bool string(string_t &) override { return count(); }
    bool binary(binary_t &) override { return count(); }
    bool start_object(std::size_t) override { return count(); }
    bool key(string_t &) override { return count(); }
    bool end_object() override { return count(); }
    bool start_array(std::size_t) override { return count(); }
    bool end_array() override { return count(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    bool count()
    {
        ++events;
        return true;
    }
};

void BM_ParseJsonSax(benchmark::State &state)
{
    const std::string bytes = compute::writeDatasetJson(
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0))));
    for (auto _ : state) {
        CountingHandler handler;
        const bool parsed = nlohmann::json::sax_parse(bytes, &handler);
        if (!parsed) state.SkipWithError("not parsed");
        benchmark::DoNotOptimize(handler.events);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_ParseJsonSax)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SaveJson(benchmark::State &state)
{
    const auto dataset =
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::string bytes = compute::writeDatasetJson(dataset);
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(BM_SaveJson)->Arg(100000)->Unit(benchmark::kMillisecond);

// Import of an Epoch-style CSV (quoted fields, hardware columns) into a dataset.
// Imports `csv` once per iteration.
void importEachIteration(benchmark::State &state, const std::string &csv)
{
    const compute::HardwareCatalog &catalog = testing_support::testCatalog();
    for (auto _ : state) {
        auto imported = compute::importEpochCsv(csv, "bench.csv", &catalog);
        if (!imported) state.SkipWithError(imported.errorText().c_str());
        benchmark::DoNotOptimize(imported);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
    state.counters["MB"] = static_cast<double>(csv.size()) / 1e6;
}

void BM_ImportCsv(benchmark::State &state)
{
    importEachIteration(
        state, testing_support::syntheticEpochCsv(static_cast<std::size_t>(state.range(0))));
}
BENCHMARK(BM_ImportCsv)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The CSV reader alone: every record of the same file streamed through readCsv, fields
// touched but not kept (what the importer pays before it looks at a cell).
void BM_ReadCsv(benchmark::State &state)
{
    const std::string csv =
        testing_support::syntheticEpochCsv(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::size_t bytes = 0;
        auto records = compute::readCsv(csv, "bench.csv", [&](const compute::CsvRecord &record) {
            for (std::string_view field : record.fields)
                bytes += field.size();
            return true;
        });
        if (!records) state.SkipWithError(records.errorText().c_str());
        benchmark::DoNotOptimize(bytes);
        benchmark::DoNotOptimize(records);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
    state.counters["MB"] = static_cast<double>(csv.size()) / 1e6;
}
BENCHMARK(BM_ReadCsv)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same with every column of the Notable AI Models export filled as Epoch fills it:
// the export's 895 rows again and again (each copy's names made unique), all 42 columns
// kept (core/model/run_fields.h).
std::string everyColumnCsv(std::size_t rows)
{
    const std::string source = [] {
        std::ifstream in(COMPUTE_SOURCE_DIR "/tests/data/epoch/notable_ai_models_2025-02-24.csv",
                         std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }();
    std::vector<std::vector<std::string>> table;
    (void)compute::readCsv(source, "notable.csv", [&](const compute::CsvRecord &record) {
        table.emplace_back(record.fields.begin(), record.fields.end());
        return true;
    });
    std::string csv = compute::csvRecord(table.front());
    for (std::size_t i = 0; i < rows && table.size() > 1; ++i) {
        std::vector<std::string> row = table[1 + i % (table.size() - 1)];
        row[0] += " #" + std::to_string(i);
        csv += compute::csvRecord(row);
    }
    return csv;
}

void BM_ImportCsvEveryColumn(benchmark::State &state)
{
    importEachIteration(state, everyColumnCsv(static_cast<std::size_t>(state.range(0))));
}
BENCHMARK(BM_ImportCsvEveryColumn)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Every one of the 42 columns filled as in issue 15's file of a million rows (443 MB):
// testing_support::syntheticEveryColumnCsv, about 470 bytes a row.
void BM_ImportCsvSyntheticEveryColumn(benchmark::State &state)
{
    std::string csv;
    testing_support::syntheticEveryColumnCsv(static_cast<std::size_t>(state.range(0)), 42,
                                             [&csv](std::string_view piece) { csv += piece; });
    importEachIteration(state, csv);
}
BENCHMARK(BM_ImportCsvSyntheticEveryColumn)->Arg(100000)->Unit(benchmark::kMillisecond);

} // namespace
