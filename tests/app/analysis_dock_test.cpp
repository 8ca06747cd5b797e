// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/era_commands.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/analysis_format.h"
#include "app/inputs/number_edit.h"
#include "app/widgets/analysis/bootstrap_panel.h"
#include "app/widgets/analysis/influence_panel.h"
#include "app/widgets/analysis/influence_table_model.h"
#include "app/widgets/analysis/projection_panel.h"
#include "app/widgets/analysis/published_panel.h"
#include "app/widgets/analysis/reference_lines_panel.h"
#include "app/widgets/analysis/residuals_panel.h"
#include "app/widgets/analysis/rolling_panel.h"
#include "app/widgets/analysis/subset_table_model.h"
#include "app/widgets/analysis/subsets_panel.h"
#include "app/widgets/analysis_dock.h"
#include "core/stats/bootstrap.h"
#include "core/stats/influence.h"
#include "core/stats/projection.h"
#include "core/stats/reference_lines.h"
#include "core/stats/residuals.h"
#include "core/stats/run_selection.h"
#include "core/stats/subsets.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>

namespace {

constexpr int kModern = 1; // "Modern era" of the scheme "OpenAI 2019: two eras"

class AnalysisDockTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        view.setSchemeIndex(0);
        view.setTickedEras({0, 1});
        dock.resize(520, 640);
        dock.show(); // a hidden dock leaves its analyses for when it is shown
        dock.refreshNow();
        dock.setCurrentEra(kModern);
        dock.refreshNow();
    }

    compute::Era era() const { return *trends.era(kModern); }
    compute::FitPoints points() const { return trends.cache().points(era()); }
    QString idOf(std::size_t runIndex) const
    {
        return QString::fromStdString(document.dataset().runs.at(runIndex).id);
    }
    template <class T> T *child(const char *name) const
    {
        T *found = dock.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::AnalysisDock dock{&document, &view, &trends};
};

TEST_F(AnalysisDockTest, AnalysesTheChosenEraOfTheCurrentScheme)
{
    EXPECT_EQ(dock.objectName(), QStringLiteral("analysisDock"));
    ASSERT_EQ(dock.eraBox()->count(), 2);
    EXPECT_EQ(dock.eraBox()->itemText(kModern), QStringLiteral("Modern era"));
    EXPECT_EQ(dock.currentEra(), kModern);
    EXPECT_EQ(dock.analysedEra().points.runIndex, points().runIndex);
    EXPECT_EQ(dock.tabs()->count(), 8);
    EXPECT_EQ(dock.tabs()->tabText(7), QStringLiteral("Rolling"));

    // The eras dock (or anyone) picks another era; a new scheme starts at its last era.
    int changed = 0;
    QObject::connect(&dock, &app::AnalysisDock::currentEraChanged, [&changed] { ++changed; });
    dock.setCurrentEra(0);
    settle();
    EXPECT_EQ(dock.analysedEra().index, 0);
    EXPECT_EQ(changed, 1);
    view.setSchemeIndex(1);
    settle();
    EXPECT_EQ(dock.eraBox()->count(), 4);
    EXPECT_EQ(dock.currentEra(), 3);
    EXPECT_EQ(dock.analysedEra().era->name, "From 2016");
}

