// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/run_selection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace compute;

namespace {

TrainingRun makeRun(std::string id, std::string name, std::string organization, std::string domain,
                    std::optional<Date> date, double flop)
{
    TrainingRun run;
    run.id = std::move(id);
    run.name = std::move(name);
    run.organization = std::move(organization);
    run.domain = std::move(domain);
    run.date = date;
    run.estimates.push_back(ComputeEstimate::reported(flop));
    return run;
}

// Indices of the runs a filter accepts, in dataset order.
std::vector<std::string> acceptedIds(const Dataset &dataset, const RunFilter &filter)
{
    std::vector<std::string> ids;
    for (const TrainingRun &run : dataset.runs)
        if (filter.accepts(dataset, run)) ids.push_back(run.id);
    return ids;
}

std::vector<std::string> fittedIds(const Dataset &dataset, const Era &era,
                                   const RunFilter &filter = {})
{
    std::vector<std::string> ids;
    for (std::size_t i : selectFitPoints(dataset, era, filter).runIndex)
        ids.push_back(dataset.runs[i].id);
    return ids;
}

using Ids = std::vector<std::string>;

// A small dataset spanning the eras of Sevilla et al. (2022).
Dataset sampleDataset()
{
    Dataset d;
    d.metadata.hiddenTags = {"appendix"};
    d.runs.push_back(makeRun("perceptron", "Perceptron Mark I", "Cornell Aeronautical Laboratory",
                             "Vision", Date(1957, 1, 1, DatePrecision::Month), 6.95e5));
    d.runs.push_back(makeRun("lenet", "LeNet-5", "AT&T Bell Laboratories", "Vision",
                             Date(1998, 11, 1), 2.81e12));
    d.runs.push_back(makeRun("alexnet", "AlexNet", "University of Toronto", "Vision",
                             Date(2012, 9, 30), 4.7e17));
    d.runs.push_back(
        makeRun("seq2seq", "Seq2Seq LSTM", "Google", "Language", Date(2014, 9, 10), 7.3e18));
    d.runs.push_back(
        makeRun("alphago-zero", "AlphaGo Zero", "DeepMind", "Games", Date(2017, 10, 18), 3.41e23));
    d.runs.push_back(
        makeRun("gpt3", "GPT-3 175B (davinci)", "OpenAI", "Language", Date(2020, 5, 28), 3.14e23));
    // Never fitted: an upper bound, an undated run, one without a usable compute.
    TrainingRun bound =
        makeRun("bound", "Secret Model", "OpenAI", "Language", Date(2019, 1, 1), 1e24);
    bound.upperBound = true;
    d.runs.push_back(bound);
    d.runs.push_back(
        makeRun("undated", "Undated Model", "DeepMind", "Language", std::nullopt, 1e22));
    d.runs.push_back(makeRun("nocompute", "No Compute", "Google", "Vision", Date(2016, 1, 1), 0));
    TrainingRun noEstimate =
        makeRun("noestimate", "No Estimate", "Google", "Vision", Date(2016, 2, 1), 1);
    noEstimate.estimates.clear();
    d.runs.push_back(noEstimate);
    // Hidden by default (an appendix result never on the chart).
    TrainingRun hidden = makeRun("dropout", "Dropout (appendix)", "University of Toronto", "Vision",
                                 Date(2012, 6, 1), 1e16);
    hidden.tags = {"appendix"};
    d.runs.push_back(hidden);
    return d;
}

} // namespace

// --- Era membership ------------------------------------------------------------------

TEST(Era, ContainsFromInclusiveToExclusive)
{
    const Era deep = Era{"Deep Learning", Date(2010, 1, 1), Date(2022, 1, 1)};
    EXPECT_TRUE(deep.contains(Date(2010, 1, 1)));
    EXPECT_TRUE(deep.contains(Date(2021, 12, 31)));
    EXPECT_FALSE(deep.contains(Date(2022, 1, 1)));
    EXPECT_FALSE(deep.contains(Date(2009, 12, 31)));
    // A date of lower precision counts as the first day of its period.
    EXPECT_TRUE(deep.contains(Date(2010, 1, 1, DatePrecision::Year)));
    EXPECT_FALSE(deep.contains(Date(2022, 1, 1, DatePrecision::Month)));
}

