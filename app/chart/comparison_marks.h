// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_look.h"
#include "app/chart/chart_scene.h"

#include <QColor>
#include <QVector>

class QCustomPlot;
class QCPGraph;

namespace app {

// How a comparison with an older vintage is drawn (the scene's added, removed and moved):
// one look for the chart and its legend.
inline const QColor kAddedColor{0x1a, 0x98, 0x50};   // a green ring around the point
inline const QColor kRemovedColor{0x80, 0x80, 0x80}; // a hollow grey ghost
inline const QColor kMovedColor{0x6a, 0x3d, 0x9a};   // a purple arrow, old place to new

// The legend's texts for them.
QString addedMarkText();
QString removedMarkText();
QString movedMarkText();

// Draws the comparison of `scene` into `plot`: graphs for the rings and ghosts (appended
// to `graphs`) and one arrow item per moved run, all in plot coordinates so they follow
// zoom and pan.
void drawComparisonMarks(QCustomPlot *plot, const ChartScene &scene, const ChartLook &look,
                         QVector<QCPGraph *> &graphs);

} // namespace app