TEST_F(AnalysisDockTest, ProjectionDateOf1e27IsCoresProjectDateOf)
{
    app::ProjectionPanel *panel = dock.projectionPanel();
    panel->targetEdit()->setText(QStringLiteral("1E+27"));
    const compute::DateProjection expected = compute::projectDateOf(trends.fit(kModern), 27.0);
    ASSERT_TRUE(expected.ok());
    const compute::DateProjection &shown = panel->dateProjection();
    EXPECT_EQ(shown.status, expected.status);
    EXPECT_EQ(shown.x, expected.x);
    EXPECT_EQ(shown.xCi95.low, expected.xCi95.low);
    EXPECT_EQ(shown.xPredictionCi95.high, expected.xPredictionCi95.high);
    EXPECT_EQ(panel->dateText(), QString::fromStdString(compute::dateAtX(expected.x)->toIso()));
    EXPECT_EQ(child<QLabel>("projectionDateCi")->text(), app::formatDateInterval(expected.xCi95));
    EXPECT_EQ(child<QLabel>("projectionDatePrediction")->text(),
              app::formatDateInterval(expected.xPredictionCi95));

    // The same target in petaflop/s-days.
    panel->unitBox()->setCurrentIndex(1);
    panel->targetEdit()->setText(QStringLiteral("1e7"));
    EXPECT_EQ(
        panel->dateProjection().x,
        compute::projectDateOf(trends.fit(kModern), std::log10(1e7 * compute::kFlopPerPfsDay)).x);

    // Compute at a date, with both intervals.
    panel->dateEdit()->setDate(QDate(2025, 6, 1));
    const compute::ComputeProjection at =
        compute::projectComputeAt(trends.fit(kModern), compute::Date(2025, 6, 1));
    EXPECT_EQ(panel->computeProjection().log10Flop, at.log10Flop);
    EXPECT_EQ(panel->computeText(),
              app::formatComputeLog10(at.log10Flop, compute::ComputeUnit::PfsDays));

    // Not a number: says so, and projects nothing.
    panel->targetEdit()->setText(QStringLiteral("lots"));
    EXPECT_FALSE(panel->dateProjection().ok());
    EXPECT_TRUE(panel->targetEdit()->property("invalid").toBool());
}

TEST_F(AnalysisDockTest, ShowProjectionSetsTheChartOverlay)
{
    app::ProjectionPanel *panel = dock.projectionPanel();
    panel->yearBox()->setValue(2035);
    EXPECT_EQ(view.overlays().projectionEra, -1);
    panel->showOnChartBox()->setChecked(true);
    EXPECT_EQ(view.overlays().projectionEra, kModern);
    EXPECT_EQ(view.overlays().projectToYear, 2035);
    panel->yearBox()->setValue(2040);
    EXPECT_EQ(view.overlays().projectToYear, 2040);
    dock.setCurrentEra(0); // the fan follows the era analysed
    settle();
    EXPECT_EQ(view.overlays().projectionEra, 0);
    panel->showOnChartBox()->setChecked(false);
    EXPECT_EQ(view.overlays().projectionEra, -1);
}

TEST_F(AnalysisDockTest, InfluenceTableStartsWithCoresMostInfluentialRun)
{
    compute::LeaveOneOut expected = compute::leaveOneOut(points());
    compute::sortByInfluence(expected.entries);
    app::InfluencePanel *panel = dock.influencePanel();
    const QAbstractItemModel *table = panel->table()->model();
    ASSERT_EQ(table->rowCount(), static_cast<int>(expected.entries.size()));
    EXPECT_EQ(table->index(0, 0).data(app::InfluenceTableModel::RunIdRole).toString(),
              idOf(expected.entries[0].runIndex));
    EXPECT_EQ(table->index(0, app::InfluenceTableModel::ChangeColumn)
                  .data(app::InfluenceTableModel::SortRole)
                  .toDouble(),
              *expected.entries[0].doublingTimeMonthsChange);

    // Sortable by any column, by value: the largest change first.
    panel->table()->sortByColumn(app::InfluenceTableModel::ChangeColumn, Qt::DescendingOrder);
    double largest = -1e300;
    for (const auto &e : expected.entries)
        if (e.doublingTimeMonthsChange) largest = std::max(largest, *e.doublingTimeMonthsChange);
    EXPECT_EQ(table->index(0, app::InfluenceTableModel::ChangeColumn)
                  .data(app::InfluenceTableModel::SortRole)
                  .toDouble(),
              largest);
    panel->table()->sortByColumn(app::InfluenceTableModel::RankColumn, Qt::AscendingOrder);

    // The top k on the chart, under their own legend entry.
    panel->topKBox()->setValue(2);
    panel->markBox()->setChecked(true);
    const QSet<QString> top = {idOf(expected.entries[0].runIndex),
                               idOf(expected.entries[1].runIndex)};
    EXPECT_EQ(view.overlays().markedRuns, top);
    EXPECT_EQ(view.overlays().markedLabel, QStringLiteral("Most influential (leave-one-out)"));
    panel->markBox()->setChecked(false);
    EXPECT_TRUE(view.overlays().markedRuns.isEmpty());
    EXPECT_TRUE(view.overlays().markedLabel.isEmpty());

    // A double click selects the run.
    panel->selectRow(0);
    EXPECT_EQ(view.selection(), QSet<QString>{idOf(expected.entries[0].runIndex)});
}

