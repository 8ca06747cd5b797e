// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_format.h"
#include "core/io/published_schemes.h"
#include "core/model/era_rule.h"
#include "core/stats/era_membership.h"
#include "core/stats/fit_cache.h"
#include "core/stats/run_selection.h"
#include "core/stats/z_scores.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace compute;

// The definition, written out the slow way: every pair compared.
std::vector<double> bruteForceZ(const std::vector<double> &x, const std::vector<double> &y,
                                double w)
{
    std::vector<double> z(x.size(), 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        double sum = 0, count = 0;
        for (std::size_t j = 0; j < x.size(); ++j)
            if (std::fabs(x[j] - x[i]) <= w + 1e-9) {
                sum += y[j];
                ++count;
            }
        if (count < 3) continue;
        const double mean = sum / count;
        double ss = 0;
        for (std::size_t j = 0; j < x.size(); ++j)
            if (std::fabs(x[j] - x[i]) <= w + 1e-9) ss += (y[j] - mean) * (y[j] - mean);
        const double sd = std::sqrt(ss / count);
        if (sd > 0) z[i] = (y[i] - mean) / sd;
    }
    return z;
}

TEST(ZScores, EqualTheDefinitionComputedPairByPair)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> date(0, 50), flop(10, 25);
    std::vector<double> x(400), y(400);
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = std::round(date(rng) * 12) / 12; // ties on the same month
        y[i] = flop(rng);
    }
    for (double w : {0.5, 1.5, 2.0}) {
        const std::vector<double> fast = localZScores(x, y, w), slow = bruteForceZ(x, y, w);
        for (std::size_t i = 0; i < x.size(); ++i)
            EXPECT_NEAR(fast[i], slow[i], 1e-9) << "w " << w << " i " << i;
    }
}

// The window's sums slide over every point: after 100,000 additions and removals of
// values along a trend (the y of the last runs far from the mean of all), Z still equals
// the definition at points sampled all along.
TEST(ZScores, StayExactOverAHundredThousandPointsAlongATrend)
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> noise(-1, 1);
    const std::size_t n = 100000;
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = 50.0 * static_cast<double>(i) / static_cast<double>(n);
    std::shuffle(x.begin(), x.end(), rng); // out of date order
    for (std::size_t i = 0; i < n; ++i)
        y[i] = 8 + 0.35 * x[i] + noise(rng);
    const std::vector<double> z = localZScores(x, y, 1.5);
    for (std::size_t i = 0; i < n; i += 499) {
        double sum = 0, count = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (std::fabs(x[j] - x[i]) <= 1.5 + 1e-9) {
                sum += y[j];
                ++count;
            }
        const double mean = sum / count;
        double ss = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (std::fabs(x[j] - x[i]) <= 1.5 + 1e-9) ss += (y[j] - mean) * (y[j] - mean);
        ASSERT_GT(count, 3);
        EXPECT_NEAR(z[i], (y[i] - mean) / std::sqrt(ss / count), 1e-9) << "i " << i;
    }
}

TEST(ZScores, FewerThanThreeNeighboursOrNoSpreadGiveZero)
{
    // Two runs close together, one far: nobody has 3 runs within 1.5 years.
    EXPECT_EQ(localZScores(std::vector<double>{0, 1, 10}, std::vector<double>{1, 5, 9}),
              (std::vector<double>{0, 0, 0}));
    // Three equal values: sd 0.
    EXPECT_EQ(localZScores(std::vector<double>{0, 0.5, 1}, std::vector<double>{7, 7, 7}),
              (std::vector<double>{0, 0, 0}));
}

