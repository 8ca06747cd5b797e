// SPDX-License-Identifier: GPL-3.0-or-later
// Subset sensitivity: who is in each subset (worked out by hand on a small dataset, and
// by brute force on a random one) and that each subset's fit is the fit of its runs.
#include "core/stats/subsets.h"
#include "core/stats/trend_fit.h"
#include "tests/core/analysis_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace compute;

namespace {

TrainingRun run(const std::string &id, const std::string &domain, Date date, double flop,
                Confidence confidence = Confidence::Unknown, std::vector<std::string> tags = {})
{
    TrainingRun r;
    r.id = r.name = id;
    r.domain = domain;
    r.date = date;
    r.estimates.push_back(ComputeEstimate::reported(flop));
    r.confidence = confidence;
    r.tags = std::move(tags);
    return r;
}

// Worked through by hand in the tests below (records: more than every earlier run).
Dataset handDataset()
{
    Dataset d;
    d.runs = {
        run("old-giant", "Games", Date(2010, 6, 1), 1e20), // before the era, still a rival
        run("a", "Vision", Date(2012, 3, 1), 1e18),
        run("b", "Language", Date(2012, 9, 1), 5e19),
        run("c", "Vision", Date(2013, 5, 1), 2e20),
        run("d", "Language", Date(2014, 1, 1), 1e19, Confidence::Speculative),
        run("e", "Vision", Date(2014, 6, 1), 3e20, Confidence::Confident, {"frontier"}),
        run("f", "Games", Date(2015, 2, 1), 1e21, Confidence::Likely),
        run("g", "Language", Date(2015, 2, 1), 8e20, Confidence::Speculative),
        run("h", "Vision", Date(2016, 1, 1), 5e20),
        run("i", "Speech", Date(2016, 7, 1), 2e21, Confidence::Unknown, {"frontier"}),
    };
    TrainingRun bound = run("bound", "Language", Date(2016, 3, 1), 1e23);
    bound.upperBound = true; // never fitted, never a rival
    d.runs.push_back(bound);
    return d;
}

Era era2012to2016()
{
    return analysis_fixtures::era("2012 to 2016", Date(2012, 1, 1), Date(2017, 1, 1));
}

std::vector<std::string> idsOf(const Dataset &d, const SubsetFit &s)
{
    std::vector<std::string> ids;
    for (std::size_t i : s.runIndices)
        ids.push_back(d.runs[i].id);
    return ids;
}

const SubsetFit &find(const std::vector<SubsetFit> &subsets, const std::string &label)
{
    for (const SubsetFit &s : subsets)
        if (s.label == label) return s;
    throw std::runtime_error("no subset " + label);
}

using Ids = std::vector<std::string>;

} // namespace

TEST(SubsetSensitivity, EachSubsetHoldsTheRunsWorkedOutByHand)
{
    const Dataset d = handDataset();
    SubsetOptions options;
    options.topN = 2;
    const std::vector<SubsetFit> subsets = subsetSensitivity(d, era2012to2016(), {}, options);
    std::vector<std::string> labels;
    for (const SubsetFit &s : subsets)
        labels.push_back(s.label);
    EXPECT_EQ(labels, (Ids{"All runs", "Domain: Games", "Domain: Language", "Domain: Speech",
                           "Domain: Vision", "Top 2 at publication date", "Record-setters",
                           "Excluding speculative estimates", "Tagged frontier"}));
    EXPECT_EQ(idsOf(d, find(subsets, "All runs")),
              (Ids{"a", "b", "c", "d", "e", "f", "g", "h", "i"}));
    EXPECT_EQ(idsOf(d, find(subsets, "Domain: Language")), (Ids{"b", "d", "g"}));
    EXPECT_EQ(idsOf(d, find(subsets, "Domain: Vision")), (Ids{"a", "c", "e", "h"}));
    // a is 2nd of {old-giant, a}; d trails c and old-giant; h trails f and g.
    EXPECT_EQ(idsOf(d, find(subsets, "Top 2 at publication date")),
              (Ids{"a", "b", "c", "e", "f", "g", "i"}));
    // a and b stay below old-giant's 1e20; g beats e's record although f, the same day, beats g.
    EXPECT_EQ(idsOf(d, find(subsets, "Record-setters")), (Ids{"c", "e", "f", "g", "i"}));
    EXPECT_EQ(idsOf(d, find(subsets, "Excluding speculative estimates")),
              (Ids{"a", "b", "c", "e", "f", "h", "i"}));
    EXPECT_EQ(idsOf(d, find(subsets, "Tagged frontier")), (Ids{"e", "i"}));
    EXPECT_EQ(find(subsets, "Domain: Language").domain, "Language");
    EXPECT_EQ(find(subsets, "Domain: Language").kind, SubsetKind::Domain);
}

