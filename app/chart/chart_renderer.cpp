// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_renderer.h"

#include "app/chart/label_layout.h"
#include "app/chart/point_cloud.h"
#include "app/chart/point_labels.h"
#include "app/chart/year_ticker.h"
#include "app/format/unit_format.h"
#include "core/model/compute_estimate.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <span>

namespace app {
namespace {

constexpr double kPointSize = 7;
const QString kBandLayer = QStringLiteral("bands");
const QString kLabelLayer = QStringLiteral("labels");

QCPScatterStyle::ScatterShape shapeOf(compute::EstimateMethod method, bool upperBound)
{
    if (upperBound) return QCPScatterStyle::ssTriangleInverted;
    switch (method) {
    case compute::EstimateMethod::Reported:
        return QCPScatterStyle::ssDisc;
    case compute::EstimateMethod::Operations:
        return QCPScatterStyle::ssSquare;
    case compute::EstimateMethod::Hardware:
        return QCPScatterStyle::ssDiamond;
    case compute::EstimateMethod::ParametersTokens:
        return QCPScatterStyle::ssTriangle;
    }
    return QCPScatterStyle::ssDisc;
}

QCPScatterStyle vectorStyleOf(const ScenePointGroup &g, double size = kPointSize)
{
    const QColor edge = g.color.darker(130);
    QColor fill = g.color;
    fill.setAlpha(g.upperBound ? 0 : 210);
    return QCPScatterStyle(shapeOf(g.method, g.upperBound), QPen(edge, 1.2), QBrush(fill), size);
}

// A group's marker drawn once, for the screen, at the screen's device pixel ratio so
// it stays sharp on high-DPI displays.
QImage spriteOf(const ScenePointGroup &g)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    const int px = static_cast<int>(kPointSize) + 2;
    QImage sprite(QSize(px, px) * ratio, QImage::Format_ARGB32_Premultiplied);
    sprite.setDevicePixelRatio(ratio);
    sprite.fill(Qt::transparent);
    QCPPainter painter(&sprite);
    painter.setRenderHint(QPainter::Antialiasing);
    const QCPScatterStyle style = vectorStyleOf(g, kPointSize - 1);
    style.applyTo(&painter, style.pen());
    style.drawShape(&painter, px / 2.0, px / 2.0);
    painter.end();
    return sprite;
}

QString methodLegendText(compute::EstimateMethod method)
{
    switch (method) {
    case compute::EstimateMethod::Reported:
        return QStringLiteral("Reported");
    case compute::EstimateMethod::Operations:
        return QStringLiteral("Counting operations");
    case compute::EstimateMethod::Hardware:
        return QStringLiteral("Hardware time");
    case compute::EstimateMethod::ParametersTokens:
        return QStringLiteral("6 × N × D");
    }
    return {};
}

} // namespace

ChartRenderer::ChartRenderer(QCustomPlot *plot) : m_plot(plot) {}

void ChartRenderer::setUp()
{
    // Every replot lays the plot out first; placing labels right then keeps them
    // right through resizes, zooms and pans.
    QObject::connect(m_plot, &QCustomPlot::afterLayout, m_plot, [this] { relayoutLabels(); });
    // The legend's columns follow the width; a new wrap needs a layout pass of its own.
    QObject::connect(m_plot, &QCustomPlot::beforeReplot, m_plot, [this] { fitLegendToWidth(); });
    // Each element's own setting decides (plottables, items and labels smooth, screen
    // fills not: see RenderOptions::screen). Grid lines are axis-parallel: smoothing
    // only blurs them, and the log axis has ~200 sub-grid lines.
    m_plot->setAntialiasedElements(QCP::aeNone);
    m_plot->setNotAntialiasedElements(QCP::aeGrid | QCP::aeSubGrid);
    if (!m_plot->layer(kBandLayer))
        m_plot->addLayer(kBandLayer, m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    if (!m_plot->layer(kLabelLayer))
        m_plot->addLayer(kLabelLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);

    QSharedPointer<QCPAxisTicker> years(new YearTicker);
    years->setTickCount(8);
    m_plot->xAxis->setTicker(years);
    m_plot->xAxis->setLabel(QStringLiteral("Publication date"));

    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> log(new QCPAxisTickerLog);
    log->setLogBase(10);
    log->setSubTickCount(8);
    log->setTickCount(10);
    m_plot->yAxis->setTicker(log);
    m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_plot->yAxis->setNumberPrecision(0);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1));
    }
    // A closed frame: top and right axes without labels.
    for (QCPAxis *axis : {m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setVisible(true);
        axis->setTickLabels(false);
        axis->setTicks(false);
    }
    m_plot->yAxis->grid()->setSubGridVisible(true);
    m_plot->yAxis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 10), 1));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
    QFont legendFont = m_plot->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    m_plot->legend->setFont(legendFont);
    // The legend sits below the plot in rows, so it never covers data.
    if (m_plot->axisRect()->insetLayout()->take(m_plot->legend))
        m_plot->axisRect()->insetLayout()->simplify();
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(12);
    m_plot->legend->setMargins(QMargins(0, 2, 0, 2));
}

