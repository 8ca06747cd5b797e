// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_field_rules.h"

#include "core/io/epoch_import.h"
#include "core/util/number_parse.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace compute;

namespace {

constexpr std::array<RunNumber, kRunNumberCount> kAllNumbers = {
    RunNumber::DatasetSize,     RunNumber::TrainingHours, RunNumber::HardwareQuantity,
    RunNumber::Utilization,     RunNumber::Cost,          RunNumber::PowerDraw,
    RunNumber::ChipHours,       RunNumber::Epochs,        RunNumber::BatchSize,
    RunNumber::FinetuneCompute, RunNumber::Citations};

bool accepts(RunNumber which, double value)
{
    return runNumberProblem(which, value).empty();
}

TEST(RunFieldRules, UtilizationIsAFractionAboveZeroUpToOne)
{
    EXPECT_TRUE(accepts(RunNumber::Utilization, 0.4));
    EXPECT_TRUE(accepts(RunNumber::Utilization, 1));
    EXPECT_FALSE(accepts(RunNumber::Utilization, 0));
    EXPECT_FALSE(accepts(RunNumber::Utilization, 40)); // a percentage
    EXPECT_EQ(runNumberProblem(RunNumber::Utilization, 40),
              "a fraction between 0 and 1 (e.g. 0.4)");
}

TEST(RunFieldRules, HardwareQuantityIsAWholeNumberOfChipsFromOne)
{
    EXPECT_TRUE(accepts(RunNumber::HardwareQuantity, 1));
    EXPECT_TRUE(accepts(RunNumber::HardwareQuantity, 16384));
    EXPECT_FALSE(accepts(RunNumber::HardwareQuantity, 0));
    EXPECT_FALSE(accepts(RunNumber::HardwareQuantity, 2.5));
    EXPECT_FALSE(accepts(RunNumber::HardwareQuantity, 1e9));
    EXPECT_EQ(runNumberProblem(RunNumber::HardwareQuantity, 2.5),
              "a whole number of chips, at least 1 (at most 1e8)");
}

TEST(RunFieldRules, ZeroIsAValueOnlyOfCountsThatMayBeNone)
{
    // Epoch records 0 citations, 0 finetune FLOP and a dataset size of 0; never 0 hours.
    for (RunNumber which :
         {RunNumber::DatasetSize, RunNumber::FinetuneCompute, RunNumber::Citations})
        EXPECT_TRUE(accepts(which, 0)) << runNumberRule(which).label;
    for (RunNumber which : {RunNumber::TrainingHours, RunNumber::Cost, RunNumber::PowerDraw,
                            RunNumber::ChipHours, RunNumber::Epochs, RunNumber::BatchSize})
        EXPECT_FALSE(accepts(which, 0)) << runNumberRule(which).label;
}

TEST(RunFieldRules, EveryFieldRefusesNegativeNonFiniteAndHugeValues)
{
    for (RunNumber which : kAllNumbers) {
        const RunNumberRule &rule = runNumberRule(which);
        EXPECT_FALSE(rule.label.empty());
        EXPECT_FALSE(accepts(which, -1)) << rule.label;
        EXPECT_FALSE(accepts(which, std::numeric_limits<double>::infinity())) << rule.label;
        EXPECT_FALSE(accepts(which, std::nan(""))) << rule.label;
        EXPECT_FALSE(accepts(which, rule.highest * 10)) << rule.label;
        EXPECT_TRUE(accepts(which, rule.highest)) << rule.label;
        EXPECT_EQ(runNumberProblem(which, -1), rule.expected);
    }
}

TEST(RunFieldRules, CitationsAreWhole)
{
    EXPECT_TRUE(accepts(RunNumber::Citations, 175697));
    EXPECT_FALSE(accepts(RunNumber::Citations, 3.5));
    EXPECT_TRUE(accepts(RunNumber::Epochs, 0.17)); // a part of one pass
}

TEST(RunFieldRules, CostYearIsAPlausibleYearNeededOnlyWithACost)
{
    EXPECT_EQ(costYearProblem(2023, true), "");
    EXPECT_EQ(costYearProblem(1950, false), "");
    EXPECT_EQ(costYearProblem(2100, false), "");
    EXPECT_EQ(costYearProblem(std::nullopt, false), "");
    EXPECT_EQ(costYearProblem(std::nullopt, true),
              "required with a cost: the year of its dollars (e.g. 2023)");
    const std::string implausible = "a year from 1950 to 2100 (the year of the dollars, e.g. 2023)";
    EXPECT_EQ(costYearProblem(1949, true), implausible);
    EXPECT_EQ(costYearProblem(2101, false), implausible);
    EXPECT_EQ(costYearProblem(2023.5, true), implausible);
    EXPECT_EQ(costYearProblem(23, true), implausible);
}

TEST(RunFieldRules, ChipHoursAreQuantityTimesHoursAndAMismatchIsAFactor)
{
    RunFields fields;
    EXPECT_FALSE(impliedChipHours(fields));
    fields.setNumber(RunNumber::HardwareQuantity, 1024);
    EXPECT_FALSE(impliedChipHours(fields));
    fields.setNumber(RunNumber::TrainingHours, 720);
    EXPECT_EQ(impliedChipHours(fields), 1024.0 * 720);
    EXPECT_FALSE(chipHoursMismatch(fields)); // nothing entered to compare
    fields.setNumber(RunNumber::ChipHours, 1024.0 * 720 * 3);
    EXPECT_DOUBLE_EQ(*chipHoursMismatch(fields), 3);
    fields.setNumber(RunNumber::ChipHours, 1024.0 * 720 / 4);
    EXPECT_DOUBLE_EQ(*chipHoursMismatch(fields), 4); // as large either way
    fields.setNumber(RunNumber::ChipHours, 1024.0 * 720);
    EXPECT_DOUBLE_EQ(*chipHoursMismatch(fields), 1);
    EXPECT_LT(*chipHoursMismatch(fields), kChipHoursTolerance);
}

TEST(RunFieldRules, CostPerPetaflopDayDividesTheCostByTheCompute)
{
    TrainingRun run;
    EXPECT_FALSE(costPerPfsDay(run));
    run.estimates.push_back(ComputeEstimate::reported(8.64e19 * 1000, ""));
    EXPECT_FALSE(costPerPfsDay(run));
    run.fields.setNumber(RunNumber::Cost, 5e6);
    EXPECT_DOUBLE_EQ(*costPerPfsDay(run), 5000);
}

// The rules refuse nothing Epoch AI records but the one figure its importer warns about
// too: a utilization of 72 (a percentage where a fraction belongs).
TEST(RunFieldRules, EveryNumberOfTheEpochExportsPassesButAPercentage)
{
    std::vector<std::string> refused;
    for (const char *file :
         {"notable_ai_models_2025-02-24.csv", "all_ml_systems_full_view_2025-08-07.csv",
          "pcd_trends_2022-05-03.csv"}) {
        const std::string bytes =
            testing_paths::readSource(std::string("tests/data/epoch/") + file);
        auto result = importEpochCsv(bytes, file, &testing_support::testCatalog());
        ASSERT_TRUE(result) << result.errorText();
        std::size_t checked = 0;
        for (const TrainingRun &run : result->dataset.runs) {
            for (RunNumber which : kAllNumbers) {
                const auto value = run.fields.number(which);
                if (!value) continue;
                ++checked;
                if (!runNumberProblem(which, *value).empty())
                    refused.push_back(run.name + ": " + std::string(runNumberRule(which).label) +
                                      " " + formatNumber(*value));
            }
            if (run.fields.number(RunNumber::Cost) && run.fields.costYear()) {
                EXPECT_EQ(costYearProblem(run.fields.costYear(), true), "") << run.name;
            }
        }
        EXPECT_GT(checked, 500u) << file;
    }
    EXPECT_EQ(refused, std::vector<std::string>{"GPT3-2.7B (FlashAttention-2): Utilization 72"});
}

} // namespace
