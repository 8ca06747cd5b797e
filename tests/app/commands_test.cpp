// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/dataset_commands.h"
#include "app/commands/era_commands.h"
#include "app/commands/run_commands.h"
#include "app/controllers/edit_controller.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/model/reestimate.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>

#include <random>

namespace {

compute::Dataset openAi()
{
    auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
    EXPECT_TRUE(loaded.ok());
    return std::move(loaded).value().dataset;
}

// Pushes the command, checks redo changed the dataset as `expectChange` says, then
// that undo gives back exactly what was there and redo exactly what the command made.
void expectRoundTrip(app::Document &document, QUndoCommand *command)
{
    const compute::Dataset before = document.dataset();
    document.undoStack()->push(command);
    const compute::Dataset after = document.dataset();
    EXPECT_FALSE(after == before) << command->text().toStdString();
    document.undoStack()->undo();
    EXPECT_TRUE(document.dataset() == before) << command->text().toStdString();
    document.undoStack()->redo();
    EXPECT_TRUE(document.dataset() == after) << command->text().toStdString();
}

struct CommandFixture : ::testing::Test {
    app::Document document;
    void SetUp() override { document.reset(openAi(), QString()); }
    std::size_t index(const std::string &id) const
    {
        return static_cast<std::size_t>(document.dataset().indexOfRun(id));
    }
};

TEST_F(CommandFixture, AddRunUndoRedo)
{
    compute::TrainingRun run;
    run.id = "new-run";
    run.name = "New run";
    run.date = compute::Date(2016, 3, 1);
    run.estimates = {compute::ComputeEstimate::reported(1e21)};
    expectRoundTrip(document,
                    new app::AddRunsCommand(&document, {3}, {run}, QStringLiteral("Add")));
    EXPECT_EQ(document.dataset().runs[3].id, "new-run");
}

TEST_F(CommandFixture, RemoveRunsPutsEachBackWhereItWas)
{
    expectRoundTrip(document, new app::RemoveRunsCommand(&document, {0, 5, 6, 31}));
    EXPECT_EQ(document.dataset().runs.size(), 28u);
}

TEST_F(CommandFixture, EditRunUndoRedo)
{
    compute::TrainingRun edited = document.dataset().runs[index("alexnet")];
    edited.name = "AlexNet (edited)";
    edited.primary = 1;
    expectRoundTrip(document,
                    app::makeEditRunCommand(&document, index("alexnet"), edited).release());
}

TEST_F(CommandFixture, ReplaceAllRunsUndoRedo)
{
    auto runs = document.dataset().runs;
    runs.pop_back();
    runs.front().notes = "changed";
    expectRoundTrip(
        document,
        app::makeReplaceAllRunsCommand(&document, runs, QStringLiteral("Replace")).release());
}

TEST_F(CommandFixture, EraAndSchemeAndMetadataEditsUndoRedo)
{
    compute::Era era = document.dataset().eraSchemes[0].eras[1];
    era.from = compute::Date(2013, 1, 1);
    expectRoundTrip(
        document, app::makeEditEraCommand(&document, 0, 1, era, QStringLiteral("Move")).release());
    auto schemes = document.dataset().eraSchemes;
    schemes.push_back({"Mine", "", {{"All", std::nullopt, std::nullopt, "#123456"}}});
    expectRoundTrip(
        document,
        app::makeSetEraSchemesCommand(&document, schemes, QStringLiteral("Add scheme")).release());
    compute::DatasetMetadata meta = document.dataset().metadata;
    meta.title = "Retitled";
    expectRoundTrip(
        document, app::makeSetMetadataCommand(&document, meta, QStringLiteral("Title")).release());
}

TEST_F(CommandFixture, ThousandRandomEditsUndoToTheOriginalAndRedoToTheEdited)
{
    document.reset(testing_support::syntheticDataset(300, 7), QString());
    const compute::Dataset original = document.dataset();
    std::mt19937 rng(12345);
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    int pushed = 0;
    for (int step = 0; step < 1000; ++step) {
        const auto &d = document.dataset();
        const std::size_t n = d.runs.size();
        switch (pick(7)) {
        case 0: { // add one or a few runs
            std::vector<std::size_t> positions;
            std::vector<compute::TrainingRun> runs;
            const std::size_t count = 1 + pick(3);
            for (std::size_t k = 0; k < count; ++k) {
                compute::TrainingRun run = d.runs[pick(n)];
                run.id = "added-" + std::to_string(step) + "-" + std::to_string(k);
                runs.push_back(run);
            }
            std::size_t at = pick(n + 1);
            for (std::size_t k = 0; k < count; ++k)
                positions.push_back(at + k);
            document.undoStack()->push(
                new app::AddRunsCommand(&document, positions, runs, QStringLiteral("add")));
            break;
        }
        case 1: { // remove a random subset
            if (n < 10) continue;
            std::vector<std::size_t> indices;
            for (std::size_t k = 0; k < 1 + pick(4); ++k)
                indices.push_back(pick(n));
            document.undoStack()->push(new app::RemoveRunsCommand(&document, indices));
            break;
        }
        case 2:
        case 3: { // edit one run: name, date, or its estimate
            const std::size_t i = pick(n);
            compute::TrainingRun run = d.runs[i];
            run.name += "*";
            if (run.date)
                run.date = compute::Date::fromDaysSinceEpoch(run.date->daysSinceEpoch() + 30);
            run.estimates.push_back(
                compute::ComputeEstimate::reported(1e20 + static_cast<double>(step)));
            if (pick(2)) run.primary = run.estimates.size() - 1;
            document.undoStack()->push(app::makeEditRunCommand(&document, i, run).release());
            break;
        }
        case 4: { // what-if on every hardware estimate
            auto runs = d.runs;
            if (compute::setHardwareUtilization(runs, 0.1 + 0.01 * static_cast<double>(pick(80))) ==
                0)
                continue;
            document.undoStack()->push(
                app::makeReplaceAllRunsCommand(&document, runs, QStringLiteral("u")).release());
            break;
        }
        case 5: { // move an era boundary
            const std::size_t s = pick(d.eraSchemes.size());
            const std::size_t e = pick(d.eraSchemes[s].eras.size());
            compute::Era era = d.eraSchemes[s].eras[e];
            era.name += "'";
            document.undoStack()->push(
                app::makeEditEraCommand(&document, s, e, era, QStringLiteral("era")).release());
            break;
        }
        default: { // add or drop a scheme
            auto schemes = d.eraSchemes;
            if (schemes.size() > 3)
                schemes.pop_back();
            else
                schemes.push_back({"S" + std::to_string(step),
                                   "",
                                   {{"E", compute::Date(2000, 1, 1), std::nullopt, "#aa0000"}}});
            document.undoStack()->push(
                app::makeSetEraSchemesCommand(&document, schemes, QStringLiteral("s")).release());
        }
        }
        ++pushed;
    }
    ASSERT_GE(pushed, 900);
    const compute::Dataset edited = document.dataset();
    EXPECT_FALSE(edited == original);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    EXPECT_TRUE(document.dataset() == original);
    EXPECT_FALSE(document.isModified());
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    EXPECT_TRUE(document.dataset() == edited);
    EXPECT_TRUE(document.isModified());
}

TEST_F(CommandFixture, EveryEditRefitsAtOnce)
{
    app::ViewState view;
    app::TrendModel trends(&document, &view);
    view.setSchemeIndex(0);
    view.setTicked(1, true);
    const double before = trends.tickedFits().value(1).slope;
    compute::TrainingRun zero = document.dataset().runs[index("alphagozero")];
    zero.estimates = {compute::ComputeEstimate::reported(1e25)};
    zero.primary = 0;
    document.undoStack()->push(
        app::makeEditRunCommand(&document, index("alphagozero"), zero).release());
    const double after = trends.tickedFits().value(1).slope;
    EXPECT_GT(after, before);
    const compute::Era &modern = document.dataset().eraSchemes[0].eras[1];
    EXPECT_NEAR(after, compute::fitEra(document.dataset(), modern).slope, 1e-9);
    document.undoStack()->undo();
    EXPECT_NEAR(trends.tickedFits().value(1).slope, before, 1e-12);
}

TEST_F(CommandFixture, ReestimateAtUtilizationChangesHardwareEstimatesAndOneUndoRestores)
{
    app::ViewState view;
    app::EditController edits(&document, &view, nullptr);
    const compute::Dataset before = document.dataset();
    const auto &alexnet = before.runs[index("alexnet")];
    double hardwareFlop = 0;
    for (const auto &e : alexnet.estimates)
        if (e.method() == compute::EstimateMethod::Hardware) hardwareFlop = e.flop();
    ASSERT_GT(hardwareFlop, 0);
    ASSERT_TRUE(edits.reestimateUtilization(0.66));
    for (const auto &e : document.dataset().runs[index("alexnet")].estimates)
        if (e.method() == compute::EstimateMethod::Hardware) {
            EXPECT_NEAR(e.flop(), hardwareFlop * 2, hardwareFlop * 1e-12);
        }
    EXPECT_EQ(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    EXPECT_TRUE(document.dataset() == before);
}

TEST_F(CommandFixture, DuplicateAndDeleteActOnTheSelection)
{
    app::ViewState view;
    app::EditController edits(&document, &view, nullptr);
    EXPECT_FALSE(edits.deleteSelected());
    view.setSelection({QStringLiteral("alexnet"), QStringLiteral("dqn")});
    const std::size_t n = document.dataset().runs.size();
    ASSERT_TRUE(edits.duplicateSelected());
    EXPECT_EQ(document.dataset().runs.size(), n + 2);
    EXPECT_EQ(document.dataset().runs[index("alexnet") + 1].name, "AlexNet (copy)");
    EXPECT_EQ(view.selection().size(), 2);
    ASSERT_TRUE(edits.deleteSelected()); // deletes the copies, now selected
    EXPECT_EQ(document.dataset().runs.size(), n);
    EXPECT_NE(document.dataset().indexOfRun("alexnet"), -1);
}

} // namespace
