// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/era_controller.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/breakpoint_dialog.h"
#include "app/dialogs/era_range_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/fit_format.h"
#include "app/format/published_format.h"
#include "app/models/era_list_model.h"
#include "app/widgets/era_dock.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using compute::Date;

namespace {

Date dayAfter(const Date &date, int days)
{
    return Date::fromDaysSinceEpoch(date.daysSinceEpoch() + days);
}

// A run every 29 days from 2010 whose compute grows 10^0.3 per year until `trueBreak`
// and 10^1.0 per year after it, with one era over all of them.
compute::Dataset kinkDataset(const Date &trueBreak)
{
    compute::Dataset dataset;
    dataset.metadata.title = "Synthetic kink";
    const double xBreak = trueBreak.yearsSinceEpoch();
    for (int i = 0; i < 80; ++i) {
        compute::TrainingRun run;
        run.id = "run-" + std::to_string(i);
        run.name = "Run " + std::to_string(i);
        run.date = dayAfter(Date(2010, 1, 1), 29 * i);
        const double dx = run.date->yearsSinceEpoch() - xBreak;
        run.estimates.push_back(
            compute::ComputeEstimate::reported(std::pow(10.0, 20 + (dx < 0 ? 0.3 : 1.0) * dx)));
        dataset.runs.push_back(std::move(run));
    }
    compute::EraScheme scheme;
    scheme.name = "One era";
    scheme.eras.push_back(compute::Era{"All runs", std::nullopt, std::nullopt, "#1f77b4"});
    dataset.eraSchemes.push_back(std::move(scheme));
    return dataset;
}

class EraDockTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
    }

    const std::vector<compute::EraScheme> &schemes() const { return document.dataset().eraSchemes; }
    const compute::EraScheme &currentScheme() const
    {
        return schemes().at(static_cast<std::size_t>(view.schemeIndex()));
    }
    QAbstractItemModel *model() const { return dock.eraView()->model(); }
    QString cell(int row, int column) const
    {
        return model()->index(row, column).data().toString();
    }
    QUndoStack *stack() { return document.undoStack(); }

    // The ViewState points at a scheme that exists (or -1 when there is none), and the
    // dock shows that scheme.
    void expectViewValid() const
    {
        const int s = view.schemeIndex();
        if (schemes().empty()) {
            EXPECT_EQ(s, -1);
            EXPECT_EQ(model()->rowCount(), 0);
            return;
        }
        ASSERT_GE(s, 0);
        ASSERT_LT(s, static_cast<int>(schemes().size()));
        EXPECT_EQ(dock.schemeBox()->currentIndex(), s);
        EXPECT_EQ(dock.schemeBox()->count(), static_cast<int>(schemes().size()));
        EXPECT_EQ(model()->rowCount(), static_cast<int>(currentScheme().eras.size()));
        for (int era : view.tickedEras())
            EXPECT_LT(era, static_cast<int>(currentScheme().eras.size()));
    }

    // `edit` pushes exactly one command called `text` that changes the dataset; undo
    // restores it exactly and redo re-applies it, with the view valid throughout.
    void expectOneUndoableEdit(const std::function<bool()> &edit, const QString &text)
    {
        const compute::Dataset before = document.dataset();
        const int count = stack()->count();
        ASSERT_TRUE(edit()) << controller.message().toStdString();
        EXPECT_EQ(stack()->count(), count + 1);
        EXPECT_EQ(stack()->undoText(), text);
        EXPECT_FALSE(document.dataset() == before);
        EXPECT_EQ(document.dataset().runs, before.runs);
        const compute::Dataset after = document.dataset();
        expectViewValid();
        stack()->undo();
        EXPECT_TRUE(document.dataset().eraSchemes == before.eraSchemes);
        EXPECT_TRUE(document.dataset() == before);
        expectViewValid();
        stack()->redo();
        EXPECT_TRUE(document.dataset() == after);
        expectViewValid();
    }

    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    QWidget window; // where the controller's dialogs open unless told otherwise
    app::EraController controller{&document, &view, &trends, &window};
    app::EraDock dock{&document, &view, &trends, &controller};
};

