// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>

namespace app {

// How the chart's pieces look: text sizes, line widths, markers, fills and grid. The
// window draws with screen() (sizes follow the application font); each figure style
// (app/export/figure_style) makes its own for a figure laid out at its print size.
struct ChartLook {
    QFont font; // base font: tick labels; the sizes below are its point sizes
    double tickPt = 9;
    double axisTitlePt = 9;
    double legendPt = 8;
    double labelPt = 7.5; // point labels
    double eraNamePt = 8;
    double annotationPt = 9;
    double titlePt = 12;
    double citationPt = 8;

    double markerSize = 7; // pixels across
    double markerEdge = 1.2;
    double fitLineWidth = 2.2;
    double overlayLineWidth = 1.6;
    double boundaryWidth = 1;
    QColor gridColor{0xe0, 0xe0, 0xe0};
    QColor frameColor{0x80, 0x80, 0x80};
    QColor textColor{0x22, 0x22, 0x22};
    QColor citationColor{0x55, 0x55, 0x55};
    // Era bands stay faint (at most 8% of the era's colour, so a figure stays mostly
    // white); a thin line marks each boundary.
    int eraBandAlpha = 20;
    int confidenceBandAlpha = 45; // about 18% of the trend's colour
    // Group titles in the legend ("Domain", "Estimate", "Trend").
    bool legendHeadings = true;
    // The legend may take this much of the figure's height before it collapses.
    double legendMaxFraction = 0.22;
    // Figures: text sizes in pixels at 96 per inch, so a figure is laid out the same
    // whatever the screen's DPI (the window follows the screen: point sizes).
    bool pixelFonts = false;

    // The window's look: sizes relative to the application font.
    static ChartLook screen(const QFont &appFont)
    {
        ChartLook look;
        look.font = appFont;
        const double base = appFont.pointSizeF() > 0 ? appFont.pointSizeF() : 9.0;
        look.tickPt = base;
        look.axisTitlePt = base;
        look.legendPt = base * 0.9;
        look.labelPt = base * 0.8;
        look.eraNamePt = base * 0.9;
        look.annotationPt = base * 0.9;
        look.titlePt = base * 1.35;
        look.citationPt = base * 0.85;
        return look;
    }

    QFont sized(double pointSize, bool bold = false) const
    {
        QFont f = font;
        if (pixelFonts)
            f.setPixelSize(qRound(pointSize * 96.0 / 72.0));
        else
            f.setPointSizeF(pointSize);
        f.setBold(bold);
        return f;
    }
};

} // namespace app