TEST(SubsetSensitivity, EachFitIsTheFitOfItsRuns)
{
    const Dataset d = handDataset();
    for (const SubsetFit &s : subsetSensitivity(d, era2012to2016())) {
        std::vector<double> x, y;
        for (std::size_t i : s.runIndices) {
            x.push_back(static_cast<double>(d.runs[i].date->daysSinceEpoch()) / 365.25);
            y.push_back(std::log10(*d.runs[i].flop()));
        }
        const TrendFit expected = fitTrend(x, y);
        EXPECT_EQ(s.fit.n, x.size()) << s.label;
        EXPECT_EQ(s.fit.status, expected.status) << s.label;
        if (expected.ok()) {
            EXPECT_NEAR(s.fit.slope, expected.slope, 1e-12) << s.label;
            EXPECT_NEAR(s.fit.doublingTimeMonths(), expected.doublingTimeMonths(), 1e-9) << s.label;
        }
    }
}

TEST(SubsetSensitivity, SubsetsOfFewerThanThreeRunsSayNotEnoughData)
{
    const Dataset d = handDataset();
    const std::vector<SubsetFit> subsets = subsetSensitivity(d, era2012to2016());
    const SubsetFit &speech = find(subsets, "Domain: Speech"); // one run
    EXPECT_FALSE(speech.enoughData());
    EXPECT_EQ(speech.fit.n, 1u);
    EXPECT_EQ(speech.fit.statusMessage(), "not enough data: 1 run, a fit needs at least 3");
    const SubsetFit &tagged = find(subsets, "Tagged frontier"); // two runs
    EXPECT_FALSE(tagged.enoughData());
    EXPECT_EQ(tagged.fit.status, FitStatus::NotEnoughData);
    EXPECT_TRUE(find(subsets, "All runs").enoughData());
    EXPECT_TRUE(find(subsets, "All runs").fit.ok());
}

TEST(SubsetSensitivity, TaggedFrontierIsListedOnlyWhenTheEraHasSuchRuns)
{
    Dataset d = handDataset();
    for (TrainingRun &r : d.runs)
        r.tags.clear();
    for (const SubsetFit &s : subsetSensitivity(d, era2012to2016()))
        EXPECT_NE(s.kind, SubsetKind::TaggedFrontier);
}

TEST(SubsetSensitivity, EraWithOneRunGivesNotEnoughDataEverywhere)
{
    const Dataset d = handDataset();
    const Era era = analysis_fixtures::era("2010", Date(2010, 1, 1), Date(2011, 1, 1));
    const std::vector<SubsetFit> subsets = subsetSensitivity(d, era);
    ASSERT_FALSE(subsets.empty());
    for (const SubsetFit &s : subsets) {
        EXPECT_FALSE(s.enoughData()) << s.label;
        EXPECT_FALSE(s.fit.ok()) << s.label;
    }
    EXPECT_EQ(find(subsets, "All runs").fit.n, 1u);
}

TEST(SubsetSensitivity, FilterNarrowsTheRivalsToo)
{
    // Among Vision runs alone, a (2012) is the first Vision run and h (5e20) beats e: both
    // records once old-giant and f (Games) are filtered out.
    const Dataset d = handDataset();
    RunFilter vision;
    vision.domains = {"Vision"};
    const std::vector<SubsetFit> subsets = subsetSensitivity(d, era2012to2016(), vision);
    EXPECT_EQ(idsOf(d, find(subsets, "Record-setters")), (Ids{"a", "c", "e", "h"}));
    SubsetOptions options;
    options.topN = 1;
    EXPECT_EQ(idsOf(d, find(subsetSensitivity(d, era2012to2016(), vision, options),
                            "Top 1 at publication date")),
              (Ids{"a", "c", "e", "h"}));
    EXPECT_EQ(idsOf(d, find(subsets, "All runs")), (Ids{"a", "c", "e", "h"}));
}

TEST(SubsetSensitivity, FrontierAndRecordsMatchBruteForceWithTiedDatesAndComputes)
{
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> day(0, 60);     // many runs share a date
    std::uniform_int_distribution<int> compute(0, 40); // and some a compute
    std::vector<double> x, y;
    for (int i = 0; i < 300; ++i) {
        x.push_back(40.0 + day(rng) / 10.0);
        y.push_back(15.0 + compute(rng) / 8.0 + (x.back() - 40.0) * 0.3);
    }
    for (std::size_t topN : {1u, 3u, 10u}) {
        const std::vector<bool> top = frontierAtPublication(x, y, topN);
        for (std::size_t i = 0; i < x.size(); ++i) {
            std::size_t more = 0;
            for (std::size_t j = 0; j < x.size(); ++j)
                more += x[j] <= x[i] && y[j] > y[i];
            EXPECT_EQ(top[i], more < topN) << i << " top " << topN;
        }
    }
    const std::vector<bool> records = recordSetters(x, y);
    for (std::size_t i = 0; i < x.size(); ++i) {
        bool beatsAll = true;
        for (std::size_t j = 0; j < x.size(); ++j)
            if (x[j] < x[i] && y[j] >= y[i]) beatsAll = false;
        EXPECT_EQ(records[i], beatsAll) << i;
    }
    EXPECT_EQ(frontierAtPublication(x, y, 0), std::vector<bool>(x.size(), false));
}
