// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13, the window: the first start shows OpenAI's published chart, the toolbar does
// not move under the mouse, Detect Breakpoint is in a menu, nothing is squeezed away.
#include "app/chart/chart_view.h"
#include "app/chart/era_names.h"
#include "app/chart/figure_legend.h"
#include "app/chart/point_labels.h"
#include "app/cli/command_line.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/main_window.h"
#include "app/widgets/era_dock.h"
#include "app/widgets/run_table_dock.h"
#include "core/model/era.h"
#include "core/stats/run_selection.h"
#include "tests/app/chart_texts.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

QAction *menuAction(QMainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions())
        for (QAction *a : menu->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == text) return a;
    return nullptr;
}

struct FirstStart : ::testing::Test {
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }
};

// Plotted runs dated 2012 to 2018: the 15 systems of OpenAI's 2018 chart.
QVector<int> runsOf2018Chart(const app::ChartView &chart)
{
    QVector<int> runs;
    for (const app::ScenePoint &p : chart.renderer().scene().points)
        if (p.key >= 2012.0 && p.key < 2019.0) runs.append(p.run);
    std::sort(runs.begin(), runs.end());
    return runs;
}

TEST_F(FirstStart, ShowsOpenAis2018ChartInPetaflopSDaysWithTheModernTrend)
{
    app::MainWindow window;
    window.openInitial(app::CommandLine{});
    window.show();
    QApplication::processEvents();
    auto *chart = window.findChild<app::ChartView *>();
    chart->rebuildNow();
    EXPECT_EQ(window.viewState()->units(), compute::ComputeUnit::PfsDays);
    EXPECT_NEAR(chart->plot()->xAxis->range().lower, 2012.0, 1e-9);
    EXPECT_NEAR(chart->plot()->xAxis->range().upper, 2019.0, 1e-9);
    // One trend: the modern era's fit over the 15 systems, 3.4-month doubling.
    const auto &fits = window.trendModel()->tickedFits();
    ASSERT_EQ(fits.size(), 1);
    const compute::TrendFit fit = fits.cbegin().value();
    EXPECT_EQ(fit.n, 15u);
    EXPECT_NEAR(fit.doublingTimeMonths(), 3.43, 0.05);
    // All 15 are labelled at the default window size, though two pairs lie a few
    // pixels apart (VGG and Seq2Seq; AlexNet and Dropout).
    EXPECT_EQ(window.size(), QSize(1360, 880));
    const QVector<int> shown = runsOf2018Chart(*chart);
    EXPECT_EQ(shown.size(), 15);
    const QVector<int> labelled = chart->renderer().labelledRuns();
    QStringList missing;
    for (int run : shown)
        if (!labelled.contains(run))
            missing << QString::fromStdString(
                window.document()->dataset().runs.at(static_cast<std::size_t>(run)).name);
    EXPECT_TRUE(missing.empty()) << missing.join(QStringLiteral(", ")).toStdString();
    // Every point in view: none above or below the compute axis.
    const QCPRange y = chart->plot()->yAxis->range();
    for (const app::ScenePoint &p : chart->renderer().scene().points)
        if (p.key >= 2012.0 && p.key < 2019.0) {
            EXPECT_TRUE(y.contains(p.value));
        }
}

TEST_F(FirstStart, ResetViewShowsTheWholeHistoryAndTheMenuComesBack)
{
    app::MainWindow window;
    window.openInitial(app::CommandLine{});
    window.show();
    QApplication::processEvents();
    auto *chart = window.findChild<app::ChartView *>();
    chart->rebuildNow();
    window.findChild<QAction *>(QStringLiteral("resetViewAction"))->trigger();
    EXPECT_LT(chart->plot()->xAxis->range().lower, 1960.0); // the Perceptron, 1959
    QAction *openAi = menuAction(window, QStringLiteral("OpenAI 2018 View"));
    ASSERT_NE(openAi, nullptr);
    openAi->trigger();
    EXPECT_NEAR(chart->plot()->xAxis->range().lower, 2012.0, 1e-9);
    EXPECT_NEAR(chart->plot()->xAxis->range().upper, 2019.0, 1e-9);
}

TEST_F(FirstStart, UnitsChosenByTheUserAreRememberedAndWinOverTheFirstView)
{
    {
        app::MainWindow window;
        window.openInitial(app::CommandLine{});
        window.show();
        QApplication::processEvents();
        window.close(); // writes the settings; nothing chosen yet
    }
    EXPECT_FALSE(QSettings().contains(QStringLiteral("view/units")));
    {
        app::MainWindow window;
        window.openInitial(app::CommandLine{});
        EXPECT_EQ(window.viewState()->units(), compute::ComputeUnit::PfsDays);
        window.viewState()->setUnits(compute::ComputeUnit::Flop);
        window.show();
        QApplication::processEvents();
        window.close();
    }
    app::MainWindow window;
    window.openInitial(app::CommandLine{});
    EXPECT_EQ(window.viewState()->units(), compute::ComputeUnit::Flop);
}

