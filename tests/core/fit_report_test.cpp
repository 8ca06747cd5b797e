// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/fit_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace compute;
using nlohmann::json;

namespace {

// log10(2), written out so the tests do not share the library's constant.
constexpr double kLog10Two = 0.301029995663981195213738894724493;

TrainingRun run(const std::string &id, Date date, double flop)
{
    TrainingRun r;
    r.id = id;
    r.name = id;
    r.date = date;
    r.estimates.push_back(ComputeEstimate::reported(flop));
    return r;
}

// Runs growing exactly tenfold per Julian year from 1e17 FLOP on 2012-01-01, plus two
// runs in the 1990s and a flat trio in the 2030s.
Dataset dataset()
{
    Dataset d;
    const std::int64_t start = Date(2012, 1, 1).daysSinceEpoch();
    const int offsets[] = {0, 200, 365, 700, 1100, 1461, 2000};
    for (int offset : offsets)
        d.runs.push_back(run("exp" + std::to_string(offset),
                             Date::fromDaysSinceEpoch(start + offset),
                             std::pow(10.0, 17.0 + offset / 365.25)));
    d.runs.push_back(run("old1", Date(1995, 1, 1), 1e12));
    d.runs.push_back(run("old2", Date(1998, 11, 1), 3e12));
    d.runs.push_back(run("flat1", Date(2031, 1, 1), 1e25));
    d.runs.push_back(run("flat2", Date(2032, 1, 1), 1e25));
    d.runs.push_back(run("flat3", Date(2033, 1, 1), 1e25));
    d.runs.push_back(run("same1", Date(2040, 6, 1), 1e26));
    d.runs.push_back(run("same2", Date(2040, 6, 1), 3e26));
    d.runs.push_back(run("same3", Date(2040, 6, 1), 2e26));
    return d;
}

json reportFor(const std::vector<Era> &eras)
{
    EraScheme scheme;
    scheme.name = "test";
    scheme.eras = eras;
    const std::string text = fitReportJson(fitScheme(dataset(), scheme));
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    // NaN or infinity would be printed as null by nlohmann: make sure none was produced.
    EXPECT_EQ(text.find("nan"), std::string::npos) << text;
    EXPECT_EQ(text.find("inf"), std::string::npos) << text;
    return json::parse(text);
}

const char *const kNumericKeys[] = {"slope_log10_per_year", "doubling_time_days",
                                    "doubling_time_months", "growth_factor_per_year", "r_squared"};

} // namespace

TEST(FitReport, HasTheKeysOfTheCommandLineContract)
{
    const json report = reportFor({Era{"Deep Learning", Date(2010, 1, 1), Date(2020, 1, 1)}});
    ASSERT_TRUE(report.is_object());
    ASSERT_TRUE(report.contains("fits"));
    ASSERT_TRUE(report["fits"].is_array());
    ASSERT_EQ(report["fits"].size(), 1u);
    const json &fit = report["fits"][0];
    for (const char *key : {"era", "from", "to", "n", "slope_log10_per_year", "doubling_time_days",
                            "doubling_time_months", "doubling_time_months_ci95",
                            "growth_factor_per_year", "r_squared", "status"})
        EXPECT_TRUE(fit.contains(key)) << key;
    EXPECT_EQ(fit["era"], "Deep Learning");
    EXPECT_EQ(fit["from"], "2010-01-01");
    EXPECT_EQ(fit["to"], "2020-01-01");
    EXPECT_TRUE(fit["n"].is_number_unsigned());
    EXPECT_EQ(fit["n"], 7);
    EXPECT_EQ(fit["status"], "ok");
    ASSERT_TRUE(fit["doubling_time_months_ci95"].is_array());
    EXPECT_EQ(fit["doubling_time_months_ci95"].size(), 2u);
}

