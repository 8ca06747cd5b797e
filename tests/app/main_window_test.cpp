// SPDX-License-Identifier: GPL-3.0-or-later
// The assembled window: what a new user sees first and the docks working together.
#include "app/chart/chart_view.h"
#include "app/chart/year_ticker.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/main_window.h"
#include "app/widgets/analysis_dock.h"
#include "app/widgets/era_dock.h"
#include "app/widgets/run_table_dock.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace {

QAction *findAction(QWidget *root, const QString &text)
{
    for (QAction *action : root->findChildren<QAction *>())
        if (action->text().remove(QLatin1Char('&')) == text) return action;
    return nullptr;
}

TEST(MainWindow, FirstStartShowsTheOpenAiChartWithTheTwoEraSchemeTicked)
{
    app::MainWindow window;
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    const compute::Dataset &dataset = window.document()->dataset();
    EXPECT_EQ(dataset.metadata.title, "AI and Compute (OpenAI 2018, with the 2019 addendum)");
    const int scheme = window.viewState()->schemeIndex();
    ASSERT_GE(scheme, 0);
    EXPECT_EQ(dataset.eraSchemes[static_cast<std::size_t>(scheme)].name, "OpenAI 2019: two eras");
    EXPECT_EQ(window.viewState()->tickedEras().size(), 2);
    // The modern era is OpenAI's 3.4-month line.
    const compute::TrendFit fit = window.trendModel()->fit(1);
    ASSERT_TRUE(fit.ok());
    EXPECT_NEAR(fit.doublingTimeMonths(), 3.43, 0.05);
}

TEST(MainWindow, AnalysisDockFollowsTheEraSelectedInTheEraDockAndBack)
{
    app::MainWindow window;
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.analysis()->refreshNow();
    window.eras()->setCurrentEra(0);
    EXPECT_EQ(window.analysis()->currentEra(), 0);
    window.analysis()->eraBox()->setCurrentIndex(1);
    EXPECT_EQ(window.eras()->currentEra(), 1);
    window.analysis()->refreshNow();
    EXPECT_EQ(window.analysis()->analysedEra().index, 1);
    EXPECT_EQ(window.analysis()->analysedEra().points.x.size(), 15u);
}

TEST(MainWindow, DroppingAnEraBoundaryOnTheChartIsOneUndoableEdit)
{
    app::MainWindow window;
    window.resize(1400, 900);
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.show();
    QApplication::processEvents();
    auto *chart = window.findChild<app::ChartView *>();
    ASSERT_NE(chart, nullptr);
    chart->rebuildNow();
    const int scheme = window.viewState()->schemeIndex();
    auto modernEra = [&] {
        return window.document()
            ->dataset()
            .eraSchemes.at(static_cast<std::size_t>(scheme))
            .eras.at(1);
    };
    ASSERT_EQ(modernEra().name, "Modern era");
    ASSERT_TRUE(chart->dragBoundary(1, true, app::YearTicker::keyOf(2014, 7, 1)));
    QUndoStack *stack = window.document()->undoStack();
    EXPECT_EQ(stack->count(), 1);
    // The first era ends where the modern era begins: the shared edge moves for both.
    EXPECT_EQ(stack->undoText(), QStringLiteral("Move boundary of First era and Modern era"));
    EXPECT_EQ(modernEra().from->year(), 2014);
    stack->undo();
    EXPECT_EQ(*modernEra().from, compute::Date(2012, 1, 1));
}

TEST(MainWindow, TheToolbarHoldsTheMenusActionsInOrder)
{
    app::MainWindow window;
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    ASSERT_NE(toolbar, nullptr);
    QStringList names;
    for (QAction *action : toolbar->actions())
        names << (action->isSeparator() ? QStringLiteral("|")
                                        : action->text().remove(QLatin1Char('&')));
    EXPECT_EQ(
        names.join(QLatin1Char(',')),
        QStringLiteral("Open...,Save,Export Figure...,|,Add Run...,Undo,Redo,|,Reset View,|,"));
    // The last is the choice of axes (app/inputs/axes_picker.h), the View menu's too.
    auto *yBox = toolbar->findChild<QComboBox *>(QStringLiteral("yAxisBox"));
    auto *xBox = toolbar->findChild<QComboBox *>(QStringLiteral("xAxisBox"));
    ASSERT_TRUE(yBox && xBox);
    EXPECT_EQ(yBox->currentText(), QStringLiteral("Training compute"));
    EXPECT_EQ(xBox->currentText(), QStringLiteral("Publication date"));
    // The same actions as in the menus, not copies.
    for (const QString &name :
         {QStringLiteral("openAction"), QStringLiteral("saveAction"),
          QStringLiteral("exportFigureAction"), QStringLiteral("addRunAction"),
          QStringLiteral("resetViewAction")}) {
        auto *action = window.findChild<QAction *>(name);
        ASSERT_NE(action, nullptr) << name.toStdString();
        EXPECT_TRUE(toolbar->actions().contains(action)) << name.toStdString();
        bool inAMenu = false;
        for (QAction *menu : window.menuBar()->actions())
            inAMenu = inAMenu || menu->menu()->actions().contains(action);
        EXPECT_TRUE(inAMenu) << name.toStdString();
    }
}

TEST(MainWindow, EveryPanelCanBeToggledFromTheViewMenuWithAShortcut)
{
    app::MainWindow window;
    for (const QString &name :
         {QStringLiteral("Runs"), QStringLiteral("Run Details"), QStringLiteral("Undo History"),
          QStringLiteral("Eras"), QStringLiteral("Analysis")}) {
        QAction *toggle = findAction(&window, name);
        ASSERT_NE(toggle, nullptr) << name.toStdString();
        EXPECT_TRUE(toggle->isCheckable()) << name.toStdString();
        EXPECT_FALSE(toggle->shortcut().isEmpty()) << name.toStdString();
    }
    EXPECT_EQ(findAction(&window, QStringLiteral("Analysis"))->shortcut(),
              QKeySequence(QStringLiteral("Ctrl+5")));
}

