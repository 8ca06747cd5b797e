// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

#include <functional>
#include <optional>
#include <span>

namespace app {

struct LabelCandidate {
    int id = -1;     // caller's identifier (run index)
    QPointF anchor;  // the point, in pixels
    QSizeF size;     // the text's bounding box (a lower bound when measured later)
    double priority; // higher first
};

struct PlacedLabel {
    int id = -1;
    QRectF rect;                  // where the text goes, in pixels
    std::optional<QLineF> leader; // a thin line from the point to a label set apart
};

// Greedy placement: candidates in priority order try eight places beside their point
// (right, left, above, below, then the corners and above or below with an edge at the
// point); a label that would overlap an earlier label, leave `bounds`, or cover another
// point is left out for now. O(n * placed) with an early stop at `maxLabels`. With
// `measure`, each candidate's size is a lower bound (say, the line height and no width)
// and its text is measured (`measure(id)`; an empty size leaves it out) only where a
// label of that size would fit: a crowded plot does not shape text it will never show.
// The result is the same as with measured sizes.
//
// A second pass gives the first few left out a place: beside the point again where
// one label in the way can move to another of its own places, else a little apart
// with a leader line that crosses no label. Still left out: the name is on hover.
QVector<PlacedLabel> layoutLabels(QVector<LabelCandidate> candidates, const QRectF &bounds,
                                  std::span<const QPointF> obstacles, int maxLabels,
                                  double pointRadius = 4.0,
                                  const std::function<QSizeF(int)> &measure = {});

} // namespace app
