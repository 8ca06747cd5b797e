// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_renderer.h"

#include "app/chart/comparison_marks.h"
#include "app/chart/era_bands.h"
#include "app/chart/era_names.h"
#include "app/chart/figure_legend.h"
#include "app/chart/label_layout.h"
#include "app/chart/legend_builder.h"
#include "app/chart/point_cloud.h"
#include "app/chart/point_labels.h"
#include "app/chart/power_ticker.h"
#include "app/chart/year_ticker.h"
#include "app/format/unit_format.h"
#include "core/model/compute_estimate.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace app {
namespace {

const QString kBandLayer = QStringLiteral("bands");
const QString kLabelLayer = QStringLiteral("labels");
// Up to this many points in view, those under another marker get labels too.
constexpr std::size_t kMostNamedUnder = 200;

QCPScatterStyle vectorStyleOf(const ScenePointGroup &g, double size, double edgeWidth)
{
    const QColor edge = g.color.darker(130);
    QColor fill = g.color;
    fill.setAlpha(g.upperBound ? 0 : 210);
    return QCPScatterStyle(qcpShapeOf(markerShapeOf(g.method, g.upperBound)), QPen(edge, edgeWidth),
                           QBrush(fill), size);
}

// A group's marker drawn once, for the screen, at the screen's device pixel ratio so
// it stays sharp on high-DPI displays.
QImage spriteOf(const ScenePointGroup &g, double size, double edgeWidth)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    const int px = static_cast<int>(size) + 2;
    QImage sprite(QSize(px, px) * ratio, QImage::Format_ARGB32_Premultiplied);
    sprite.setDevicePixelRatio(ratio);
    sprite.fill(Qt::transparent);
    QCPPainter painter(&sprite);
    painter.setRenderHint(QPainter::Antialiasing);
    const QCPScatterStyle style = vectorStyleOf(g, size - 1, edgeWidth);
    style.applyTo(&painter, style.pen());
    style.drawShape(&painter, px / 2.0, px / 2.0);
    painter.end();
    return sprite;
}

// Greedy word wrap of a one-line text to `width` pixels (the citation line).
QString wrappedText(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '))) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
        } else {
            lines << line;
            line = word;
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ChartRenderer::ChartRenderer(QCustomPlot *plot) : m_plot(plot) {}

void ChartRenderer::setUp()
{
    // Before each replot the margins (names, legend, citation) are sized for the new
    // size and ranges; right after its layout, markers are thinned and labels placed.
    QObject::connect(m_plot, &QCustomPlot::beforeReplot, m_plot, [this] { prepareFrame(); });
    QObject::connect(m_plot, &QCustomPlot::afterLayout, m_plot, [this] { relayoutLabels(); });
    // Each element's own setting decides (plottables, items and labels smooth, screen
    // fills not: see RenderOptions::screen). Grid lines are axis-parallel: smoothing
    // only blurs them.
    m_plot->setAntialiasedElements(QCP::aeNone);
    m_plot->setNotAntialiasedElements(QCP::aeGrid | QCP::aeSubGrid);
    m_plot->setBackground(Qt::white);
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
    // A light major grid and no minor one: the data stands out, the decades are findable.
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->grid()->setSubGridVisible(false);
    // Eight minor ticks per decade crowd the decade labels: the log axis has none.
    m_plot->yAxis->setSubTicks(false);
    // A closed frame: top and right axes without labels.
    for (QCPAxis *axis : {m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setVisible(true);
        axis->setTickLabels(false);
        axis->setTicks(false);
    }
    // QCustomPlot's own legend is replaced by FigureLegend, below the plot.
    m_plot->legend->setVisible(false);
    if (m_plot->axisRect()->insetLayout()->take(m_plot->legend))
        m_plot->axisRect()->insetLayout()->simplify();
    m_eraNames = new EraNames(m_plot);
    m_legend = new FigureLegend(m_plot);
    m_look = ChartLook::screen(m_plot->font());
    applyLook();
    arrangeLayout();
}

void ChartRenderer::applyLook()
{
    const QFont ticks = m_look.sized(m_look.tickPt);
    const QFont titles = m_look.sized(m_look.axisTitlePt);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(ticks);
        axis->setLabelFont(titles);
        axis->setTickLabelColor(m_look.textColor);
        axis->setLabelColor(m_look.textColor);
        axis->grid()->setPen(QPen(m_look.gridColor, 1));
    }
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setBasePen(QPen(m_look.frameColor, 1));
        axis->setTickPen(QPen(m_look.frameColor, 1));
        axis->setSubTickPen(QPen(m_look.frameColor, 1));
    }
    m_eraNames->setFont(m_look.sized(m_look.eraNamePt, true));
    m_legend->setLook(m_look, m_look.legendMaxFraction);
}

