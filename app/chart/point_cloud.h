// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

#include <QImage>
#include <QPointF>
#include <QVector>

namespace app {

// Every data marker of the on-screen chart as one layerable. Each marker is a
// pre-drawn sprite (one per point group) blended into an image of the axis rect by a
// small premultiplied-alpha loop, and the image is drawn once: ten thousand markers
// cost about a millisecond, a quarter of what as many QPainter calls cost. Exports
// draw vector markers through QCPGraph instead (a sprite would be raster in a vector
// file).
class PointCloud : public QCPLayerable {
    Q_OBJECT

public:
    PointCloud(QCustomPlot *plot, const QString &layer);

    // Sprites are ARGB32 premultiplied with the device pixel ratio they are drawn at.
    struct Group {
        QImage sprite;
        QVector<QPointF> centres; // pixels of the widget, in drawing order
    };
    // Groups are drawn in order, so a later group's markers cover an earlier one's.
    void setGroups(QVector<Group> groups) { m_groups = std::move(groups); }
    const QVector<Group> &groups() const { return m_groups; }
    int markerCount() const;

    double selectTest(const QPointF &, bool, QVariant * = nullptr) const override { return -1; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *) const override {}
    void draw(QCPPainter *painter) override;

private:
    QVector<Group> m_groups;
    QImage m_canvas; // reused between frames
};

} // namespace app
