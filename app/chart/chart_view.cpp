// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_view.h"

#include "app/chart/chart_plot.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/run_tooltip.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace app {
namespace {

constexpr double kHitRadius = 8;  // pixels around a point that count as on it
constexpr double kEdgeRadius = 5; // pixels around an era boundary that grab it

compute::Date dateOfKey(double key)
{
    const auto days = static_cast<std::int64_t>(std::llround((key - 1970.0) * 365.25));
    return compute::Date::fromDaysSinceEpoch(days);
}

} // namespace

ChartView::ChartView(Document *document, ViewState *view, TrendModel *trends, QWidget *parent)
    : QWidget(parent), m_document(document), m_view(view), m_trends(trends),
      m_plot(new ChartPlot(this)), m_renderer(m_plot), m_rebuildTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumSize(320, 240);
    m_plot->setMouseTracking(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setAttribute(Qt::WA_Hover);
    m_renderer.setUp();
    m_renderer.setNameProvider([this](int run) {
        const auto &runs = m_document->dataset().runs;
        return run >= 0 && run < static_cast<int>(runs.size())
                   ? QString::fromStdString(runs[static_cast<std::size_t>(run)].name)
                   : QString();
    });

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ChartView::rebuildNow);

    connect(document, &Document::datasetReset, this, [this] {
        m_palette.rebuild(m_document->dataset());
        m_needsRescale = true;
        invalidatePoints();
    });
    // One edited run moves one point; anything else that changes which runs are
    // plotted, or where, rebuilds them all.
    connect(document, &Document::runChanged, this, [this](std::size_t index) {
        constexpr std::size_t kMostPatched = 64;
        if (m_changedRuns.size() < kMostPatched)
            m_changedRuns.push_back(index);
        else
            m_pointsStale = true;
        scheduleRebuild();
    });
    for (auto signal : {&Document::runsReset, &Document::metadataChanged})
        connect(document, signal, this, &ChartView::invalidatePoints);
    for (auto signal : {&Document::runInserted, &Document::runRemoved})
        connect(document, signal, this, &ChartView::invalidatePoints);
    connect(view, &ViewState::filterChanged, this, &ChartView::invalidatePoints);
    connect(view, &ViewState::selectionChanged, this, &ChartView::invalidatePoints);
    connect(trends, &TrendModel::changed, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::showLabelsChanged, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::overlaysChanged, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::unitsChanged, this, [this] {
        m_needsRescale = true;
        invalidatePoints();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &ChartView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ChartView::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ChartView::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &ChartView::onDoubleClick);

    m_palette.rebuild(document->dataset());
    rebuildNow();
}

void ChartView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void ChartView::invalidatePoints()
{
    m_pointsStale = true;
    scheduleRebuild();
}