void ChartRenderer::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_pointGraphs.clear();
    m_overlayGraphs.clear();
    m_bandNames.clear();
    m_labelRuns.clear();
    m_annotations.clear();
    if (m_plot->legend) m_plot->legend->clearItems();
}

void ChartRenderer::render(ChartScene scene, const RenderOptions &options)
{
    m_scene = std::move(scene);
    m_options = options;
    clear();
    m_plot->yAxis->setLabel(computeAxisLabel(m_scene.units));
    if (options.bands) drawBands();
    drawPoints();
    if (options.fits) drawFits();
    drawOverlays();
    drawLegend();
    drawTexts();
    // Markers, labels and texts are placed after the next layout (afterLayout), when the
    // axis rect has its final size.
}

void ChartRenderer::drawBands()
{
    for (const SceneBand &band : m_scene.bands) {
        if (!band.color.isValid()) continue;
        // Open ends reach far beyond any data; the axis rect clips them.
        const double from = std::isfinite(band.from) ? band.from : -1e5;
        const double to = std::isfinite(band.to) ? band.to : 1e5;
        auto *rect = new QCPItemRect(m_plot);
        rect->setLayer(kBandLayer);
        rect->setClipToAxisRect(true);
        for (QCPItemPosition *p : {rect->topLeft, rect->bottomRight}) {
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        rect->topLeft->setCoords(from, 0);
        rect->bottomRight->setCoords(to, 1);
        QColor fill = band.color;
        fill.setAlpha(34);
        rect->setBrush(fill);
        QColor edge = band.color;
        edge.setAlpha(110);
        rect->setPen(QPen(edge, 1, Qt::DashLine));
        rect->setSelectable(false);
        // Axis-parallel: smoothing only softens the dashed edge, at the cost of a slow
        // fill of most of the plot.
        rect->setAntialiased(!m_options.screen);

        auto *name = new QCPItemText(m_plot);
        name->setLayer(kBandLayer);
        name->setClipToAxisRect(true);
        name->position->setTypeX(QCPItemPosition::ptPlotCoords);
        name->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        const bool openStart = !std::isfinite(band.from);
        name->position->setCoords(openStart ? (std::isfinite(band.to) ? band.to : 0) : band.from,
                                  0.0);
        name->setPositionAlignment(Qt::AlignTop | (openStart ? Qt::AlignRight : Qt::AlignLeft));
        name->setPadding(QMargins(4, 3, 4, 3));
        name->setText(band.name);
        name->setColor(band.color.darker(170));
        m_bandNames.append(name);
        QFont f = m_plot->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        name->setFont(f);
        name->setSelectable(false);
    }
}

const QImage &ChartRenderer::sprite(const ScenePointGroup &g)
{
    const QString key = QStringLiteral("%1 %2 %3")
                            .arg(g.color.rgba())
                            .arg(static_cast<int>(g.method))
                            .arg(g.upperBound);
    auto it = m_sprites.constFind(key);
    if (it == m_sprites.constEnd()) it = m_sprites.insert(key, spriteOf(g));
    return *it;
}

void ChartRenderer::drawPoints()
{
    // relayoutLabels() hands the points in view to the graphs (exports) or to the point
    // cloud (screen), leaving out those a later-drawn marker would hide.
    if (m_options.screen && !m_cloud) m_cloud = new PointCloud(m_plot, QStringLiteral("main"));
    for (const ScenePointGroup &g : m_scene.groups) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        // On screen the graph only stands for its group in the legend.
        graph->setScatterStyle(m_options.screen ? QCPScatterStyle(QPixmap::fromImage(sprite(g)))
                                                : vectorStyleOf(g));
        graph->setAdaptiveSampling(false);
        graph->setName(g.domainGroup);
        graph->setSelectable(QCP::stNone);
        m_plot->legend->removeItem(m_plot->legend->itemCount() - 1);
        m_pointGraphs.append(graph);
    }
    if (m_options.selection && !m_scene.selected.isEmpty()) {
        QVector<double> keys, values;
        QVector<ScenePoint> sorted = m_scene.selected;
        std::sort(sorted.begin(), sorted.end(),
                  [](const ScenePoint &a, const ScenePoint &b) { return a.key < b.key; });
        for (const ScenePoint &p : sorted) {
            keys << p.key;
            values << p.value;
        }
        QCPGraph *ring = m_plot->addGraph();
        ring->setName(QStringLiteral("Selected"));
        ring->setLineStyle(QCPGraph::lsNone);
        ring->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 15));
        ring->setData(keys, values, true);
        ring->setSelectable(QCP::stNone);
        m_plot->legend->removeItem(m_plot->legend->itemCount() - 1);
    }
}

