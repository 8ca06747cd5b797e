#include "app/chart/chart_renderer.h"

#include "app/chart/label_layout.h"
#include "app/chart/year_ticker.h"
#include "core/compute_estimate.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace app {
namespace {

constexpr double kPointSize = 7;
const QString kBandLayer = QStringLiteral("bands");
const QString kLabelLayer = QStringLiteral("labels");

QCPScatterStyle::ScatterShape shapeOf(compute::EstimateMethod method, bool upperBound)
{
    if (upperBound) return QCPScatterStyle::ssTriangleInverted;
    switch (method) {
    case compute::EstimateMethod::Reported: return QCPScatterStyle::ssDisc;
    case compute::EstimateMethod::Operations: return QCPScatterStyle::ssSquare;
    case compute::EstimateMethod::Hardware: return QCPScatterStyle::ssDiamond;
    case compute::EstimateMethod::ParametersTokens: return QCPScatterStyle::ssTriangle;
    }
    return QCPScatterStyle::ssDisc;
}

QCPScatterStyle styleOf(const ScenePointGroup &g, bool fast)
{
    const QColor edge = g.color.darker(130);
    QColor fill = g.color;
    fill.setAlpha(g.upperBound ? 0 : 210);
    const auto shape = shapeOf(g.method, g.upperBound);
    if (fast) {
        // A pre-drawn marker is ~4x faster to blit than a vector shape per point.
        const int px = static_cast<int>(kPointSize) + 2;
        QPixmap pixmap(px, px);
        pixmap.fill(Qt::transparent);
        QCPPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QCPScatterStyle vector(shape, QPen(edge, 1.2), QBrush(fill), kPointSize - 1);
        vector.applyTo(&painter, QPen(edge));
        vector.drawShape(&painter, px / 2.0, px / 2.0);
        painter.end();
        return QCPScatterStyle(pixmap);
    }
    return QCPScatterStyle(shape, QPen(edge, 1.2), QBrush(fill), kPointSize);
}

QString methodLegendText(compute::EstimateMethod method)
{
    switch (method) {
    case compute::EstimateMethod::Reported: return QStringLiteral("Reported");
    case compute::EstimateMethod::Operations: return QStringLiteral("Counting operations");
    case compute::EstimateMethod::Hardware: return QStringLiteral("Hardware time");
    case compute::EstimateMethod::ParametersTokens: return QStringLiteral("6 × N × D");
    }
    return {};
}

} // namespace

QString computeAxisLabel(compute::ComputeUnit units)
{
    return units == compute::ComputeUnit::Flop
               ? QStringLiteral("Training compute (FLOP)")
               : QStringLiteral("Training compute (petaflop/s-days)");
}

ChartRenderer::ChartRenderer(QCustomPlot *plot) : m_plot(plot) {}

void ChartRenderer::setUp()
{
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->setNotAntialiasedElements(QCP::aeNone);
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
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

void ChartRenderer::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_pointGraphs.clear();
    m_labels.clear();
    m_labelRuns.clear();
    m_annotations.clear();
    if (m_plot->legend) m_plot->legend->clearItems();
}

void ChartRenderer::render(const ChartScene &scene, const RenderOptions &options)
{
    m_scene = scene;
    m_options = options;
    clear();
    m_plot->yAxis->setLabel(computeAxisLabel(scene.units));
    if (options.bands) drawBands();
    drawPoints();
    if (options.fits) drawFits();
    drawLegend();
    drawTexts();
    relayoutLabels();
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
        QFont f = m_plot->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        name->setFont(f);
        name->setSelectable(false);
    }
}

void ChartRenderer::drawPoints()
{
    for (const ScenePointGroup &g : m_scene.groups) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(styleOf(g, m_options.fastPoints));
        graph->setAdaptiveSampling(true);
        graph->setData(g.keys, g.values, true);
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
        ring->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2),
                                              Qt::NoBrush, 15));
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

