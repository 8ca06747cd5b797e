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
        m_palette.rebuild(m_document->dataset(), m_view->colorBy());
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
    connect(document, &Document::runRemoved, this, &ChartView::invalidatePoints);
    connect(document, &Document::runInserted, this, [this](std::size_t index) {
        // A run or two added by hand: the view follows it when it lies outside. Many at
        // once (an undone deletion of a hundred runs) leave the view where it is.
        constexpr std::size_t kMostFollowed = 16;
        const auto &runs = m_document->dataset().runs;
        if (index < runs.size() && m_addedRuns.size() <= kMostFollowed)
            m_addedRuns.push_back(runs[index].id);
        invalidatePoints();
    });
    connect(view, &ViewState::filterChanged, this, &ChartView::invalidatePoints);
    connect(view, &ViewState::selectionChanged, this, &ChartView::invalidatePoints);
    connect(trends, &TrendModel::changed, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::showLabelsChanged, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::overlaysChanged, this, &ChartView::scheduleRebuild);
    connect(view, &ViewState::unitsChanged, this, [this](compute::ComputeUnit units) {
        // The same runs stay in view: the compute axis changes unit, not place.
        if (!m_needsRescale && m_view->axes().y == compute::Quantity::Compute) {
            const double factor = units == compute::ComputeUnit::PfsDays
                                      ? 1.0 / compute::kFlopPerPfsDay
                                      : compute::kFlopPerPfsDay;
            const QCPRange y = m_plot->yAxis->range();
            m_plot->yAxis->setRange(y.lower * factor, y.upper * factor);
        }
        invalidatePoints();
    });
    connect(view, &ViewState::axesChanged, this, [this] {
        m_needsRescale = true;
        invalidatePoints();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &ChartView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ChartView::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ChartView::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &ChartView::onDoubleClick);

    connect(view, &ViewState::colorByChanged, this, [this] {
        m_palette.rebuild(m_document->dataset(), m_view->colorBy());
        invalidatePoints();
    });
    m_palette.rebuild(document->dataset(), view->colorBy());
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
        m_addedRuns.clear();
    }
    followAddedRuns(scene);
    m_renderer.render(std::move(scene), options);
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void ChartView::followAddedRuns(const ChartScene &scene)
{
    if (m_addedRuns.empty()) return;
    const std::vector<std::string> ids = std::move(m_addedRuns);
    m_addedRuns.clear();
    if (ids.size() > 16) return;
    QCPRange x = m_plot->xAxis->range();
    QCPRange y = m_plot->yAxis->range();
    bool widened = false;
    for (const std::string &id : ids) {
        const std::ptrdiff_t index = m_document->dataset().indexOfRun(id);
        if (index < 0 || static_cast<std::size_t>(index) >= scene.pointOfRun.size()) continue;
        const int at = scene.pointOfRun[static_cast<std::size_t>(index)];
        if (at < 0) continue;
        const ScenePoint &p = scene.points[at];
        // A margin of a twentieth of the view (a factor of two on the log axis).
        const double dx = 0.05 * x.size();
        if (p.key < x.lower + dx || p.key > x.upper - dx) {
            x.expand(p.key < x.lower + dx ? p.key - dx : p.key + dx);
            widened = true;
        }
        if (p.value < y.lower * 2 || p.value > y.upper / 2) {
            y.expand(p.value < y.lower * 2 ? p.value / 2 : p.value * 2);
            widened = true;
        }
    }
    if (!widened) return;
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
}

void ChartView::resetView()
{
    // The whole history, and the projection fan with the compute it reaches.
    ChartScene extent = m_renderer.scene();
    for (const SceneFan &fan : extent.fans)
        for (qsizetype i = 0; i < fan.keys.size(); ++i) {
            if (!(fan.values[i] > 0)) continue;
            if (extent.points.isEmpty()) {
                extent.points.append(ScenePoint{-1, fan.keys[i], fan.values[i], 0});
                extent.minKey = extent.maxKey = fan.keys[i];
                extent.minValue = extent.maxValue = fan.values[i];
            }
            extent.minKey = std::min(extent.minKey, fan.keys[i]);
            extent.maxKey = std::max(extent.maxKey, fan.keys[i]);
            extent.minValue = std::min(extent.minValue, fan.values[i]);
            extent.maxValue = std::max(extent.maxValue, fan.values[i]);
            if (i < fan.meanHigh.size() && fan.meanHigh[i] > 0)
                extent.maxValue = std::max(extent.maxValue, fan.meanHigh[i]);
        }
    m_renderer.rescaleToData(extent);
    m_plot->replot();
}

