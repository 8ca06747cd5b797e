// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's interaction (issue 13): units keep the zoom, era boundaries shared by two
// adjacent eras move together, Reset View takes in the projection, the view follows a
// new run.
#include "app/chart/chart_view.h"
#include "app/chart/year_ticker.h"
#include "app/commands/run_commands.h"
#include "app/controllers/era_controller.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/model/units.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace {

struct ChartInteraction : ::testing::Test {
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};
    app::EraController controller{&document, &view, &trends, nullptr};

    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded.ok()) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        view.setSchemeIndex(1); // "OpenAI 2018: four eras", adjacent eras
        QObject::connect(&chart, &app::ChartView::eraBoundaryDropped, &controller,
                         &app::EraController::moveBoundaries);
        chart.resize(1000, 700);
        chart.show();
        QApplication::processEvents();
        chart.rebuildNow();
    }
    const compute::Era &era(int i) const
    {
        return document.dataset().eraSchemes[1].eras[static_cast<std::size_t>(i)];
    }
};

TEST_F(ChartInteraction, TogglingUnitsKeepsTheRunsInView)
{
    chart.plot()->xAxis->setRange(2013, 2016);
    chart.plot()->yAxis->setRange(1e18, 1e22);
    view.setUnits(compute::ComputeUnit::PfsDays);
    chart.rebuildNow();
    EXPECT_DOUBLE_EQ(chart.plot()->xAxis->range().lower, 2013);
    EXPECT_DOUBLE_EQ(chart.plot()->xAxis->range().upper, 2016);
    EXPECT_NEAR(chart.plot()->yAxis->range().lower, 1e18 / 8.64e19, 1e-12);
    EXPECT_NEAR(chart.plot()->yAxis->range().upper / (1e22 / 8.64e19), 1.0, 1e-12);
    view.setUnits(compute::ComputeUnit::Flop);
    chart.rebuildNow();
    EXPECT_NEAR(chart.plot()->yAxis->range().lower / 1e18, 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(chart.plot()->xAxis->range().lower, 2013);
}

TEST_F(ChartInteraction, DraggingASharedBoundaryMovesBothErasInOneUndoStep)
{
    // "2012 to 2014" ends where "2014 to 2016" begins.
    ASSERT_EQ(*era(1).to, *era(2).from);
    ASSERT_TRUE(chart.dragBoundary(2, true, app::YearTicker::keyOf(2014, 7, 1)));
    ASSERT_TRUE(era(2).from && era(1).to);
    EXPECT_EQ(era(2).from->year(), 2014);
    EXPECT_GE(era(2).from->month(), 6);
    EXPECT_EQ(*era(1).to, *era(2).from); // no gap, no overlap
    EXPECT_EQ(*era(1).from, compute::Date(2012, 1, 1));
    EXPECT_EQ(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    EXPECT_EQ(*era(1).to, compute::Date(2014, 1, 1));
    EXPECT_EQ(*era(2).from, compute::Date(2014, 1, 1));
}

TEST_F(ChartInteraction, AltDragMovesOneEraAndLeavesTheGap)
{
    ASSERT_TRUE(chart.dragBoundary(2, true, app::YearTicker::keyOf(2014, 7, 1), true));
    EXPECT_EQ(*era(1).to, compute::Date(2014, 1, 1));
    EXPECT_EQ(era(2).from->year(), 2014);
    EXPECT_LT(*era(1).to, *era(2).from);
}

TEST_F(ChartInteraction, ASharedBoundaryStopsInsideBothEras)
{
    // Past the end of "2014 to 2016": both eras keep from < to.
    ASSERT_TRUE(chart.dragBoundary(1, false, app::YearTicker::keyOf(2019, 1, 1)));
    EXPECT_LT(*era(2).from, *era(2).to);
    EXPECT_EQ(*era(1).to, *era(2).from);
}

TEST_F(ChartInteraction, ResetViewTakesInTheProjectionFan)
{
    view.setSchemeIndex(0);
    view.setTicked(1, true);
    app::ChartOverlays overlays;
    overlays.projectionEra = 1;
    overlays.projectToYear = 2035.0;
    view.setOverlays(overlays);
    chart.rebuildNow();
    chart.resetView();
    ASSERT_EQ(chart.renderer().scene().fans.size(), 1);
    const app::SceneFan &fan = chart.renderer().scene().fans[0];
    EXPECT_GE(chart.plot()->xAxis->range().upper, 2035.0);
    EXPECT_GE(chart.plot()->yAxis->range().upper, fan.values.back());
}

TEST_F(ChartInteraction, TheViewFollowsANewRunOutsideIt)
{
    chart.plot()->xAxis->setRange(2012, 2019);
    chart.plot()->yAxis->setRange(1e15, 1e24);
    compute::TrainingRun run;
    run.id = "future";
    run.name = "Future run";
    run.domain = "Language";
    run.date = compute::Date(2024, 6, 1);
    run.estimates.push_back(compute::ComputeEstimate::reported(1e26));
    document.undoStack()->push(new app::AddRunsCommand(&document, {document.dataset().runs.size()},
                                                       {run}, QStringLiteral("Add run")));
    chart.rebuildNow();
    const auto pixel = chart.pixelOfRun(static_cast<int>(document.dataset().runs.size() - 1));
    ASSERT_TRUE(pixel);
    EXPECT_TRUE(chart.plot()->axisRect()->rect().contains(pixel->toPoint()));
    EXPECT_LE(chart.plot()->xAxis->range().lower, 2012); // widened, not moved away
}

} // namespace
