// SPDX-License-Identifier: GPL-3.0-or-later
// Eras over subsets of runs in the window: the rule editor (one undoable command per
// change, the fit follows), the fit annotation naming the rule, a run in several eras
// (chart tooltip, marks of the selected era, the runs table's era filter), and boundary
// drags that move adjacent eras together only when they hold the same runs.
#include "app/chart/chart_scene.h"
#include "app/chart/chart_view.h"
#include "app/chart/year_ticker.h"
#include "app/controllers/era_controller.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/era_rule_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/models/run_filter_proxy.h"
#include "app/widgets/era_dock.h"
#include "app/widgets/run_table_dock.h"
#include "core/model/era.h"
#include "core/stats/era_membership.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace {

constexpr int kPre = 0, kDeep = 1, kLarge = 2; // Sevilla et al. 2022's eras

class EraRuleWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        const auto &schemes = document.dataset().eraSchemes;
        const compute::SchemeLookup sevilla =
            compute::lookupScheme(schemes, "Sevilla et al. 2022: three eras");
        ASSERT_TRUE(sevilla.scheme);
        controller.showScheme(static_cast<int>(sevilla.scheme - schemes.data()));
    }
    const compute::Era &era(int i) const
    {
        return document.dataset()
            .eraSchemes.at(static_cast<std::size_t>(view.schemeIndex()))
            .eras.at(static_cast<std::size_t>(i));
    }
    // Core's own selection of the era's runs, not the window's cache.
    std::size_t coreN(int i) const
    {
        return compute::selectFitPoints(document.dataset(), era(i), view.filter()).x.size();
    }
    QUndoStack *stack() { return document.undoStack(); }

    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::EraController controller{&document, &view, &trends, nullptr};
};

} // namespace

TEST_F(EraRuleWindowTest, EditingARuleIsOneUndoableCommandAndTheFitFollows)
{
    const compute::EraRule before = era(kLarge).rule;
    const std::size_t nBefore = trends.fit(kLarge).n;
    ASSERT_EQ(nBefore, coreN(kLarge));

    compute::EraRule wider = before;
    wider.zBand = compute::ZScoreBand{0.0, std::nullopt};
    wider.label = "above-trend runs";
    ASSERT_TRUE(controller.setEraRule(kLarge, wider));
    EXPECT_EQ(stack()->count(), 1);
    EXPECT_EQ(stack()->undoText(), QStringLiteral("Change runs of era 'Large-Scale Era'"));
    EXPECT_EQ(era(kLarge).rule, wider);
    EXPECT_EQ(trends.fit(kLarge).n, coreN(kLarge));
    EXPECT_GT(trends.fit(kLarge).n, nBefore); // Z >= 0 holds more runs than Z >= 0.76

    stack()->undo();
    EXPECT_EQ(era(kLarge).rule, before);
    EXPECT_EQ(trends.fit(kLarge).n, nBefore);
    stack()->redo();
    EXPECT_EQ(era(kLarge).rule, wider);
    EXPECT_EQ(trends.fit(kLarge).n, coreN(kLarge));

    // The same rule again changes nothing; an invalid one is refused with a reason.
    EXPECT_FALSE(controller.setEraRule(kLarge, wider));
    compute::EraRule empty = wider;
    empty.zBand = compute::ZScoreBand{1.0, 0.5};
    EXPECT_FALSE(controller.setEraRule(kLarge, empty));
    EXPECT_FALSE(controller.message().isEmpty());
    EXPECT_EQ(stack()->count(), 1);
}

