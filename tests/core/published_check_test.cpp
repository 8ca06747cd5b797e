// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/published_comparison.h"

#include "core/report/fit_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace compute;

namespace {

// log10(2), written out so the tests do not share the library's constant.
constexpr double kLog10Two = 0.301029995663981195213738894724493;

TrendFit fitWithSlopeInterval(double low, double high)
{
    TrendFit fit;
    fit.status = FitStatus::Ok;
    fit.n = 10;
    fit.slope = (low + high) / 2;
    fit.slopeCiLow = low;
    fit.slopeCiHigh = high;
    return fit;
}

PublishedFigure doubling(double months)
{
    PublishedFigure figure;
    figure.quantity = PublishedQuantity::DoublingTimeMonths;
    figure.value = months;
    return figure;
}

PublishedFigure growth(double factor)
{
    PublishedFigure figure;
    figure.quantity = PublishedQuantity::GrowthFactorPerYear;
    figure.value = factor;
    return figure;
}

TEST(PublishedCheck, ADoublingTimeIsTheSlopeOfOneDoublingInThatManyMonths)
{
    // 12 months: one doubling a year; 6 months: two.
    EXPECT_NEAR(*publishedSlope(doubling(12)), kLog10Two, 1e-15);
    EXPECT_NEAR(*publishedSlope(doubling(6)), 2 * kLog10Two, 1e-15);
    EXPECT_NEAR(*publishedSlope(growth(10)), 1.0, 1e-15);
    EXPECT_NEAR(*publishedSlope(growth(4)), 2 * kLog10Two, 1e-15);
    EXPECT_FALSE(publishedSlope(doubling(0)));
    EXPECT_FALSE(publishedSlope(growth(-2)));
}

TEST(PublishedCheck, InsideWhenTheSlopeItStandsForIsInTheFitsInterval)
{
    // Doubling times of 12 months +- : slopes 0.25 .. 0.35 are 10.3 .. 14.4 months.
    const TrendFit fit = fitWithSlopeInterval(0.25, 0.35);
    EXPECT_EQ(publishedInsideCi95(doubling(12), fit), true);
    EXPECT_EQ(publishedInsideCi95(doubling(10), fit), false); // slope 0.361
    EXPECT_EQ(publishedInsideCi95(doubling(15), fit), false); // slope 0.241
    EXPECT_EQ(publishedInsideCi95(growth(2), fit), true);     // slope 0.301
    EXPECT_EQ(publishedInsideCi95(growth(2.5), fit), false);  // slope 0.398
}

TEST(PublishedCheck, AnIntervalThroughZeroHoldsEveryLongEnoughDoublingTime)
{
    // The doubling time's interval is unbounded: above log10(2) x 12 / 0.2 = 18.06 months
    // it holds, below it does not.
    const TrendFit fit = fitWithSlopeInterval(-0.1, 0.2);
    EXPECT_EQ(publishedInsideCi95(doubling(12), fit), false);
    EXPECT_EQ(publishedInsideCi95(doubling(24), fit), true);
}

TEST(PublishedCheck, WithoutAFitThereIsNoAnswer)
{
    EXPECT_FALSE(publishedInsideCi95(doubling(12), TrendFit{}).has_value());
}

TEST(PublishedCheck, FitReportPrintsThePublishedFigureWithNullsWhereThePaperIsSilent)
{
    Era era{"Era", Date(2010, 1, 1), Date(2020, 1, 1)};
    era.published = doubling(12);
    era.published->ciLow = 10;
    era.published->ciHigh = 14;
    era.published->ciLevel = 0.95;
    era.published->source = "A paper";
    Era plain{"Plain", {}, {}};
    // Parsed keeping the order of the keys, which is part of the format.
    const auto json =
        nlohmann::ordered_json::parse(fitReportJson({EraFit{era, fitWithSlopeInterval(0.25, 0.35)},
                                                     EraFit{plain, fitWithSlopeInterval(0, 1)}}));
    const auto &p = json["fits"][0]["published"];
    const std::vector<std::string> keys = {"quantity",     "value",  "ci",    "ci_level",   "n",
                                           "data_vintage", "source", "table", "inside_ci95"};
    ASSERT_EQ(p.size(), keys.size()) << p.dump();
    std::size_t i = 0;
    for (auto it = p.begin(); it != p.end(); ++it, ++i)
        EXPECT_EQ(it.key(), keys[i]);
    EXPECT_EQ(p["quantity"], "doubling_time_months");
    EXPECT_EQ(p["value"], 12.0);
    EXPECT_EQ(p["ci"], nlohmann::ordered_json::array({10.0, 14.0}));
    EXPECT_EQ(p["ci_level"], 0.95);
    EXPECT_TRUE(p["n"].is_null());
    EXPECT_TRUE(p["data_vintage"].is_null());
    EXPECT_EQ(p["source"], "A paper");
    EXPECT_TRUE(p["table"].is_null());
    EXPECT_EQ(p["inside_ci95"], true);
    EXPECT_FALSE(json["fits"][1].contains("published"));
}

TEST(PublishedCheck, FitReportListsMembersByDateWhenAsked)
{
    Dataset d;
    for (const auto &[name, year] : {std::pair{"late", 2015}, {"early", 2011}, {"mid", 2013}}) {
        TrainingRun run;
        run.id = name;
        run.name = name;
        run.date = Date(year, 1, 1);
        run.estimates.push_back(ComputeEstimate::reported(std::pow(10.0, year - 1995)));
        d.runs.push_back(run);
    }
    const Era all{"All", {}, {}};
    const FitPoints points = selectFitPoints(d, all, {});
    const std::vector<std::string> names = memberNamesByDate(d, points);
    EXPECT_EQ(names, (std::vector<std::string>{"early", "mid", "late"}));
    const auto json =
        nlohmann::json::parse(fitReportJson({EraFit{all, fitTrend(points.x, points.y)}}, {names}));
    EXPECT_EQ(json["fits"][0]["members"], nlohmann::json::array({"early", "mid", "late"}));
    EXPECT_FALSE(
        nlohmann::json::parse(fitReportJson({EraFit{all, {}}}))["fits"][0].contains("members"));
}

} // namespace