void ChartRenderer::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_pointGraphs.clear();
    m_overlayGraphs.clear();
    m_labelRuns.clear();
    if (m_plot->legend) m_plot->legend->clearItems();
}

void ChartRenderer::render(ChartScene scene, const RenderOptions &options)
{
    m_scene = std::move(scene);
    m_options = options;
    const ChartLook look = options.look ? *options.look : ChartLook::screen(m_plot->font());
    if (look.font != m_look.font || look.tickPt != m_look.tickPt ||
        look.markerSize != m_look.markerSize || look.markerEdge != m_look.markerEdge)
        m_sprites.clear();
    m_look = look;
    applyLook();
    clear();
    // Dates along a calendar, or powers of ten of a quantity (log-log).
    const bool dated = m_scene.axes.dated();
    if (dated != (dynamic_cast<YearTicker *>(m_plot->xAxis->ticker().data()) != nullptr)) {
        QSharedPointer<QCPAxisTicker> ticker(dated ? static_cast<QCPAxisTicker *>(new YearTicker)
                                                   : new PowerTicker);
        ticker->setTickCount(8);
        m_plot->xAxis->setTicker(ticker);
    }
    m_plot->xAxis->setLabel(quantityAxisLabel(m_scene.axes.x, m_scene.units));
    m_plot->yAxis->setLabel(quantityAxisLabel(m_scene.axes.y, m_scene.units));
    if (options.bands) drawBands();
    drawPoints();
    if (options.fits) drawFits();
    drawOverlays();
    drawTexts();
    arrangeLayout();
    // The margins are sized before the next replot (prepareFrame), markers and labels
    // placed after its layout (relayoutLabels), when the axis rect has its final size.
}

