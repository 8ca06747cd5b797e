// SPDX-License-Identifier: GPL-3.0-or-later
// Reference lines of fixed doubling time anchored at a run.
#include "core/stats/reference_lines.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace compute;

namespace {

// Years in a doubling time of `months` months of 30.4375 days.
double yearsOf(double months)
{
    return months * 30.4375 / 365.25;
}

TrainingRun alexNet()
{
    TrainingRun r;
    r.id = r.name = "alexnet";
    r.date = Date(2012, 6, 1);
    r.estimates.push_back(ComputeEstimate::reported(0.00578754 * 8.64e19));
    return r;
}

} // namespace

TEST(ReferenceLine, ComputeDoublesOverEachDoublingTime)
{
    for (double months : {3.4, 6.0, 24.0, 5.53, 100.0}) {
        const auto line = referenceLine(months, 45.0, 20.0);
        ASSERT_TRUE(line) << months;
        for (double x : {30.0, 45.0, 52.5})
            EXPECT_NEAR(std::pow(10.0, line->log10At(x + yearsOf(months)) - line->log10At(x)), 2.0,
                        1e-12)
                << months;
        EXPECT_DOUBLE_EQ(line->log10At(45.0), 20.0);
    }
}

TEST(ReferenceLine, MooresLawGrowsTwofoldInTwoYearsAndOpenAisTenfoldAYearAndAHalf)
{
    const auto moore = referenceLine(24.0, 0.0, 10.0);
    // 24 months of 30.4375 days = 730.5 days = 2 Julian years.
    EXPECT_NEAR(moore->log10At(2.0) - 10.0, std::log10(2.0), 1e-15);
    EXPECT_EQ(moore->label, "24-month doubling");
    // 3.4 months: 2^(12 / 3.4) = 11.5x per year (OpenAI: "roughly a factor of 10 each year").
    const auto openAi = referenceLine(3.4, 0.0, 0.0);
    EXPECT_NEAR(std::pow(10.0, openAi->slope()), std::pow(2.0, 12.0 / 3.4), 1e-10);
    EXPECT_EQ(openAi->label, "3.4-month doubling");
}

TEST(ReferenceLine, AnchoredAtARunPassesThroughItsDateAndCompute)
{
    const auto line = referenceLineThrough(alexNet(), 3.4, "OpenAI 2018");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->label, "OpenAI 2018");
    EXPECT_DOUBLE_EQ(line->anchorX, Date(2012, 6, 1).yearsSinceEpoch());
    EXPECT_NEAR(line->log10At(line->anchorX), std::log10(0.00578754 * 8.64e19), 1e-12);
    // OpenAI's line from AlexNet passes AlphaGo Zero (2017-10-18, 1862 pfs-days) within a
    // factor of 2: 5.38 years x 1.062 OOM/year on from 17.70 is 23.42; it used 23.21.
    const double agz = std::log10(1862 * 8.64e19);
    EXPECT_NEAR(line->log10At(Date(2017, 10, 18).yearsSinceEpoch()), agz, std::log10(2.0));
}

TEST(ReferenceLine, RefusesZeroNegativeAndUndefinedDoublingTimesAndUnplottableRuns)
{
    EXPECT_FALSE(referenceLine(0.0, 45.0, 20.0));
    EXPECT_FALSE(referenceLine(-3.4, 45.0, 20.0));
    EXPECT_FALSE(referenceLine(NAN, 45.0, 20.0));
    EXPECT_FALSE(referenceLine(INFINITY, 45.0, 20.0));
    EXPECT_FALSE(referenceLine(6.0, NAN, 20.0));
    TrainingRun undated = alexNet();
    undated.date.reset();
    EXPECT_FALSE(referenceLineThrough(undated, 6.0));
    TrainingRun noCompute = alexNet();
    noCompute.estimates.clear();
    EXPECT_FALSE(referenceLineThrough(noCompute, 6.0));
}

TEST(ReferenceLine, PresetsAreOpenAiEpochSevillaAndMoore)
{
    const auto presets = standardDoublingTimes();
    ASSERT_EQ(presets.size(), 4u);
    EXPECT_DOUBLE_EQ(presets[0].doublingTimeMonths, 3.4);
    // Epoch AI 2024: 4.5x per year is 12 ln 2 / ln 4.5 = 5.53 months.
    EXPECT_NEAR(presets[1].doublingTimeMonths, 12.0 * std::log(2.0) / std::log(4.5), 1e-12);
    EXPECT_NEAR(presets[1].doublingTimeMonths, 5.53, 0.005);
    EXPECT_DOUBLE_EQ(presets[2].doublingTimeMonths, 6.0);
    EXPECT_DOUBLE_EQ(presets[3].doublingTimeMonths, 24.0);
    EXPECT_NE(presets[3].label.find("Moore"), std::string::npos);
}

TEST(ReferenceLine, GrowthFactorConvertsToDoublingMonths)
{
    EXPECT_NEAR(*doublingMonthsFromGrowthFactor(2.0), 12.0, 1e-12);
    EXPECT_NEAR(*doublingMonthsFromGrowthFactor(std::pow(2.0, 12.0 / 3.4)), 3.4, 1e-12);
    EXPECT_FALSE(doublingMonthsFromGrowthFactor(1.0));
    EXPECT_FALSE(doublingMonthsFromGrowthFactor(0.5));
    EXPECT_FALSE(doublingMonthsFromGrowthFactor(NAN));
}