void ChartView::rebuildNow()
{
    m_rebuildTimer->stop();
    ChartScene scene = m_renderer.takeScene();
    const compute::Dataset &dataset = m_document->dataset();
    if (m_pointsStale ||
        !updateChartScene(scene, m_changedRuns, dataset, *m_trends, *m_view, m_palette))
        scene = buildChartScene(dataset, *m_trends, *m_view, m_palette);
    m_pointsStale = false;
    m_changedRuns.clear();
    RenderOptions options;
    options.labels = m_view->showLabels();
    options.screen = true;
    if (m_needsRescale) {
        m_renderer.rescaleToData(scene);
        m_needsRescale = false;
    }
    m_renderer.render(std::move(scene), options);
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void ChartView::resetView()
{
    m_renderer.rescaleToData(m_renderer.scene());
    m_plot->replot();
}

void ChartView::fitToData()
{
    const ChartScene &scene = m_renderer.scene();
    if (scene.selected.isEmpty()) {
        resetView();
        return;
    }
    ChartScene only = scene;
    only.points = scene.selected;
    only.minKey = only.maxKey = scene.selected.front().key;
    only.minValue = only.maxValue = scene.selected.front().value;
    for (const ScenePoint &p : scene.selected) {
        only.minKey = std::min(only.minKey, p.key);
        only.maxKey = std::max(only.maxKey, p.key);
        only.minValue = std::min(only.minValue, p.value);
        only.maxValue = std::max(only.maxValue, p.value);
    }
    m_renderer.rescaleToData(only);
    m_plot->replot();
}

void ChartView::zoomIn()
{
    m_plot->xAxis->scaleRange(0.8);
    m_plot->yAxis->scaleRange(0.8);
    m_plot->replot();
}

void ChartView::zoomOut()
{
    m_plot->xAxis->scaleRange(1.25);
    m_plot->yAxis->scaleRange(1.25);
    m_plot->replot();
}

std::optional<int> ChartView::runAt(const QPointF &pixel) const
{
    const ChartScene &scene = m_renderer.scene();
    double best = kHitRadius * kHitRadius;
    std::optional<int> hit;
    const QCPRange xr = m_plot->xAxis->range();
    const QCPRange yr = m_plot->yAxis->range();
    for (const ScenePoint &p : scene.points) {
        if (!xr.contains(p.key) || !yr.contains(p.value)) continue;
        const double dx = m_plot->xAxis->coordToPixel(p.key) - pixel.x();
        const double dy = m_plot->yAxis->coordToPixel(p.value) - pixel.y();
        const double d = dx * dx + dy * dy;
        if (d <= best) {
            best = d;
            hit = p.run;
        }
    }
    return hit;
}

std::optional<QPointF> ChartView::pixelOfRun(int runIndex) const
{
    const ChartScene &scene = m_renderer.scene();
    if (runIndex < 0 || static_cast<std::size_t>(runIndex) >= scene.pointOfRun.size())
        return std::nullopt;
    const int at = scene.pointOfRun[static_cast<std::size_t>(runIndex)];
    if (at < 0) return std::nullopt;
    const ScenePoint &p = scene.points[at];
    return QPointF(m_plot->xAxis->coordToPixel(p.key), m_plot->yAxis->coordToPixel(p.value));
}

QString ChartView::tooltipAt(const QPointF &pixel) const
{
    const auto run = runAt(pixel);
    if (!run) return {};
    return runTooltip(m_document->dataset().runs.at(static_cast<std::size_t>(*run)));
}

void ChartView::clickAt(const QPointF &pixel, bool addToSelection)
{
    const auto run = runAt(pixel);
    QSet<QString> selection = addToSelection ? m_view->selection() : QSet<QString>();
    if (run) {
        const QString id = QString::fromStdString(
            m_document->dataset().runs.at(static_cast<std::size_t>(*run)).id);
        if (addToSelection && selection.contains(id))
            selection.remove(id);
        else
            selection.insert(id);
    }
    m_view->setSelection(selection);
}

std::optional<ChartRenderer::BandEdge> ChartView::edgeNear(const QPointF &pixel) const
{
    if (!m_plot->axisRect()->rect().contains(pixel.toPoint())) return std::nullopt;
    std::optional<ChartRenderer::BandEdge> best;
    double bestDistance = kEdgeRadius;
    for (const ChartRenderer::BandEdge &e : m_renderer.bandEdges()) {
        const double d = std::fabs(e.pixelX - pixel.x());
        if (d <= bestDistance) {
            bestDistance = d;
            best = e;
        }
    }
    return best;
}

std::optional<compute::Era> ChartView::movedEra(int era, bool isStart, double key) const
{
    auto value = m_trends->era(era);
    if (!value) return std::nullopt;
    compute::Date date = dateOfKey(key);
    if (!date.isValid()) return std::nullopt;
    // Keep from < to: the boundary stops a day short of the other one.
    if (isStart && value->to && !(date < *value->to))
        date = compute::Date::fromDaysSinceEpoch(value->to->daysSinceEpoch() - 1);
    if (!isStart && value->from && !(*value->from < date))
        date = compute::Date::fromDaysSinceEpoch(value->from->daysSinceEpoch() + 1);
    (isStart ? value->from : value->to) = date;
    return value;
}

bool ChartView::dragBoundary(int era, bool isStart, double toKey)
{
    const auto moved = movedEra(era, isStart, toKey);
    if (!moved) return false;
    m_trends->setPreview(era, *moved);
    rebuildNow();
    m_trends->clearPreview();
    emit eraBoundaryDropped(era, *moved);
    return true;
}

void ChartView::onMousePress(QMouseEvent *event)
{
    m_pressPos = event->position();
    QToolTip::hideText();
    if (event->button() != Qt::LeftButton) return;
    if (const auto edge = edgeNear(event->position())) {
        m_drag = Drag{edge->era, edge->isStart};
        m_plot->setInteraction(QCP::iRangeDrag, false);
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) m_plot->setSelectionRectMode(QCP::srmZoom);
}

void ChartView::onMouseMove(QMouseEvent *event)
{
    if (m_drag) {
        const double key = m_plot->xAxis->pixelToCoord(event->position().x());
        if (const auto moved = movedEra(m_drag->era, m_drag->isStart, key)) {
            m_trends->setPreview(m_drag->era, *moved);
            rebuildNow();
            QToolTip::showText(
                event->globalPosition().toPoint(),
                QString::fromStdString((m_drag->isStart ? moved->from : moved->to)->toIso()),
                m_plot);
        }
        return;
    }
    if (event->buttons() != Qt::NoButton) return;
    m_plot->setCursor(edgeNear(event->position()) ? Qt::SplitHCursor : Qt::ArrowCursor);
    const QString tip = tooltipAt(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
}

void ChartView::onMouseRelease(QMouseEvent *event)
{
    if (m_drag) {
        const Drag drag = *m_drag;
        m_drag.reset();
        m_plot->setInteraction(QCP::iRangeDrag, true);
        const double key = m_plot->xAxis->pixelToCoord(event->position().x());
        const auto moved = movedEra(drag.era, drag.isStart, key);
        m_trends->clearPreview();
        if (moved && moved != m_trends->era(drag.era)) emit eraBoundaryDropped(drag.era, *moved);
        return;
    }
    if (m_plot->selectionRectMode() != QCP::srmNone) {
        // Reset after QCustomPlot has finished the rubber band (setting srmNone now
        // would cancel it).
        QTimer::singleShot(0, this, [this] { m_plot->setSelectionRectMode(QCP::srmNone); });
        return;
    }
    const QPointF delta = event->position() - m_pressPos;
    if (event->button() == Qt::LeftButton && delta.manhattanLength() < 4)
        clickAt(event->position(), event->modifiers() & Qt::ControlModifier);
}

void ChartView::onDoubleClick(QMouseEvent *event)
{
    if (const auto run = runAt(event->position())) emit runActivated(*run);
}

} // namespace app