void ChartRenderer::drawFits()
{
    for (const SceneFit &fit : m_scene.fits) {
        if (!fit.ok) continue;
        if (!fit.bandKeys.isEmpty()) {
            QCPGraph *low = m_plot->addGraph();
            QCPGraph *high = m_plot->addGraph();
            QColor band = fit.color;
            band.setAlpha(32);
            for (QCPGraph *g : {low, high}) {
                g->setPen(Qt::NoPen);
                g->setSelectable(QCP::stNone);
                g->removeFromLegend();
            }
            low->setData(fit.bandKeys, fit.low, true);
            high->setData(fit.bandKeys, fit.high, true);
            high->setAntialiasedFill(!m_options.screen);
            high->setBrush(band);
            high->setChannelFillGraph(low);
            low->setName(fit.eraName + QStringLiteral(" 95% CI"));
        }
        if (fit.keys.isEmpty()) continue;

        QCPGraph *line = m_plot->addGraph();
        line->setData(fit.keys, fit.values, true);
        line->setPen(QPen(fit.color, 2.2));
        line->setName(fit.eraName + QStringLiteral(" fit"));
        line->setSelectable(QCP::stNone);
        line->removeFromLegend();
    }
}

void ChartRenderer::drawOverlays()
{
    for (const SceneFan &fan : m_scene.fans) {
        // Outer band: where a new run would fall; inner: where the trend line is.
        auto band = [&](const QVector<double> &low, const QVector<double> &high, int alpha,
                        const QString &name) {
            QCPGraph *lo = m_plot->addGraph();
            QCPGraph *hi = m_plot->addGraph();
            for (QCPGraph *g : {lo, hi}) {
                g->setPen(Qt::NoPen);
                g->setSelectable(QCP::stNone);
                g->removeFromLegend();
            }
            lo->setData(fan.keys, low, true);
            hi->setData(fan.keys, high, true);
            QColor fill = fan.color;
            fill.setAlpha(alpha);
            hi->setBrush(fill);
            hi->setAntialiasedFill(!m_options.screen);
            hi->setChannelFillGraph(lo);
            lo->setName(name);
        };
        band(fan.predictionLow, fan.predictionHigh, 22,
             QStringLiteral("projection 95% prediction"));
        band(fan.meanLow, fan.meanHigh, 45, QStringLiteral("projection 95% CI"));
        QCPGraph *line = m_plot->addGraph();
        line->setData(fan.keys, fan.values, true);
        line->setPen(QPen(fan.color, 2.0, Qt::DashLine));
        line->setName(QStringLiteral("Projection (95% CI and prediction fan)"));
        line->setSelectable(QCP::stNone);
        line->removeFromLegend();
        m_overlayGraphs.append(line);
    }
    for (const SceneLine &ref : m_scene.referenceLines) {
        QCPGraph *line = m_plot->addGraph();
        line->setData(ref.keys, ref.values, true);
        line->setPen(QPen(ref.color, 1.4, Qt::DashDotLine));
        line->setName(ref.label);
        line->setSelectable(QCP::stNone);
        line->removeFromLegend();
        m_overlayGraphs.append(line);
    }
    if (!m_scene.marked.isEmpty()) {
        QVector<ScenePoint> sorted = m_scene.marked;
        std::sort(sorted.begin(), sorted.end(),
                  [](const ScenePoint &a, const ScenePoint &b) { return a.key < b.key; });
        QVector<double> keys, values;
        for (const ScenePoint &p : sorted) {
            keys << p.key;
            values << p.value;
        }
        QCPGraph *marks = m_plot->addGraph();
        marks->setLineStyle(QCPGraph::lsNone);
        marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare,
                                               QPen(QColor(0xe6, 0x55, 0x0d), 2), Qt::NoBrush, 14));
        marks->setData(keys, values, true);
        marks->setName(m_scene.markedLabel.isEmpty() ? QStringLiteral("Marked runs")
                                                     : m_scene.markedLabel);
        marks->setSelectable(QCP::stNone);
        marks->removeFromLegend();
        m_overlayGraphs.append(marks);
    }
}