TEST_F(EraDockTest, ShowsTheFirstSchemeWithEveryEraTickedAfterAReset)
{
    EXPECT_EQ(dock.objectName(), QStringLiteral("eraDock"));
    EXPECT_EQ(dock.schemeBox()->count(), 3); // two eras, four eras, the 15 chart systems
    EXPECT_EQ(dock.schemeBox()->currentText(), QStringLiteral("OpenAI 2019: two eras"));
    EXPECT_EQ(view.schemeIndex(), 0);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1}));
    ASSERT_EQ(model()->rowCount(), 2);
    EXPECT_EQ(cell(0, app::EraListModel::NameColumn), QStringLiteral("First era"));
    // The whole name on hover, where a narrow panel elides it.
    EXPECT_TRUE(model()
                    ->index(0, app::EraListModel::NameColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("First era\n")));
    EXPECT_EQ(cell(0, app::EraListModel::FromColumn), QStringLiteral("…"));
    EXPECT_EQ(cell(0, app::EraListModel::ToColumn), QStringLiteral("2012-01-01"));
    EXPECT_EQ(cell(1, app::EraListModel::FromColumn), QStringLiteral("2012-01-01"));
    EXPECT_EQ(cell(1, app::EraListModel::ToColumn), QStringLiteral("…"));
    EXPECT_EQ(model()->index(1, 0).data(Qt::DecorationRole).value<QColor>(),
              QColor(0xd6, 0x27, 0x28));
    const compute::TrendFit modern = trends.fit(1);
    ASSERT_TRUE(modern.ok());
    // The modern era follows OpenAI's 2019 addendum: its fit beside the paper's 3.4 months.
    ASSERT_TRUE(currentScheme().eras[1].published);
    EXPECT_EQ(cell(1, app::EraListModel::FitColumn),
              app::fitSummaryWithPublished(modern, *currentScheme().eras[1].published));
    EXPECT_TRUE(cell(1, app::EraListModel::FitColumn)
                    .startsWith(QStringLiteral("n = %1 · 3.4 mo").arg(modern.n)));
    EXPECT_TRUE(cell(1, app::EraListModel::FitColumn).endsWith(QStringLiteral("(paper 3.4)")));
}

