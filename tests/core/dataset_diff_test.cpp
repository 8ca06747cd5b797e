// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/dataset_diff.h"

#include "tests/core/diff_vintages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using namespace compute;
using diff_vintages::day;
using diff_vintages::named;
using diff_vintages::run;

// The vintage of 2022 the tests change.
Dataset oldVintage()
{
    Dataset d;
    d.runs = {
        run("AlexNet", day(2012, 9, 30), 4.7e17, "University of Toronto"),
        run("GPT-2", day(2019, 2, 14), 1.5e21, "OpenAI"),
        run("BERT-Large", day(2018, 10, 11), 2.9e20, "Google"),
        run("Transformer", day(2017, 6, 12), 7.4e18, "Google"),
        run("Switch Transformer", day(2021, 1, 11), 8.2e22, "Google"),
        run("PaLM (540B)", day(2022, 4, 4), 2.5e24, "Google"),
        run("Unpublished", std::nullopt, 1e20),
    };
    return d;
}

const RunMatch *matchOf(const DatasetDiff &diff, const Dataset &before, const std::string &name)
{
    for (const RunMatch &m : diff.matches)
        if (before.runs[m.oldIndex].name == name) return &m;
    return nullptr;
}

std::set<std::string> namesOf(const Dataset &dataset, const std::vector<std::size_t> &indices)
{
    std::set<std::string> names;
    for (std::size_t i : indices)
        names.insert(dataset.runs[i].name);
    return names;
}

TEST(DatasetDiff, TheSameDatasetMatchesEveryRunExactlyAndChangesNothing)
{
    const Dataset d = oldVintage();
    const DatasetDiff diff = diffDatasets(d, d);
    EXPECT_EQ(diff.matches.size(), d.runs.size());
    EXPECT_TRUE(diff.added.empty());
    EXPECT_TRUE(diff.removed.empty());
    EXPECT_EQ(diff.changedCount(), 0u);
    EXPECT_TRUE(diff.otherFieldCounts.empty());
    for (const RunMatch &m : diff.matches) {
        EXPECT_EQ(m.oldIndex, m.newIndex);
        EXPECT_FALSE(m.uncertain());
    }
}

TEST(DatasetDiff, AnAddedAndARemovedRunAreListedAndTheRestMatched)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    after.runs.erase(after.runs.begin() + 2); // BERT-Large
    after.runs.push_back(run("Gemini 1.0 Ultra", day(2023, 12, 6), 5e25, "Google"));
    const DatasetDiff diff = diffDatasets(before, after);
    EXPECT_EQ(namesOf(after, diff.added), std::set<std::string>{"Gemini 1.0 Ultra"});
    EXPECT_EQ(namesOf(before, diff.removed), std::set<std::string>{"BERT-Large"});
    EXPECT_EQ(diff.matches.size(), before.runs.size() - 1);
    EXPECT_EQ(diff.changedCount(), 0u);
}

TEST(DatasetDiff, ANewComputeIsAChangeOfComputeAlone)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    named(after, "GPT-2").estimates[0] = ComputeEstimate::reported(4e21);
    const DatasetDiff diff = diffDatasets(before, after);
    const RunMatch *m = matchOf(diff, before, "GPT-2");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->significant, std::vector<RunField>{RunField::Compute});
    EXPECT_FALSE(m->uncertain());
    EXPECT_EQ(diff.changedCount(), 1u);
}

TEST(DatasetDiff, ASecondEstimateIsAChangeOfEstimatesNotOfCompute)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    ParametersTokensInputs inputs;
    inputs.parameters = 1.5e9;
    inputs.tokens = 1e11;
    named(after, "GPT-2").estimates.push_back({inputs, "6ND"});
    const DatasetDiff diff = diffDatasets(before, after);
    EXPECT_EQ(matchOf(diff, before, "GPT-2")->significant,
              std::vector<RunField>{RunField::Estimates});
}

TEST(DatasetDiff, ACorrectedDateIsMatchedByNameAndMarkedUncertain)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    named(after, "Transformer").date = day(2017, 12, 6); // 177 days later
    named(after, "Unpublished").date = day(2020, 1, 1);  // dated at last
    const DatasetDiff diff = diffDatasets(before, after);
    for (const char *name : {"Transformer", "Unpublished"}) {
        const RunMatch *m = matchOf(diff, before, name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_EQ(m->stage, MatchStage::DateMoved) << name;
        EXPECT_TRUE(m->uncertain()) << name;
        EXPECT_EQ(m->significant, std::vector<RunField>{RunField::Date}) << name;
    }
    EXPECT_TRUE(diff.added.empty());
    EXPECT_TRUE(diff.removed.empty());
}

