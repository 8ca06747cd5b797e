// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_scene.h"

#include "app/chart/category_palette.h"
#include "app/chart/legend_builder.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

namespace {

// What the chart draws of a scene's points, in comparable form.
void expectSamePoints(const app::ChartScene &patched, const app::ChartScene &built)
{
    ASSERT_EQ(patched.groups.size(), built.groups.size());
    for (qsizetype g = 0; g < built.groups.size(); ++g) {
        EXPECT_EQ(patched.groups[g].colorGroup, built.groups[g].colorGroup) << g;
        EXPECT_EQ(patched.groups[g].method, built.groups[g].method) << g;
        EXPECT_EQ(patched.groups[g].upperBound, built.groups[g].upperBound) << g;
        EXPECT_EQ(patched.groups[g].begin, built.groups[g].begin) << g;
        EXPECT_EQ(patched.groups[g].end, built.groups[g].end) << g;
    }
    ASSERT_EQ(patched.points.size(), built.points.size());
    for (qsizetype p = 0; p < built.points.size(); ++p) {
        ASSERT_EQ(patched.points[p].run, built.points[p].run) << "point " << p;
        EXPECT_EQ(patched.points[p].key, built.points[p].key);
        EXPECT_EQ(patched.points[p].value, built.points[p].value);
        EXPECT_EQ(patched.points[p].log10Flop, built.points[p].log10Flop);
    }
    EXPECT_EQ(patched.pointOfRun, built.pointOfRun);
    QSet<int> patchedSelection, builtSelection;
    for (const app::ScenePoint &p : patched.selected)
        patchedSelection.insert(p.run);
    for (const app::ScenePoint &p : built.selected)
        builtSelection.insert(p.run);
    EXPECT_EQ(patchedSelection, builtSelection);
    EXPECT_EQ(patched.plotted, built.plotted);
    EXPECT_EQ(patched.minKey, built.minKey);
    EXPECT_EQ(patched.maxKey, built.maxKey);
    EXPECT_EQ(patched.minValue, built.minValue);
    EXPECT_EQ(patched.maxValue, built.maxValue);
    ASSERT_EQ(patched.fits.size(), built.fits.size());
    for (qsizetype f = 0; f < built.fits.size(); ++f) {
        EXPECT_EQ(patched.fits[f].annotation, built.fits[f].annotation);
        EXPECT_EQ(patched.fits[f].values, built.fits[f].values);
    }
}

// Random one-run edits, each followed by a patch of the previous scene, must give the
// scene a full build gives: moved dates, new methods (another marker group), upper
// bounds, lost dates, domains the filter drops, selected runs among them.
TEST(ChartScene, PatchingEditedRunsGivesTheSceneAFullBuildGives)
{
    app::Document document;
    document.reset(testing_support::syntheticDataset(600, 9), QString());
    app::ViewState view;
    view.setSchemeIndex(0);
    view.setTickedEras({0, 1, 2});
    compute::RunFilter filter;
    filter.domains = {"Language", "Vision", "Games", "Speech", "Multimodal", "Biology", "Robotics"};
    view.setFilter(filter);
    QSet<QString> selection;
    for (int i = 0; i < 600; i += 37)
        selection.insert(QString::fromStdString(document.dataset().runs[i].id));
    view.setSelection(selection);
    app::TrendModel trends(&document, &view);
    app::CategoryPalette palette;
    palette.rebuild(document.dataset());

    app::ChartScene scene = app::buildChartScene(document.dataset(), trends, view, palette);
    std::mt19937 rng(2024);
    int patched = 0;
    const int steps = 400;
    for (int step = 0; step < steps; ++step) {
        const std::size_t i = rng() % document.dataset().runs.size();
        compute::TrainingRun run = document.dataset().runs[i];
        switch (rng() % 6) {
        case 0:
            run.date =
                compute::Date::fromDaysSinceEpoch(static_cast<std::int64_t>(rng() % 25000) - 5000);
            break;
        case 1:
            run.estimates = {compute::ComputeEstimate::reported(std::pow(10.0, 8 + rng() % 18))};
            break;
        case 2:
            run.upperBound = !run.upperBound;
            break;
        case 3:
            run.date.reset();
            break;
        case 4:
            run.domain = rng() % 2 ? "Recommendation" : "Language";
            break; // filtered out, or back in
        default:
            run.date = document.dataset().runs[(i + 1) % 600].date;
            break; // a date another run has
        }
        document.replaceRun(i, std::move(run));
        const app::ChartScene built =
            app::buildChartScene(document.dataset(), trends, view, palette);
        if (app::updateChartScene(scene, {i}, document.dataset(), trends, view, palette)) {
            ++patched;
            SCOPED_TRACE("step " + std::to_string(step) + ", run " + std::to_string(i));
            expectSamePoints(scene, built);
            if (HasFatalFailure()) return;
        } else {
            scene = built; // what the chart does when a patch cannot do it
        }
    }
    // Only an edit that needs a new marker group, or empties one, is rebuilt.
    EXPECT_GT(patched, steps * 9 / 10);
}

// A selected run that loses its date leaves the selection drawn on the chart, and is
// ringed again when it gets a date back.
TEST(ChartScene, ASelectedRunLeavesAndRejoinsTheDrawnSelection)
{
    app::Document document;
    document.reset(testing_support::syntheticDataset(2000, 6),
                   QString()); // ~50 runs per marker group
    app::ViewState view;
    view.setSchemeIndex(0);
    view.setSelection({QString::fromStdString(document.dataset().runs[5].id)});
    app::TrendModel trends(&document, &view);
    app::CategoryPalette palette;
    palette.rebuild(document.dataset());
    app::ChartScene scene = app::buildChartScene(document.dataset(), trends, view, palette);
    ASSERT_EQ(scene.selected.size(), 1);

    compute::TrainingRun run = document.dataset().runs[5];
    const auto date = run.date;
    run.date.reset();
    document.replaceRun(5, run);
    ASSERT_TRUE(app::updateChartScene(scene, {5}, document.dataset(), trends, view, palette));
    EXPECT_TRUE(scene.selected.isEmpty());
    EXPECT_EQ(scene.pointOfRun[5], -1);

    run.date = date;
    document.replaceRun(5, run);
    ASSERT_TRUE(app::updateChartScene(scene, {5}, document.dataset(), trends, view, palette));
    ASSERT_EQ(scene.selected.size(), 1);
    EXPECT_EQ(scene.selected.front().run, 5);
    expectSamePoints(scene, app::buildChartScene(document.dataset(), trends, view, palette));
}

TEST(ChartScene, PatchRefusesWhatOnlyAFullBuildCanDo)
{
    app::Document document;
    document.reset(testing_support::syntheticDataset(50, 4), QString());
    app::ViewState view;
    view.setSchemeIndex(0);
    app::TrendModel trends(&document, &view);
    app::CategoryPalette palette;
    palette.rebuild(document.dataset());
    app::ChartScene scene = app::buildChartScene(document.dataset(), trends, view, palette);

    // A run becomes the only upper bound of its domain: no such marker group yet.
    compute::TrainingRun run = document.dataset().runs[0];
    run.upperBound = true;
    document.replaceRun(0, run);
    app::ChartScene copy = scene;
    EXPECT_FALSE(app::updateChartScene(copy, {0}, document.dataset(), trends, view, palette));

    // Other units: every value changes.
    scene = app::buildChartScene(document.dataset(), trends, view, palette);
    view.setUnits(compute::ComputeUnit::PfsDays);
    EXPECT_FALSE(app::updateChartScene(scene, {}, document.dataset(), trends, view, palette));

    // Nothing changed but the fits: the points stay, the decorations follow.
    scene = app::buildChartScene(document.dataset(), trends, view, palette);
    view.setTickedEras({0});
    ASSERT_TRUE(app::updateChartScene(scene, {}, document.dataset(), trends, view, palette));
    expectSamePoints(scene, app::buildChartScene(document.dataset(), trends, view, palette));
    EXPECT_EQ(scene.fits.size(), 1);
}

} // namespace

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

