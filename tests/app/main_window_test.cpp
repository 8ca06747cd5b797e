// SPDX-License-Identifier: GPL-3.0-or-later
// The assembled window: what a new user sees first and the docks working together.
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
