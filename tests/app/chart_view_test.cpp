// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_view.h"

#include "app/chart/chart_scene.h"
#include "app/chart/label_layout.h"
#include "app/chart/year_ticker.h"
#include "app/commands/dataset_commands.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/figure_exporter.h"
#include "core/model/compute_estimate.h"
#include "core/model/units.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QApplication>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

// The window's chart pieces on the bundled OpenAI dataset, two-era scheme selected.
struct ChartFixture : ::testing::Test {
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};

    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded.ok()) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        view.setSchemeIndex(0); // "OpenAI 2019: two eras"
        chart.resize(1000, 700);
        chart.show(); // offscreen: gives the plot its real size
        QApplication::processEvents();
        chart.rebuildNow();
        chart.resetView();
        chart.plot()->replot();
    }

    int runIndex(const std::string &id) const
    {
        return static_cast<int>(document.dataset().indexOfRun(id));
    }
    const compute::Era &era(int i) const
    {
        return document.dataset().eraSchemes[0].eras[static_cast<std::size_t>(i)];
    }
};

TEST_F(ChartFixture, TickingAnEraShowsAFitWhoseDoublingTimeEqualsCores)
{
    EXPECT_TRUE(chart.renderer().scene().fits.isEmpty());
    view.setTicked(1, true); // Modern era
    chart.rebuildNow();
    const auto &fits = chart.renderer().scene().fits;
    ASSERT_EQ(fits.size(), 1);
    EXPECT_EQ(fits[0].era, 1);
    const compute::TrendFit core = compute::fitEra(document.dataset(), era(1));
    ASSERT_TRUE(core.ok());
    // The window refits from cached running sums (FitAccumulator), core's fitEra from
    // centred sums: the same least squares up to rounding.
    EXPECT_NEAR(trends.tickedFits().value(1).doublingTimeMonths(), core.doublingTimeMonths(), 1e-9);
    EXPECT_NEAR(core.doublingTimeMonths(), 3.43, 0.05);
    EXPECT_TRUE(fits[0].annotation.contains(QStringLiteral("doubling every 3.4 months")))
        << fits[0].annotation.toStdString();
    EXPECT_TRUE(fits[0].annotation.contains(QStringLiteral("n = 15")));
    EXPECT_EQ(chart.renderer().annotationTexts(), QStringList{fits[0].annotation});
}

