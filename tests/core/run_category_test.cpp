// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_category.h"
#include "core/stats/run_selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace compute;

namespace {

TrainingRun makeRun(std::string id)
{
    TrainingRun run;
    run.id = std::move(id);
    run.name = run.id;
    run.date = Date(2020, 1, 1);
    run.estimates.push_back(ComputeEstimate::reported(1e20));
    return run;
}

std::vector<std::string> valuesOf(const TrainingRun &run, RunCategory category)
{
    std::vector<std::string> values;
    forEachCategoryValue(run, category, [&](std::string_view v) { values.emplace_back(v); });
    return values;
}

std::vector<std::string> acceptedIds(const Dataset &dataset, const RunFilter &filter)
{
    std::vector<std::string> ids;
    for (const TrainingRun &run : dataset.runs)
        if (filter.accepts(dataset, run)) ids.push_back(run.id);
    return ids;
}

using Values = std::vector<std::string>;

TEST(RunCategory, KeysTitlesAndTheirRoundTrip)
{
    for (RunCategory c : kRunCategories) {
        EXPECT_EQ(categoryFromKey(categoryKey(c)), c);
        EXPECT_FALSE(categoryTitle(c).empty());
    }
    EXPECT_EQ(categoryFromKey("country"), RunCategory::Country);
    EXPECT_EQ(categoryFromKey("method"), RunCategory::EstimationMethod);
    EXPECT_EQ(categoryFromKey("Country"), std::nullopt); // keys are lower case
    EXPECT_EQ(categoryFromKey("colour"), std::nullopt);
    EXPECT_EQ(categoryKeyList(), "domain, organization-category, country, accessibility, "
                                 "confidence, method, frontier");
    EXPECT_EQ(categoryTitle(RunCategory::OrganizationCategory), "Organization category");
}

TEST(RunCategory, EachCategoryReadsItsField)
{
    TrainingRun run = makeRun("a");
    run.domain = " Language ";
    run.fields.setText(RunText::OrganizationCategory, "Industry,Academia");
    run.fields.setText(RunText::Country, "United States of America, China");
    run.fields.setText(RunText::Accessibility, "Open weights (unrestricted)");
    run.confidence = Confidence::Likely;
    run.tags.emplace_back(kTagFrontier);

    EXPECT_EQ(valuesOf(run, RunCategory::Domain), Values{"Language"});
    EXPECT_EQ(valuesOf(run, RunCategory::OrganizationCategory), (Values{"Industry", "Academia"}));
    EXPECT_EQ(valuesOf(run, RunCategory::Country), (Values{"United States of America", "China"}));
    EXPECT_EQ(valuesOf(run, RunCategory::Accessibility), Values{"Open weights (unrestricted)"});
    EXPECT_EQ(valuesOf(run, RunCategory::Confidence), Values{"Likely"});
    EXPECT_EQ(valuesOf(run, RunCategory::EstimationMethod), Values{"Reported"});
    EXPECT_EQ(valuesOf(run, RunCategory::Frontier), Values{"Frontier"});

    // Colour follows the first value; a run has every value it lists.
    EXPECT_EQ(categoryValue(run, RunCategory::Country), "United States of America");
    EXPECT_TRUE(categoryHas(run, RunCategory::Country, "China"));
    EXPECT_FALSE(categoryHas(run, RunCategory::Country, "United Kingdom"));
    EXPECT_FALSE(categoryHas(run, RunCategory::Country, ""));
}

TEST(RunCategory, ARunWithoutAValueHasTheEmptyOne)
{
    TrainingRun run = makeRun("b");
    run.estimates.clear();
    run.fields.setText(RunText::Country, " , ,"); // only separators: no country
    for (RunCategory c :
         {RunCategory::Domain, RunCategory::OrganizationCategory, RunCategory::Country,
          RunCategory::Accessibility, RunCategory::Confidence, RunCategory::EstimationMethod}) {
        EXPECT_EQ(valuesOf(run, c), Values{""}) << categoryKey(c);
        EXPECT_TRUE(categoryHas(run, c, "")) << categoryKey(c);
        EXPECT_EQ(categoryValue(run, c), "") << categoryKey(c);
    }
    // Not flagged is a value of its own, not an unknown.
    EXPECT_EQ(valuesOf(run, RunCategory::Frontier), Values{"Not frontier"});
}

TEST(RunFilterCategories, SetValuesSortsDropsRepeatsAndClears)
{
    RunFilter filter;
    EXPECT_FALSE(filter.narrows());
    filter.setValues(RunCategory::Country, {"China", "France", "China"});
    EXPECT_EQ(filter.values(RunCategory::Country), (Values{"China", "France"}));
    EXPECT_TRUE(filter.narrows());
    filter.setValues(RunCategory::Confidence, {"Likely"});
    filter.setValues(RunCategory::Accessibility, {"API access"});
    ASSERT_EQ(filter.categories.size(), 3u); // kept in category order
    EXPECT_EQ(filter.categories[0].category, RunCategory::Country);
    EXPECT_EQ(filter.categories[1].category, RunCategory::Accessibility);
    EXPECT_EQ(filter.categories[2].category, RunCategory::Confidence);
    filter.setValues(RunCategory::Domain, {"Vision", "Language"});
    EXPECT_EQ(filter.domains, (Values{"Language", "Vision"})); // the domain keeps its field
    filter.setValues(RunCategory::Country, {});
    filter.setValues(RunCategory::Accessibility, {});
    filter.setValues(RunCategory::Confidence, {});
    filter.setValues(RunCategory::Domain, {});
    EXPECT_TRUE(filter.categories.empty());
    EXPECT_TRUE(filter.values(RunCategory::Frontier).empty());
    EXPECT_FALSE(filter.narrows());
}

TEST(RunFilterCategories, KeepsRunsWithAChosenValueInEveryChosenCategory)
{
    Dataset d;
    TrainingRun us = makeRun("us");
    us.fields.setText(RunText::Country, "United States of America");
    us.confidence = Confidence::Confident;
    us.tags.emplace_back(kTagFrontier);
    TrainingRun both = makeRun("both");
    both.fields.setText(RunText::Country, "United Kingdom of Great Britain and Northern "
                                          "Ireland,United States of America");
    both.confidence = Confidence::Likely;
    TrainingRun china = makeRun("china");
    china.fields.setText(RunText::Country, "China");
    china.confidence = Confidence::Likely;
    china.tags.emplace_back(kTagFrontier);
    TrainingRun none = makeRun("none");
    d.runs = {us, both, china, none};

    RunFilter filter;
    filter.setValues(RunCategory::Country, {"United States of America"});
    EXPECT_EQ(acceptedIds(d, filter), (Values{"us", "both"})); // any of a run's countries
    filter.setValues(RunCategory::Country, {"United States of America", ""});
    EXPECT_EQ(acceptedIds(d, filter), (Values{"us", "both", "none"})); // "" keeps unknowns
    filter.setValues(RunCategory::Confidence, {"Likely"});
    EXPECT_EQ(acceptedIds(d, filter), Values{"both"}); // and across categories
    filter.setValues(RunCategory::Country, {});
    filter.setValues(RunCategory::Frontier, {"Frontier"});
    EXPECT_EQ(acceptedIds(d, filter), Values{"china"});
    filter.setValues(RunCategory::Frontier, {"Not frontier"});
    EXPECT_EQ(acceptedIds(d, filter), Values{"both"});
    filter.setValues(RunCategory::Confidence, {});
    filter.setValues(RunCategory::Frontier, {"Frontier", "Not frontier"});
    EXPECT_EQ(acceptedIds(d, filter), (Values{"us", "both", "china", "none"}));

    // A fit follows the filter: the chosen runs only.
    RunFilter chinaOnly;
    chinaOnly.setValues(RunCategory::Country, {"China"});
    Era all;
    all.name = "All";
    EXPECT_EQ(selectFitPoints(d, all, chinaOnly).runIndex, std::vector<std::size_t>{2});
}

} // namespace