TEST_F(EraDockTest, TickingAnEraShowsItsFitWithTheDoublingTimeOfCore)
{
    for (int row = 0; row < 2; ++row)
        ASSERT_TRUE(model()->setData(model()->index(row, 0), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_TRUE(trends.tickedFits().isEmpty());
    EXPECT_EQ(model()->index(1, 0).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);

    ASSERT_TRUE(model()->setData(model()->index(1, 0), Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(view.isTicked(1));
    EXPECT_EQ(model()->index(1, 0).data(Qt::CheckStateRole).toInt(), Qt::Checked);
    ASSERT_TRUE(trends.tickedFits().contains(1));
    EXPECT_FALSE(trends.tickedFits().contains(0));
    const compute::TrendFit expected =
        compute::fitEra(document.dataset(), currentScheme().eras[1], view.filter());
    const compute::TrendFit shown = trends.tickedFits().value(1);
    ASSERT_TRUE(expected.ok());
    EXPECT_EQ(shown.n, expected.n);
    EXPECT_NEAR(shown.doublingTimeDays(), expected.doublingTimeDays(),
                1e-9 * expected.doublingTimeDays());
}

TEST_F(EraDockTest, FitSummaryFollowsTheFilter)
{
    const QString all = cell(1, app::EraListModel::FitColumn);
    compute::RunFilter filter;
    filter.to = Date(2016, 1, 1);
    view.setFilter(filter);
    const compute::TrendFit narrowed = trends.fit(1);
    EXPECT_NE(cell(1, app::EraListModel::FitColumn), all);
    EXPECT_EQ(cell(1, app::EraListModel::FitColumn),
              app::fitSummaryWithPublished(narrowed, *currentScheme().eras[1].published));
}

TEST_F(EraDockTest, RenamingInlineIsOneUndoableCommand)
{
    expectOneUndoableEdit(
        [&] { return model()->setData(model()->index(1, 0), QStringLiteral("Deep learning era")); },
        QStringLiteral("Rename era 'Modern era'"));
    EXPECT_EQ(currentScheme().eras[1].name, "Deep learning era");
    EXPECT_EQ(cell(1, 0), QStringLiteral("Deep learning era"));
    stack()->undo();
    EXPECT_EQ(cell(1, 0), QStringLiteral("Modern era"));
}

TEST_F(EraDockTest, AnEmptyNameIsRefusedWithAMessageAndNoCommand)
{
    EXPECT_FALSE(controller.renameEra(1, QStringLiteral("   ")));
    EXPECT_FALSE(controller.message().isEmpty());
    EXPECT_EQ(dock.findChild<QLabel *>(QStringLiteral("eraDockMessage"))->text(),
              controller.message());
    EXPECT_EQ(stack()->count(), 0);
    // The same name changes nothing: no command, no complaint.
    EXPECT_FALSE(controller.renameEra(1, QStringLiteral("Modern era")));
    EXPECT_EQ(stack()->count(), 0);
}

TEST_F(EraDockTest, RecolouringIsOneUndoableCommand)
{
    expectOneUndoableEdit([&] { return controller.recolorEra(1, QColor(0x12, 0x34, 0x56)); },
                          QStringLiteral("Recolour era 'Modern era'"));
    EXPECT_EQ(currentScheme().eras[1].color, "#123456");
}

TEST_F(EraDockTest, AddingAnEraHalvesTheSelectedEraAndTicksTheNewOne)
{
    dock.setCurrentEra(1);
    expectOneUndoableEdit(
        [&] {
            const bool added = controller.addEra(dock.currentEra());
            EXPECT_EQ(dock.currentEra(), 2); // the new era is selected
            return added;
        },
        QStringLiteral("Add era 'New era'"));
    const auto &eras = currentScheme().eras;
    ASSERT_EQ(eras.size(), 3u);
    EXPECT_EQ(eras[2].name, "New era");
    ASSERT_TRUE(eras[1].to && eras[2].from);
    EXPECT_EQ(*eras[1].to, *eras[2].from);
    EXPECT_LT(Date(2012, 1, 1), *eras[2].from);
    EXPECT_FALSE(eras[2].to.has_value());
    EXPECT_NE(eras[2].color, eras[1].color);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1, 2}));
}

TEST_F(EraDockTest, DeletingAnEraKeepsTheTicksOfTheOthers)
{
    view.setTicked(1, false);
    expectOneUndoableEdit([&] { return controller.removeEra(0); },
                          QStringLiteral("Delete era 'First era'"));
    ASSERT_EQ(currentScheme().eras.size(), 1u);
    EXPECT_EQ(currentScheme().eras[0].name, "Modern era");
    EXPECT_FALSE(view.isTicked(0)); // Modern era stays unticked after the redo
    stack()->undo();
    EXPECT_TRUE(view.isTicked(0));  // First era is back, ticked
    EXPECT_FALSE(view.isTicked(1)); // Modern era still unticked
}

TEST_F(EraDockTest, ARangeWhoseStartIsNotBeforeItsEndIsRefusedWithAMessage)
{
    EXPECT_FALSE(controller.setEraRange(1, Date(2015, 1, 1), Date(2014, 1, 1)));
    EXPECT_TRUE(controller.message().contains(QStringLiteral("must be before")))
        << controller.message().toStdString();
    EXPECT_FALSE(controller.setEraRange(1, Date(2015, 1, 1), Date(2015, 1, 1)));
    EXPECT_FALSE(controller.message().isEmpty());
    EXPECT_EQ(stack()->count(), 0);
    EXPECT_EQ(*currentScheme().eras[1].from, Date(2012, 1, 1));

    expectOneUndoableEdit(
        [&] { return controller.setEraRange(1, Date(2013, 6, 1), Date(2018, 1, 1)); },
        QStringLiteral("Change dates of era 'Modern era'"));
    EXPECT_TRUE(controller.message().isEmpty());
    EXPECT_EQ(cell(1, app::EraListModel::ToColumn), QStringLiteral("2018-01-01"));
}

TEST_F(EraDockTest, TheDatesDialogKeepsOkDisabledWhileFromIsNotBeforeTo)
{
    app::EraRangeDialog dialog(QStringLiteral("Modern era"), Date(2012, 1, 1), std::nullopt);
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_EQ(dialog.from(), Date(2012, 1, 1));
    EXPECT_FALSE(dialog.to().has_value());

    dialog.setRange(Date(2016, 1, 1), Date(2014, 1, 1));
    EXPECT_FALSE(dialog.canAccept());
    const auto *message = dialog.findChild<QLabel *>(QStringLiteral("eraRangeMessage"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QStringLiteral("must be before")));
    EXPECT_FALSE(message->isHidden());

    dialog.setRange(Date(2014, 1, 1), Date(2016, 1, 1));
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_TRUE(message->isHidden());
}

TEST_F(EraDockTest, AddingASchemeIsOneUndoableCommandAndShowsIt)
{
    expectOneUndoableEdit(
        [&] {
            const bool added = controller.addScheme();
            // The new scheme is shown, with its one era ticked.
            EXPECT_EQ(view.schemeIndex(), 3);
            EXPECT_EQ(dock.schemeBox()->currentText(), QStringLiteral("New scheme"));
            EXPECT_EQ(view.tickedEras(), QSet<int>{0});
            return added;
        },
        QStringLiteral("Add era scheme 'New scheme'"));
    const compute::EraScheme &added = schemes().back();
    EXPECT_EQ(added.name, "New scheme");
    ASSERT_EQ(added.eras.size(), 1u);
    EXPECT_FALSE(added.eras[0].from || added.eras[0].to);
    // A second one gets a name of its own; a used name is refused.
    EXPECT_TRUE(controller.addScheme());
    EXPECT_EQ(currentScheme().name, "New scheme 2");
    const int count = stack()->count();
    EXPECT_FALSE(controller.addScheme(QStringLiteral("New scheme")));
    EXPECT_FALSE(controller.message().isEmpty());
    EXPECT_EQ(stack()->count(), count);
}

TEST_F(EraDockTest, RenamingAndDuplicatingSchemesAreUndoableCommands)
{
    dock.selectScheme(1);
    expectOneUndoableEdit([&] { return controller.renameScheme(1, QStringLiteral("Four eras")); },
                          QStringLiteral("Rename era scheme 'OpenAI 2018: four eras'"));
    EXPECT_EQ(view.schemeIndex(), 1);
    EXPECT_EQ(dock.schemeBox()->currentText(), QStringLiteral("Four eras"));
    EXPECT_EQ(view.tickedEras().size(), 4);

    expectOneUndoableEdit([&] { return controller.duplicateScheme(0); },
                          QStringLiteral("Duplicate era scheme 'OpenAI 2019: two eras'"));
    EXPECT_EQ(schemes()[1].name, "OpenAI 2019: two eras (copy)");
    EXPECT_EQ(schemes()[1].eras, schemes()[0].eras);
    EXPECT_FALSE(controller.renameScheme(1, QStringLiteral("OpenAI 2019: two eras")));
    EXPECT_TRUE(controller.message().contains(QStringLiteral("already")));
}

TEST_F(EraDockTest, DeletingTheCurrentSchemeKeepsTheSchemeIndexValid)
{
    dock.selectScheme(1);
    expectOneUndoableEdit([&] { return controller.removeScheme(1); },
                          QStringLiteral("Delete era scheme 'OpenAI 2018: four eras'"));
    // The scheme after it takes its place: the 15 chart systems, one era.
    EXPECT_EQ(view.schemeIndex(), 1);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0}));
    // The last one deleted: the one before it is shown.
    ASSERT_TRUE(controller.removeScheme(1));
    EXPECT_EQ(view.schemeIndex(), 0);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1}));

    ASSERT_TRUE(controller.removeScheme(0));
    EXPECT_EQ(view.schemeIndex(), -1);
    EXPECT_EQ(dock.schemeBox()->currentIndex(), -1);
    EXPECT_EQ(model()->rowCount(), 0);
    EXPECT_TRUE(view.tickedEras().isEmpty());
    EXPECT_FALSE(controller.addEra(dock.currentEra()));
    expectViewValid();

    stack()->undo();
    EXPECT_EQ(view.schemeIndex(), 0);
    expectViewValid();
    stack()->undo();
    expectViewValid();
    EXPECT_EQ(schemes().size(), 2u);
}