TEST(Window, ToolbarUndoAndRedoKeepAShortTextAndTheButtonsDoNotMove)
{
    // Bug 4 of issue 13: the toolbar's Undo carried the whole command text.
    app::MainWindow window;
    window.resize(1360, 880);
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.show();
    QApplication::processEvents();
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    QAction *reset = window.findChild<QAction *>(QStringLiteral("resetViewAction"));
    QWidget *resetButton = toolbar->widgetForAction(reset);
    ASSERT_NE(resetButton, nullptr);
    const int x = resetButton->x();
    const QString longName(120, QLatin1Char('x'));
    window.document()->undoStack()->push(
        new QUndoCommand(QStringLiteral("Rename run '") + longName + QStringLiteral("'")));
    QApplication::processEvents();
    QStringList texts;
    for (QAction *a : toolbar->actions())
        texts << a->text().remove(QLatin1Char('&'));
    EXPECT_TRUE(texts.contains(QStringLiteral("Undo")));
    EXPECT_TRUE(texts.contains(QStringLiteral("Redo")));
    for (const QString &t : texts)
        EXPECT_LT(t.size(), 20) << t.toStdString();
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoToolAction"));
    ASSERT_NE(undo, nullptr);
    EXPECT_TRUE(undo->toolTip().contains(longName));
    EXPECT_TRUE(undo->isEnabled());
    EXPECT_EQ(resetButton->x(), x);
    EXPECT_TRUE(resetButton->isVisible()); // not in the overflow
    undo->trigger();
    EXPECT_EQ(window.document()->undoStack()->index(), 0);
}

TEST(Window, DetectBreakpointIsInTheErasMenuAndAButtonOfThePanel)
{
    app::MainWindow window;
    window.resize(1360, 880);
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.show();
    QApplication::processEvents();
    QAction *detect = menuAction(window, QStringLiteral("Detect Breakpoint..."));
    ASSERT_NE(detect, nullptr);
    EXPECT_TRUE(detect->isEnabled());
    auto *button =
        window.eras()->findChild<QToolButton *>(QStringLiteral("detectBreakpointButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(button->isVisible());
}

TEST(Window, AtTheDefaultSizeTheEraFitsAndEightTableRowsAreWhole)
{
    app::MainWindow window;
    window.resize(1360, 880);
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.show();
    QApplication::processEvents();
    QApplication::processEvents();
    QTreeView *eras = window.eras()->eraView();
    const int fitColumn = eras->model()->columnCount() - 1;
    const int right = eras->header()->sectionViewportPosition(fitColumn) +
                      eras->header()->sectionSizeHint(fitColumn);
    EXPECT_LE(right, eras->viewport()->width()) << "the Fit column is cut";
    QTableView *table = window.runTable()->tableView();
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    EXPECT_GE(table->viewport()->height() / rowHeight, 8);
    auto *chart = window.findChild<app::ChartView *>();
    EXPECT_GT(chart->width() * chart->height(), window.width() * window.height() / 3);
}

// The chart at the window's minimum size on a bundled dataset, whole history in view.
struct AtTheMinimumSize : ::testing::TestWithParam<const char *> {
    app::MainWindow window;
    app::ChartView *chart = nullptr;
    QCustomPlot *plot = nullptr;

    void SetUp() override
    {
        ASSERT_TRUE(window.openBundled(QString::fromLatin1(GetParam())));
        window.show();
        window.resize(window.minimumSize());
        QApplication::processEvents();
        chart = window.findChild<app::ChartView *>();
        chart->resetView();
        plot = chart->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    // The pixels of the points in view.
    QVector<QPointF> pointPixels() const
    {
        QVector<QPointF> pixels;
        const QRectF axes = plot->axisRect()->rect();
        for (const app::ScenePoint &p : chart->renderer().scene().points) {
            const QPointF at(plot->xAxis->coordToPixel(p.key), plot->yAxis->coordToPixel(p.value));
            if (axes.contains(at)) pixels << at;
        }
        return pixels;
    }
};

TEST_P(AtTheMinimumSize, ThePlotKeepsMostOfTheWindow)
{
    EXPECT_EQ(window.size(), window.minimumSize());
    EXPECT_GE(window.minimumWidth(), 640);
    // The chart keeps the largest share: more than the docks beside and below it.
    EXPECT_GE(chart->width() * chart->height(), window.width() * window.height() * 0.4);
    EXPECT_GE(chart->width(), window.width() * 0.7);
    // And the plot most of the chart: era names, legend and axes take the rest.
    const QRect axes = plot->axisRect()->rect();
    EXPECT_GE(axes.height(), 0.6 * plot->height()) << axes.height() << " of " << plot->height();
    EXPECT_GE(axes.width(), 0.8 * plot->width()) << axes.width() << " of " << plot->width();
}

TEST_P(AtTheMinimumSize, TheLegendGivesWayBeforeThePlot)
{
    const app::FigureLegend *legend = chart->renderer().legend();
    const double share = chart->renderer().look().legendMaxFraction;
    EXPECT_LE(legend->legendHeight(), share * plot->height() + 1);
    // What the legend would need in full at this width is more than its share on the
    // Epoch data (eight domains and three estimate methods): it collapsed, the plot did not.
    if (QLatin1String(GetParam()) == QLatin1String("epoch")) {
        EXPECT_NE(legend->collapse(), app::FigureLegend::Collapse::None);
    }
    // At the default size the same legend is whole or less collapsed.
    const auto small = legend->collapse();
    window.resize(1360, 880);
    QApplication::processEvents();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    EXPECT_LE(static_cast<int>(chart->renderer().legend()->collapse()), static_cast<int>(small));
}

TEST_P(AtTheMinimumSize, NoFitAnnotationOrOtherTextCoversAPoint)
{
    const QVector<QPointF> points = pointPixels();
    ASSERT_FALSE(points.isEmpty());
    const app::FigureLegend *legend = chart->renderer().legend();
    const QPointF origin(legend->outerRect().left() + legend->indent(), legend->outerRect().top());
    QVector<QRectF> texts;
    for (const app::FigureLegend::Placed &p : legend->placed())
        texts << p.text.translated(origin);
    const app::EraNames *names = chart->renderer().eraNames();
    for (const app::EraNames::Placed &p : names->placed())
        texts << p.rect; // placed on drawing
    for (const app::PointLabels::Label &l : chart->renderer().pointLabels()->labels())
        texts << l.rect;
    // The trends' annotations are among the texts when the legend shows anything (three
    // eras named with their rules may hide it at this size: it gives way before the plot).
    if (legend->collapse() != app::FigureLegend::Collapse::Hidden) {
        EXPECT_FALSE(chart->renderer().annotationTexts().isEmpty());
    }
    const double radius = chart->renderer().look().markerSize / 2;
    for (const QRectF &t : texts)
        for (const QPointF &p : points)
            EXPECT_FALSE(t.adjusted(radius - 1, radius - 1, 1 - radius, 1 - radius).contains(p))
                << "text at " << t.x() << "," << t.y() << " covers the point at " << p.x() << ","
                << p.y();
}

TEST_P(AtTheMinimumSize, TickLabelsStayApartAndInside)
{
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        const QVector<TextBox> ticks = tickLabelBoxes(axis);
        EXPECT_GE(ticks.size(), 3) << axis->label().toStdString();
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            EXPECT_TRUE(QRectF(plot->rect()).contains(ticks[i].rect))
                << ticks[i].text.toStdString();
            for (qsizetype j = i + 1; j < ticks.size(); ++j)
                EXPECT_FALSE(ticks[i].rect.adjusted(-2, -1, 2, 1).intersects(ticks[j].rect))
                    << ticks[i].text.toStdString() << " and " << ticks[j].text.toStdString();
        }
    }
    // Point labels stay off the tick labels too.
    for (const app::PointLabels::Label &l : chart->renderer().pointLabels()->labels())
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis})
            for (const TextBox &t : tickLabelBoxes(axis))
                EXPECT_FALSE(l.rect.intersects(t.rect)) << l.text.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Bundled, AtTheMinimumSize, ::testing::Values("openai", "epoch"));

} // namespace

