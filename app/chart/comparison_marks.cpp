// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/comparison_marks.h"

#include <qcustomplot.h>

namespace app {
namespace {

QCPGraph *scatter(QCustomPlot *plot, const QVector<ScenePoint> &points,
                  const QCPScatterStyle &style, const QString &name)
{
    QVector<double> keys, values;
    keys.reserve(points.size());
    values.reserve(points.size());
    for (const ScenePoint &p : points) {
        keys << p.key;
        values << p.value;
    }
    QCPGraph *graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(style);
    graph->setData(keys, values); // sorts by key
    graph->setName(name);
    graph->setSelectable(QCP::stNone);
    graph->removeFromLegend(); // the chart's own legend lists it
    return graph;
}

} // namespace

QString addedMarkText()
{
    return QObject::tr("Added since the older vintage");
}

QString removedMarkText()
{
    return QObject::tr("Removed (where it stood)");
}

QString movedMarkText()
{
    return QObject::tr("Moved: old place → new");
}

void drawComparisonMarks(QCustomPlot *plot, const ChartScene &scene, const ChartLook &look,
                         QVector<QCPGraph *> &graphs)
{
    if (!scene.removed.isEmpty()) {
        QPen pen(kRemovedColor, look.markerEdge * 1.2);
        graphs.append(scatter(
            plot, scene.removed,
            QCPScatterStyle(QCPScatterStyle::ssCircle, pen, Qt::NoBrush, look.markerSize * 1.1),
            removedMarkText()));
    }
    if (!scene.added.isEmpty()) {
        QPen pen(kAddedColor, 2);
        graphs.append(scatter(
            plot, scene.added,
            QCPScatterStyle(QCPScatterStyle::ssCircle, pen, Qt::NoBrush, look.markerSize * 2.1),
            addedMarkText()));
    }
    for (const SceneArrow &arrow : scene.moved) {
        auto *line = new QCPItemLine(plot);
        line->setClipToAxisRect(true);
        line->setSelectable(false);
        line->setPen(QPen(kMovedColor, look.overlayLineWidth * 0.8));
        // A small head: most corrections are short, and many stand close together.
        line->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 6, 7));
        line->start->setCoords(arrow.fromKey, arrow.fromValue);
        line->end->setCoords(arrow.toKey, arrow.toValue);
        line->setObjectName(QStringLiteral("comparisonArrow"));
    }
}

} // namespace app