void ChartRenderer::drawLegend()
{
    if (!m_options.legend) {
        m_plot->legend->setVisible(false);
        return;
    }
    m_plot->legend->setVisible(true);
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
            dummy->setScatterStyle(styleOf(g, false));
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
        // Annotations sit below the band names.
        for (int i = 0; i < m_annotations.size(); ++i)
            m_annotations[i]->position->setCoords(0.005, 0.06 + 0.055 * i);
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
            if (row == 0) m_plot->plotLayout()->insertRow(0);
            else m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, nullptr);
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

void ChartRenderer::relayoutLabels()
{
    for (QCPItemText *label : m_labels) m_plot->removeItem(label);
    m_labels.clear();
    m_labelRuns.clear();
    if (!m_options.labels || m_scene.points.isEmpty()) return;

    QCPAxisRect *rect = m_plot->axisRect();
    const QRectF bounds = rect->rect();
    if (bounds.width() < 10 || bounds.height() < 10) return;
    const QCPRange xr = m_plot->xAxis->range();
    const QCPRange yr = m_plot->yAxis->range();
    QFont font = m_plot->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    const QFontMetricsF metrics(font);

    // Points in view; the largest compute first (the frontier is what people read).
    QVector<const ScenePoint *> visible;
    QVector<QPointF> obstacles;
    for (const ScenePoint &p : m_scene.points) {
        if (!xr.contains(p.key) || !yr.contains(p.value)) continue;
        visible.append(&p);
    }
    if (visible.isEmpty()) return;
    const int maxCandidates = 1500;
    if (visible.size() > maxCandidates) {
        std::nth_element(visible.begin(), visible.begin() + maxCandidates, visible.end(),
                         [](const ScenePoint *a, const ScenePoint *b) {
                             return a->log10Flop > b->log10Flop;
                         });
    }
    obstacles.reserve(std::min<qsizetype>(visible.size(), 20000));
    for (const ScenePoint *p : visible) {
        if (obstacles.size() >= 20000) break;
        obstacles.append(QPointF(m_plot->xAxis->coordToPixel(p->key),
                                 m_plot->yAxis->coordToPixel(p->value)));
    }
    QVector<LabelCandidate> candidates;
    for (int i = 0; i < std::min<qsizetype>(visible.size(), maxCandidates); ++i) {
        const ScenePoint *p = visible[i];
        const QString text = m_nameOf ? m_nameOf(p->run) : QString();
        if (text.isEmpty()) continue;
        const QPointF anchor(m_plot->xAxis->coordToPixel(p->key), m_plot->yAxis->coordToPixel(p->value));
        double priority = p->log10Flop;
        for (const ScenePoint &s : m_scene.selected)
            if (s.run == p->run) priority += 1000; // selected runs are always labelled first
        candidates.append({p->run, anchor, metrics.size(0, text) + QSizeF(2, 0), priority});
    }
    const QVector<PlacedLabel> placed =
        layoutLabels(candidates, bounds, obstacles, m_options.maxLabels, kPointSize / 2 + 1);
    for (const PlacedLabel &l : placed) {
        auto *label = new QCPItemText(m_plot);
        label->setLayer(kLabelLayer);
        label->setClipToAxisRect(true);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->position->setCoords(l.rect.left(), l.rect.center().y());
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(0, 0, 0, 0));
        label->setFont(font);
        label->setColor(QColor(0x30, 0x30, 0x30));
        label->setText(m_nameOf(l.id));
        label->setSelectable(false);
        m_labels.append(label);
        m_labelRuns.append(l.id);
    }
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
    m_plot->yAxis->setRange(std::pow(10.0, std::floor(lo - pad)), std::pow(10.0, std::ceil(hi + pad)));
}

QVector<int> ChartRenderer::labelledRuns() const
{
    return m_labelRuns;
}

QStringList ChartRenderer::labelTexts() const
{
    QStringList texts;
    for (const QCPItemText *t : m_labels) texts << t->text();
    return texts;
}

QStringList ChartRenderer::annotationTexts() const
{
    QStringList texts;
    for (const QCPItemText *t : m_annotations) texts << t->text();
    return texts;
}

int ChartRenderer::drawnPointCount() const
{
    int n = 0;
    for (const QCPGraph *g : m_pointGraphs) n += g->dataCount();
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