TEST(DatasetDiff, ADateMovedMoreThanTwoYearsIsAnotherRun)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    named(after, "Transformer").date = day(2019, 6, 14); // 732 days later
    const DatasetDiff diff = diffDatasets(before, after);
    EXPECT_EQ(namesOf(after, diff.added), std::set<std::string>{"Transformer"});
    EXPECT_EQ(namesOf(before, diff.removed), std::set<std::string>{"Transformer"});
    named(after, "Transformer").date = day(2019, 6, 13); // 731 days: still a correction
    EXPECT_TRUE(diffDatasets(before, after).added.empty());
}

TEST(DatasetDiff, ASpellingThatNormalizesAlikeMatchesExactlyWithTheNameChanged)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    named(after, "PaLM (540B)").name = "PaLM 540B";
    const DatasetDiff diff = diffDatasets(before, after);
    const RunMatch *m = matchOf(diff, before, "PaLM (540B)");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->stage, MatchStage::Exact);
    EXPECT_EQ(m->significant, std::vector<RunField>{RunField::Name});
}

TEST(DatasetDiff, ARenameIsCaughtByTheTolerantStageAndMarkedUncertain)
{
    const Dataset before = oldVintage();
    Dataset after = oldVintage();
    TrainingRun &renamed = named(after, "Switch Transformer");
    renamed.name = "Switch-C Transformer"; // keys differ by one letter in 18
    renamed.date = day(2021, 1, 20);       // 9 days later
    const DatasetDiff diff = diffDatasets(before, after);
    const RunMatch *m = matchOf(diff, before, "Switch Transformer");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->stage, MatchStage::Renamed);
    EXPECT_TRUE(m->uncertain());
    EXPECT_EQ(m->significant, (std::vector<RunField>{RunField::Name, RunField::Date}));
    EXPECT_TRUE(diff.added.empty());
}

TEST(DatasetDiff, ARenameNeedsTheSameOrganizationCloseDatesAndSimilarNames)
{
    const Dataset before = oldVintage();
    auto renamedTo = [&](const std::string &name, Date date, const std::string &organization) {
        Dataset after = oldVintage();
        TrainingRun &r = named(after, "Switch Transformer");
        r.name = name;
        r.date = date;
        r.organization = organization;
        return diffDatasets(before, after).added.size();
    };
    EXPECT_EQ(renamedTo("Switch-C Transformer", day(2021, 1, 20), "GOOGLE "), 0u); // case, space
    EXPECT_EQ(renamedTo("Switch-C Transformer", day(2021, 1, 20), "Google Brain"), 1u);
    EXPECT_EQ(renamedTo("Switch-C Transformer", day(2021, 2, 12), "Google"), 1u);      // 32 days
    EXPECT_EQ(renamedTo("Switch-XXL Transformer", day(2021, 1, 11), "Google"), 0u);    // 3 in 20
    EXPECT_EQ(renamedTo("Switch-Base 8 Transformer", day(2021, 1, 11), "Google"), 1u); // 5 in 22
}

TEST(DatasetDiff, NameSimilarityIsOneMinusEditDistanceOverTheLongerKey)
{
    EXPECT_DOUBLE_EQ(nameSimilarity("GPT-3", "gpt 3"), 1.0);
    EXPECT_DOUBLE_EQ(nameSimilarity("abcd", "abce"), 0.75);      // 1 edit in 4
    EXPECT_DOUBLE_EQ(nameSimilarity("abcd", "abcdef"), 4.0 / 6); // 2 inserts in 6
    EXPECT_DOUBLE_EQ(nameSimilarity("kitten", "sitting"), 1.0 - 3.0 / 7);
    EXPECT_DOUBLE_EQ(nameSimilarity("", ""), 1.0);
}

TEST(DatasetDiff, EachRunIsMatchedOnceTheClosestDateFirst)
{
    Dataset before;
    before.runs = {run("X", day(2020, 1, 1), 1e20), run("X", day(2021, 1, 1), 1e21)};
    Dataset after;
    after.runs = {run("X", day(2020, 12, 1), 2e21)};
    const DatasetDiff diff = diffDatasets(before, after);
    ASSERT_EQ(diff.matches.size(), 1u);
    EXPECT_EQ(diff.matches[0].oldIndex, 1u); // 31 days away, not 335
    EXPECT_EQ(diff.removed, std::vector<std::size_t>{0});
}