TEST(ZScores, TheWindowEdgeIsIncluded)
{
    // Runs at 0, 1.5 and 3 years: the middle one sees all three (edges exactly at ±1.5),
    // y 0, 3, 9: mean 4, population sd sqrt(42 / 3); each end sees only two runs: Z 0.
    const std::vector<double> x{0, 1.5, 3}, y{0, 3, 9};
    const std::vector<double> z = localZScores(x, y, 1.5);
    const double mean = 4, sd = std::sqrt((16.0 + 1.0 + 25.0) / 3.0);
    EXPECT_EQ(z[0], 0.0);
    EXPECT_NEAR(z[1], (3 - mean) / sd, 1e-12);
    EXPECT_EQ(z[2], 0.0);
    // A hair beyond the edge, the middle run sees only itself and one other.
    EXPECT_EQ(localZScores(std::vector<double>{0, 1.5, 3.0001}, y, 1.5)[1], 0.0);
}

TrainingRun run(const std::string &id, Date date, double flop)
{
    TrainingRun r;
    r.id = id;
    r.name = id;
    r.date = date;
    r.estimates = {ComputeEstimate::reported(flop)};
    return r;
}

TEST(EraRule, ConditionsOnTheRunCombineWithAnd)
{
    TrainingRun r = run("a", Date(2015, 1, 1), 1e20);
    r.tags = {"frontier"};
    r.domain = "Language";
    r.organization = "Google, DeepMind";
    r.confidence = Confidence::Confident;
    EraRule rule;
    EXPECT_TRUE(rule.isAllRuns());
    EXPECT_EQ(describeRule(rule), "all runs");
    rule.tag = "frontier";
    rule.domains = {"language"};
    rule.organizations = {"deepmind"};
    rule.confidences = {Confidence::Confident};
    rule.runIds = {"a", "b"};
    EXPECT_TRUE(rule.matchesRun(r));
    EXPECT_FALSE(rule.isAllRuns());
    rule.runIds = {"b"};
    EXPECT_FALSE(rule.matchesRun(r));
    rule.runIds.clear();
    rule.organizations = {"OpenAI"};
    EXPECT_FALSE(rule.matchesRun(r));
}

TEST(EraRule, DescribesTheSevillaRules)
{
    const EraScheme sevilla = sevilla2022Eras();
    EXPECT_EQ(describeRule(sevilla.eras[2].rule), "large-scale runs, Z ≥ 0.76");
    EXPECT_EQ(describeRule(sevilla.eras[1].rule), "regular-scale runs, -2 ≤ Z < 0.76");
    EXPECT_EQ(describeRule(sevilla.eras[0].rule), "all runs, low outliers excluded (Z < -2)");
}

TEST(EraMembership, AZBandHoldsTheRunsWhoseZIsInsideAgainstTheWholePopulation)
{
    const Dataset dataset = testing_support::syntheticDataset(600, 5);
    FitPoints all = selectFitPoints(dataset, Era{}, {});
    const std::vector<double> z = bruteForceZ(all.x, all.y, 1.5);
    Era era;
    era.from = Date(2012, 1, 1);
    era.rule.zBand = ZScoreBand{0.76, std::nullopt};
    std::vector<std::size_t> expected;
    for (std::size_t p = 0; p < all.x.size(); ++p)
        if (z[p] >= 0.76 && all.x[p] >= Date(2012, 1, 1).yearsSinceEpoch())
            expected.push_back(all.runIndex[p]);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(selectFitPoints(dataset, era, {}).runIndex, expected);
    // The window's cache selects the same runs.
    FitCache cache;
    cache.rebuild(dataset, {});
    EXPECT_EQ(cache.points(era).runIndex, expected);
    EXPECT_EQ(cache.fit(era).n, expected.size());
}

TEST(EraMembership, RegularAndLargeScaleSplitTheRunsOfTheirDatesAndOverlapTheAllRunsEra)
{
    const Dataset dataset = testing_support::syntheticDataset(800, 9);
    Era large, regular, all;
    large.rule.zBand = ZScoreBand{0.76, std::nullopt};
    regular.rule.zBand = ZScoreBand{std::nullopt, 0.76};
    const RunFilter noFilter; // the selector keeps a reference: it must outlive it
    EraSelector selector(dataset, noFilter);
    const std::vector<bool> inLarge = selector.members(large),
                            inRegular = selector.members(regular), inAll = selector.members(all);
    for (std::size_t i = 0; i < inAll.size(); ++i) {
        EXPECT_EQ(inAll[i], inLarge[i] || inRegular[i]) << i;
        EXPECT_FALSE(inLarge[i] && inRegular[i]) << i;
    }
}

