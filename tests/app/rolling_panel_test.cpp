// SPDX-License-Identifier: GPL-3.0-or-later
// How the trend moves: the Analysis dock's "Rolling" tab, checked against least squares
// done here by hand on the era's runs of each window.
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/widgets/analysis/rolling_panel.h"
#include "app/widgets/analysis_dock.h"
#include "core/model/era.h"
#include "core/model/published_figure.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>

#include <gtest/gtest.h>

#include <cmath>

namespace {

constexpr double kLog2 = 0.30102999566398119521;

struct HandFit {
    std::size_t n = 0;
    double slope = 0;
};

// Least squares of log10 FLOP on years, from the sums: the slope alone.
HandFit handFit(const compute::FitPoints &points, const compute::Date &from,
                const compute::Date &to)
{
    const double lo = from.yearsSinceEpoch(), hi = to.yearsSinceEpoch();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    HandFit fit;
    for (std::size_t i = 0; i < points.x.size(); ++i) {
        const double x = points.x[i], y = points.y[i];
        if (x < lo || x >= hi) continue;
        ++fit.n;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double n = static_cast<double>(fit.n);
    fit.slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return fit;
}

class RollingPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        const auto &schemes = document.dataset().eraSchemes;
        const compute::SchemeLookup epoch2024 = compute::lookupScheme(schemes, "Epoch 2024");
        ASSERT_TRUE(epoch2024.scheme);
        view.setSchemeIndex(static_cast<int>(epoch2024.scheme - schemes.data()));
        view.setTickedEras({0, 1});
        dock.resize(640, 640);
        dock.show();
        dock.tabs()->setCurrentWidget(dock.pageOf(panel()));
        dock.refreshNow();
        dock.setCurrentEra(0); // "Notable models"
        dock.refreshNow();
        settle();
    }
    app::RollingPanel *panel() const { return dock.rollingPanel(); }
    compute::Era era() const { return *trends.era(dock.currentEra()); }
    compute::FitPoints points() const
    {
        return compute::selectFitPoints(document.dataset(), era(), view.filter());
    }

    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::AnalysisDock dock{&document, &view, &trends};
};

} // namespace

TEST_F(RollingPanelTest, EachWindowIsTheLeastSquaresFitOfItsRuns)
{
    panel()->setWindowYears(4);
    const compute::Era notable = era();
    ASSERT_EQ(notable.from->toIso(), "2010-01-01");
    ASSERT_EQ(notable.to->toIso(), "2024-06-01");
    const auto &windows = panel()->windows();
    // Windows start on each first of a month from 2010-01 while [from, from + 4 y) lies
    // in the era: 2010-01 ... 2020-06, 126 of them.
    ASSERT_EQ(windows.size(), 126u);
    EXPECT_EQ(windows.front().from.toIso(), "2010-01-01");
    EXPECT_EQ(windows.front().to.toIso(), "2014-01-01");
    EXPECT_EQ(windows.back().from.toIso(), "2020-06-01");
    EXPECT_EQ(windows.back().to.toIso(), "2024-06-01");
    const compute::FitPoints runs = points();
    for (const auto &w : windows) {
        const HandFit hand = handFit(runs, w.from, w.to);
        ASSERT_EQ(w.fit.n, hand.n) << w.from.toIso();
        EXPECT_NEAR(w.fit.slope, hand.slope, 1e-9) << w.from.toIso();
    }
    // What README's table reads from --rolling: 1.99x per year in 2010-2014, n 24.
    EXPECT_EQ(windows.front().fit.n, 24u);
    EXPECT_NEAR(std::pow(10.0, windows.front().fit.slope), 1.99, 0.005);

    // The plot draws the growth per year of each window, at the window's middle.
    QCPGraph *line = panel()->plot()->graph(2);
    ASSERT_EQ(line->dataCount(), static_cast<int>(windows.size()));
    const auto first = line->data()->at(0);
    EXPECT_NEAR(first->value, std::pow(10.0, handFit(runs, windows[0].from, windows[0].to).slope),
                1e-9);
    EXPECT_NEAR(first->key,
                1970.0 + (windows[0].from.yearsSinceEpoch() + windows[0].to.yearsSinceEpoch()) / 2,
                1e-9);
    // The band: the growth at the ends of the slope's 95% interval.
    EXPECT_NEAR(panel()->plot()->graph(0)->data()->at(0)->value,
                std::pow(10.0, windows[0].fit.slopeCiLow), 1e-9);
    EXPECT_NEAR(panel()->plot()->graph(1)->data()->at(0)->value,
                std::pow(10.0, windows[0].fit.slopeCiHigh), 1e-9);
    // The whole era's fit, dashed across.
    ASSERT_EQ(panel()->plot()->graph(3)->dataCount(), 2);
    EXPECT_NEAR(panel()->plot()->graph(3)->data()->at(0)->value,
                std::pow(10.0, trends.fit(dock.currentEra()).slope), 1e-12);
    EXPECT_TRUE(panel()->summary()->text().contains(QStringLiteral("126 windows")))
        << panel()->summary()->text().toStdString();
}