TEST_F(AnalysisDockTest, SubsetRowsAreCoresSubsetSensitivity)
{
    app::SubsetsPanel *panel = dock.subsetsPanel();
    EXPECT_EQ(panel->topNBox()->value(), 10);
    auto check = [&](std::size_t topN) {
        const auto expected =
            compute::subsetSensitivity(document.dataset(), era(), view.filter(), {topN});
        const QAbstractItemModel *model = panel->table()->model();
        ASSERT_EQ(model->rowCount(), static_cast<int>(expected.size()));
        for (std::size_t r = 0; r < expected.size(); ++r) {
            const int row = static_cast<int>(r);
            auto cell = [&](int column) { return model->index(row, column).data().toString(); };
            EXPECT_EQ(cell(app::SubsetTableModel::SubsetColumn),
                      QString::fromStdString(expected[r].label));
            EXPECT_EQ(cell(app::SubsetTableModel::CountColumn), QString::number(expected[r].fit.n));
            if (!expected[r].enoughData()) {
                EXPECT_EQ(cell(app::SubsetTableModel::DoublingColumn),
                          QStringLiteral("not enough data"));
            } else if (expected[r].fit.ok()) {
                EXPECT_EQ(cell(app::SubsetTableModel::DoublingColumn),
                          app::formatNumber3(expected[r].fit.doublingTimeMonths()));
                EXPECT_EQ(cell(app::SubsetTableModel::CiColumn),
                          app::formatInterval(expected[r].fit.doublingTimeMonthsCi95()));
            }
        }
    };
    check(10);
    const auto subsets = panel->model()->subsets();
    EXPECT_TRUE(std::any_of(subsets.begin(), subsets.end(), [](const compute::SubsetFit &s) {
        return !s.enoughData();
    })) << "the OpenAI data has domains of fewer than 3 runs";
    panel->topNBox()->setValue(3);
    check(3);
}

TEST_F(AnalysisDockTest, BootstrapWithAFixedSeedIsCoresAndJitterChangesIt)
{
    app::BootstrapPanel *panel = dock.bootstrapPanel();
    EXPECT_EQ(panel->resamplesBox()->value(), 1000);
    EXPECT_EQ(panel->seedEdit()->text(), QString::number(compute::BootstrapOptions{}.seed));
    panel->seedEdit()->setText(QStringLiteral("12345"));
    panel->runNow();
    compute::BootstrapOptions options;
    options.seed = 12345;
    const compute::BootstrapResult plain = compute::bootstrapTrend(points(), options);
    ASSERT_TRUE(plain.ok());
    const compute::BootstrapResult &shown = panel->result();
    EXPECT_EQ(shown.slopes, plain.slopes);
    EXPECT_EQ(shown.slopeMedian, plain.slopeMedian);
    EXPECT_EQ(shown.doublingTimeMonthsCi95.low, plain.doublingTimeMonthsCi95.low);
    EXPECT_EQ(shown.doublingTimeMonthsCi95.high, plain.doublingTimeMonthsCi95.high);
    EXPECT_EQ(shown.used + shown.skipped, 1000u);
    EXPECT_EQ(child<QLabel>("bootstrapCi")->text(),
              app::formatInterval(plain.doublingTimeMonthsCi95));
    // The t-based interval beside it.
    EXPECT_EQ(child<QLabel>("bootstrapTCi")->text(),
              app::formatInterval(trends.fit(kModern).doublingTimeMonthsCi95()));

    panel->jitterBox()->setChecked(true);
    panel->runNow();
    options.jitter = true;
    const compute::BootstrapResult jittered = compute::bootstrapTrend(points(), options);
    EXPECT_EQ(panel->result().slopes, jittered.slopes);
    EXPECT_NE(panel->result().slopeMedian, plain.slopeMedian);
    EXPECT_NE(panel->result().slopeCi95.low, plain.slopeCi95.low);
}