void ChartRenderer::drawBands()
{
    // Pieces that never overlap, so overlapping eras tint the plot once.
    for (const BandPiece &piece : bandPieces(m_scene.bands)) {
        const SceneBand &band = m_scene.bands[piece.band];
        // Open ends reach far beyond any data; the axis rect clips them.
        const double from = std::isfinite(piece.from) ? piece.from : -1e5;
        const double to = std::isfinite(piece.to) ? piece.to : 1e5;
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
        fill.setAlpha(m_look.eraBandAlpha);
        rect->setBrush(fill);
        rect->setPen(Qt::NoPen);
        rect->setSelectable(false);
        // Axis-parallel: smoothing only costs a slow fill of most of the plot.
        rect->setAntialiased(false);
    }
    // A thin line at each boundary inside the view (one at the frame would only
    // thicken it).
    const QCPRange keys = m_plot->xAxis->range();
    for (const EraBoundary &boundary : eraBoundaries(m_scene.bands)) {
        if (!(boundary.key > keys.lower && boundary.key < keys.upper)) continue;
        auto *line = new QCPItemLine(m_plot);
        line->setLayer(kBandLayer);
        line->setClipToAxisRect(true);
        for (QCPItemPosition *p : {line->start, line->end}) {
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        line->start->setCoords(boundary.key, 0);
        line->end->setCoords(boundary.key, 1);
        QColor edge = m_scene.bands[boundary.band].color;
        edge.setAlpha(150);
        line->setPen(QPen(edge, m_look.boundaryWidth));
        line->setSelectable(false);
        line->setAntialiased(false);
    }
    QVector<EraNames::Era> names;
    for (const SceneBand &band : m_scene.bands)
        if (band.color.isValid()) names.append({band.name, band.color, band.from, band.to});
    m_eraNames->setEras(std::move(names));
}

const QImage &ChartRenderer::sprite(const ScenePointGroup &g)
{
    const QString key = QStringLiteral("%1 %2 %3")
                            .arg(g.color.rgba())
                            .arg(static_cast<int>(g.method))
                            .arg(g.upperBound);
    auto it = m_sprites.constFind(key);
    if (it == m_sprites.constEnd())
        it = m_sprites.insert(key, spriteOf(g, m_look.markerSize, m_look.markerEdge));
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
        // On screen the point cloud draws the markers.
        graph->setScatterStyle(m_options.screen
                                   ? QCPScatterStyle(QCPScatterStyle::ssNone)
                                   : vectorStyleOf(g, m_look.markerSize, m_look.markerEdge));
        graph->setAdaptiveSampling(false);
        graph->setName(g.colorGroup);
        graph->setSelectable(QCP::stNone);
        graph->removeFromLegend();
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
        ring->removeFromLegend();
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
            band.setAlpha(m_look.confidenceBandAlpha);
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
        line->setPen(QPen(fit.color, m_look.fitLineWidth));
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
        line->setPen(QPen(fan.color, m_look.fitLineWidth * 0.9, Qt::DashLine));
        line->setName(QStringLiteral("Projection (95% CI and prediction fan)"));
        line->setSelectable(QCP::stNone);
        line->removeFromLegend();
        m_overlayGraphs.append(line);
    }
    for (const SceneLine &ref : m_scene.referenceLines) {
        QCPGraph *line = m_plot->addGraph();
        line->setData(ref.keys, ref.values, true);
        line->setPen(QPen(ref.color, m_look.overlayLineWidth, Qt::DashDotLine));
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
                                               QPen(QColor(0xe6, 0x55, 0x0d), 2), Qt::NoBrush,
                                               2 * m_look.markerSize));
        marks->setData(keys, values, true);
        marks->setName(m_scene.markedLabel.isEmpty() ? QStringLiteral("Marked runs")
                                                     : m_scene.markedLabel);
        marks->setSelectable(QCP::stNone);
        marks->removeFromLegend();
        m_overlayGraphs.append(marks);
    }
    drawComparisonMarks(m_plot, m_scene, m_look, m_overlayGraphs);
}

void ChartRenderer::drawTexts()
{
    auto setElement = [this](QPointer<QCPTextElement> &element, const QString &text,
                             const QFont &font, const QColor &color) {
        if (text.isEmpty()) {
            if (element) element->setText(QString());
            return;
        }
        if (!element) {
            element = new QCPTextElement(m_plot);
            element->setSelectable(false);
            // Left-aligned, as figures in reports put title and source.
            element->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        }
        element->setFont(font);
        element->setTextColor(color);
        element->setText(text);
    };
    setElement(m_title, m_options.title, m_look.sized(m_look.titlePt, true), m_look.textColor);
    setElement(m_citation, m_options.citation, m_look.sized(m_look.citationPt),
               m_look.citationColor);
    if (m_title) m_title->setMargins(QMargins(8, 6, 8, 2));
    if (m_citation) m_citation->setMargins(QMargins(8, 2, 8, 4));
}

void ChartRenderer::arrangeLayout()
{
    QCPLayoutGrid *layout = m_plot->plotLayout();
    QCPAxisRect *plot = m_plot->axisRect();
    const bool title = m_title && !m_title->text().isEmpty();
    const bool citation = m_citation && !m_citation->text().isEmpty();
    QVector<QCPLayoutElement *> above, below;
    if (title) above << m_title;
    above << m_eraNames;
    below << m_legend;
    if (citation) below << m_citation;
    const QVector<QCPLayoutElement *> wanted = above + QVector<QCPLayoutElement *>{plot} + below;
    bool same = layout->elementCount() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = layout->elementAt(i) == wanted[i];
    if (same) return;
    // The axis rect stays in the layout throughout (QCustomPlot looks for it).
    for (QCPLayoutElement *element : {static_cast<QCPLayoutElement *>(m_title.data()),
                                      static_cast<QCPLayoutElement *>(m_eraNames.data()),
                                      static_cast<QCPLayoutElement *>(m_legend.data()),
                                      static_cast<QCPLayoutElement *>(m_citation.data())})
        if (element && element->layout() == layout) layout->take(element);
    layout->simplify();
    for (qsizetype i = above.size() - 1; i >= 0; --i) {
        layout->insertRow(0);
        layout->addElement(0, 0, above[i]);
    }
    for (QCPLayoutElement *element : below)
        layout->addElement(layout->rowCount(), 0, element);
    for (int row = 0; row < layout->rowCount(); ++row)
        layout->setRowStretchFactor(row, layout->element(row, 0) == plot ? 1.0 : 0.001);
    layout->setRowSpacing(0);
    if (m_title) m_title->setVisible(title);
    if (m_citation) m_citation->setVisible(citation);
}