TEST_F(RollingPanelTest, DoublingTimeIsDrawnOnlyForWindowsThatGrow)
{
    panel()->setWindowYears(2);
    panel()->setQuantity(compute::PublishedQuantity::DoublingTimeMonths);
    const auto &windows = panel()->windows();
    ASSERT_FALSE(windows.empty());
    QCPGraph *line = panel()->plot()->graph(2);
    ASSERT_EQ(line->dataCount(), static_cast<int>(windows.size()));
    std::size_t drawn = 0;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const double value = line->data()->at(static_cast<int>(i))->value;
        const compute::TrendFit &fit = windows[i].fit;
        if (fit.ok() && fit.slope > 0) {
            ++drawn;
            EXPECT_NEAR(value, kLog2 / fit.slope * 12, 1e-9);
            // A band only where the slope's interval excludes 0.
            const double low = panel()->plot()->graph(0)->data()->at(static_cast<int>(i))->value;
            EXPECT_EQ(std::isnan(low), !(fit.slopeCiLow > 0)) << windows[i].from.toIso();
            if (fit.slopeCiLow > 0) {
                EXPECT_NEAR(low, kLog2 / fit.slopeCiHigh * 12, 1e-9);
            }
        } else {
            EXPECT_TRUE(std::isnan(value)) << windows[i].from.toIso(); // a gap in the line
        }
    }
    EXPECT_GT(drawn, windows.size() / 2);
    EXPECT_EQ(panel()->plot()->yAxis->label(), QStringLiteral("doubling time (months)"));
}

TEST_F(RollingPanelTest, ExpandingWindowsGrowFromTheErasStart)
{
    panel()->setWindowYears(3);
    const std::size_t sliding = panel()->windows().size();
    panel()->setExpanding(true);
    const auto &windows = panel()->windows();
    ASSERT_EQ(windows.size(), sliding); // the same ends, one start
    const compute::FitPoints runs = points();
    for (const auto &w : windows) {
        EXPECT_EQ(w.from.toIso(), "2010-01-01");
        EXPECT_EQ(w.fit.n, handFit(runs, w.from, w.to).n);
    }
    // The last expanding window is the whole era: its fit is the era's.
    EXPECT_EQ(windows.back().to.toIso(), "2024-06-01");
    EXPECT_NEAR(windows.back().fit.slope, trends.fit(dock.currentEra()).slope, 1e-12);
}

TEST_F(RollingPanelTest, HoveringAPointNamesItsWindow)
{
    panel()->setWindowYears(4);
    QCustomPlot *plot = panel()->plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const auto &w = panel()->windows().front();
    const QPointF pixel(plot->xAxis->coordToPixel(app::RollingPanel::keyOf(w)),
                        plot->yAxis->coordToPixel(*panel()->valueOf(w)));
    const auto hit = panel()->windowAt(pixel + QPointF(2, -2));
    ASSERT_TRUE(hit);
    const QString text = panel()->describeWindow(*hit);
    EXPECT_TRUE(text.startsWith(QStringLiteral("[2010-01, 2014-01): 1.99×/yr")))
        << text.toStdString();
    EXPECT_TRUE(text.endsWith(QStringLiteral("n = 24"))) << text.toStdString();
    EXPECT_FALSE(panel()->windowAt(QPointF(1, 1)));
}