TEST_F(AnalysisDockTest, BootstrapRunsOnlyWhileItsTabIsShown)
{
    app::BootstrapPanel *panel = dock.bootstrapPanel();
    panel->seedEdit()->setText(QStringLiteral("7"));
    settle(250); // past the debounce: its tab is not the current one, so nothing ran
    EXPECT_TRUE(panel->isStale());
    dock.tabs()->setCurrentWidget(dock.pageOf(panel));
    settle(250);
    EXPECT_FALSE(panel->isStale());
    EXPECT_EQ(panel->result().seed, 7u);
    dock.hide();
}

TEST_F(AnalysisDockTest, ReferenceLinesGoThroughTheSelectedRunOrTheErasFirst)
{
    app::ReferenceLinesPanel *panel = dock.referenceLinesPanel();
    ASSERT_EQ(panel->presetBoxes().size(), 4);
    const compute::FitPoints p = points();
    const auto first = std::min_element(p.x.begin(), p.x.end()) - p.x.begin();
    const QString firstId = idOf(p.runIndex[static_cast<std::size_t>(first)]);
    EXPECT_EQ(panel->anchorRunId(), firstId);

    panel->presetBoxes()[0]->setChecked(true); // OpenAI's 3.4 months
    panel->presetBoxes()[1]->setChecked(true); // Epoch's 4.5x per year
    using Spec = app::ReferenceLineSpec;
    const double epoch = *compute::doublingMonthsFromGrowthFactor(4.5);
    EXPECT_EQ(view.overlays().referenceLines, (QVector<Spec>{{3.4, firstId}, {epoch, firstId}}));

    const QString selected = idOf(p.runIndex.back());
    view.setSelection({selected});
    settle();
    EXPECT_EQ(panel->anchorRunId(), selected);
    panel->customMonthsBox()->setValue(9);
    panel->customBox()->setChecked(true);
    EXPECT_EQ(view.overlays().referenceLines,
              (QVector<Spec>{{3.4, selected}, {epoch, selected}, {9.0, selected}}));
    for (QCheckBox *box : panel->presetBoxes())
        box->setChecked(false);
    panel->customBox()->setChecked(false);
    EXPECT_TRUE(view.overlays().referenceLines.isEmpty());
}

TEST_F(AnalysisDockTest, ResidualOutliersAreCoresAndCanBeMarked)
{
    const compute::ResidualReport expected = compute::residuals(points());
    app::ResidualsPanel *panel = dock.residualsPanel();
    ASSERT_EQ(panel->report().residuals.size(), expected.residuals.size());
    QSet<QString> outliers;
    for (std::size_t i = 0; i < expected.residuals.size(); ++i) {
        EXPECT_EQ(panel->report().residuals[i].z, expected.residuals[i].z);
        if (expected.residuals[i].outlier) outliers.insert(idOf(expected.residuals[i].runIndex));
    }
    EXPECT_EQ(panel->outlierIds(), outliers);
    EXPECT_EQ(panel->plot()->graph(1)->dataCount(), outliers.size());

    panel->markBox()->setChecked(true);
    EXPECT_EQ(view.overlays().markedRuns, outliers);
    EXPECT_EQ(view.overlays().markedLabel, QStringLiteral("Residual outliers (|z| > 2)"));
    // Marking the most influential replaces these marks, and this box follows.
    dock.influencePanel()->markBox()->setChecked(true);
    EXPECT_FALSE(panel->markBox()->isChecked());
    EXPECT_EQ(view.overlays().markedLabel, app::InfluencePanel::markLabel());
}