void ChartRenderer::spaceTicks()
{
    // As many ticks as their labels have room for: two and a half label heights per
    // tick up the log axis, about three label widths per tick along the dates.
    const QRect rect = m_plot->axisRect()->rect();
    const QFontMetricsF metrics(m_plot->yAxis->tickLabelFont());
    auto *log = dynamic_cast<QCPAxisTickerLog *>(m_plot->yAxis->ticker().data());
    if (log && rect.height() > 0)
        log->setTickCount(
            std::clamp(static_cast<int>(rect.height() / (2.4 * metrics.height())), 2, 10));
    const bool months = m_plot->xAxis->range().size() < 4;
    const double labelWidth =
        metrics.horizontalAdvance(months ? QStringLiteral("Mar 2017") : QStringLiteral("2000"));
    if (rect.width() > 0)
        m_plot->xAxis->ticker()->setTickCount(
            std::clamp(static_cast<int>(rect.width() / (2.8 * labelWidth)), 2, 8));
    // A tick label at the plot's right end is centred on it: half of it must fit in the
    // right margin, or the figure cuts it.
    const QMargins least = m_plot->axisRect()->minimumMargins();
    const int half = static_cast<int>(std::ceil(labelWidth / 2)) + 4;
    if (least.right() != half)
        m_plot->axisRect()->setMinimumMargins(
            QMargins(least.left(), least.top(), half, least.bottom()));
}

void ChartRenderer::wrapCitation()
{
    // Inside the figure's margins: title and citation wrap instead of running off the edge.
    auto wrap = [this](QCPTextElement *element, const QString &text) {
        if (!element || text.isEmpty()) return;
        const QMargins margins = element->margins();
        const double width = m_plot->viewport().width() - margins.left() - margins.right();
        element->setText(wrappedText(text, QFontMetricsF(element->font()), std::max(40.0, width)));
    };
    wrap(m_citation, m_options.citation);
    wrap(m_title, m_options.title);
}