void ChartRenderer::drawLegend()
{
    QCPLayoutGrid *layout = m_plot->plotLayout();
    const bool placed = m_plot->legend->layout() == layout;
    if (!m_options.legend) {
        m_plot->legend->setVisible(false);
        if (placed) {
            layout->take(m_plot->legend);
            layout->simplify();
        }
        return;
    }
    m_plot->legend->setVisible(true);
    if (!placed) {
        // Right below the axis rect (a title, if any, stays above it).
        int row = 0;
        for (int r = 0; r < layout->rowCount(); ++r)
            if (layout->element(r, 0) == m_plot->axisRect()) row = r + 1;
        layout->insertRow(row);
        layout->addElement(row, 0, m_plot->legend);
        layout->setRowStretchFactor(row, 0.001);
    }
    // One entry per domain, then one grey entry per marker shape in use.
    QStringList domains;
    QVector<QPair<compute::EstimateMethod, bool>> shapes;
    for (int i = 0; i < m_scene.groups.size(); ++i) {
        const ScenePointGroup &g = m_scene.groups[i];
        if (!domains.contains(g.domainGroup)) {
            domains << g.domainGroup;
            QCPGraph *graph = m_pointGraphs[i];
            // Legend swatch in a neutral shape so colour alone identifies the domain.
            auto *item = new QCPPlottableLegendItem(m_plot->legend, graph);
            m_plot->legend->addItem(item);
        }
        const QPair<compute::EstimateMethod, bool> shape{g.method, g.upperBound};
        if (!shapes.contains(shape)) shapes << shape;
    }
    if (shapes.size() > 1 || (shapes.size() == 1 && shapes.front().second)) {
        std::sort(shapes.begin(), shapes.end());
        for (const auto &[method, upper] : shapes) {
            QCPGraph *dummy = m_plot->addGraph();
            ScenePointGroup g;
            g.color = QColor(0x70, 0x70, 0x70);
            g.method = method;
            g.upperBound = upper;
            dummy->setScatterStyle(vectorStyleOf(g));
            dummy->setLineStyle(QCPGraph::lsNone);
            dummy->setName(upper ? QStringLiteral("Upper bound") : methodLegendText(method));
            dummy->setSelectable(QCP::stNone);
        }
    }
    for (const SceneFit &fit : m_scene.fits) {
        if (!fit.ok) continue;
        QCPGraph *swatch = m_plot->addGraph();
        swatch->setPen(QPen(fit.color, 2.2));
        swatch->setName(fit.eraName + QStringLiteral(" trend (95% CI)"));
        swatch->setSelectable(QCP::stNone);
    }
    for (QCPGraph *overlay : m_overlayGraphs)
        overlay->addToLegend();
}