TEST_F(ChartFixture, HoveringAKnownPointYieldsItsTooltip)
{
    const auto pixel = chart.pixelOfRun(runIndex("alexnet"));
    ASSERT_TRUE(pixel.has_value());
    const QString tip = chart.tooltipAt(*pixel + QPointF(2, -1));
    EXPECT_TRUE(tip.contains(QStringLiteral("AlexNet")));
    EXPECT_TRUE(tip.contains(QStringLiteral("University of Toronto")));
    EXPECT_TRUE(tip.contains(QStringLiteral("2012-06-01")));
    EXPECT_TRUE(tip.contains(QStringLiteral("5.00e+17 FLOP"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("pfs-days")));
    EXPECT_TRUE(tip.contains(QStringLiteral("openai.com")));
    EXPECT_TRUE(chart.tooltipAt(QPointF(5, 5)).isEmpty());
}

TEST_F(ChartFixture, ClickSelectsAndCtrlClickAddsToTheSelection)
{
    const auto alexnet = chart.pixelOfRun(runIndex("alexnet"));
    const auto dqn = chart.pixelOfRun(runIndex("dqn"));
    ASSERT_TRUE(alexnet && dqn);
    chart.clickAt(*alexnet, false);
    EXPECT_EQ(view.selection(), QSet<QString>{QStringLiteral("alexnet")});
    chart.clickAt(*dqn, true);
    EXPECT_EQ(view.selection(), (QSet<QString>{QStringLiteral("alexnet"), QStringLiteral("dqn")}));
    chart.clickAt(*dqn, true); // Ctrl+click again removes
    EXPECT_EQ(view.selection(), QSet<QString>{QStringLiteral("alexnet")});
    chart.clickAt(QPointF(3, 3), false); // empty space clears
    EXPECT_TRUE(view.selection().isEmpty());
}

TEST_F(ChartFixture, SelectedRunsAreRingedOnTheChart)
{
    view.setSelection({QStringLiteral("alexnet")});
    chart.rebuildNow();
    ASSERT_EQ(chart.renderer().scene().selected.size(), 1);
    EXPECT_EQ(chart.renderer().scene().selected[0].run, runIndex("alexnet"));
}

TEST_F(ChartFixture, DomainFilterChangesThePlottedCountAndTheFit)
{
    view.setTicked(1, true);
    chart.rebuildNow();
    const int before = chart.renderer().scene().plotted;
    compute::RunFilter filter;
    filter.domains = {"Vision"};
    view.setFilter(filter);
    chart.rebuildNow();
    int expected = 0;
    for (const auto &run : document.dataset().runs)
        expected += run.isPlottable() && filter.accepts(document.dataset(), run);
    EXPECT_EQ(chart.renderer().scene().plotted, expected);
    EXPECT_LT(expected, before);
    const compute::TrendFit fit = trends.tickedFits().value(1);
    EXPECT_EQ(fit.n, compute::fitEra(document.dataset(), era(1), filter).n);
    EXPECT_LT(fit.n, 15u);
    EXPECT_TRUE(chart.renderer().scene().fits[0].annotation.contains(QStringLiteral("filtered")));
}

TEST_F(ChartFixture, DraggingAnEraBoundaryChangesTheFitAndOneUndoRestoresIt)
{
    view.setTicked(1, true);
    QObject::connect(
        &chart, &app::ChartView::eraBoundaryDropped, [this](const QHash<int, compute::Era> &moved) {
            ASSERT_EQ(moved.size(), 1);
            document.undoStack()->push(
                app::makeEditEraCommand(&document, 0,
                                        static_cast<std::size_t>(moved.cbegin().key()),
                                        moved.cbegin().value(), QStringLiteral("Move era boundary"))
                    .release());
        });
    const compute::TrendFit before = trends.fit(1);
    // Modern era starts 2012-01-01; move its start to mid-2014: fewer runs, new fit.
    // Alt held: the modern era alone (the first era keeps its end).
    ASSERT_TRUE(chart.dragBoundary(1, true, app::YearTicker::keyOf(2014, 7, 1), true));
    EXPECT_EQ(document.undoStack()->count(), 1);
    EXPECT_EQ(era(1).from->year(), 2014);
    const compute::TrendFit after = trends.fit(1);
    EXPECT_LT(after.n, before.n);
    EXPECT_NE(after.slope, before.slope);
    EXPECT_EQ(after.n, compute::fitEra(document.dataset(), era(1)).n);
    document.undoStack()->undo();
    EXPECT_EQ(*era(1).from, compute::Date(2012, 1, 1));
    EXPECT_DOUBLE_EQ(trends.fit(1).slope, before.slope);
}

TEST_F(ChartFixture, BoundaryDragStopsShortOfTheOtherEnd)
{
    // Dragging the end of "First era" (open start) is fine; dragging the start of
    // "Modern era" past 2030 cannot invert it because its end is open, so test the
    // four-era scheme where both ends exist.
    view.setSchemeIndex(1);
    const compute::Era &e = document.dataset().eraSchemes[1].eras[1]; // 2012-2014
    compute::Era moved;
    QObject::connect(&chart, &app::ChartView::eraBoundaryDropped,
                     [&moved](const QHash<int, compute::Era> &eras) { moved = eras.value(1); });
    ASSERT_TRUE(chart.dragBoundary(1, true, app::YearTicker::keyOf(2020, 1, 1)));
    ASSERT_TRUE(moved.from && moved.to);
    EXPECT_LT(*moved.from, *moved.to);
    EXPECT_EQ(*moved.to, *e.to);
}

TEST_F(ChartFixture, UnitsSwitchDividesEveryValueByOnePetaflopSDay)
{
    const auto flopScene = chart.renderer().scene();
    view.setUnits(compute::ComputeUnit::PfsDays);
    chart.rebuildNow();
    const auto &pfs = chart.renderer().scene();
    ASSERT_EQ(pfs.points.size(), flopScene.points.size());
    for (qsizetype i = 0; i < pfs.points.size(); ++i)
        EXPECT_NEAR(pfs.points[i].value * compute::kFlopPerPfsDay / flopScene.points[i].value, 1.0,
                    1e-12);
    EXPECT_EQ(chart.plot()->yAxis->label(), QStringLiteral("Training compute (petaflop/s-days)"));
}

TEST_F(ChartFixture, LabelsAreShownWithoutOverlapping)
{
    const QStringList labels = chart.renderer().labelTexts();
    EXPECT_GE(labels.size(), 10);
    EXPECT_TRUE(labels.contains(QStringLiteral("AlphaGoZero")));
    view.setShowLabels(false);
    chart.rebuildNow();
    EXPECT_TRUE(chart.renderer().labelTexts().isEmpty());
}

TEST_F(ChartFixture, ExportedFigureDrawsTheSameSceneAsTheWindow)
{
    view.setTicked(0, true);
    view.setTicked(1, true);
    chart.rebuildNow();
    chart.plot()->replot();
    const app::ChartScene &scene = chart.renderer().scene();
    app::FigureRequest request;
    request.width = 1000;
    request.height = 700;
    request.style.clear(); // the window's look, laid out at the requested size
    request.keyRange =
        std::make_pair(chart.plot()->xAxis->range().lower, chart.plot()->xAxis->range().upper);
    request.valueRange =
        std::make_pair(chart.plot()->yAxis->range().lower, chart.plot()->yAxis->range().upper);
    app::FigureExporter exporter(
        scene,
        [this](int run) {
            return QString::fromStdString(
                document.dataset().runs[static_cast<std::size_t>(run)].name);
        },
        request);
    const app::ChartRenderer &exported = exporter.renderer();
    EXPECT_EQ(exported.annotationTexts(), chart.renderer().annotationTexts());
    EXPECT_EQ(exported.drawnPointCount(), chart.renderer().drawnPointCount());
    EXPECT_EQ(exported.pointGraphCount(), chart.renderer().pointGraphCount());
    // Which labels fit depends on pixel metrics; they come from the same scene and the
    // same layout code, so every exported label names a plotted run and the big ones
    // are there in both.
    EXPECT_FALSE(exported.labelledRuns().isEmpty());
    for (int run : exported.labelledRuns()) {
        bool plotted = false;
        for (const app::ScenePoint &p : scene.points)
            plotted = plotted || p.run == run;
        EXPECT_TRUE(plotted) << run;
    }
    EXPECT_NEAR(exported.labelledRuns().size(), chart.renderer().labelledRuns().size(),
                chart.renderer().labelledRuns().size() * 0.3);
    for (const char *id : {"dqn", "perceptron"}) {
        EXPECT_TRUE(exported.labelledRuns().contains(runIndex(id))) << id;
        EXPECT_TRUE(chart.renderer().labelledRuns().contains(runIndex(id))) << id;
    }
}

TEST(LabelLayout, PlacedLabelsNeverOverlapAndStayInBounds)
{
    QVector<app::LabelCandidate> candidates;
    QVector<QPointF> points;
    for (int i = 0; i < 200; ++i) {
        const QPointF p(20 + (i * 37) % 560, 20 + (i * 53) % 360);
        points << p;
        candidates.append({i, p, QSizeF(60, 12), static_cast<double>(i % 17)});
    }
    const QRectF bounds(0, 0, 600, 400);
    const auto placed = app::layoutLabels(
        candidates, bounds, {points.constData(), static_cast<std::size_t>(points.size())}, 1000);
    EXPECT_GE(placed.size(), 5);
    for (int i = 0; i < placed.size(); ++i) {
        EXPECT_TRUE(bounds.contains(placed[i].rect));
        for (int j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(placed[i].rect.intersects(placed[j].rect)) << i << " " << j;
    }
}

// Overlap of two placed labels, their texts or a leader line through a text.
bool clash(const app::PlacedLabel &a, const app::PlacedLabel &b)
{
    auto through = [](const std::optional<QLineF> &leader, const QRectF &r) {
        if (!leader) return false;
        for (int i = 0; i <= 20; ++i)
            if (r.contains(leader->pointAt(i / 20.0))) return true;
        return false;
    };
    return a.rect.intersects(b.rect) || through(a.leader, b.rect) || through(b.leader, a.rect);
}

// Pairs of points a few pixels apart (VGG and Seq2Seq on OpenAI's chart) in a plot with
// room: every point gets a label, none on another or on a point.
TEST(LabelLayout, PointsAFewPixelsApartAllGetALabel)
{
    QVector<app::LabelCandidate> candidates;
    QVector<QPointF> points;
    for (int i = 0; i < 8; ++i) {
        const QPointF p(60 + 60 * i, 60 + 35 * i);
        for (const QPointF &q : {p, p + QPointF(3, 2), p + QPointF(-2, 9)}) {
            candidates.append({static_cast<int>(points.size()), q,
                               QSizeF(70 + 10 * (points.size() % 3), 13),
                               static_cast<double>(points.size() % 5)});
            points << q;
        }
    }
    const QRectF bounds(0, 0, 640, 400);
    const auto placed = app::layoutLabels(
        candidates, bounds, {points.constData(), static_cast<std::size_t>(points.size())}, 1000);
    EXPECT_EQ(placed.size(), candidates.size());
    for (qsizetype i = 0; i < placed.size(); ++i) {
        EXPECT_TRUE(bounds.contains(placed[i].rect));
        for (const QPointF &p : points)
            EXPECT_FALSE(placed[i].rect.adjusted(3, 3, -3, -3).contains(p)) << placed[i].id;
        for (qsizetype j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(clash(placed[i], placed[j])) << placed[i].id << " " << placed[j].id;
    }
}

// A point ringed by others has no free place beside it: its label goes a little apart,
// with a leader line from the point's edge to the label.
TEST(LabelLayout, ALabelWithNoPlaceBesideItsPointGoesApartWithALeader)
{
    const QPointF centre(200, 150);
    QVector<QPointF> points{centre};
    for (int k = 0; k < 16; ++k)
        points << centre + 11.0 * QPointF(std::cos(k * std::numbers::pi / 8),
                                          std::sin(k * std::numbers::pi / 8));
    const QVector<app::LabelCandidate> candidates{{7, centre, QSizeF(60, 12), 1.0}};
    const auto placed =
        app::layoutLabels(candidates, QRectF(0, 0, 400, 300),
                          {points.constData(), static_cast<std::size_t>(points.size())}, 10);
    ASSERT_EQ(placed.size(), 1);
    ASSERT_TRUE(placed[0].leader.has_value());
    for (const QPointF &p : points)
        EXPECT_FALSE(placed[0].rect.adjusted(-3, -3, 3, 3).contains(p));
    const QLineF leader = *placed[0].leader;
    EXPECT_LT(QLineF(leader.p1(), centre).length(), 7.0); // starts at the point
    EXPECT_GT(QLineF(leader.p1(), centre).length(), 3.0); // outside its marker
    const QRectF end = placed[0].rect.adjusted(-0.01, -0.01, 0.01, 0.01);
    EXPECT_TRUE(end.contains(leader.p2())); // ends at the label
}

// Measuring a label only where a label of its smallest size would fit gives the
// placement that measuring every label first gives, with fewer texts measured.
TEST(LabelLayout, MeasuringLabelsLateGivesTheSamePlacement)
{
    QVector<app::LabelCandidate> measured, late;
    QVector<QPointF> points;
    const QSizeF smallest(2, 12);
    auto sizeOf = [](int id) { return QSizeF(20 + (id * 13) % 90, 12); };
    for (int i = 0; i < 400; ++i) {
        const QPointF p(10 + (i * 37) % 580, 10 + (i * 53) % 380);
        points << p;
        measured.append({i, p, sizeOf(i), static_cast<double>(i % 23)});
        late.append({i, p, smallest, static_cast<double>(i % 23)});
    }
    const QRectF bounds(0, 0, 600, 400);
    int measuredCount = 0;
    const auto eager = app::layoutLabels(
        measured, bounds, {points.constData(), static_cast<std::size_t>(points.size())}, 60);
    const auto lazy = app::layoutLabels(
        late, bounds, {points.constData(), static_cast<std::size_t>(points.size())}, 60, 4.0,
        [&](int id) {
            ++measuredCount;
            return id % 10 == 3 ? QSizeF() : sizeOf(id); // some runs have no name
        });
    QVector<app::PlacedLabel> expected;
    for (const app::PlacedLabel &l : app::layoutLabels(
             [&] {
                 QVector<app::LabelCandidate> named;
                 for (const app::LabelCandidate &c : measured)
                     if (c.id % 10 != 3) named << c;
                 return named;
             }(),
             bounds, {points.constData(), static_cast<std::size_t>(points.size())}, 60))
        expected << l;
    ASSERT_EQ(lazy.size(), expected.size());
    EXPECT_GE(lazy.size(), 5);
    for (qsizetype i = 0; i < lazy.size(); ++i) {
        EXPECT_EQ(lazy[i].id, expected[i].id);
        EXPECT_EQ(lazy[i].rect, expected[i].rect);
    }
    EXPECT_LT(measuredCount, measured.size()); // crowded candidates were never measured
    EXPECT_FALSE(eager.isEmpty());
}

// An edited run moves on the chart by a patch of the scene, not a rebuild; what is
// drawn is what a full build draws, and the old point is gone.
TEST_F(ChartFixture, AnEditedRunMovesWhereAFullBuildPutsIt)
{
    view.setTicked(1, true);
    chart.rebuildNow();
    const int dqn = runIndex("dqn");
    const auto before = chart.pixelOfRun(dqn);
    ASSERT_TRUE(before);
    compute::TrainingRun run = document.dataset().runs[static_cast<std::size_t>(dqn)];
    run.estimates = {compute::ComputeEstimate::reported(3e21)};
    document.replaceRun(static_cast<std::size_t>(dqn), run);
    chart.rebuildNow();
    const app::ChartScene built =
        app::buildChartScene(document.dataset(), trends, view, chart.palette());
    const app::ChartScene &shown = chart.renderer().scene();
    ASSERT_EQ(shown.points.size(), built.points.size());
    for (qsizetype p = 0; p < built.points.size(); ++p) {
        EXPECT_EQ(shown.points[p].run, built.points[p].run);
        EXPECT_EQ(shown.points[p].value, built.points[p].value);
    }
    EXPECT_EQ(shown.fits.front().annotation, built.fits.front().annotation);
    const auto after = chart.pixelOfRun(dqn);
    ASSERT_TRUE(after);
    EXPECT_LT(after->y(), before->y() - 20); // 3e21 FLOP is far above DQN's estimate
    EXPECT_EQ(chart.runAt(*after), dqn);
}

// On screen the markers are sprites blended into one image: the pixel at a run's point
// has its domain's colour, and where there is no run the plot's background shows.
TEST_F(ChartFixture, ScreenMarkersAreDrawnInTheirDomainColourAtTheirPoint)
{
    const QImage image = chart.plot()->toPixmap().toImage();
    const int dqn = runIndex("dqn");
    const auto pixel = chart.pixelOfRun(dqn);
    ASSERT_TRUE(pixel);
    const QColor domain = chart.palette().colorOf(
        QString::fromStdString(document.dataset().runs[static_cast<std::size_t>(dqn)].domain));
    const QColor drawn = image.pixelColor(pixel->toPoint());
    // The fill is the domain colour at alpha 210 over a light background.
    EXPECT_NEAR(drawn.hueF(), domain.hueF(), 0.05);
    EXPECT_LT(drawn.lightness(), 200);
    // Empty plot area 30 px below DQN (nothing is plotted there) stays light.
    EXPECT_GT(image.pixelColor((*pixel + QPointF(0, 30)).toPoint()).lightness(), 200);
}

// The window paints into one opaque frame and blends markers straight into it; what
// reaches the screen must be what QCustomPlot's own path draws (a fresh render).
TEST_F(ChartFixture, TheOpaqueFrameShowsWhatAPlainRenderDraws)
{
    view.setTicked(1, true);
    chart.rebuildNow();
    const QImage screen = chart.plot()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QImage plain = chart.plot()->toPixmap().toImage().convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(screen.size(), plain.size());
    int differing = 0;
    for (int y = 0; y < screen.height(); ++y)
        for (int x = 0; x < screen.width(); ++x) {
            const QRgb a = screen.pixel(x, y), b = plain.pixel(x, y);
            const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                    std::abs(qBlue(a) - qBlue(b))});
            if (d > 8) ++differing;
        }
    // Text is rasterised through different glyph caches (a few hundred edge pixels).
    EXPECT_LT(differing, screen.width() * screen.height() / 100) << "pixels that differ";
    // Markers are the same to the pixel: every plotted run's centre and its neighbours.
    for (const app::ScenePoint &p : chart.renderer().scene().points) {
        const QPoint centre = chart.pixelOfRun(p.run)->toPoint();
        for (const QPoint &d : {QPoint(0, 0), QPoint(2, 0), QPoint(-2, 1), QPoint(1, -2)})
            EXPECT_EQ(screen.pixel(centre + d), plain.pixel(centre + d)) << p.run;
    }
    const auto dqn = chart.pixelOfRun(runIndex("dqn"));
    ASSERT_TRUE(dqn);
    EXPECT_LT(QColor(screen.pixel(dqn->toPoint())).lightness(), 200);
}

TEST(YearTicker, LabelsDecadesYearsAndMonthsByZoom)
{
    QCustomPlot plot;
    plot.resize(800, 400);
    QSharedPointer<app::YearTicker> ticker(new app::YearTicker);
    plot.xAxis->setTicker(ticker);
    auto labels = [&](double from, double to) {
        plot.xAxis->setRange(from, to);
        plot.replot();
        return plot.xAxis->tickVectorLabels();
    };
    const QStringList wide = labels(1950, 2030);
    EXPECT_TRUE(wide.contains(QStringLiteral("1960"))) << wide.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(wide.contains(QStringLiteral("2020")));
    const QStringList months =
        labels(app::YearTicker::keyOf(2017, 1, 1), app::YearTicker::keyOf(2017, 9, 1));
    EXPECT_TRUE(months.contains(QStringLiteral("Mar 2017")))
        << months.join(QLatin1Char(' ')).toStdString();
    // Ticks sit exactly on the first day of their month, the chart's key for that date.
    for (double tick : plot.xAxis->tickVector()) {
        const double days = (tick - 1970.0) * 365.25;
        EXPECT_NEAR(days, std::round(days), 1e-6);
    }
}

} // namespace

