// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/export/figure_exporter.h"

#include <QString>

namespace compute {
struct Dataset;
}

namespace app {

class ChartView;
class Document;

// How File > Export Figure draws the chart, remembered between sessions.
struct FigureSettings {
    FigureFormat format = FigureFormat::Png;
    int width = 1200; // logical pixels
    int height = 800;
    int dpi = 192;                            // PNG only
    QString style = QStringLiteral("report"); // app/export/figure_style
    bool title = true;
    QString titleText;
    bool legend = true;
    bool labels = true;
    bool bands = true;
    bool fits = true;
    bool citation = true;
    QString citationText;
};

// The settings last used (sizes and resolution kept within what the dialog offers).
// The texts are not remembered: they are the dataset's title and citation.
FigureSettings rememberedFigureSettings(const compute::Dataset &dataset);
void rememberFigureSettings(const FigureSettings &settings);

// The figure of what `chart` shows (its view ranges, units, ticked eras and fits) with
// `settings`, and, unless `reproducibility` is false (it hashes the dataset: a preview
// does without), the reproducibility metadata of the view.
FigureRequest chartFigureRequest(const ChartView &chart, const Document &document,
                                 const FigureSettings &settings, bool reproducibility = true);
// An exporter for the chart's scene, its points named after the document's runs.
FigureExporter chartFigureExporter(const ChartView &chart, const Document &document,
                                   const FigureRequest &request);

// Puts the figure on the clipboard: PNG as an image, SVG as image/svg+xml (and text).
void copyFigureToClipboard(FigureExporter &exporter, FigureFormat format);
// Copy Figure as PNG / SVG: the chart as File > Export Figure last drew it.
void copyChartFigure(const ChartView &chart, const Document &document, FigureFormat format);

} // namespace app
