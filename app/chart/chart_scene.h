// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/compute_estimate.h"
#include "core/model/quantity.h"
#include "core/model/units.h"
#include "core/stats/trend_fit.h"

#include <QColor>
#include <QString>
#include <QVector>

#include <vector>

namespace compute {
struct Dataset;
class FitCache;
} // namespace compute

namespace app {

class CategoryPalette;
class TrendModel;
class ViewState;

// A fit extended beyond its data: the line and its two 95% bands (of the line, and of a
// new run), in plot coordinates.
struct SceneFan {
    int era = -1;
    QColor color;
    QVector<double> keys;
    QVector<double> values;
    QVector<double> meanLow, meanHigh;
    QVector<double> predictionLow, predictionHigh;
};

// A straight line on the chart (a reference doubling time), with its legend text.
struct SceneLine {
    QString label;
    QColor color;
    QVector<double> keys;
    QVector<double> values;
};

struct ScenePoint {
    int run = -1; // dataset index
    double key = 0;
    double value = 0;
    double log10Flop = 0;
};

// A run whose date or compute changed between two vintages: from where it stood in the
// older one to its point now, in plot coordinates.
struct SceneArrow {
    int run = -1; // dataset index of its point now
    double fromKey = 0, fromValue = 0;
    double toKey = 0, toValue = 0;
};

// Points drawn alike (same domain colour, method marker, upper-bound or not): one graph.
// Its points are ChartScene::points[begin, end), sorted by key.
struct ScenePointGroup {
    QString colorGroup;
    QColor color;
    compute::EstimateMethod method = compute::EstimateMethod::Reported;
    bool upperBound = false;
    int begin = 0;
    int end = 0;
    int size() const { return end - begin; }
};

struct SceneBand {
    int era = -1;
    QString name;
    QColor color;
    double from = 0; // -inf / +inf for open ends
    double to = 0;
};

struct SceneFit {
    int era = -1;
    QString eraName;
    QColor color;
    bool ok = false;
    QVector<double> keys; // samples along the line
    QVector<double> values;
    // Samples of the 95% confidence band of the line; empty when the slope's interval
    // includes 0 (unbounded: a band would fill most of the plot and say nothing).
    QVector<double> bandKeys;
    QVector<double> low;
    QVector<double> high;
    bool unbounded = false;
    QString annotation; // "Modern era: doubling every 3.4 months (x11.2/yr, R² 0.97, n = 15)"
    QString brief;      // "Modern era: doubling every 3.4 months (n = 15)"
};

// What the chart shows, in plot coordinates (x: decimal year, or log10 of the x quantity;
// y: compute in the chosen unit, or the y quantity), computed from core's data and fits.
// No QCustomPlot types: the same scene is drawn on screen and into exported figures.
struct ChartScene {
    compute::Axes axes;
    compute::ComputeUnit units = compute::ComputeUnit::Flop;
    // log10 of a point's value = log10Flop + log10Offset (0 in FLOP, -log10(8.64e19)
    // in pfs-days); lets the renderer map points to pixels without a log per point.
    double log10Offset = 0;
    QVector<ScenePointGroup> groups;
    QString colorTitle = QStringLiteral("Domain"); // what the groups' colours tell apart
    QVector<SceneBand> bands;
    QVector<SceneFit> fits;
    QVector<ScenePoint> points;  // every plotted point, grouped (see ScenePointGroup)
    std::vector<int> pointOfRun; // dataset index -> index in points; -1: not plotted
    QVector<ScenePoint> selected;
    QVector<SceneFan> fans;
    QVector<SceneLine> referenceLines;
    QVector<ScenePoint> marked; // runs an analysis points out
    QString markedLabel;
    // A comparison with an older vintage (ViewState overlays' comparison): the runs it
    // lacks, its runs the dataset lacks where they stood (run -1), and the runs that moved.
    QVector<ScenePoint> added;
    QVector<ScenePoint> removed;
    QVector<SceneArrow> moved;
    int plotted = 0;
    bool filtered = false;
    // Extent of the plotted points (keys, values); empty scene: 0.
    double minKey = 0, maxKey = 0, minValue = 0, maxValue = 0;
};

// The plot key of core's x: a decimal year for x in years since 1970 (dated axes),
// else x itself (log10 of the x quantity, drawn on a linear axis of powers of ten).
inline double keyOfX(double x, bool dated = true)
{
    return dated ? 1970.0 + x : x;
}
inline double xOfKey(double key, bool dated = true)
{
    return dated ? key - 1970.0 : key;
}

ChartScene buildChartScene(const compute::Dataset &dataset, const TrendModel &trends,
                           const ViewState &view, const CategoryPalette &palette);

// Brings `scene` up to date after the runs in `changedRuns` were edited (their dataset
// indices; nothing else changed since the scene was built): their points move, the
// others stay; bands, fits and overlays are rebuilt. The result equals a full build.
// False, with `scene` to be thrown away, when a patch cannot do it (a run needs a
// marker group the scene does not have, or units or filter changed).
bool updateChartScene(ChartScene &scene, const std::vector<std::size_t> &changedRuns,
                      const compute::Dataset &dataset, const TrendModel &trends,
                      const ViewState &view, const CategoryPalette &palette);

} // namespace app