TEST_F(EraDockTest, DeletingAnEarlierSchemeStaysOnTheSchemeShown)
{
    dock.selectScheme(1);
    view.setTicked(2, false);
    ASSERT_TRUE(controller.removeScheme(0));
    EXPECT_EQ(view.schemeIndex(), 0);
    EXPECT_EQ(currentScheme().name, "OpenAI 2018: four eras");
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1, 3}));
    stack()->undo();
    EXPECT_EQ(view.schemeIndex(), 1);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1, 3}));
}

TEST_F(EraDockTest, FollowsTheSchemeChosenElsewhere)
{
    view.setSchemeIndex(1);
    EXPECT_EQ(dock.schemeBox()->currentIndex(), 1);
    EXPECT_EQ(model()->rowCount(), 4);
    // Choosing in the dock's box ticks every era of the scheme.
    dock.schemeBox()->setCurrentIndex(0);
    EXPECT_EQ(view.schemeIndex(), 0);
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1}));
}

TEST_F(EraDockTest, ActionsNeedASelectedEra)
{
    dock.setCurrentEra(-1);
    EXPECT_FALSE(dock.eraActions().at(1)->isEnabled()); // Rename
    // Detect Breakpoint never does nothing: it is on, and says what to select.
    EXPECT_TRUE(dock.detectBreakpointAction()->isEnabled());
    dock.setCurrentEra(0);
    EXPECT_TRUE(dock.eraActions().at(1)->isEnabled());
    EXPECT_TRUE(dock.detectBreakpointAction()->isEnabled());
    for (QAction *action : dock.eraActions() + dock.schemeActions()) {
        EXPECT_FALSE(action->text().isEmpty());
        EXPECT_EQ(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
    }
}

TEST_F(EraDockTest, DetectsAKnownBreakAndSplitsThereInOneUndoableCommand)
{
    const Date trueBreak(2014, 5, 20);
    document.reset(kinkDataset(trueBreak), QString());
    Date lastBefore, firstAfter(9999, 1, 1);
    for (const compute::TrainingRun &run : document.dataset().runs) {
        if (*run.date < trueBreak)
            lastBefore = std::max(lastBefore, *run.date);
        else
            firstAfter = std::min(firstAfter, *run.date);
    }

    const compute::Breakpoint proposed = controller.proposeBreakpoint(0);
    ASSERT_TRUE(proposed.ok()) << proposed.statusMessage();
    EXPECT_GT(proposed.split, lastBefore);
    EXPECT_LE(proposed.split, firstAfter);
    EXPECT_NEAR(proposed.left.slope, 0.3, 1e-6);
    EXPECT_NEAR(proposed.right.slope, 1.0, 1e-6);

    const QString iso = QString::fromStdString(proposed.split.toIso());
    expectOneUndoableEdit([&] { return controller.splitEra(0, proposed.split); },
                          QStringLiteral("Split era 'All runs' at ") + iso);
    const auto &eras = currentScheme().eras;
    ASSERT_EQ(eras.size(), 2u);
    EXPECT_FALSE(eras[0].from.has_value());
    EXPECT_EQ(eras[0].to, proposed.split);
    EXPECT_EQ(eras[1].from, proposed.split);
    EXPECT_FALSE(eras[1].to.has_value());
    EXPECT_EQ(view.tickedEras(), (QSet<int>{0, 1}));
    // The two eras hold exactly the two sides of the break.
    EXPECT_EQ(trends.fit(0).n, proposed.left.n);
    EXPECT_EQ(trends.fit(1).n, proposed.right.n);
    stack()->undo();
    EXPECT_EQ(currentScheme().eras.size(), 1u);
}

TEST_F(EraDockTest, DetectBreakpointWithoutAnEraSaysWhatToSelect)
{
    dock.setCurrentEra(-1);
    view.setSelection({});
    dock.detectBreakpointAction()->trigger();
    EXPECT_EQ(dock.findChild<app::BreakpointDialog *>(), nullptr);
    EXPECT_TRUE(dock.messageLabel()->text().contains(QStringLiteral("Select an era")));
    EXPECT_FALSE(dock.messageLabel()->isHidden());
}

TEST_F(EraDockTest, DetectBreakpointWithoutAnEraUsesTheEraOfTheSelectedRun)
{
    document.reset(kinkDataset(Date(2014, 5, 20)), QString());
    dock.setCurrentEra(-1);
    view.setSelection({QStringLiteral("run-10")});
    dock.detectBreakpointAction()->trigger();
    EXPECT_EQ(dock.currentEra(), 0);
    EXPECT_NE(dock.findChild<app::BreakpointDialog *>(), nullptr);
}

TEST_F(EraDockTest, TheSchemeExplainsItselfInThePanelAndTheBoxTooltip)
{
    const std::string &description = document.dataset().eraSchemes.at(0).description;
    ASSERT_FALSE(description.empty());
    view.setSchemeIndex(0);
    dock.schemeBox()->setCurrentIndex(0);
    EXPECT_EQ(dock.descriptionLabel()->text().toStdString(), description);
    EXPECT_EQ(dock.schemeBox()->toolTip().toStdString(), description);
    dock.schemeBox()->setCurrentIndex(1);
    EXPECT_EQ(dock.descriptionLabel()->text().toStdString(),
              document.dataset().eraSchemes.at(1).description);
}

TEST_F(EraDockTest, SplittingOutsideTheEraIsRefused)
{
    EXPECT_FALSE(controller.splitEra(1, Date(2000, 1, 1))); // Modern era starts in 2012
    EXPECT_FALSE(controller.splitEra(0, Date(2012, 1, 1))); // First era ends there: not inside
    EXPECT_FALSE(controller.message().isEmpty());
    EXPECT_EQ(stack()->count(), 0);
}

TEST_F(EraDockTest, TheBreakpointDialogSplitsHere)
{
    document.reset(kinkDataset(Date(2014, 5, 20)), QString());
    dock.setCurrentEra(0);
    dock.detectBreakpointAction()->trigger();
    auto *dialog = dock.findChild<app::BreakpointDialog *>();
    ASSERT_NE(dialog, nullptr);
    const compute::Breakpoint proposed = dialog->breakpoint();
    ASSERT_TRUE(proposed.ok());
    EXPECT_TRUE(dialog->summary().contains(QString::fromStdString(proposed.split.toIso())));
    EXPECT_TRUE(dialog->summary().contains(QStringLiteral("doubling every")));
    EXPECT_TRUE(dialog->summary().contains(QStringLiteral("F = ")));
    ASSERT_NE(dialog->splitButton(), nullptr);
    dialog->splitButton()->click();
    EXPECT_EQ(stack()->count(), 1);
    EXPECT_EQ(currentScheme().eras.size(), 2u);
    stack()->undo();
    EXPECT_EQ(currentScheme().eras.size(), 1u);
}

TEST_F(EraDockTest, WithTooFewRunsTheBreakpointDialogOnlySaysWhy)
{
    // Modern era of a scheme cut to a few runs: 2012 to 2013.
    ASSERT_TRUE(controller.setEraRange(1, Date(2012, 1, 1), Date(2013, 1, 1)));
    const compute::Breakpoint none = controller.proposeBreakpoint(1);
    EXPECT_FALSE(none.ok());
    app::BreakpointDialog dialog(QStringLiteral("Modern era"), none);
    EXPECT_EQ(dialog.splitButton(), nullptr);
    EXPECT_TRUE(dialog.summary().startsWith(QStringLiteral("No breakpoint: not enough data")))
        << dialog.summary().toStdString();
}

TEST_F(EraDockTest, ABoundaryDroppedOnTheChartIsOneUndoableCommand)
{
    compute::Era moved = currentScheme().eras[1];
    moved.from = Date(2014, 7, 1);
    expectOneUndoableEdit([&] { return controller.moveBoundary(1, moved); },
                          QStringLiteral("Move boundary of Modern era"));
    EXPECT_EQ(currentScheme().eras[1], moved);
    EXPECT_EQ(*currentScheme().eras[0].to, Date(2012, 1, 1)); // the other era stays
    EXPECT_FALSE(controller.moveBoundary(2, moved));          // no such era
    EXPECT_EQ(stack()->count(), 1);
}

TEST_F(EraDockTest, TheDockOpensTheControllersDialogsOverItselfOthersOverTheWindow)
{
    dock.setCurrentEra(1);
    for (QAction *action : dock.eraActions())
        if (action->text() == QStringLiteral("Edit Dates...")) action->trigger();
    auto *dates = dock.findChild<app::EraRangeDialog *>();
    ASSERT_NE(dates, nullptr);
    EXPECT_EQ(dates->from(), Date(2012, 1, 1));
    EXPECT_FALSE(dates->to().has_value());
    dates->setRange(Date(2013, 1, 1), Date(2019, 1, 1));
    dates->accept();
    EXPECT_EQ(stack()->undoText(), QStringLiteral("Change dates of era 'Modern era'"));
    EXPECT_EQ(*currentScheme().eras[1].to, Date(2019, 1, 1));

    controller.editEraRangeWithDialog(0);
    const auto onWindow = window.findChildren<app::EraRangeDialog *>();
    ASSERT_EQ(onWindow.size(), 1);
    EXPECT_EQ(onWindow.front()->parentWidget(), &window);
    EXPECT_EQ(onWindow.front()->windowModality(), Qt::WindowModal); // open()ed
    onWindow.front()->reject();
    EXPECT_EQ(stack()->count(), 1);
}

TEST_F(EraDockTest, UndoAndRedoRefreshTheList)
{
    ASSERT_TRUE(controller.addEra(dock.currentEra()));
    EXPECT_EQ(model()->rowCount(), 3);
    stack()->undo();
    EXPECT_EQ(model()->rowCount(), 2);
    stack()->redo();
    EXPECT_EQ(model()->rowCount(), 3);
    EXPECT_EQ(cell(2, 0), QStringLiteral("New era"));
}

} // namespace