TEST_F(EraRuleWindowTest, TheRuleEditorOpensFromTheErasPanelAndPushesItsRule)
{
    app::EraDock dock(&document, &view, &trends, &controller);
    dock.setCurrentEra(kDeep);
    ASSERT_NE(dock.editRuleAction(), nullptr);
    EXPECT_TRUE(dock.eraActions().contains(dock.editRuleAction()));
    dock.editRuleAction()->trigger();
    auto *dialog = dock.findChild<app::EraRuleDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->rule(), era(kDeep).rule);
    EXPECT_TRUE(dialog->zLowBox()->isChecked());
    EXPECT_TRUE(dialog->zHighBox()->isChecked());
    EXPECT_DOUBLE_EQ(dialog->zHighSpin()->value(), 0.76);

    // An empty band: OK is off and the reason is shown.
    dialog->zLowSpin()->setValue(1.0);
    EXPECT_FALSE(dialog->problem().isEmpty());
    EXPECT_FALSE(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());

    // Only the top 10 by compute, any Z: the description says so, with the fit it gives.
    dialog->zLowBox()->setChecked(false);
    dialog->zHighBox()->setChecked(false);
    dialog->topNBox()->setChecked(true);
    dialog->topNSpin()->setValue(10);
    EXPECT_TRUE(dialog->problem().isEmpty());
    const QString description = dialog->descriptionLabel()->text();
    EXPECT_TRUE(description.contains(QStringLiteral("running top 10 by compute")))
        << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("n = "))) << description.toStdString();
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    EXPECT_EQ(stack()->count(), 1);
    ASSERT_TRUE(era(kDeep).rule.topN);
    EXPECT_EQ(*era(kDeep).rule.topN, 10u);
    EXPECT_FALSE(era(kDeep).rule.zBand);
    EXPECT_EQ(trends.fit(kDeep).n, coreN(kDeep));

    // "All Runs" clears every condition.
    dock.editRuleAction()->trigger();
    auto dialogs = dock.findChildren<app::EraRuleDialog *>();
    app::EraRuleDialog *second = dialogs.back();
    second->buttons()->button(QDialogButtonBox::Reset)->click();
    EXPECT_TRUE(second->rule().isAllRuns());
    second->reject();
}

TEST_F(EraRuleWindowTest, FitAnnotationNamesTheRule)
{
    app::ChartView chart(&document, &view, &trends);
    chart.rebuildNow();
    const auto &fits = chart.renderer().scene().fits;
    ASSERT_EQ(fits.size(), 3);
    const QString large = fits[kLarge].annotation;
    EXPECT_TRUE(large.startsWith(QStringLiteral("Large-Scale Era: "))) << large.toStdString();
    EXPECT_TRUE(
        large.contains(QStringLiteral("large-scale runs, Z ≥ 0.76, n = %1").arg(coreN(kLarge))))
        << large.toStdString();
}

TEST_F(EraRuleWindowTest, ARunInTwoErasSaysSoAndTheSelectedErasRunsAreMarked)
{
    app::ChartView chart(&document, &view, &trends);
    chart.resize(1000, 700);
    chart.show();
    QApplication::processEvents();
    chart.rebuildNow();
    chart.resetView();
    chart.plot()->replot();

    // A large-scale run of 2018 is in the Large-Scale Era's fit, not the Deep Learning
    // Era's (regular-scale): the membership is core's.
    const auto &runs = document.dataset().runs;
    const std::vector<bool> large = trends.members(kLarge), deep = trends.members(kDeep);
    int inLarge = -1, inDeep = -1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (large[i] && inLarge < 0) inLarge = static_cast<int>(i);
        if (deep[i] && !large[i] && inDeep < 0 && runs[i].date &&
            compute::Date(2016, 1, 1) < *runs[i].date)
            inDeep = static_cast<int>(i);
    }
    ASSERT_GE(inLarge, 0);
    ASSERT_GE(inDeep, 0);
    EXPECT_EQ(trends.erasOfRun(static_cast<std::size_t>(inLarge)), QList<int>{kLarge});
    EXPECT_EQ(trends.erasOfRun(static_cast<std::size_t>(inDeep)), QList<int>{kDeep});
    compute::EraSelector selector(document.dataset(), view.filter());
    EXPECT_EQ(large, selector.members(era(kLarge)));

    // The tooltip of the point under the mouse names the fits that take it.
    const auto pixel = chart.pixelOfRun(inLarge);
    ASSERT_TRUE(pixel);
    const auto hovered = chart.runAt(*pixel); // points may overlap: the nearest one
    ASSERT_TRUE(hovered);
    QStringList names;
    for (int e : trends.erasOfRun(static_cast<std::size_t>(*hovered)))
        names << QString::fromStdString(era(e).name);
    const QString tip = chart.tooltipAt(*pixel);
    EXPECT_TRUE(tip.contains(names.isEmpty() ? QStringLiteral("In no era's fit")
                                             : QStringLiteral("In the fit of: ") +
                                                   names.join(QStringLiteral(", "))))
        << tip.toStdString();

    // Two eras over the same runs: a run in both lists both.
    compute::Era copy = era(kLarge);
    copy.name = "Large-Scale copy";
    auto schemes = document.dataset().eraSchemes;
    schemes[static_cast<std::size_t>(view.schemeIndex())].eras.push_back(copy);
    document.replaceEraSchemes(schemes);
    EXPECT_EQ(trends.erasOfRun(static_cast<std::size_t>(inLarge)), (QList<int>{kLarge, 3}));

    // Selecting an era with a narrowing rule marks its runs; an all-runs era does not.
    app::EraDock dock(&document, &view, &trends, &controller);
    dock.setCurrentEra(kLarge);
    QSet<QString> expected;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (large[i]) expected.insert(QString::fromStdString(runs[i].id));
    EXPECT_EQ(view.overlays().markedRuns, expected);
    EXPECT_EQ(view.overlays().markedLabel, dock.markLabel());
    compute::EraRule all;
    ASSERT_TRUE(controller.setEraRule(kLarge, all));
    EXPECT_TRUE(view.overlays().markedRuns.isEmpty());
}