void ChartRenderer::drawTexts()
{
    // Fit annotations stacked in the top-left corner, each in its era's colour.
    if (m_options.fits) {
        double y = 0.0;
        for (const SceneFit &fit : m_scene.fits) {
            auto *text = new QCPItemText(m_plot);
            text->setLayer(kLabelLayer);
            text->position->setType(QCPItemPosition::ptAxisRectRatio);
            text->position->setCoords(0.0, y);
            text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            text->setPadding(QMargins(6, 3, 6, 3));
            text->setBrush(QColor(255, 255, 255, 215));
            text->setColor(fit.ok ? fit.color.darker(115) : QColor(0x60, 0x60, 0x60));
            text->setText(fit.annotation);
            text->setSelectable(false);
            m_annotations.append(text);
            y += 0.05;
        }
        // Annotations sit below the band names; relayoutLabels() places both.
    }

    auto setElement = [this](QPointer<QCPTextElement> &element, const QString &text, int row,
                             double scale, bool bold, const QColor &color) {
        if (text.isEmpty()) {
            if (element) {
                m_plot->plotLayout()->remove(element);
                m_plot->plotLayout()->simplify();
            }
            return;
        }
        if (!element) {
            if (row == 0)
                m_plot->plotLayout()->insertRow(0);
            else
                m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, nullptr);
            const int r = row == 0 ? 0 : m_plot->plotLayout()->rowCount() - 1;
            element = new QCPTextElement(m_plot);
            m_plot->plotLayout()->addElement(r, 0, element);
        }
        QFont f = m_plot->font();
        f.setPointSizeF(f.pointSizeF() * scale);
        f.setBold(bold);
        element->setFont(f);
        element->setTextColor(color);
        element->setText(text);
    };
    setElement(m_title, m_options.title, 0, 1.35, true, Qt::black);
    setElement(m_citation, m_options.citation, 1, 0.8, false, QColor(0x55, 0x55, 0x55));
    if (m_citation) m_citation->setTextFlags(Qt::AlignRight | Qt::AlignVCenter);
}