TEST(EraMembership, RunningTopNIsFrontierAtPublication)
{
    // Compute rises then falls: the later, smaller runs are not in the running top 2.
    Dataset dataset;
    const double flops[] = {1e10, 1e12, 1e11, 1e13, 1e9, 1e8};
    for (int i = 0; i < 6; ++i)
        dataset.runs.push_back(run("r" + std::to_string(i), Date(2000 + i, 1, 1), flops[i]));
    Era era;
    era.rule.topN = 2;
    // Each run with fewer than 2 earlier-or-equal runs of more compute.
    const std::vector<std::size_t> expected{0, 1, 2, 3};
    EXPECT_EQ(selectFitPoints(dataset, era, {}).runIndex, expected);
}

TEST(NativeFormat, RulesAndPublishedFiguresRoundTrip)
{
    Dataset dataset;
    dataset.runs.push_back(run("a", Date(2015, 1, 1), 1e20));
    EraScheme scheme = sevilla2022Eras();
    scheme.eras[0].rule.tag = "frontier";
    scheme.eras[0].rule.runIds = {"a"};
    scheme.eras[0].rule.zWindowYears = 2;
    scheme.eras[1].rule.topN = 10;
    scheme.eras[1].rule.recordSetters = true;
    dataset.eraSchemes = {scheme, epoch2024Scheme(), openAi2018ChartScheme()};
    const std::string text = writeDatasetJson(dataset);
    const Result<Dataset> read = readDatasetJson(text, "rules.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_TRUE(read->eraSchemes == dataset.eraSchemes);
    EXPECT_EQ(writeDatasetJson(*read), text);
}

std::string v1File(const std::string &eras)
{
    return R"({"schema_version": 1, "era_schemes": [{"name": "Sevilla et al. 2022: three eras",
        "description": "Sevilla, Heim, Ho, Besiroglu, Hobbhahn, Villalobos (2022), 'Compute Trends Across Three Eras of Machine Learning', arXiv:2202.05924. Their large-scale era fits only large-scale models (about 10-100x above the trend); here it is a date range, so it fits every run from September 2015 unless the view is filtered.",
        "eras": )" +
           eras + R"(}], "runs": []})";
}

TEST(Migration, AnUneditedVersion1SevillaSchemeBecomesThePapers)
{
    const Result<Dataset> read = readDatasetJson(
        v1File(R"([{"name": "Pre-deep-learning era", "to": "2010-01-01", "color": "#7f7f7f"},
                 {"name": "Deep learning era", "from": "2010-01-01", "color": "#1f77b4"},
                 {"name": "Large-scale era", "from": "2015-09-01", "color": "#d62728"}])"),
        "old.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->eraSchemes.size(), 1u);
    EXPECT_TRUE(read->eraSchemes[0] == sevilla2022Eras());
}

TEST(Migration, AnEditedVersion1SevillaSchemeIsKeptAsEdited)
{
    const Result<Dataset> read = readDatasetJson(
        v1File(R"([{"name": "Pre-deep-learning era", "to": "2011-01-01", "color": "#7f7f7f"}])"),
        "old.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->eraSchemes.size(), 2u);
    EXPECT_EQ(read->eraSchemes[0].name, "Sevilla et al. 2022: three eras (edited)");
    EXPECT_EQ(read->eraSchemes[0].eras.at(0).to, Date(2011, 1, 1));
    EXPECT_TRUE(read->eraSchemes[0].eras[0].rule.isAllRuns());
    EXPECT_TRUE(read->eraSchemes[1] == sevilla2022Eras());
}

} // namespace
