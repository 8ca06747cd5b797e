// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers of the hostile-input tests (hostile_input_test.cpp, hostile_values_test.cpp).
#include "core/io/csv_export.h"
#include "core/io/epoch_import.h"
#include "core/io/json_format.h"
#include "core/util/text_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace hostile {

using namespace compute;

inline constexpr std::size_t kHundredMegabytes = 100u << 20;
inline constexpr std::size_t kOneMegabyte = 1u << 20;
// An error about one cell or value quotes a short prefix of it, never all of it.
inline constexpr std::size_t kShortMessage = 1000;

inline const std::string kCsvHeader = "Model,Publication date,Training compute (FLOP)\n";

// Seconds taken by f(), printed as a figure in the test's output.
template <typename F> double timed(const char *what, F &&f)
{
    const auto start = std::chrono::steady_clock::now();
    f();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("[ figure   ] %s: %.2f s\n", what, took.count());
    return took.count();
}

inline ::testing::AssertionResult allShort(const Errors &errors)
{
    for (const Error &e : errors)
        if (e.toString().size() > kShortMessage)
            return ::testing::AssertionFailure()
                   << "an error of " << e.toString().size()
                   << " bytes: " << e.toString().substr(0, 300) << "...";
    return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult allUtf8(const Errors &errors)
{
    for (const Error &e : errors)
        if (firstInvalidUtf8(e.toString()) != std::string_view::npos)
            return ::testing::AssertionFailure() << "not UTF-8: " << e.toString().substr(0, 300);
    return ::testing::AssertionSuccess();
}

// A native file of one run whose fields are `runFields` (JSON text after the id).
inline std::string oneRunJson(const std::string &runFields)
{
    return R"({"schema_version": 1, "runs": [{"id": "r", )" + runFields + "}]}";
}

inline Result<Dataset> readJson(const std::string &bytes, const std::string &name)
{
    std::optional<Result<Dataset>> result;
    EXPECT_NO_THROW(result.emplace(readDatasetJson(bytes, name)));
    return result ? std::move(*result) : Result<Dataset>(Error{name, "threw"});
}

inline Result<ImportResult> importCsv(const std::string &bytes, const std::string &name)
{
    std::optional<Result<ImportResult>> result;
    EXPECT_NO_THROW(result.emplace(importEpochCsv(bytes, name, nullptr)));
    return result ? std::move(*result) : Result<ImportResult>(Error{name, "threw"});
}

inline TrainingRun runNamed(std::string name, const std::string &id = "r")
{
    TrainingRun run;
    run.id = id;
    run.name = std::move(name);
    run.date = Date(2020, 5, 28);
    run.estimates = {ComputeEstimate::reported(3.14e23)};
    return run;
}

// The dataset after a save and a load of the native format.
inline Dataset throughJson(const Dataset &dataset)
{
    const Result<Dataset> read = readDatasetJson(writeDatasetJson(dataset), "saved.json");
    EXPECT_TRUE(read.ok()) << read.errorText().substr(0, 500);
    return read.ok() ? read.value() : Dataset{};
}

// The runs after a CSV export and an import of it.
inline std::vector<TrainingRun> throughCsv(const Dataset &dataset)
{
    const Result<ImportResult> read =
        importEpochCsv(writeRunsCsv(dataset), "exported.csv", nullptr);
    EXPECT_TRUE(read.ok()) << read.errorText().substr(0, 500);
    return read.ok() ? read->dataset.runs : std::vector<TrainingRun>{};
}

} // namespace hostile
