#pragma once

#include "core/compute_estimate.h"
#include "core/trend_fit.h"
#include "core/units.h"

#include <QColor>
#include <QString>
#include <QVector>

namespace compute {
struct Dataset;
class FitCache;
} // namespace compute

namespace app {

class DomainPalette;
class TrendModel;
class ViewState;

// What the chart shows, in plot coordinates (x: decimal year, y: compute in the chosen
// unit), computed from core's data and fits. No QCustomPlot types: the same scene is
// drawn on screen and into exported figures.
struct ScenePointGroup {
    QString domainGroup;
    QColor color;
    compute::EstimateMethod method = compute::EstimateMethod::Reported;
    bool upperBound = false;
    QVector<double> keys; // sorted ascending
    QVector<double> values;
    QVector<int> runs; // dataset run index of each point
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
    QVector<double> bandKeys; // samples of the 95% confidence band of the line
    QVector<double> low;
    QVector<double> high;
    QString annotation; // "Modern era: doubling every 3.4 months (x11.2/yr, R² 0.97, n = 15)"
};

struct ScenePoint {
    int run = -1;
    double key = 0;
    double value = 0;
    double log10Flop = 0;
};

struct ChartScene {
    compute::ComputeUnit units = compute::ComputeUnit::Flop;
    QVector<ScenePointGroup> groups;
    QVector<SceneBand> bands;
    QVector<SceneFit> fits;
    QVector<ScenePoint> points; // every plotted point, for labels and hit tests
    QVector<ScenePoint> selected;
    int plotted = 0;
    bool filtered = false;
    // Extent of the plotted points (keys, values); empty scene: 0.
    double minKey = 0, maxKey = 0, minValue = 0, maxValue = 0;
};

// Decimal-year key of core's x (years since 1970).
inline double keyOfX(double x) { return 1970.0 + x; }
inline double xOfKey(double key) { return key - 1970.0; }

// "doubling every 3.4 months (×11.2/yr, R² 0.77, n = 15)", or why there is no fit.
QString describeFit(const compute::TrendFit &fit);

ChartScene buildChartScene(const compute::Dataset &dataset, const TrendModel &trends,
                           const ViewState &view, const DomainPalette &palette);

} // namespace app