void ChartView::showRange(double fromKey, double toKey)
{
    const ChartScene &scene = m_renderer.scene();
    double lo = 0, hi = 0;
    for (const ScenePoint &p : scene.points) {
        if (p.key < fromKey || p.key >= toKey || !(p.value > 0)) continue;
        lo = lo > 0 ? std::min(lo, p.value) : p.value;
        hi = std::max(hi, p.value);
    }
    m_plot->xAxis->setRange(fromKey, toKey);
    if (hi > 0) {
        // Whole decades, with room above the highest point for its label.
        m_plot->yAxis->setRange(std::pow(10.0, std::floor(std::log10(lo) - 0.3)),
                                std::pow(10.0, std::ceil(std::log10(hi) + 0.3)));
    }
    m_needsRescale = false;
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
    QString tip = runTooltip(m_document->dataset().runs.at(static_cast<std::size_t>(*run)));
    // Which fits take it: eras over different subsets may share their dates.
    const std::vector<compute::Era> eras = m_trends->eras();
    if (eras.empty()) return tip;
    QStringList names;
    for (int e : m_trends->erasOfRun(static_cast<std::size_t>(*run)))
        names << QString::fromStdString(eras[static_cast<std::size_t>(e)].name).toHtmlEscaped();
    tip +=
        QStringLiteral("<br><i>%1</i>")
            .arg(names.isEmpty() ? tr("In no era's fit")
                                 : tr("In the fit of: %1").arg(names.join(QStringLiteral(", "))));
    return tip;
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

QHash<int, compute::Era> ChartView::movedEras(int era, bool isStart, double key, bool alone) const
{
    const std::vector<compute::Era> eras = m_trends->eras();
    if (era < 0 || era >= static_cast<int>(eras.size())) return {};
    const compute::Era &dragged = eras[static_cast<std::size_t>(era)];
    const std::optional<compute::Date> edge = isStart ? dragged.from : dragged.to;
    compute::Date date = dateOfKey(key);
    if (!date.isValid()) return {};

    // The eras that move: the dragged one, and those over the same runs whose opposite
    // end is its edge. Eras over different subsets (Sevilla's regular- and large-scale
    // eras) only share dates by chance, so each moves alone.
    QHash<int, bool> moving{{era, isStart}};
    if (!alone && edge)
        for (int i = 0; i < static_cast<int>(eras.size()); ++i) {
            const compute::Era &other = eras[static_cast<std::size_t>(i)];
            if (i != era && (isStart ? other.to : other.from) == edge && other.rule == dragged.rule)
                moving.insert(i, !isStart);
        }
    // Each era keeps from < to: the edge stops a day short of every other end.
    for (auto it = moving.cbegin(); it != moving.cend(); ++it) {
        const compute::Era &e = eras[static_cast<std::size_t>(it.key())];
        if (it.value() && e.to && !(date < *e.to))
            date = compute::Date::fromDaysSinceEpoch(e.to->daysSinceEpoch() - 1);
        if (!it.value() && e.from && !(*e.from < date))
            date = compute::Date::fromDaysSinceEpoch(e.from->daysSinceEpoch() + 1);
    }
    QHash<int, compute::Era> moved;
    for (auto it = moving.cbegin(); it != moving.cend(); ++it) {
        compute::Era e = eras[static_cast<std::size_t>(it.key())];
        (it.value() ? e.from : e.to) = date;
        moved.insert(it.key(), e);
    }
    return moved;
}

bool ChartView::dragBoundary(int era, bool isStart, double toKey, bool alone)
{
    const auto moved = movedEras(era, isStart, toKey, alone);
    if (moved.isEmpty()) return false;
    m_trends->setPreviews(moved);
    rebuildNow();
    m_trends->clearPreview();
    emit eraBoundaryDropped(moved);
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
        const bool alone = event->modifiers() & Qt::AltModifier;
        const auto moved = movedEras(m_drag->era, m_drag->isStart, key, alone);
        if (moved.contains(m_drag->era)) {
            m_trends->setPreviews(moved);
            rebuildNow();
            const compute::Era &e = moved[m_drag->era];
            QString tip = QString::fromStdString((m_drag->isStart ? e.from : e.to)->toIso());
            if (moved.size() > 1)
                tip += tr(" (with the adjacent era; hold Alt to move this era alone)");
            QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
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
        const auto moved =
            movedEras(drag.era, drag.isStart, key, event->modifiers() & Qt::AltModifier);
        m_trends->clearPreview();
        if (moved.contains(drag.era) && moved[drag.era] != m_trends->era(drag.era))
            emit eraBoundaryDropped(moved);
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
