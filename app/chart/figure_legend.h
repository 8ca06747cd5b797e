// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_look.h"
#include "app/chart/legend_entry.h"

#include <qcustomplot.h>

#include <QVector>

namespace app {

// QCustomPlot's scatter shape for a marker shape of the chart.
QCPScatterStyle::ScatterShape qcpShapeOf(MarkerShape shape);

// The chart's legend, below the plot and aligned with it, read like a figure's: each
// group (domains, estimation methods, trends, analysis overlays) starts a row of its
// own, its entries in as many equal columns as fit the width, each swatch right
// before its text. A text too long for the width wraps at spaces, never cut. When it
// would take too much of the figure's height the legend collapses: first to the
// trends alone, then to nothing.
class FigureLegend : public QCPLayoutElement {
    Q_OBJECT

public:
    struct Placed {
        int entry = -1;
        QRectF swatch; // pixels, relative to the legend's top-left
        QRectF text;
        QString wrapped; // the text with its line breaks
    };
    // What gives way when the legend would take more than its share: first the estimate
    // markers' key (the shapes read without it), then the trends' details (their rules
    // and R², BriefTrends), then the colours' key (the trends whole again), then all.
    enum class Collapse { None, WithoutEstimates, BriefTrends, TrendsOnly, Hidden };

    explicit FigureLegend(QCustomPlot *plot);

    void setEntries(QVector<LegendEntry> entries) { m_entries = std::move(entries); }
    const QVector<LegendEntry> &entries() const { return m_entries; }
    void setLook(const ChartLook &look, double maxHeightFraction);
    // Lays the entries out from the plot's left edge to `right` (pixels) for a figure
    // `figureHeight` high, collapsing as needed; returns the legend's height.
    int arrange(double right, double figureHeight);
    int legendHeight() const { return m_height; }
    Collapse collapse() const { return m_collapse; }
    // The entries drawn (in pixels relative to the legend's top-left, plus indent()).
    const QVector<Placed> &placed() const { return m_layout.placed; }
    // Where the legend starts: the plot's left edge.
    double indent() const;
    // The group titles drawn ("Domain", "Trend"), like placed()'s texts.
    QVector<QRectF> headingRects() const;

    QSize minimumOuterSizeHint() const override { return {0, m_height}; }
    QSize maximumOuterSizeHint() const override { return {QWIDGETSIZE_MAX, m_height}; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;

private:
    struct Layout {
        QVector<Placed> placed;
        QVector<QPair<QString, double>> headings; // text, top
        double height = 0;
    };
    // The entries (only trends and overlays with `trendsOnly`) in `width` pixels.
    Layout layout(double width, Collapse collapse) const;
    void drawSwatch(QCPPainter *painter, const LegendEntry &entry, const QRectF &box) const;

    QVector<LegendEntry> m_entries;
    ChartLook m_look;
    QFont m_font;
    QFont m_headingFont;
    double m_maxFraction = 0.3;
    Layout m_layout;
    Collapse m_collapse = Collapse::None;
    int m_height = 0;
};

} // namespace app