void ChartRenderer::layOutOnce()
{
    QCPLayoutGrid *layout = m_plot->plotLayout();
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

void ChartRenderer::prepareFrame()
{
    if (!m_legend || !m_eraNames) return;
    wrapCitation();
    const QRect viewport = m_plot->viewport();
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    m_legend->setEntries(
        m_options.legend
            ? legendEntriesFor(m_scene, {x.lower, x.upper, y.lower, y.upper}, m_options.fits)
            : QVector<LegendEntry>());
    if (!m_options.bands) m_eraNames->setEras({});
    // The strip and the legend depend on where the plot lands, which depends on them:
    // lay out, size them for the result, and again until it holds (twice at most).
    int names = -1, legend = -1;
    for (int pass = 0; pass < 3; ++pass) {
        layOutOnce();
        spaceTicks();
        const int newNames = m_eraNames->arrange();
        const int newLegend = m_legend->arrange(viewport.right() + 1, viewport.height());
        if (newNames == names && newLegend == legend) break;
        names = newNames;
        legend = newLegend;
    }
}

void ChartRenderer::relayoutLabels()
{
    if (!m_pointLabels) m_pointLabels = new PointLabels(m_plot, kLabelLayer);
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
    // On a sparse plot a point under another's marker gets its name too (VGG under
    // Seq2Seq on OpenAI's chart at 6.5 inches): beside the marker that covers it.
    std::vector<const ScenePoint *> named;
    if (!m_thinning.covered.empty() && count + m_thinning.covered.size() <= kMostNamedUnder) {
        named.assign(visible.begin(), visible.end());
        named.insert(named.end(), m_thinning.covered.begin(), m_thinning.covered.end());
    }
    placePointLabels(named.empty() ? visible : std::span<const ScenePoint *>(named), obstacles,
                     bounds, map);
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
    m_thinning.covered.clear();
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
            if (cell || count == most) {
                // Under another marker: not drawn, but a sparse plot still names it.
                if (cell && m_thinning.covered.size() < kMostNamedUnder)
                    m_thinning.covered.push_back(&point);
                continue;
            }
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
    const QFont font = m_look.sized(m_look.labelPt);
    if (font != m_labelFont) m_textSizes.clear(); // sizes are per font
    m_labelFont = font;
    m_pointLabels->setFont(font);
    m_pointLabels->setColor(m_look.textColor);
    return QFontMetricsF(font);
}

QVector<LabelCandidate> ChartRenderer::labelCandidates(std::span<const ScenePoint *> visible,
                                                       const PixelMap &map,
                                                       const QSizeF &smallest) const
{
    QSet<int> selected;
    for (const ScenePoint &s : m_scene.selected)
        selected.insert(s.run);
    // Selected runs first, then the largest compute; by date, the largest run of each
    // marker-wide column of the plot comes before all others.
    std::vector<double> priority(visible.size());
    for (std::size_t i = 0; i < visible.size(); ++i)
        priority[i] = visible[i]->log10Flop + (selected.contains(visible[i]->run) ? 1000 : 0);
    if (m_options.labelPriority == LabelPriority::LargestAtEachDate) {
        QHash<int, std::size_t> largest; // column -> index into visible
        for (std::size_t i = 0; i < visible.size(); ++i) {
            const int column =
                static_cast<int>(std::floor(map.of(*visible[i]).x() / m_look.markerSize));
            auto it = largest.find(column);
            if (it == largest.end())
                largest.insert(column, i);
            else if (visible[i]->log10Flop > visible[*it]->log10Flop)
                *it = i;
        }
        for (std::size_t i : largest)
            priority[i] += 500;
    }
    // At most this many candidates: the plot never shows more labels.
    constexpr std::size_t kMaxCandidates = 1500;
    std::vector<std::size_t> order(visible.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (order.size() > kMaxCandidates) {
        std::nth_element(order.begin(), order.begin() + kMaxCandidates, order.end(),
                         [&](std::size_t a, std::size_t b) { return priority[a] > priority[b]; });
        order.resize(kMaxCandidates);
    }
    QVector<LabelCandidate> candidates;
    candidates.reserve(static_cast<qsizetype>(order.size()));
    for (std::size_t i : order)
        candidates.append({visible[i]->run, map.of(*visible[i]), smallest, priority[i]});
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
    for (const PlacedLabel &l :
         layoutLabels(std::move(candidates), bounds, obstacles, m_options.maxLabels,
                      m_look.markerSize / 2 + 1, measure)) {
        shown.append({l.id, l.rect, texts.value(l.id), l.leader});
        m_labelRuns.append(l.id);
    }
    m_pointLabels->setLabels(std::move(shown));
}

void ChartRenderer::rescaleToData(const ChartScene &scene)
{
    if (scene.points.isEmpty()) {
        if (scene.axes.dated())
            m_plot->xAxis->setRange(2010, 2025);
        else
            m_plot->xAxis->setRange(0, 12);
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

const PointLabels *ChartRenderer::pointLabels() const
{
    return m_pointLabels;
}

QStringList ChartRenderer::annotationTexts() const
{
    QStringList texts;
    for (const LegendEntry &e : legendEntries())
        if (e.group == LegendEntry::Group::Trend) texts << e.text;
    return texts;
}

const FigureLegend *ChartRenderer::legend() const
{
    return m_legend;
}

const EraNames *ChartRenderer::eraNames() const
{
    return m_eraNames;
}

QVector<LegendEntry> ChartRenderer::legendEntries() const
{
    QVector<LegendEntry> drawn;
    if (!m_legend) return drawn;
    for (const FigureLegend::Placed &p : m_legend->placed())
        drawn << m_legend->entries()[p.entry];
    return drawn;
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