compute::TrainingRun countryRun(const std::string &id, const std::string &country, int year,
                                bool frontier)
{
    compute::TrainingRun run;
    run.id = id;
    run.name = id;
    run.domain = "Language";
    run.date = compute::Date(year, 6, 1);
    run.estimates.push_back(compute::ComputeEstimate::reported(std::pow(10.0, year - 1995)));
    if (!country.empty()) run.fields.setText(compute::RunText::Country, country);
    if (frontier) run.tags.emplace_back(compute::kTagFrontier);
    return run;
}

// The colour group of each plotted run, by id.
std::map<std::string, std::string> groupsOfRuns(const app::ChartScene &scene,
                                                const compute::Dataset &dataset)
{
    std::map<std::string, std::string> groups;
    for (const app::ScenePointGroup &g : scene.groups)
        for (int p = g.begin; p < g.end; ++p)
            groups[dataset.runs[static_cast<std::size_t>(scene.points[p].run)].id] =
                g.colorGroup.toStdString();
    return groups;
}

} // namespace

// Coloured by country: a group per country (the first a run lists), "Unknown" for runs
// without one, the legend titled by the category; by frontier, two groups in fixed colours.
TEST(ChartScene, PointsAreColouredByTheChosenCategory)
{
    compute::Dataset dataset;
    dataset.runs = {countryRun("a", "China", 2018, false),
                    countryRun("b", "United States of America,China", 2019, true),
                    countryRun("c", "United States of America", 2020, true),
                    countryRun("d", "", 2021, false),
                    countryRun("e", "United States of America", 2022, false)};
    app::Document document;
    document.reset(dataset, QString());
    app::ViewState view;
    app::TrendModel trends(&document, &view);
    app::CategoryPalette palette;

    view.setColorBy(compute::RunCategory::Country);
    palette.rebuild(document.dataset(), view.colorBy());
    EXPECT_EQ(palette.groups(),
              (QStringList{qs("United States of America"), qs("China"), qs("Unknown"),
                           qs("Other")})); // by frequency, then the greys
    app::ChartScene scene = app::buildChartScene(document.dataset(), trends, view, palette);
    EXPECT_EQ(scene.colorTitle, qs("Country"));
    const std::map<std::string, std::string> expected = {{"a", "China"},
                                                         {"b", "United States of America"},
                                                         {"c", "United States of America"},
                                                         {"d", "Unknown"},
                                                         {"e", "United States of America"}};
    EXPECT_EQ(groupsOfRuns(scene, document.dataset()), expected);
    const app::VisibleRange everything{1900, 2100, 0, 1e300};
    // The legend writes the common short name of a country.
    QStringList legend;
    QList<QColor> colors;
    for (const app::LegendEntry &e : app::legendEntriesFor(scene, everything, false))
        if (e.group == app::LegendEntry::Group::Domain) {
            EXPECT_EQ(e.heading, qs("Country"));
            legend << e.text;
            colors << e.color;
        }
    EXPECT_EQ(legend, (QStringList{qs("United States"), qs("China"), qs("Unknown")}));
    EXPECT_EQ(colors,
              (QList<QColor>{palette.colorOf(qs("United States of America")),
                             palette.colorOf(qs("China")), palette.colorOf(qs("Unknown"))}));
    EXPECT_NE(palette.colorOf(qs("China")), palette.colorOf(qs("United States of America")));

    // An edit that moves a run to another country is patched like any other edit.
    compute::TrainingRun moved = document.dataset().runs[4];
    moved.fields.setText(compute::RunText::Country, "China");
    document.replaceRun(4, std::move(moved));
    ASSERT_TRUE(app::updateChartScene(scene, {4}, document.dataset(), trends, view, palette));
    expectSamePoints(scene, app::buildChartScene(document.dataset(), trends, view, palette));
    EXPECT_EQ(groupsOfRuns(scene, document.dataset()).at("e"), "China");

    view.setColorBy(compute::RunCategory::Frontier);
    palette.rebuild(document.dataset(), view.colorBy());
    scene = app::buildChartScene(document.dataset(), trends, view, palette);
    EXPECT_EQ(scene.colorTitle, qs("Frontier"));
    EXPECT_EQ(groupsOfRuns(scene, document.dataset()).at("b"), "Frontier");
    EXPECT_EQ(groupsOfRuns(scene, document.dataset()).at("d"), "Not frontier");
    EXPECT_EQ(palette.colorOf(qs("Frontier")), QColor(0xd6, 0x27, 0x28)); // always red

    // By domain the legend keeps its usual heading.
    palette.rebuild(document.dataset());
    view.setColorBy(compute::RunCategory::Domain);
    scene = app::buildChartScene(document.dataset(), trends, view, palette);
    for (const app::LegendEntry &e : app::legendEntriesFor(scene, everything, false))
        EXPECT_TRUE(e.heading.isEmpty());
    EXPECT_EQ(palette.colorOf(qs("Language")), QColor(0x1f, 0x77, 0xb4));
}
