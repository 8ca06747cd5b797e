// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/rolling.h"

#include "core/report/fit_report.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace compute;

namespace {

TrainingRun makeRun(const std::string &id, Date date, double flop,
                    std::vector<std::string> tags = {})
{
    TrainingRun run;
    run.id = id;
    run.name = id;
    run.date = date;
    run.tags = std::move(tags);
    run.estimates.push_back(ComputeEstimate::reported(flop));
    return run;
}

// Runs on the 15th of every other month from 2000-03 to 2005-07, compute growing with
// noise; every third one tagged "big".
Dataset monthlyDataset()
{
    Dataset d;
    int i = 0;
    for (int index = 2000 * 12 + 2; index <= 2005 * 12 + 6; index += 2, ++i) {
        const Date date(index / 12, index % 12 + 1, 15);
        const double log10Flop = 15.0 + 0.5 * (index - 24000) / 12.0 + 0.3 * std::sin(i * 1.7);
        d.runs.push_back(
            makeRun("r" + std::to_string(i), date, std::pow(10.0, log10Flop),
                    i % 3 == 0 ? std::vector<std::string>{"big"} : std::vector<std::string>{}));
    }
    return d;
}

int monthIndex(const Date &d)
{
    return d.year() * 12 + d.month() - 1;
}

TEST(Rolling, WindowsStartOnTheFirstOfEachMonthAndLastWYears)
{
    const Dataset d = monthlyDataset();
    RollingOptions options;
    options.windowMonths = 12;
    const auto series = rollingFits(d, {Era{"All runs", {}, {}}}, {}, options);
    ASSERT_EQ(series.size(), 1u);
    const auto &windows = series[0].windows;
    // Earliest run 2000-03-15, latest 2005-07-15: the range is [2000-03-01, 2005-08-01),
    // 65 months, so windows start at months 0 .. 65 - 12.
    ASSERT_EQ(windows.size(), 54u);
    EXPECT_EQ(windows.front().from, Date(2000, 3, 1));
    EXPECT_EQ(windows.front().to, Date(2001, 3, 1));
    EXPECT_EQ(windows.back().from, Date(2004, 8, 1));
    EXPECT_EQ(windows.back().to, Date(2005, 8, 1));
    for (std::size_t k = 0; k < windows.size(); ++k) {
        EXPECT_EQ(windows[k].from.day(), 1);
        EXPECT_EQ(monthIndex(windows[k].from), monthIndex(Date(2000, 3, 1)) + static_cast<int>(k));
        EXPECT_EQ(monthIndex(windows[k].to), monthIndex(windows[k].from) + 12);
        // A run every other month: 6 in any 12 months.
        EXPECT_EQ(windows[k].fit.n, 6u) << k;
    }
}

TEST(Rolling, ExpandingWindowsKeepTheirStartAndGrow)
{
    const Dataset d = monthlyDataset();
    RollingOptions options;
    options.windowMonths = 18;
    options.expanding = true;
    const auto windows = rollingFits(d, {Era{"All runs", {}, {}}}, {}, options)[0].windows;
    ASSERT_EQ(windows.size(), 65u - 18u + 1u);
    for (std::size_t k = 0; k < windows.size(); ++k) {
        EXPECT_EQ(windows[k].from, Date(2000, 3, 1));
        EXPECT_EQ(monthIndex(windows[k].to),
                  monthIndex(Date(2000, 3, 1)) + 18 + static_cast<int>(k));
        // Runs in months 0, 2, 4, ... before the end: ceil((18 + k) / 2).
        EXPECT_EQ(windows[k].fit.n, (18u + k + 1u) / 2u) << k;
    }
}

// The windows fit exactly what a fit of the same range fits: the same runs in the same
// order, so the same numbers to the last bit.
TEST(Rolling, EachWindowGivesExactlyTheFitOfItsRange)
{
    const Dataset d = testing_support::syntheticDataset(600);
    RollingOptions options;
    options.windowMonths = 30;
    RunFilter filter;
    const auto windows = rollingFits(d, {Era{"All runs", {}, {}}}, filter, options)[0].windows;
    ASSERT_GT(windows.size(), 800u);
    for (std::size_t k = 0; k < windows.size(); k += 37) {
        const TrendFit expected = fitEra(d, Era{"range", windows[k].from, windows[k].to}, filter);
        EXPECT_EQ(windows[k].fit.n, expected.n);
        EXPECT_EQ(windows[k].fit.slope, expected.slope);
        EXPECT_EQ(windows[k].fit.slopeCiLow, expected.slopeCiLow);
        EXPECT_EQ(windows[k].fit.slopeCiHigh, expected.slopeCiHigh);
        EXPECT_EQ(windows[k].fit.intercept, expected.intercept);
    }
}

TEST(Rolling, AWindowCountsARunOnItsFromButNotOnItsTo)
{
    Dataset d;
    d.runs.push_back(makeRun("a", Date(2010, 1, 1), 1e20));
    d.runs.push_back(makeRun("b", Date(2010, 6, 30), 2e20));
    d.runs.push_back(makeRun("c", Date(2010, 12, 31), 5e20));
    d.runs.push_back(makeRun("d", Date(2011, 1, 1), 9e20));
    RollingOptions options;
    options.windowMonths = 12;
    const auto windows = rollingFits(d, {Era{"All runs", {}, {}}}, {}, options)[0].windows;
    // Range [2010-01-01, 2011-02-01): two windows.
    ASSERT_EQ(windows.size(), 2u);
    EXPECT_EQ(windows[0].fit.n, 3u); // a, b, c; d is on its `to`
    EXPECT_EQ(windows[1].fit.n, 3u); // b, c, d; a is before its `from`
}

TEST(Rolling, WithAnEraTheWindowsHoldItsMembersOverItsDates)
{
    const Dataset d = monthlyDataset();
    Era big{"Big runs", Date(2001, 1, 10), Date(2005, 1, 1)};
    big.rule.tag = "big";
    RollingOptions options;
    options.windowMonths = 24;
    const auto windows = rollingFits(d, {big}, {}, options)[0].windows;
    // The era starts after the first of a month: the windows start on 2001-02-01 and end
    // by 2005-01-01: 47 months, 24 to a window.
    ASSERT_EQ(windows.size(), 47u - 24u + 1u);
    EXPECT_EQ(windows.front().from, Date(2001, 2, 1));
    EXPECT_EQ(windows.back().to, Date(2005, 1, 1));
    for (const RollingWindow &w : windows) {
        std::size_t tagged = 0;
        for (const TrainingRun &r : d.runs)
            if (r.hasTag("big") && !(*r.date < w.from) && *r.date < w.to) ++tagged;
        EXPECT_EQ(w.fit.n, tagged);
    }
}

TEST(Rolling, NoRunsOrARangeShorterThanTheWindowGivesNoWindows)
{
    RollingOptions options;
    options.windowMonths = 120;
    EXPECT_TRUE(
        rollingFits(monthlyDataset(), {Era{"All", {}, {}}}, {}, options)[0].windows.empty());
    EXPECT_TRUE(rollingFits(Dataset{}, {Era{"All", {}, {}}}, {}, options)[0].windows.empty());
}

TEST(Rolling, ReportListsEachWindowWithTheFitFieldsOfFit)
{
    RollingOptions options;
    options.windowMonths = 12;
    const auto series = rollingFits(monthlyDataset(), {Era{"All runs", {}, {}}}, {}, options);
    const auto json = nlohmann::json::parse(rollingReportJson(series, options));
    EXPECT_EQ(json["window_years"], 1.0);
    EXPECT_EQ(json["expanding"], false);
    ASSERT_EQ(json["windows"].size(), 54u);
    const auto &w = json["windows"][0];
    EXPECT_EQ(w["era"], "All runs");
    EXPECT_EQ(w["from"], "2000-03-01");
    EXPECT_EQ(w["to"], "2001-03-01");
    EXPECT_EQ(w["n"], 6);
    for (const char *key : {"status", "slope_log10_per_year", "doubling_time_months",
                            "doubling_time_months_ci95", "growth_factor_per_year", "r_squared"})
        EXPECT_TRUE(w.contains(key)) << key;
}

} // namespace