void ChartRenderer::fitLegendToWidth()
{
    // As many legend columns as fit the plot's width (items are ~160 px wide).
    const int columns = std::clamp(m_plot->viewport().width() / 165, 1, 8);
    if (m_plot->legend->wrap() != columns) {
        m_plot->legend->setWrap(columns);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

void ChartRenderer::placeTexts()
{
    const QRect rect = m_plot->axisRect()->rect();
    // Band names along the top; a name that would run into the previous one in its row
    // drops to the next row.
    QVector<double> rowEnds;
    double lineHeight = 0;
    for (QCPItemText *name : m_bandNames) {
        const QFontMetricsF metrics(name->font());
        lineHeight = std::max(lineHeight, metrics.height() + 6);
        const double width = metrics.horizontalAdvance(name->text()) + 8;
        double left = m_plot->xAxis->coordToPixel(name->position->coords().x());
        if (name->positionAlignment() & Qt::AlignRight) left -= width;
        left = std::max(left, static_cast<double>(rect.left()));
        int row = 0;
        while (row < rowEnds.size() && left < rowEnds[row])
            ++row;
        if (row == rowEnds.size()) rowEnds.append(0);
        rowEnds[row] = left + width;
        name->setPadding(QMargins(4, 3 + static_cast<int>(row * lineHeight), 4, 3));
    }
    double y = rect.top() + rowEnds.size() * lineHeight + 4;
    for (QCPItemText *text : m_annotations) {
        text->position->setType(QCPItemPosition::ptAbsolute);
        text->position->setCoords(rect.left() + 6, y);
        y += QFontMetricsF(text->font()).height() + 10;
    }
}

void ChartRenderer::relayoutLabels()
{
    if (!m_pointLabels) m_pointLabels = new PointLabels(m_plot, kLabelLayer);
    placeTexts();
    m_labelRuns.clear();
    const QRectF bounds = m_plot->axisRect()->rect();
    const PixelMap map = pixelMap();
    const std::size_t count = thinPoints(map, bounds);
    const std::span<const QPointF> obstacles(m_thinning.obstacles.data(), count);
    const std::span<const ScenePoint *> visible(m_thinning.visible.data(), count);
    if (!m_options.labels || visible.empty() || bounds.width() < 10 || bounds.height() < 10) {
        m_pointLabels->setLabels({});
        return;
    }
    placePointLabels(visible, obstacles, bounds, map);
}

ChartRenderer::PixelMap ChartRenderer::pixelMap() const
{
    const QCPRange xr = m_plot->xAxis->range();
    const QCPRange yr = m_plot->yAxis->range();
    const double x0 = m_plot->xAxis->coordToPixel(xr.lower);
    const double xScale = (m_plot->xAxis->coordToPixel(xr.upper) - x0) / xr.size();
    const double logLower = std::log10(yr.lower), logUpper = std::log10(yr.upper);
    const double y0 = m_plot->yAxis->coordToPixel(yr.lower);
    const double yScale = (m_plot->yAxis->coordToPixel(yr.upper) - y0) / (logUpper - logLower);
    return {x0 - xr.lower * xScale, xScale, y0 + (m_scene.log10Offset - logLower) * yScale, yScale};
}

std::size_t ChartRenderer::thinPoints(const PixelMap &map, const QRectF &bounds)
{
    // A marker drawn where a later-drawn one will cover it adds nothing visible: groups
    // are visited top (last drawn) first and a point is dropped when its cell (a small
    // fraction of a marker) is taken. 100,000 runs become the markers a plot can show.
    constexpr double kCell = 2.5;
    const QCPRange xr = m_plot->xAxis->range();
    const QCPRange yr = m_plot->yAxis->range();
    const int cols = std::max(1, static_cast<int>(bounds.width() / kCell) + 1);
    const int rows = std::max(1, static_cast<int>(bounds.height() / kCell) + 1);
    std::vector<std::uint8_t> &taken = m_thinning.taken;
    taken.assign(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), 0);
    // At most one point per cell; the buffers stay allocated from frame to frame (this
    // loop sees every point, and a fresh 100,000-entry array costs as much as it).
    const std::size_t most =
        std::min<std::size_t>(static_cast<std::size_t>(m_scene.points.size()), taken.size());
    if (m_thinning.obstacles.size() < most) m_thinning.obstacles.resize(most);
    if (m_thinning.visible.size() < most) m_thinning.visible.resize(most);
    QPointF *obstacle = m_thinning.obstacles.data();
    const ScenePoint **seen = m_thinning.visible.data();
    std::size_t count = 0;
    const int groups = static_cast<int>(std::min(m_scene.groups.size(), m_pointGraphs.size()));
    QVector<PointCloud::Group> cloud(m_cloud ? groups : 0);
    const ScenePoint *points = m_scene.points.constData();
    const double left = bounds.left(), top = bounds.top(), perCell = 1.0 / kCell;
    for (int gi = groups - 1; gi >= 0; --gi) {
        const ScenePointGroup &g = m_scene.groups[gi];
        const std::size_t first = count;
        for (int p = g.begin; p < g.end; ++p) {
            const ScenePoint &point = points[p];
            if (point.key < xr.lower || point.key > xr.upper || point.value < yr.lower ||
                point.value > yr.upper)
                continue;
            const QPointF pixel = map.of(point);
            const double px = pixel.x(), py = pixel.y();
            const int c = std::clamp(static_cast<int>((px - left) * perCell), 0, cols - 1);
            const int r = std::clamp(static_cast<int>((py - top) * perCell), 0, rows - 1);
            std::uint8_t &cell =
                taken[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) +
                      static_cast<std::size_t>(c)];
            if (cell || count == most) continue;
            cell = 1;
            seen[count] = &point; // only drawn points get labels
            obstacle[count] = QPointF(px, py);
            ++count;
        }
        if (m_cloud) {
            cloud[gi].sprite = sprite(g);
            cloud[gi].centres = QVector<QPointF>(obstacle + first, obstacle + count);
        } else {
            QVector<double> keys, values;
            keys.reserve(static_cast<qsizetype>(count - first));
            values.reserve(static_cast<qsizetype>(count - first));
            for (std::size_t v = first; v < count; ++v) {
                keys.append(seen[v]->key);
                values.append(seen[v]->value);
            }
            m_pointGraphs[gi]->setData(keys, values, true);
        }
    }
    if (m_cloud) m_cloud->setGroups(std::move(cloud));
    return count;
}

QFontMetricsF ChartRenderer::useLabelFont()
{
    QFont font = m_plot->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    if (font != m_labelFont) m_textSizes.clear(); // sizes are per font
    m_labelFont = font;
    m_pointLabels->setFont(font);
    return QFontMetricsF(font);
}