namespace {

TEST(Window, TheStatusBarSaysWhyRunsAreHiddenAndAClickShowsThem)
{
    app::MainWindow window;
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    QApplication::processEvents();
    const compute::Dataset &dataset = window.document()->dataset();
    // Counted here independently: runs the dataset hides (the appendix) and runs with
    // no date or compute.
    int missing = 0, plottable = 0;
    for (const compute::TrainingRun &run : dataset.runs)
        (run.isPlottable() ? plottable : missing)++;
    int accepted = 0;
    for (const compute::TrainingRun &run : dataset.runs)
        if (run.isPlottable() && window.viewState()->filter().accepts(dataset, run)) ++accepted;
    const QString text = window.statusLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("%1 plotted").arg(accepted))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("%1 hidden by the dataset").arg(plottable - accepted)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("%1 without compute or date").arg(missing)));
    emit window.statusLabel()->linkActivated(QStringLiteral("tags"));
    QApplication::processEvents();
    EXPECT_TRUE(window.viewState()->filter().includeHidden);
    EXPECT_TRUE(window.statusLabel()->text().contains(QStringLiteral("%1 plotted").arg(plottable)));

    compute::RunFilter filter = window.viewState()->filter();
    filter.searchText = "alpha";
    window.viewState()->setFilter(filter);
    QApplication::processEvents();
    EXPECT_TRUE(window.statusLabel()->text().contains(QStringLiteral("hidden by filters")));
    emit window.statusLabel()->linkActivated(QStringLiteral("filters"));
    EXPECT_TRUE(window.viewState()->filter().searchText.empty());
    EXPECT_TRUE(window.viewState()->filter().includeHidden);
}

} // namespace
