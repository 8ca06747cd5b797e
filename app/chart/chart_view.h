// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/category_palette.h"
#include "app/chart/chart_renderer.h"
#include "core/model/era.h"

#include <QHash>
#include <QPointF>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QCustomPlot;
class QMouseEvent;
class QTimer;

namespace app {

class Document;
class TrendModel;
class ViewState;

// The interactive chart: draws the document through ChartRenderer and turns mouse
// input into view changes (zoom, pan, selection) or, for era boundary drags, into a
// preview while dragging and one signal on release. It computes no statistics.
class ChartView : public QWidget {
    Q_OBJECT

public:
    ChartView(Document *document, ViewState *view, TrendModel *trends, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    const ChartRenderer &renderer() const { return m_renderer; }
    const CategoryPalette &palette() const { return m_palette; }
    const ViewState *viewState() const { return m_view; }
    // For the export dialog's choice of axes, which is the view's.
    ViewState *mutableViewState() const { return m_view; }
    const TrendModel *trendModel() const { return m_trends; }
    // Builds the scene and redraws now (normally coalesced on the next event loop pass).
    void rebuildNow();

    // Rich-text tooltip for the point under `pixel`, or empty.
    QString tooltipAt(const QPointF &pixel) const;
    // Dataset index of the plotted run nearest to `pixel` within a few pixels.
    std::optional<int> runAt(const QPointF &pixel) const;
    // Pixel position of a run's point, if plotted.
    std::optional<QPointF> pixelOfRun(int runIndex) const;

    // For tests: what a click (with or without Ctrl) at `pixel` does.
    void clickAt(const QPointF &pixel, bool addToSelection);
    // For tests: drag the boundary of an era from its current position to `key`; `alone`
    // is the drag with Alt held (the edge an adjacent era shares stays).
    bool dragBoundary(int era, bool isStart, double toKey, bool alone = false);

    // Shows [fromKey, toKey) with the compute axis fitted to the points in it.
    void showRange(double fromKey, double toKey);

public slots:
    void resetView(); // all plotted runs in view, and the projection fan when shown
    void fitToData(); // the selected runs, or all plotted ones when none is selected
    void zoomIn();
    void zoomOut();

signals:
    // The user dropped an era boundary: the eras it moved (one, or two adjacent eras
    // sharing it) by index in the current scheme; the receiver pushes one undo command.
    void eraBoundaryDropped(const QHash<int, compute::Era> &moved);
    // Double click on a run: open it for editing.
    void runActivated(int runIndex);

private:
    void scheduleRebuild();
    // The points must be built anew (not patched) at the next rebuild.
    void invalidatePoints();
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    void onDoubleClick(QMouseEvent *event);
    std::optional<ChartRenderer::BandEdge> edgeNear(const QPointF &pixel) const;
    // The eras a drag of era `era`'s start or end to `key` moves: that era, and unless
    // `alone`, each era with the same rule whose opposite end is the same date (adjacent:
    // they move together so no gap or overlap appears); eras over different subsets of
    // runs move alone. The new date stays inside every era moved.
    QHash<int, compute::Era> movedEras(int era, bool isStart, double key, bool alone) const;
    // Widens the view to take in the runs added since the last rebuild.
    void followAddedRuns(const ChartScene &scene);

    Document *m_document;
    ViewState *m_view;
    TrendModel *m_trends;
    QCustomPlot *m_plot;
    ChartRenderer m_renderer;
    CategoryPalette m_palette;
    QTimer *m_rebuildTimer;
    bool m_needsRescale = true;
    // What changed since the last rebuild: everything, or only these runs' points.
    bool m_pointsStale = true;
    std::vector<std::size_t> m_changedRuns;
    std::vector<std::string> m_addedRuns; // ids to bring into view (a few, not an import)

    struct Drag {
        int era = -1;
        bool isStart = true;
    };
    std::optional<Drag> m_drag;
    QPointF m_pressPos;
};

} // namespace app