TEST(FitReport, ReportsTheTenfoldPerYearTrendByHand)
{
    const json fit =
        reportFor({Era{"Deep Learning", Date(2010, 1, 1), Date(2020, 1, 1)}})["fits"][0];
    // Tenfold per year: slope 1 OOM/yr, doubling in log10(2) years.
    EXPECT_NEAR(fit["slope_log10_per_year"].get<double>(), 1.0, 1e-9);
    EXPECT_NEAR(fit["growth_factor_per_year"].get<double>(), 10.0, 1e-8);
    EXPECT_NEAR(fit["doubling_time_days"].get<double>(), kLog10Two * 365.25, 1e-7);
    EXPECT_NEAR(fit["doubling_time_months"].get<double>(), kLog10Two * 12.0, 1e-9);
    EXPECT_NEAR(fit["r_squared"].get<double>(), 1.0, 1e-9);
    // An exact trend has a zero-width interval around the point estimate.
    const json &ci = fit["doubling_time_months_ci95"];
    ASSERT_TRUE(ci[0].is_number() && ci[1].is_number()) << ci;
    EXPECT_NEAR(ci[0].get<double>(), kLog10Two * 12.0, 1e-6);
    EXPECT_NEAR(ci[1].get<double>(), kLog10Two * 12.0, 1e-6);
}

TEST(FitReport, NumbersMatchTheTrendFit)
{
    const Dataset d = dataset();
    const Era all = Era{"All", std::nullopt, Date(2030, 1, 1)};
    const TrendFit expected = fitEra(d, all);
    ASSERT_TRUE(expected.ok());
    const json fit = json::parse(fitReportJson({EraFit{all, expected}}))["fits"][0];
    EXPECT_EQ(fit["n"], 9);
    EXPECT_DOUBLE_EQ(fit["slope_log10_per_year"].get<double>(), expected.slope);
    EXPECT_DOUBLE_EQ(fit["doubling_time_days"].get<double>(), expected.doublingTimeDays());
    EXPECT_DOUBLE_EQ(fit["doubling_time_months"].get<double>(), expected.doublingTimeMonths());
    EXPECT_DOUBLE_EQ(fit["growth_factor_per_year"].get<double>(), expected.growthFactorPerYear());
    EXPECT_DOUBLE_EQ(fit["r_squared"].get<double>(), expected.rSquared);
    const Interval ci = expected.doublingTimeMonthsCi95();
    ASSERT_TRUE(ci.low && ci.high);
    EXPECT_DOUBLE_EQ(fit["doubling_time_months_ci95"][0].get<double>(), *ci.low);
    EXPECT_DOUBLE_EQ(fit["doubling_time_months_ci95"][1].get<double>(), *ci.high);
    EXPECT_LT(*ci.low, *ci.high);
}

TEST(FitReport, TwoRunEraGivesNullsAndSaysWhy)
{
    const json fit = reportFor({Era{"1990s", Date(1990, 1, 1), Date(2000, 1, 1)}})["fits"][0];
    EXPECT_EQ(fit["n"], 2);
    for (const char *key : kNumericKeys)
        EXPECT_TRUE(fit[key].is_null()) << key;
    EXPECT_EQ(fit["doubling_time_months_ci95"], json::array({nullptr, nullptr}));
    ASSERT_TRUE(fit["status"].is_string());
    EXPECT_EQ(fit["status"], "not enough data: 2 runs, a fit needs at least 3");
}

TEST(FitReport, EmptyEraGivesNullsAndSaysWhy)
{
    const json fit = reportFor({Era{"Future", Date(2050, 1, 1), std::nullopt}})["fits"][0];
    EXPECT_EQ(fit["n"], 0);
    for (const char *key : kNumericKeys)
        EXPECT_TRUE(fit[key].is_null()) << key;
    EXPECT_NE(fit["status"].get<std::string>().find("not enough data"), std::string::npos);
}