TEST(Era, OpenEndsReachAsFarAsTheData)
{
    const Era before = Era{"Pre Deep Learning", std::nullopt, Date(2010, 1, 1)};
    EXPECT_TRUE(before.contains(Date(1, 1, 1)));
    EXPECT_TRUE(before.contains(Date(1957, 1, 1)));
    EXPECT_FALSE(before.contains(Date(2010, 1, 1)));
    const Era after = Era{"Large-Scale", Date(2015, 9, 1), std::nullopt};
    EXPECT_FALSE(after.contains(Date(2015, 8, 31)));
    EXPECT_TRUE(after.contains(Date(2015, 9, 1)));
    EXPECT_TRUE(after.contains(Date(9999, 12, 31)));
    const Era all = Era{"All", std::nullopt, std::nullopt};
    EXPECT_TRUE(all.contains(Date(1, 1, 1)));
    EXPECT_TRUE(all.contains(Date(9999, 12, 31)));
}

// --- Filters -------------------------------------------------------------------------

TEST(RunFilter, DefaultShowsEveryRunExceptHiddenTags)
{
    const Dataset d = sampleDataset();
    const RunFilter filter;
    EXPECT_FALSE(filter.narrows());
    const Ids ids = acceptedIds(d, filter);
    EXPECT_EQ(ids.size(), d.runs.size() - 1);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "dropout"), 0);
    // Undated runs and runs without compute are listed, even if never fitted.
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "undated"), 1);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "nocompute"), 1);
}

TEST(RunFilter, IncludeHiddenShowsHiddenTags)
{
    const Dataset d = sampleDataset();
    RunFilter filter;
    filter.includeHidden = true;
    EXPECT_EQ(acceptedIds(d, filter).size(), d.runs.size());
}

TEST(RunFilter, DomainFilterKeepsListedDomainsOnly)
{
    const Dataset d = sampleDataset();
    RunFilter filter;
    filter.domains = {"Language"};
    EXPECT_TRUE(filter.narrows());
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"seq2seq", "gpt3", "bound", "undated"}));
    filter.domains = {"Games", "Vision"};
    EXPECT_EQ(acceptedIds(d, filter),
              (Ids{"perceptron", "lenet", "alexnet", "alphago-zero", "nocompute", "noestimate"}));
}

TEST(RunFilter, DateRangeIsFromInclusiveToExclusive)
{
    const Dataset d = sampleDataset();
    RunFilter filter;
    filter.from = Date(2012, 9, 30);
    filter.to = Date(2020, 5, 28);
    EXPECT_TRUE(filter.narrows());
    // AlexNet on the first day is in, GPT-3 on the last is out; undated runs are out.
    EXPECT_EQ(acceptedIds(d, filter),
              (Ids{"alexnet", "seq2seq", "alphago-zero", "bound", "nocompute", "noestimate"}));
}

TEST(RunFilter, OpenEndedDateRanges)
{
    const Dataset d = sampleDataset();
    RunFilter from;
    from.from = Date(2017, 10, 18);
    EXPECT_EQ(acceptedIds(d, from), (Ids{"alphago-zero", "gpt3", "bound"}));
    RunFilter to;
    to.to = Date(2012, 9, 30);
    EXPECT_EQ(acceptedIds(d, to), (Ids{"perceptron", "lenet"}));
}

TEST(RunFilter, SearchIsCaseInsensitiveInNameAndOrganization)
{
    const Dataset d = sampleDataset();
    RunFilter filter;
    filter.searchText = "gpt";
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"gpt3"}));
    filter.searchText = "  ALEXnet ";
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"alexnet"}));
    filter.searchText = "deepmind"; // organization "DeepMind"
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"alphago-zero", "undated"}));
    filter.searchText = "TORONTO";
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"alexnet"})); // the hidden Dropout stays hidden
    filter.includeHidden = true;
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"alexnet", "dropout"}));
    filter.searchText = "no such run";
    EXPECT_TRUE(acceptedIds(d, filter).empty());
}

TEST(RunFilter, BlankSearchTextDoesNotNarrow)
{
    RunFilter filter;
    filter.searchText = "   ";
    EXPECT_FALSE(filter.narrows());
    EXPECT_EQ(acceptedIds(sampleDataset(), filter).size(), sampleDataset().runs.size() - 1);
}

TEST(RunFilter, FiltersCombine)
{
    const Dataset d = sampleDataset();
    RunFilter filter;
    filter.domains = {"Language"};
    filter.from = Date(2015, 1, 1);
    filter.searchText = "openai";
    EXPECT_EQ(acceptedIds(d, filter), (Ids{"gpt3", "bound"}));
}

// --- Fit points ----------------------------------------------------------------------

TEST(SelectFitPoints, UpperBoundsUndatedAndComputelessRunsAreNeverFitted)
{
    const Dataset d = sampleDataset();
    const Era all = Era{"All", std::nullopt, std::nullopt};
    EXPECT_EQ(fittedIds(d, all),
              (Ids{"perceptron", "lenet", "alexnet", "seq2seq", "alphago-zero", "gpt3"}));
    RunFilter everything;
    everything.includeHidden = true;
    EXPECT_EQ(fittedIds(d, all, everything), (Ids{"perceptron", "lenet", "alexnet", "seq2seq",
                                                  "alphago-zero", "gpt3", "dropout"}));
}