QVector<LabelCandidate> ChartRenderer::labelCandidates(std::span<const ScenePoint *> visible,
                                                       const PixelMap &map,
                                                       const QSizeF &smallest) const
{
    // The largest compute in view first (the frontier is what people read).
    constexpr std::size_t kMaxCandidates = 1500;
    if (visible.size() > kMaxCandidates) {
        std::nth_element(
            visible.begin(), visible.begin() + kMaxCandidates, visible.end(),
            [](const ScenePoint *a, const ScenePoint *b) { return a->log10Flop > b->log10Flop; });
        visible = visible.first(kMaxCandidates);
    }
    QSet<int> selected;
    for (const ScenePoint &s : m_scene.selected)
        selected.insert(s.run);
    QVector<LabelCandidate> candidates;
    candidates.reserve(static_cast<qsizetype>(visible.size()));
    for (const ScenePoint *p : visible) {
        // Selected runs are labelled first, then the largest compute.
        const double priority = p->log10Flop + (selected.contains(p->run) ? 1000 : 0);
        candidates.append({p->run, map.of(*p), smallest, priority});
    }
    return candidates;
}

void ChartRenderer::placePointLabels(std::span<const ScenePoint *> visible,
                                     std::span<const QPointF> obstacles, const QRectF &bounds,
                                     const PixelMap &map)
{
    const QFontMetricsF metrics = useLabelFont();
    // A label's size before its text is known: every label is at least one line high.
    const QSizeF smallest(2, metrics.size(0, QStringLiteral("x")).height());
    QVector<LabelCandidate> candidates = labelCandidates(visible, map, smallest);
    // Names are looked up and measured only for the candidates the layout reaches.
    QHash<int, QString> texts;
    auto measure = [&](int run) {
        const QString text = m_nameOf ? m_nameOf(run) : QString();
        if (text.isEmpty()) return QSizeF();
        texts.insert(run, text);
        auto size = m_textSizes.constFind(text);
        if (size == m_textSizes.constEnd())
            size = m_textSizes.insert(text, metrics.size(0, text) + QSizeF(2, 0));
        return *size;
    };
    QVector<PointLabels::Label> shown;
    for (const PlacedLabel &l : layoutLabels(std::move(candidates), bounds, obstacles,
                                             m_options.maxLabels, kPointSize / 2 + 1, measure)) {
        shown.append({l.id, l.rect, texts.value(l.id)});
        m_labelRuns.append(l.id);
    }
    m_pointLabels->setLabels(std::move(shown));
}

void ChartRenderer::rescaleToData(const ChartScene &scene)
{
    if (scene.points.isEmpty()) {
        m_plot->xAxis->setRange(2010, 2025);
        m_plot->yAxis->setRange(1e15, 1e27);
        return;
    }
    const double span = std::max(1.0, scene.maxKey - scene.minKey);
    m_plot->xAxis->setRange(scene.minKey - 0.04 * span, scene.maxKey + 0.04 * span);
    const double lo = std::log10(scene.minValue);
    const double hi = std::log10(scene.maxValue);
    const double pad = std::max(0.5, 0.06 * (hi - lo));
    m_plot->yAxis->setRange(std::pow(10.0, std::floor(lo - pad)),
                            std::pow(10.0, std::ceil(hi + pad)));
}

QVector<int> ChartRenderer::labelledRuns() const
{
    return m_labelRuns;
}

QStringList ChartRenderer::labelTexts() const
{
    QStringList texts;
    if (m_pointLabels)
        for (const PointLabels::Label &l : m_pointLabels->labels())
            texts << l.text;
    return texts;
}

QStringList ChartRenderer::annotationTexts() const
{
    QStringList texts;
    for (const QCPItemText *t : m_annotations)
        texts << t->text();
    return texts;
}

int ChartRenderer::drawnPointCount() const
{
    if (m_cloud) return m_cloud->markerCount();
    int n = 0;
    for (const QCPGraph *g : m_pointGraphs)
        n += g->dataCount();
    return n;
}

QVector<ChartRenderer::BandEdge> ChartRenderer::bandEdges() const
{
    QVector<BandEdge> edges;
    if (!m_options.bands) return edges;
    for (const SceneBand &b : m_scene.bands) {
        if (std::isfinite(b.from)) edges.append({b.era, true, m_plot->xAxis->coordToPixel(b.from)});
        if (std::isfinite(b.to)) edges.append({b.era, false, m_plot->xAxis->coordToPixel(b.to)});
    }
    return edges;
}

} // namespace app