TEST_F(AnalysisDockTest, HoveringAResidualNamesItsRun)
{
    dock.resize(520, 640);
    dock.show();
    app::ResidualsPanel *panel = dock.residualsPanel();
    dock.tabs()->setCurrentWidget(dock.pageOf(panel));
    settle();
    QCustomPlot *plot = panel->plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const compute::Residual &r = panel->report().residuals.front();
    const QPointF pixel(plot->xAxis->coordToPixel(1970.0 + r.x),
                        plot->yAxis->coordToPixel(r.residual));
    EXPECT_EQ(panel->nameAt(pixel + QPointF(2, -2)),
              QString::fromStdString(document.dataset().runs[r.runIndex].name));
    EXPECT_TRUE(panel->nameAt(QPointF(1, 1)).isEmpty());
    dock.hide();
}

TEST_F(AnalysisDockTest, AFilterOrAnEraBoundaryChangeUpdatesThePanels)
{
    const std::size_t before = dock.analysedEra().points.x.size();
    compute::RunFilter filter;
    filter.domains = {"Vision", "Games"};
    view.setFilter(filter);
    settle();
    const compute::FitPoints narrowed = points();
    ASSERT_LT(narrowed.x.size(), before);
    EXPECT_EQ(dock.analysedEra().points.runIndex, narrowed.runIndex);
    EXPECT_EQ(dock.influencePanel()->table()->model()->rowCount(),
              static_cast<int>(narrowed.x.size()));
    EXPECT_EQ(dock.projectionPanel()->dateProjection().x,
              compute::projectDateOf(trends.fit(kModern), 27.0).x);

    // A boundary being dragged (a preview), then dropped (an undo command).
    view.setFilter({});
    compute::Era moved = era();
    moved.from = compute::Date(2015, 1, 1);
    trends.setPreview(kModern, moved);
    settle();
    EXPECT_EQ(dock.analysedEra().points.runIndex, trends.cache().points(moved).runIndex);
    EXPECT_EQ(dock.residualsPanel()->report().residuals.size(),
              trends.cache().points(moved).x.size());
    trends.clearPreview();
    document.undoStack()->push(
        app::makeSetEraRangeCommand(&document, 0, kModern, compute::Date(2016, 1, 1), std::nullopt)
            .release());
    settle();
    EXPECT_EQ(dock.analysedEra().era->from, compute::Date(2016, 1, 1));
    EXPECT_EQ(dock.subsetsPanel()->model()->subsets().front().fit.n, points().x.size());
}