TEST(DatasetDiff, RunsWithTheSameNameAndDateInOneFileAreReportedNotMatched)
{
    Dataset before = oldVintage();
    before.runs.push_back(run("gpt 2", day(2019, 2, 14), 1.6e21, "OpenAI")); // GPT-2 again
    Dataset after = oldVintage();
    after.runs.push_back(run("AlexNet", day(2012, 9, 30), 4.7e17));
    after.runs.push_back(run("AlexNet", day(2012, 9, 30), 4.7e17));
    const DatasetDiff diff = diffDatasets(before, after);
    ASSERT_EQ(diff.duplicates.size(), 2u);
    EXPECT_FALSE(diff.duplicates[0].inNew);
    EXPECT_EQ(namesOf(before, diff.duplicates[0].indices),
              (std::set<std::string>{"GPT-2", "gpt 2"}));
    EXPECT_TRUE(diff.duplicates[1].inNew);
    EXPECT_EQ(diff.duplicates[1].indices.size(), 3u);
    // Neither is matched, added nor removed: NEW's GPT-2 has no unambiguous partner, and is
    // added; OLD's AlexNet likewise is removed.
    EXPECT_EQ(matchOf(diff, before, "GPT-2"), nullptr);
    EXPECT_EQ(matchOf(diff, before, "AlexNet"), nullptr);
    EXPECT_EQ(namesOf(after, diff.added), std::set<std::string>{"GPT-2"});
    EXPECT_EQ(namesOf(before, diff.removed), std::set<std::string>{"AlexNet"});
    const std::size_t oldDuplicateRuns = 2;
    EXPECT_EQ(diff.matches.size() + diff.removed.size(), before.runs.size() - oldDuplicateRuns);
}

TEST(DatasetDiff, OtherFieldsAreCountedPerFieldAndMakeNoRunChanged)
{
    Dataset before = oldVintage();
    named(before, "Transformer").date = Date(2017, 6, 1, DatePrecision::Day);
    Dataset after = before;
    named(after, "AlexNet").notes = "ImageNet 2012 winner";
    named(after, "AlexNet").sources.push_back({"Krizhevsky et al.", "https://example.org"});
    named(after, "GPT-2").notes = "1.5B";
    named(after, "GPT-2").parameters = 1.5e9;
    named(after, "BERT-Large").estimates[0].note = "from the paper";
    named(after, "Transformer").date = Date(2017, 6, 1, DatePrecision::Month); // same day
    const DatasetDiff diff = diffDatasets(before, after);
    EXPECT_EQ(diff.changedCount(), 0u);
    const std::map<RunField, std::size_t> expected{{RunField::DatePrecision, 1},
                                                   {RunField::Parameters, 1},
                                                   {RunField::Sources, 1},
                                                   {RunField::Notes, 2},
                                                   {RunField::EstimateNotes, 1}};
    EXPECT_EQ(diff.otherFieldCounts, expected);
    EXPECT_EQ(matchOf(diff, before, "AlexNet")->other,
              (std::vector<RunField>{RunField::Sources, RunField::Notes}));
}

TEST(DatasetDiff, EveryFieldARuleOrTheChartReadsIsSignificant)
{
    const TrainingRun a = run("A", day(2020, 1, 1), 1e20);
    auto fieldsAfter = [&](auto change) {
        TrainingRun b = a;
        change(b);
        return changedFields(a, b);
    };
    using F = std::vector<RunField>;
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.upperBound = true; }), F{RunField::UpperBound});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.domain = "Vision"; }), F{RunField::Domain});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.organization = "X"; }), F{RunField::Organization});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.tags = {"frontier"}; }), F{RunField::Tags});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.confidence = Confidence::Likely; }),
              F{RunField::Confidence});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.id = "other"; }), F{RunField::Id});
    EXPECT_EQ(fieldsAfter([](TrainingRun &r) { r.estimates[0] = ComputeEstimate::reported(2e20); }),
              F{RunField::Compute});
    for (RunField f : {RunField::UpperBound, RunField::Domain, RunField::Organization,
                       RunField::Tags, RunField::Confidence, RunField::Compute, RunField::Date,
                       RunField::Name, RunField::Estimates})
        EXPECT_TRUE(isSignificant(f)) << runFieldKey(f);
    for (RunField f : {RunField::Id, RunField::Notes, RunField::Sources, RunField::Parameters,
                       RunField::EstimateNotes, RunField::DatePrecision})
        EXPECT_FALSE(isSignificant(f)) << runFieldKey(f);
}

} // namespace
