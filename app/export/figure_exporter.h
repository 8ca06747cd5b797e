// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_renderer.h"
#include "app/chart/chart_scene.h"

#include <QByteArray>
#include <QImage>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

class QCustomPlot;

namespace app {

enum class FigureFormat { Png, Svg, Pdf };

// By extension (.png, .svg, .pdf; case-insensitive); nullopt for anything else.
std::optional<FigureFormat> figureFormatOf(const QString &path);

// What to draw and how big. Width and height are in logical pixels (96 per inch); a
// PNG gets width x scale by height x scale pixels, an SVG a width x height view box,
// a PDF one page of width x height pixels at 96 dpi (width x 0.75 points).
struct FigureRequest {
    int width = 1200;
    int height = 800;
    double scale = 2.0;
    RenderOptions options;
    // Axis ranges (decimal-year keys; compute in the scene's unit). Unset: the data.
    std::optional<std::pair<double, double>> keyRange;
    std::optional<std::pair<double, double>> valueRange;
    // Written into the file (PNG text chunks, SVG title/desc, PDF title/creator).
    QString title;
    QMap<QString, QString> metadata;
    // What the figure was made from (compute::reproducibilityJson), embedded so the
    // figure carries it: PNG text chunk kReproducibilityKey, the end of the SVG <desc>,
    // a PDF file attachment named kReproducibilityAttachment. Empty: none.
    QString reproducibility;
    // The figure style's key (app/export/figure_style): text sizes, lines and the width
    // the figure is laid out at before it is scaled to width x height. Empty: laid out
    // at width x height with the window's look.
    QString style = QStringLiteral("report");
};

inline const QString kReproducibilityKey = QStringLiteral("compute-explorer");
inline const QString kReproducibilityAttachment = QStringLiteral("compute-explorer.json");

// Turns a chart scene into a figure: an offscreen QCustomPlot drawn by the same
// ChartRenderer as the window, then written atomically. Used by File > Export Figure,
// the clipboard and `--export`.
class FigureExporter {
public:
    using NameProvider = std::function<QString(int runIndex)>;

    FigureExporter(ChartScene scene, NameProvider nameOf, FigureRequest request);
    FigureExporter(FigureExporter &&) noexcept;
    ~FigureExporter();

    // Writes `path`; its format comes from the extension. On failure nothing is created
    // or changed at `path` and the error names the path and the reason.
    std::optional<QString> write(const QString &path);

    QImage toImage();   // PNG pixels (width x scale by height x scale)
    QByteArray toSvg(); // SVG document
    QByteArray toPdf(); // PDF document
    QByteArray encode(FigureFormat format);

    // The renderer and plot after drawing (for tests: what was drawn).
    const ChartRenderer &renderer();
    QCustomPlot *plot();

    // The size the figure is laid out at (logical pixels): the style's width, with the
    // requested aspect ratio.
    QSize layoutSize() const;

private:
    void prepare();

    ChartScene m_scene;
    NameProvider m_nameOf;
    FigureRequest m_request;
    struct Plot;
    std::unique_ptr<Plot> m_plot;
};

// The scene restricted to what lies inside the axis ranges (points, bands, fit lines
// and their bands clipped), because Qt 6.4's SVG generator ignores clipping.
ChartScene clipScene(const ChartScene &scene, double keyLow, double keyHigh, double valueLow,
                     double valueHigh);

} // namespace app