TEST_F(EraRuleWindowTest, TheRunsTableFiltersByEraMembership)
{
    app::RunTableDock table(&document, &view);
    table.setTrendModel(&trends);
    ASSERT_NE(table.eraFilterBox(), nullptr);
    EXPECT_EQ(table.eraFilterBox()->count(), 4); // any era + three
    const int all = table.proxy()->rowCount();
    table.setEraFilter(kLarge);
    EXPECT_EQ(static_cast<std::size_t>(table.proxy()->rowCount()), coreN(kLarge));
    EXPECT_TRUE(table.proxy()->filtersByEra());
    // An edit of the rule refilters (coalesced to the next pass of the event loop).
    compute::EraRule wider = era(kLarge).rule;
    wider.zBand = compute::ZScoreBand{0.0, std::nullopt};
    ASSERT_TRUE(controller.setEraRule(kLarge, wider));
    QApplication::processEvents();
    EXPECT_EQ(static_cast<std::size_t>(table.proxy()->rowCount()), coreN(kLarge));
    table.setEraFilter(-1);
    EXPECT_EQ(table.proxy()->rowCount(), all);
}

TEST_F(EraRuleWindowTest, AdjacentErasOverDifferentRunsMoveAlone)
{
    app::ChartView chart(&document, &view, &trends);
    QObject::connect(&chart, &app::ChartView::eraBoundaryDropped, &controller,
                     &app::EraController::moveBoundaries);
    chart.resize(1000, 700);
    chart.show();
    QApplication::processEvents();
    chart.rebuildNow();
    // The Pre Deep Learning Era ends where the Deep Learning Era starts, but they fit
    // different runs (low outliers excluded; regular-scale): the end moves alone.
    ASSERT_EQ(*era(kPre).to, *era(kDeep).from);
    ASSERT_NE(era(kPre).rule, era(kDeep).rule);
    ASSERT_TRUE(chart.dragBoundary(kPre, false, app::YearTicker::keyOf(2011, 7, 1)));
    EXPECT_EQ(era(kPre).to->year(), 2011);
    EXPECT_EQ(*era(kDeep).from, compute::Date(2010, 1, 1));
    stack()->undo();

    // With the same rule they share the boundary and move together.
    ASSERT_TRUE(controller.setEraRule(kPre, era(kDeep).rule));
    ASSERT_TRUE(chart.dragBoundary(kPre, false, app::YearTicker::keyOf(2011, 7, 1)));
    EXPECT_EQ(era(kPre).to->year(), 2011);
    EXPECT_EQ(*era(kDeep).from, *era(kPre).to);
}