// Hidden behind the run table, the dock leaves its analyses until it is shown; with
// runs marked on the chart it keeps them up to date.
// The panels follow the chart's axes: a projection of parameters against the date is
// core's projection of a fit of the runs with parameters; analyses about compute against
// the date, or along the date, give way to a notice that says why.
TEST_F(AnalysisDockTest, PanelsFollowTheChartsAxesOrSayWhyNot)
{
    // Epoch's data: OpenAI's has no parameters.
    auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
    ASSERT_TRUE(loaded) << loaded.errorText();
    document.reset(std::move(loaded->dataset), QString());
    view.setSchemeIndex(0);
    settle();
    dock.refreshNow();
    const int analysed = dock.currentEra();
    ASSERT_GE(analysed, 0);
    app::ProjectionPanel *panel = dock.projectionPanel();
    panel->showOnChartBox()->setChecked(true);
    ASSERT_EQ(view.overlays().projectionEra, analysed);
    const compute::Axes parameters{compute::Quantity::Parameters, compute::Quantity::Date};
    view.setAxes(parameters);
    settle();
    EXPECT_EQ(dock.analysedEra().axes, parameters);
    const compute::FitPoints runs = compute::selectFitPoints(
        document.dataset(), *trends.era(analysed), view.filter(), parameters);
    ASSERT_GE(runs.x.size(), 3u);
    const compute::TrendFit byHand = compute::fitTrend(runs.x, runs.y);
    EXPECT_EQ(dock.noticeOf(panel), QString());
    EXPECT_TRUE(panel->unitBox()->isHidden()); // FLOP or pfs-days: compute's alone
    panel->targetEdit()->setText(QStringLiteral("1e12"));
    const compute::DateProjection expected = compute::projectDateOf(byHand, 12.0);
    ASSERT_TRUE(expected.ok());
    EXPECT_NEAR(panel->dateProjection().x, expected.x, 1e-9);
    EXPECT_TRUE(panel->computeText().endsWith(QStringLiteral(" parameters")))
        << panel->computeText().toStdString();
    for (app::AnalysisPanel *p :
         std::initializer_list<app::AnalysisPanel *>{dock.publishedPanel(), dock.subsetsPanel()}) {
        const QString notice = dock.noticeOf(p);
        EXPECT_TRUE(notice.contains(QStringLiteral("training compute against the date")))
            << notice.toStdString();
        EXPECT_TRUE(notice.contains(QStringLiteral("parameters against publication date")))
            << notice.toStdString();
    }
    for (app::AnalysisPanel *p : std::initializer_list<app::AnalysisPanel *>{
             dock.influencePanel(), dock.bootstrapPanel(), dock.referenceLinesPanel(),
             dock.residualsPanel(), dock.rollingPanel()})
        EXPECT_EQ(dock.noticeOf(p), QString());

    // Log-log: nothing moves along the date; the projection leaves the chart.
    view.setAxes({compute::Quantity::Compute, compute::Quantity::Parameters});
    settle();
    EXPECT_TRUE(dock.noticeOf(panel).contains(QStringLiteral("along the date")));
    EXPECT_EQ(view.overlays().projectionEra, -1);
    EXPECT_EQ(dock.pageOf(panel)->currentIndex(), 1);

    view.setAxes({});
    settle();
    for (app::AnalysisPanel *p : std::initializer_list<app::AnalysisPanel *>{
             panel, dock.publishedPanel(), dock.subsetsPanel(), dock.rollingPanel()})
        EXPECT_EQ(dock.noticeOf(p), QString());
    EXPECT_FALSE(panel->unitBox()->isHidden());
    EXPECT_EQ(view.overlays().projectionEra, analysed); // still ticked: back on the chart
}

TEST_F(AnalysisDockTest, AHiddenDockAnalysesWhenShownUnlessItMarksTheChart)
{
    dock.hide();
    compute::RunFilter filter;
    filter.domains = {"Vision", "Games"};
    view.setFilter(filter);
    settle();
    EXPECT_TRUE(dock.isStale());
    EXPECT_NE(dock.analysedEra().points.runIndex, points().runIndex);
    dock.show();
    settle();
    EXPECT_FALSE(dock.isStale());
    EXPECT_EQ(dock.analysedEra().points.runIndex, points().runIndex);

    // Influential runs marked on the chart: they follow edits while the dock is hidden.
    dock.influencePanel()->markBox()->setChecked(true);
    dock.hide();
    view.setFilter({});
    settle();
    EXPECT_FALSE(dock.isStale());
    EXPECT_EQ(dock.analysedEra().points.runIndex, points().runIndex);
    dock.influencePanel()->markBox()->setChecked(false);
}

} // namespace
