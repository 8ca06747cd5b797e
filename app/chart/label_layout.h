#pragma once

#include <QRectF>
#include <QSizeF>
#include <QPointF>
#include <QVector>

namespace app {

struct LabelCandidate {
    int id = -1;      // caller's identifier (run index)
    QPointF anchor;   // the point, in pixels
    QSizeF size;      // the text's bounding box
    double priority;  // higher first
};

struct PlacedLabel {
    int id = -1;
    QRectF rect; // where the text goes, in pixels
};

// Greedy placement: candidates in priority order try right, left, above and below
// their point; a label that would overlap an earlier label, leave `bounds`, or cover
// another point is left out (the name is still on hover). O(n * placed) with an early
// stop at `maxLabels`.
QVector<PlacedLabel> layoutLabels(QVector<LabelCandidate> candidates, const QRectF &bounds,
                                  const QVector<QPointF> &obstacles, int maxLabels,
                                  double pointRadius = 4.0);

} // namespace app
