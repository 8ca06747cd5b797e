// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_look.h"
#include "app/chart/chart_scene.h"
#include "app/chart/label_layout.h"
#include "app/chart/legend_entry.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QCPItemRect;
class QCPTextElement;
class QCPLayoutGrid;

namespace app {

class EraNames;
class FigureLegend;
class PointCloud;
class PointLabels;

// Which points get a label first when not all fit.
enum class LabelPriority {
    LargestCompute,    // the largest compute in view (the frontier is what people read)
    LargestAtEachDate, // the largest run at each date first (OpenAI's chart), then the rest
};

// What goes on the figure besides the data. The window and the exporter use the same
// options type; the exporter turns selection styling and screen drawing off.
struct RenderOptions {
    QString title;    // empty: no title
    QString citation; // empty: no citation line ("Data: Epoch AI, CC BY 4.0")
    bool legend = true;
    bool labels = true;    // point labels (collision-free subset)
    bool bands = true;     // era bands with names
    bool fits = true;      // fit lines, confidence bands, annotations
    bool selection = true; // highlight selected runs
    // Drawing for the screen, where a frame must take milliseconds: pre-drawn pixmap
    // markers and unsmoothed translucent fills. Exports draw vector markers and smooth
    // fills (pixmaps would be raster in vector files).
    bool screen = false;
    int maxLabels = 120;
    LabelPriority labelPriority = LabelPriority::LargestCompute;
    // Text sizes, lines and fills; unset: the window's look (ChartLook::screen).
    std::optional<ChartLook> look;
};

// Draws a ChartScene into a QCustomPlot: the one path from core results to pixels,
// used by the interactive chart and by every exported figure.
class ChartRenderer {
public:
    explicit ChartRenderer(QCustomPlot *plot);

    // Configures axes, layers and tickers once.
    void setUp();
    // Where point labels get their text (the run's name, by dataset index).
    void setNameProvider(std::function<QString(int)> nameOf) { m_nameOf = std::move(nameOf); }
    // Replaces everything drawn with `scene` (keeps the axis ranges).
    void render(ChartScene scene, const RenderOptions &options);
    // Sizes what surrounds the plot (era names above it, the legend below, the citation
    // line, tick spacing) for the current size and ranges; runs before every replot
    // (QCustomPlot::beforeReplot) and lays the plot out once to see where it lands.
    void prepareFrame();
    // Thins the markers and places the point labels for the current layout and axis
    // ranges; runs on every replot (QCustomPlot::afterLayout).
    void relayoutLabels();
    // Sets the axis ranges to the scene's data with a margin.
    void rescaleToData(const ChartScene &scene);

    const ChartScene &scene() const { return m_scene; }
    // Hands the scene over (to be updated and rendered again); leaves an empty one.
    ChartScene takeScene() { return std::exchange(m_scene, ChartScene()); }
    const RenderOptions &options() const { return m_options; }
    // The labels currently shown, by run index (for tests and export checks).
    QVector<int> labelledRuns() const;
    QStringList labelTexts() const;
    // The point labels as drawn: text, box and leader line, in the plot's pixels.
    const PointLabels *pointLabels() const;
    // The fit annotations the legend shows (its trend entries).
    QStringList annotationTexts() const;
    // The legend's entries as drawn (none when it collapsed), and the era names.
    QVector<LegendEntry> legendEntries() const;
    const FigureLegend *legend() const;
    const EraNames *eraNames() const;
    const ChartLook &look() const { return m_look; }
    int pointGraphCount() const { return static_cast<int>(m_pointGraphs.size()); }
    int drawnPointCount() const;
    // Band edges in pixels (for dragging era boundaries): era index, which edge, x.
    struct BandEdge {
        int era;
        bool isStart;
        double pixelX;
    };
    QVector<BandEdge> bandEdges() const;

private:
    void clear();
    void applyLook();
    void drawBands();
    void drawPoints();
    void drawFits();
    void drawOverlays();
    void drawTexts();
    // Title, era names, plot, legend and citation, top to bottom.
    void arrangeLayout();
    // prepareFrame() in steps.
    void spaceTicks();
    void wrapCitation();
    void layOutOnce();
    // relayoutLabels() in steps.
    // Pixels of a point: the axes' own mapping, linear in key and in log10 value, so
    // there is no log per point.
    struct PixelMap {
        double xOffset, xScale, yOffset, yScale;
        QPointF of(const ScenePoint &p) const
        {
            return {xOffset + p.key * xScale, yOffset + p.log10Flop * yScale};
        }
    };
    PixelMap pixelMap() const;
    // Hands the points in view that a marker drawn later does not cover to the graphs
    // (or the point cloud) and keeps them, with their pixels, in m_thinning; returns
    // how many.
    std::size_t thinPoints(const PixelMap &map, const QRectF &bounds);
    QFontMetricsF useLabelFont();
    QVector<LabelCandidate> labelCandidates(std::span<const ScenePoint *> visible,
                                            const PixelMap &map, const QSizeF &smallest) const;
    void placePointLabels(std::span<const ScenePoint *> visible, std::span<const QPointF> obstacles,
                          const QRectF &bounds, const PixelMap &map);
    const QImage &sprite(const ScenePointGroup &group); // the group's screen marker

    QCustomPlot *m_plot;
    ChartScene m_scene;
    RenderOptions m_options;
    ChartLook m_look;
    QVector<QCPGraph *> m_pointGraphs;
    QVector<QCPGraph *> m_overlayGraphs; // projection, reference lines, marks
    QPointer<PointLabels> m_pointLabels;
    QPointer<PointCloud> m_cloud; // screen only
    QHash<QString, QImage> m_sprites;
    struct Thinning { // relayoutLabels()'s buffers, kept between frames
        std::vector<std::uint8_t> taken;
        std::vector<QPointF> obstacles;
        std::vector<const ScenePoint *> visible;
        std::vector<const ScenePoint *> covered; // in view under another marker (a few)
    } m_thinning;
    QVector<int> m_labelRuns;
    QPointer<EraNames> m_eraNames;
    QPointer<FigureLegend> m_legend;
    QPointer<QCPTextElement> m_title;
    QPointer<QCPTextElement> m_citation;
    std::function<QString(int)> m_nameOf;
    QFont m_labelFont;
    QHash<QString, QSizeF> m_textSizes; // label text -> size, measured once
};

} // namespace app