TEST(SelectFitPoints, GivesYearsSinceEpochAndLog10Flop)
{
    const Dataset d = sampleDataset();
    const FitPoints points = selectFitPoints(d, Era{"2012-", Date(2012, 1, 1), std::nullopt}, {});
    ASSERT_EQ(points.runIndex, (std::vector<std::size_t>{2, 3, 4, 5}));
    ASSERT_EQ(points.x.size(), 4u);
    ASSERT_EQ(points.y.size(), 4u);
    EXPECT_DOUBLE_EQ(points.x[0], 15613.0 / 365.25);    // 2012-09-30
    EXPECT_NEAR(points.y[0], 17.67209785793572, 1e-12); // log10(4.7e17)
    EXPECT_NEAR(points.y[3], 23.49692964807321, 1e-12); // log10(3.14e23)
}

TEST(SelectFitPoints, KeepsOnlyRunsInsideTheEraAndAcceptedByTheFilter)
{
    const Dataset d = sampleDataset();
    const Era deep = Era{"Deep Learning", Date(2010, 1, 1), Date(2020, 5, 28)};
    EXPECT_EQ(fittedIds(d, deep), (Ids{"alexnet", "seq2seq", "alphago-zero"}));
    RunFilter vision;
    vision.domains = {"Vision"};
    EXPECT_EQ(fittedIds(d, deep, vision), (Ids{"alexnet"}));
}

TEST(FitEra, FitsTheSelectedPointsOnly)
{
    const Dataset d = sampleDataset();
    const Era modern = Era{"Modern", Date(1990, 1, 1), std::nullopt};
    const TrendFit fit = fitEra(d, modern);
    ASSERT_TRUE(fit.ok()) << fit.statusMessage();
    EXPECT_EQ(fit.n, 5u);
    // The same five runs fitted by hand.
    std::vector<double> x, y;
    for (std::size_t i : {1, 2, 3, 4, 5}) {
        x.push_back(d.runs[i].date->yearsSinceEpoch());
        y.push_back(std::log10(*d.runs[i].flop()));
    }
    const TrendFit expected = fitTrend(x, y);
    EXPECT_DOUBLE_EQ(fit.slope, expected.slope);
    EXPECT_DOUBLE_EQ(fit.intercept, expected.intercept);
    EXPECT_DOUBLE_EQ(fit.rSquared, expected.rSquared);
}

TEST(FitScheme, ReturnsOneFitPerEraInOrder)
{
    const Dataset d = sampleDataset();
    EraScheme scheme;
    scheme.name = "Three eras";
    scheme.eras = {Era{"Pre Deep Learning", std::nullopt, Date(2010, 1, 1)},
                   Era{"Deep Learning", Date(2010, 1, 1), std::nullopt},
                   Era{"Large-Scale", Date(2015, 9, 1), std::nullopt}, // overlaps the previous
                   Era{"Empty", Date(2030, 1, 1), std::nullopt}};
    const std::vector<EraFit> fits = fitScheme(d, scheme);
    ASSERT_EQ(fits.size(), 4u);
    for (std::size_t i = 0; i < fits.size(); ++i)
        EXPECT_EQ(fits[i].era, scheme.eras[i]);
    EXPECT_EQ(fits[0].fit.n, 2u); // Perceptron, LeNet
    EXPECT_EQ(fits[0].fit.status, FitStatus::NotEnoughData);
    EXPECT_EQ(fits[1].fit.n, 4u);
    EXPECT_TRUE(fits[1].fit.ok());
    EXPECT_EQ(fits[2].fit.n, 2u);
    EXPECT_EQ(fits[3].fit.n, 0u);
    EXPECT_EQ(fits[3].fit.status, FitStatus::NotEnoughData);
    EXPECT_TRUE(fitScheme(d, EraScheme{}).empty());
}

TEST(FitScheme, AppliesTheFilterToEveryEra)
{
    const Dataset d = sampleDataset();
    EraScheme scheme;
    scheme.eras = {Era{"All", std::nullopt, std::nullopt},
                   Era{"Since 2010", Date(2010, 1, 1), std::nullopt}};
    RunFilter language;
    language.domains = {"Language"};
    const std::vector<EraFit> fits = fitScheme(d, scheme, language);
    ASSERT_EQ(fits.size(), 2u);
    EXPECT_EQ(fits[0].fit.n, 2u); // Seq2Seq and GPT-3; the bound and the undated run stay out
    EXPECT_EQ(fits[1].fit.n, 2u);
}
