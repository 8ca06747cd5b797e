// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_scene.h"
#include "app/chart/legend_entry.h"

#include <QVector>

namespace app {

// The visible part of the plot: keys (decimal years) and values (in the scene's unit).
struct VisibleRange {
    double keyLow = 0, keyHigh = 0;
    double valueLow = 0, valueHigh = 0;
    bool contains(double key, double value) const
    {
        return key >= keyLow && key <= keyHigh && value >= valueLow && value <= valueHigh;
    }
};

// What the legend lists for `scene` seen through `range`: only what is drawn there.
// - Domain: one disc per domain with a point in view, in the domain's colour (the
//   shape says nothing about the domain, so it is always a disc).
// - Estimate: one grey marker per method shape in view, when more than one shape (or
//   an upper bound) is drawn.
// - Trend (with `fits`): per fit whose line or era is in view, its annotation, as a
//   line over its band (a line alone when the interval is unbounded).
// - Overlay: projection fan, reference lines and marked runs in view.
QVector<LegendEntry> legendEntriesFor(const ChartScene &scene, const VisibleRange &range,
                                      bool fits);

// The marker of an estimation method (an upper bound is drawn as an open triangle).
MarkerShape markerShapeOf(compute::EstimateMethod method, bool upperBound);
QString methodLegendText(compute::EstimateMethod method, bool upperBound);

} // namespace app