// Behind the run table (its first-start place) the analysis dock leaves its analyses
// until its tab is chosen: on 100,000 runs they would cost every edit tens of ms.
TEST(MainWindowAnalysis, TheAnalysisTabBehindTheRunTableWaitsUntilItIsChosen)
{
    app::MainWindow window;
    window.resize(1400, 900);
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    window.show();
    QApplication::processEvents();
    app::AnalysisDock *analysis = window.analysis();
    auto settle = [&] {
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
    };
    auto analysedNow = [&] {
        return window.trendModel()
            ->cache()
            .points(*window.trendModel()->era(analysis->currentEra()))
            .runIndex;
    };
    analysis->raise();
    settle();
    const std::vector<std::size_t> before = analysis->analysedEra().points.runIndex;
    ASSERT_FALSE(before.empty());
    EXPECT_EQ(before, analysedNow());

    window.runTable()->raise(); // the analysis tab is behind the run table again
    settle();
    compute::RunFilter filter;
    filter.domains = {"Vision"};
    window.viewState()->setFilter(filter);
    settle();
    EXPECT_TRUE(analysis->isStale());
    EXPECT_EQ(analysis->analysedEra().points.runIndex, before);

    analysis->raise(); // its tab is chosen
    settle();
    EXPECT_FALSE(analysis->isStale());
    EXPECT_EQ(analysis->analysedEra().points.runIndex, analysedNow());
    EXPECT_LT(analysedNow().size(), before.size());
}

} // namespace

namespace {

TEST(MainWindow, EraSchemeOnTheCommandLineShowsTheSchemeItsPrefixNames)
{
    app::MainWindow window;
    ASSERT_TRUE(window.openBundled(QStringLiteral("openai")));
    const auto &schemes = window.document()->dataset().eraSchemes;
    window.showSchemeNamed(QStringLiteral("openai 2018: f"));
    EXPECT_EQ(schemes.at(static_cast<std::size_t>(window.viewState()->schemeIndex())).name,
              "OpenAI 2018: four eras");
    // Ambiguous: the scheme stays, and the status bar lists the candidates.
    window.showSchemeNamed(QStringLiteral("OpenAI 2018"));
    EXPECT_EQ(schemes.at(static_cast<std::size_t>(window.viewState()->schemeIndex())).name,
              "OpenAI 2018: four eras");
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(
        QStringLiteral("OpenAI 2018: four eras, OpenAI 2018: the 15 chart systems")))
        << window.statusBar()->currentMessage().toStdString();
}

} // namespace

// The toolbar's axes: parameters against date, then compute against parameters (log-log,
// a power law per era in the era list), and back with Ctrl+Shift+0's action.
TEST(MainWindow, TheToolbarChoosesTheAxesOfTheChartAndTheFits)
{
    app::MainWindow window;
    window.resize(1400, 900);
    ASSERT_TRUE(window.openBundled(QStringLiteral("epoch")));
    window.show();
    auto settle = [] {
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
    };
    settle();
    auto *yBox = window.findChild<QComboBox *>(QStringLiteral("yAxisBox"));
    auto *xBox = window.findChild<QComboBox *>(QStringLiteral("xAxisBox"));
    ASSERT_TRUE(yBox && xBox);
    QCustomPlot *plot = window.findChild<app::ChartView *>()->plot();

    yBox->setCurrentIndex(yBox->findText(QStringLiteral("Parameters")));
    emit yBox->activated(yBox->currentIndex());
    settle();
    EXPECT_EQ(window.viewState()->axes(),
              (compute::Axes{compute::Quantity::Parameters, compute::Quantity::Date}));
    EXPECT_EQ(plot->yAxis->label(), QStringLiteral("Parameters"));
    EXPECT_EQ(plot->xAxis->label(), QStringLiteral("Publication date"));
    EXPECT_EQ(window.trendModel()->cache().axes().y, compute::Quantity::Parameters);

    // Compute on Y, then parameters on X: log-log.
    yBox->setCurrentIndex(yBox->findText(QStringLiteral("Training compute")));
    emit yBox->activated(yBox->currentIndex());
    xBox->setCurrentIndex(xBox->findText(QStringLiteral("Parameters")));
    emit xBox->activated(xBox->currentIndex());
    settle();
    EXPECT_EQ(window.viewState()->axes(),
              (compute::Axes{compute::Quantity::Compute, compute::Quantity::Parameters}));
    EXPECT_EQ(plot->xAxis->label(), QStringLiteral("Parameters"));
    // The x axis now spans powers of ten of parameters, not years.
    EXPECT_LT(plot->xAxis->range().upper, 20.0);
    const compute::TrendFit fit = window.trendModel()->fit(0);
    const compute::TrendFit byCore =
        compute::fitEra(window.document()->dataset(), *window.trendModel()->era(0),
                        window.viewState()->filter(), window.viewState()->axes());
    EXPECT_EQ(fit.n, byCore.n);
    EXPECT_NEAR(fit.slope, byCore.slope, 1e-9);

    window.viewState()->setAxes(compute::Axes{});
    settle();
    EXPECT_EQ(yBox->currentText(), QStringLiteral("Training compute"));
    EXPECT_EQ(xBox->currentText(), QStringLiteral("Publication date"));
    EXPECT_EQ(plot->xAxis->label(), QStringLiteral("Publication date"));
}