namespace {

TEST_F(ChartFixture, OverlaysDrawTheProjectionFanReferenceLinesAndMarks)
{
    view.setTicked(1, true);
    app::ChartOverlays overlays;
    overlays.projectionEra = 1;
    overlays.projectToYear = 2025.0;
    overlays.referenceLines = {{24.0, QStringLiteral("alexnet")}};
    overlays.markedRuns = {QStringLiteral("alphagozero")};
    overlays.markedLabel = QStringLiteral("Most influential");
    view.setOverlays(overlays);
    chart.rebuildNow();
    const app::ChartScene &scene = chart.renderer().scene();
    ASSERT_EQ(scene.fans.size(), 1);
    const app::SceneFan &fan = scene.fans[0];
    EXPECT_NEAR(fan.keys.back(), 2025.0, 1e-9);
    // The fan's line is the era's fit extended: check its end against core.
    const compute::TrendFit fit = compute::fitEra(document.dataset(), era(1));
    EXPECT_NEAR(std::log10(fan.values.back()), fit.predictLog10(app::xOfKey(2025.0)), 1e-6);
    for (qsizetype i = 0; i < fan.keys.size(); ++i) {
        EXPECT_LE(fan.predictionLow[i], fan.meanLow[i]);
        EXPECT_LE(fan.meanLow[i], fan.values[i]);
        EXPECT_LE(fan.values[i], fan.meanHigh[i]);
        EXPECT_LE(fan.meanHigh[i], fan.predictionHigh[i]);
    }
    ASSERT_EQ(scene.referenceLines.size(), 1);
    const app::SceneLine &line = scene.referenceLines[0];
    // 24-month doubling: 12 log10(2) / 24 orders of magnitude per year.
    const double slope =
        (std::log10(line.values[1]) - std::log10(line.values[0])) / (line.keys[1] - line.keys[0]);
    EXPECT_NEAR(slope, 12 * std::log10(2.0) / 24, 1e-9);
    ASSERT_EQ(scene.marked.size(), 1);
    EXPECT_EQ(scene.marked[0].run, runIndex("alphagozero"));
}

} // namespace
