// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

#include <QColor>
#include <QFont>
#include <QString>
#include <QVector>

namespace app {

// The era names in a strip right above the plot, each at the start of its era's
// visible part, never inside the points and never cut: a name that would run past the
// plot's right edge moves left, and a name that would run into another drops to a new
// row. Eras outside the visible range get no name.
class EraNames : public QCPLayoutElement {
    Q_OBJECT

public:
    struct Era {
        QString name;
        QColor color;
        double from = 0; // keys; +-inf for open ends
        double to = 0;
    };
    struct Placed {
        int era = -1;
        QString text; // the name, elided only when wider than the whole plot
        QRectF rect;  // pixels
    };

    explicit EraNames(QCustomPlot *plot);

    void setEras(QVector<Era> eras) { m_eras = std::move(eras); }
    void setFont(const QFont &font) { m_font = font; }
    // Places the names for the x axis's current range and the axis rect's current
    // left and right edges; returns the strip's height (0 without a visible name).
    int arrange();
    int stripHeight() const { return m_height; }
    // The names as drawn, in pixels of the plot.
    const QVector<Placed> &placed() const { return m_placed; }

    QSize minimumOuterSizeHint() const override { return {0, m_height}; }
    QSize maximumOuterSizeHint() const override { return {QWIDGETSIZE_MAX, m_height}; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;

private:
    QVector<Era> m_eras;
    QFont m_font;
    QVector<Placed> m_placed; // rows counted from the strip's bottom
    QVector<int> m_rows;
    int m_height = 0;
    double m_lineHeight = 0;
};

} // namespace app