TEST_F(RollingPanelTest, AWindowWiderThanTheEraMakesNoneAndSaysSo)
{
    panel()->setWindowYears(20);
    EXPECT_TRUE(panel()->windows().empty());
    EXPECT_EQ(panel()->plot()->graph(2)->dataCount(), 0);
    EXPECT_TRUE(panel()->summary()->text().contains(QStringLiteral("no windows")))
        << panel()->summary()->text().toStdString();
}

TEST_F(RollingPanelTest, AHiddenTabWaitsUntilItIsShownAndFollowsTheEra)
{
    panel()->setWindowYears(4);
    const std::size_t notable = panel()->windows().front().fit.n;
    dock.tabs()->setCurrentIndex(0); // the Projection tab: this one is hidden
    settle();
    dock.setCurrentEra(1); // the running top 10
    dock.refreshNow();
    EXPECT_EQ(panel()->windows().front().fit.n, notable); // not refitted while hidden
    dock.tabs()->setCurrentWidget(dock.pageOf(panel()));
    settle();
    const HandFit top10 =
        handFit(points(), panel()->windows().front().from, panel()->windows().front().to);
    EXPECT_EQ(panel()->windows().front().fit.n, top10.n);
    EXPECT_LT(top10.n, notable);
}

// With parameters on y the windows are the trend of parameters: least squares by hand on
// the era's runs that have parameters. With a quantity on x there is no date to slide
// along: the tab says so in the panel's place.
TEST_F(RollingPanelTest, WindowsFollowTheChartsYAndNeedTheDateOnX)
{
    panel()->setWindowYears(4);
    const std::size_t computeWindows = panel()->windows().size();
    const compute::Axes parameters{compute::Quantity::Parameters, compute::Quantity::Date};
    view.setAxes(parameters);
    settle();
    EXPECT_EQ(dock.noticeOf(panel()), QString());
    EXPECT_EQ(dock.pageOf(panel())->currentWidget(), panel());
    const compute::FitPoints runs =
        compute::selectFitPoints(document.dataset(), era(), view.filter(), parameters);
    const auto &windows = panel()->windows();
    ASSERT_EQ(windows.size(), computeWindows);
    std::size_t differ = 0;
    const compute::FitPoints computeRuns = points();
    for (const auto &w : windows) {
        const HandFit hand = handFit(runs, w.from, w.to);
        ASSERT_EQ(w.fit.n, hand.n) << w.from.toIso();
        if (hand.n >= 3) {
            EXPECT_NEAR(w.fit.slope, hand.slope, 1e-9) << w.from.toIso();
        }
        differ += hand.n != handFit(computeRuns, w.from, w.to).n;
    }
    EXPECT_GT(differ, 0u); // not compute's runs
    EXPECT_TRUE(panel()->plot()->yAxis->label().startsWith(QStringLiteral("Parameters: ")))
        << panel()->plot()->yAxis->label().toStdString();

    view.setAxes({compute::Quantity::Compute, compute::Quantity::Parameters});
    settle();
    const QString notice = dock.noticeOf(panel());
    EXPECT_TRUE(notice.contains(QStringLiteral("along the date"))) << notice.toStdString();
    EXPECT_TRUE(notice.contains(QStringLiteral("training compute against parameters")))
        << notice.toStdString();
    EXPECT_NE(dock.pageOf(panel())->currentWidget(), panel());
    EXPECT_TRUE(panel()->windows().empty());

    view.setAxes({});
    settle();
    EXPECT_EQ(dock.noticeOf(panel()), QString());
    EXPECT_EQ(panel()->windows().size(), computeWindows);
}