TEST(FitReport, RunsOnOneDateGiveNullsAndSayWhy)
{
    const json fit = reportFor({Era{"2040", Date(2040, 1, 1), Date(2041, 1, 1)}})["fits"][0];
    EXPECT_EQ(fit["n"], 3);
    for (const char *key : kNumericKeys)
        EXPECT_TRUE(fit[key].is_null()) << key;
    EXPECT_EQ(fit["doubling_time_months_ci95"], json::array({nullptr, nullptr}));
    EXPECT_NE(fit["status"].get<std::string>().find("no spread in dates"), std::string::npos)
        << fit["status"];
}

TEST(FitReport, FlatTrendHasNoDoublingTimeButAGrowthFactorOfOne)
{
    const json fit = reportFor({Era{"2030s", Date(2030, 1, 1), Date(2040, 1, 1)}})["fits"][0];
    EXPECT_EQ(fit["n"], 3);
    EXPECT_EQ(fit["status"], "ok");
    EXPECT_EQ(fit["slope_log10_per_year"].get<double>(), 0.0);
    EXPECT_EQ(fit["growth_factor_per_year"].get<double>(), 1.0);
    // The doubling time is infinite: null, stated explicitly rather than by accident.
    EXPECT_TRUE(fit["doubling_time_days"].is_null());
    EXPECT_TRUE(fit["doubling_time_months"].is_null());
    EXPECT_EQ(fit["doubling_time_months_ci95"], json::array({nullptr, nullptr}));
}

TEST(FitReport, SlopeIntervalThroughZeroLeavesTheDoublingIntervalOpen)
{
    Dataset d;
    const double logs[] = {20.0, 22.0, 19.5, 21.8, 19.9, 20.6};
    for (int i = 0; i < 6; ++i)
        d.runs.push_back(
            run("r" + std::to_string(i), Date(2010 + i, 1, 1), std::pow(10.0, logs[i])));
    const Era all = Era{"All", std::nullopt, std::nullopt};
    const TrendFit f = fitEra(d, all);
    ASSERT_TRUE(f.ok());
    ASSERT_LT(f.slopeCiLow, 0.0);
    ASSERT_GT(f.slopeCiHigh, 0.0);
    const json fit = json::parse(fitReportJson({EraFit{all, f}}))["fits"][0];
    EXPECT_EQ(fit["status"], "ok");
    EXPECT_TRUE(fit["doubling_time_days"].is_number());
    EXPECT_EQ(fit["doubling_time_months_ci95"], json::array({nullptr, nullptr}));
    EXPECT_TRUE(fit["from"].is_null());
    EXPECT_TRUE(fit["to"].is_null());
}

TEST(FitReport, OneEntryPerEraInOrder)
{
    const json report = reportFor({Era{"A", std::nullopt, Date(2000, 1, 1)},
                                   Era{"B", Date(2012, 1, 1, DatePrecision::Year), std::nullopt},
                                   Era{"C", Date(2031, 6, 1, DatePrecision::Month), std::nullopt}});
    ASSERT_EQ(report["fits"].size(), 3u);
    EXPECT_EQ(report["fits"][0]["era"], "A");
    EXPECT_TRUE(report["fits"][0]["from"].is_null());
    EXPECT_EQ(report["fits"][0]["to"], "2000-01-01");
    EXPECT_EQ(report["fits"][1]["era"], "B");
    EXPECT_EQ(report["fits"][1]["from"], "2012"); // at the date's own precision
    EXPECT_EQ(report["fits"][2]["from"], "2031-06");
}

TEST(FitReport, NoErasGiveAnEmptyList)
{
    const json report = json::parse(fitReportJson({}));
    EXPECT_EQ(report, json::parse(R"({"fits": []})"));
}

TEST(FitReport, EraNamesAreEscaped)
{
    const std::string name = "\"Large-Scale\" era \\ 2015–2022";
    const json report =
        json::parse(fitReportJson({EraFit{Era{name, std::nullopt, std::nullopt}, {}}}));
    EXPECT_EQ(report["fits"][0]["era"], name);
}
