// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/figure_legend.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace app {
namespace {

constexpr double kSwatchGap = 5;   // between a swatch and its text
constexpr double kColumnGap = 16;  // between columns
constexpr double kHeadingGap = 10; // between a group's title and its entries
constexpr double kRightMargin = 8; // kept free at the figure's right edge

QString headingOf(const LegendEntry &entry)
{
    if (!entry.heading.isEmpty()) return entry.heading;
    switch (entry.group) {
    case LegendEntry::Group::Domain:
        return QStringLiteral("Domain");
    case LegendEntry::Group::Method:
        return QStringLiteral("Estimate");
    case LegendEntry::Group::Trend:
        return QStringLiteral("Trend");
    case LegendEntry::Group::Overlay:
        return QStringLiteral("Analysis");
    }
    return {};
}

// Greedy word wrap to `width`; a word longer than a line is broken where it must be.
QStringList wrapped(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '))) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(candidate) <= width || line.isEmpty()) {
            line = candidate;
        } else {
            lines << line;
            line = word;
        }
        while (metrics.horizontalAdvance(line) > width && line.size() > 1) {
            qsizetype fit = line.size() - 1;
            while (fit > 1 && metrics.horizontalAdvance(line.left(fit)) > width)
                --fit;
            lines << line.left(fit);
            line = line.mid(fit);
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines;
}

} // namespace

QCPScatterStyle::ScatterShape qcpShapeOf(MarkerShape shape)
{
    switch (shape) {
    case MarkerShape::Disc:
        return QCPScatterStyle::ssDisc;
    case MarkerShape::Square:
        return QCPScatterStyle::ssSquare;
    case MarkerShape::Diamond:
        return QCPScatterStyle::ssDiamond;
    case MarkerShape::Triangle:
        return QCPScatterStyle::ssTriangle;
    case MarkerShape::TriangleDown:
        return QCPScatterStyle::ssTriangleInverted;
    case MarkerShape::Ring:
        return QCPScatterStyle::ssCircle;
    }
    return QCPScatterStyle::ssDisc;
}

FigureLegend::FigureLegend(QCustomPlot *plot) : QCPLayoutElement(plot)
{
    setLayer(QStringLiteral("legend"));
    setAutoMargins(QCP::msNone);
    setMargins(QMargins(0, 0, 0, 0));
}

void FigureLegend::setLook(const ChartLook &look, double maxHeightFraction)
{
    m_look = look;
    m_font = look.sized(look.legendPt);
    m_headingFont = look.sized(look.legendPt, true);
    m_maxFraction = maxHeightFraction;
}

double FigureLegend::indent() const
{
    return std::max(0, mParentPlot->axisRect()->left() - mRect.left());
}

FigureLegend::Layout FigureLegend::layout(double width, Collapse collapse) const
{
    Layout out;
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF headingMetrics(m_headingFont);
    const double lineHeight = std::ceil(metrics.height());
    const double rowHeight = std::max(lineHeight, m_look.markerSize) + 3;
    const double markerWidth = m_look.markerSize + 4;
    const double lineWidth = std::round(2.2 * lineHeight);
    constexpr LegendEntry::Group kOrder[] = {LegendEntry::Group::Domain, LegendEntry::Group::Method,
                                             LegendEntry::Group::Trend,
                                             LegendEntry::Group::Overlay};
    auto shown = [collapse](const LegendEntry &e) {
        switch (collapse) {
        case Collapse::None:
            return true;
        case Collapse::WithoutEstimates:
        case Collapse::BriefTrends:
            return e.group != LegendEntry::Group::Method;
        default:
            return e.group == LegendEntry::Group::Trend || e.group == LegendEntry::Group::Overlay;
        }
    };
    auto textOf = [collapse](const LegendEntry &e) -> const QString & {
        return collapse == Collapse::BriefTrends && !e.briefText.isEmpty() ? e.briefText : e.text;
    };
    double headingWidth = 0;
    if (m_look.legendHeadings)
        for (const LegendEntry &e : m_entries)
            if (shown(e))
                headingWidth = std::max(
                    headingWidth, headingMetrics.horizontalAdvance(headingOf(e)) + kHeadingGap);
    const double available = std::max(20.0, width - headingWidth);
    double y = 0;
    for (LegendEntry::Group group : kOrder) {
        QVector<int> members;
        for (int i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].group == group && shown(m_entries[i])) members << i;
        if (members.isEmpty()) continue;
        auto swatchWidth = [&](const LegendEntry &e) {
            return e.swatch == LegendEntry::Swatch::Marker ? markerWidth : lineWidth;
        };
        QVector<double> keyWidths;
        for (int i : members)
            keyWidths << swatchWidth(m_entries[i]) + kSwatchGap +
                             metrics.horizontalAdvance(textOf(m_entries[i]));
        double column = *std::max_element(keyWidths.begin(), keyWidths.end());
        const bool markers = std::all_of(members.begin(), members.end(), [&](int i) {
            return m_entries[i].swatch == LegendEntry::Swatch::Marker;
        });
        // Columns each as wide as their widest key, as many as fit with no key wrapped:
        // one long key ("Image generation") then widens its own column only. Markers'
        // keys keep at least four columns.
        QVector<double> fitted;
        const int fewest = markers ? std::min(4, static_cast<int>(members.size())) : 1;
        for (int count = static_cast<int>(members.size()); count >= fewest && fitted.isEmpty();
             --count) {
            QVector<double> widths(count, 0.0);
            for (int k = 0; k < keyWidths.size(); ++k)
                widths[k % count] = std::max(widths[k % count], keyWidths[k]);
            if (std::accumulate(widths.begin(), widths.end(), 0.0) + (count - 1) * kColumnGap <=
                available)
                fitted = widths;
        }
        // Else a long value ("United Kingdom of Great Britain and Northern Ireland") wraps
        // in its column rather than taking a row.
        if (markers)
            column = std::min(column, std::max(markerWidth + kSwatchGap + 40,
                                               (available + kColumnGap) / 4 - kColumnGap));
        const int columns =
            !fitted.isEmpty()
                ? static_cast<int>(fitted.size())
                : std::clamp(static_cast<int>((available + kColumnGap) / (column + kColumnGap)), 1,
                             static_cast<int>(members.size()));
        const double columnWidth = columns == 1 ? available : column + kColumnGap;
        // Where each column starts, and the room for its keys.
        const auto columnLeft = [&](int col) {
            if (fitted.isEmpty()) return col * columnWidth;
            return std::accumulate(fitted.begin(), fitted.begin() + col, 0.0) + col * kColumnGap;
        };
        const auto columnRoom = [&](int col) {
            if (fitted.isEmpty()) return columns == 1 ? available : column;
            return columns == 1 ? available : fitted[col] + 1; // + 1: never wrapped by rounding
        };
        if (m_look.legendHeadings) out.headings.append({headingOf(m_entries[members.front()]), y});
        double rowTop = y, rowBottom = y;
        for (int k = 0; k < members.size(); ++k) {
            const LegendEntry &e = m_entries[members[k]];
            const int col = k % columns;
            if (col == 0 && k > 0) rowTop = rowBottom;
            const double x = headingWidth + columnLeft(col);
            const double swatch = swatchWidth(e);
            const double textWidth = columnRoom(col) - swatch - kSwatchGap;
            const QStringList lines = wrapped(textOf(e), metrics, std::max(10.0, textWidth));
            const double height = std::max(rowHeight, lines.size() * lineHeight + 3);
            Placed p;
            p.entry = members[k];
            p.swatch = QRectF(x, rowTop + (rowHeight - lineHeight) / 2, swatch, lineHeight);
            p.wrapped = lines.join(QLatin1Char('\n'));
            double widest = 0;
            for (const QString &line : lines)
                widest = std::max(widest, metrics.horizontalAdvance(line));
            p.text = QRectF(x + swatch + kSwatchGap, rowTop + (rowHeight - lineHeight) / 2,
                            std::ceil(widest) + 1, lines.size() * lineHeight);
            out.placed.append(p);
            rowBottom = std::max(rowBottom, rowTop + height);
        }
        y = rowBottom + 2;
    }
    out.height = y > 0 ? std::ceil(y + 2) : 0;
    return out;
}

int FigureLegend::arrange(double right, double figureHeight)
{
    const double left = mParentPlot->axisRect()->left();
    const double width = right - left - kRightMargin;
    const double most = m_maxFraction * figureHeight;
    for (Collapse c : {Collapse::None, Collapse::WithoutEstimates, Collapse::BriefTrends,
                       Collapse::TrendsOnly}) {
        m_collapse = c;
        m_layout = layout(width, c);
        if (m_layout.height <= most) break;
    }
    if (m_layout.height > most) {
        m_collapse = Collapse::Hidden;
        m_layout = Layout();
    }
    m_height = static_cast<int>(m_layout.height);
    setVisible(m_height > 0);
    return m_height;
}

QVector<QRectF> FigureLegend::headingRects() const
{
    QVector<QRectF> rects;
    const double lineHeight = std::ceil(QFontMetricsF(m_font).height());
    const double rowHeight = std::max(lineHeight, m_look.markerSize) + 3;
    for (const auto &[heading, top] : m_layout.headings)
        rects << QRectF(0, top + (rowHeight - lineHeight) / 2,
                        QFontMetricsF(m_headingFont).horizontalAdvance(heading) + 2, lineHeight);
    return rects;
}

void FigureLegend::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    applyAntialiasingHint(painter, true, QCP::aeLegendItems);
}

void FigureLegend::drawSwatch(QCPPainter *painter, const LegendEntry &e, const QRectF &box) const
{
    const QPointF centre = box.center();
    switch (e.swatch) {
    case LegendEntry::Swatch::Marker: {
        QColor fill = e.color;
        fill.setAlpha(e.hollow ? 0 : 210);
        const QCPScatterStyle style(qcpShapeOf(e.shape),
                                    QPen(e.color.darker(130), m_look.markerEdge), QBrush(fill),
                                    m_look.markerSize);
        style.applyTo(painter, style.pen());
        style.drawShape(painter, centre);
        break;
    }
    case LegendEntry::Swatch::Band:
    case LegendEntry::Swatch::LineWithBand: {
        QColor band = e.color;
        band.setAlpha(e.bandAlpha);
        painter->setPen(Qt::NoPen);
        painter->setBrush(band);
        painter->drawRect(box.adjusted(0, 1, 0, -1));
        if (e.swatch == LegendEntry::Swatch::Band) break;
        [[fallthrough]];
    }
    case LegendEntry::Swatch::Line:
        painter->setPen(QPen(e.color, m_look.fitLineWidth, e.penStyle, Qt::FlatCap));
        painter->drawLine(QPointF(box.left(), centre.y()), QPointF(box.right(), centre.y()));
        break;
    }
}

void FigureLegend::draw(QCPPainter *painter)
{
    if (m_layout.placed.isEmpty()) return;
    const QPointF origin(mRect.left() + indent(), mRect.top());
    painter->setFont(m_headingFont);
    painter->setPen(m_look.citationColor);
    const QVector<QRectF> headings = headingRects();
    for (qsizetype i = 0; i < headings.size(); ++i)
        painter->drawText(headings[i].translated(origin), Qt::AlignLeft | Qt::AlignVCenter,
                          m_layout.headings[i].first);
    for (const Placed &p : m_layout.placed) {
        const LegendEntry &e = m_entries[p.entry];
        painter->save();
        drawSwatch(painter, e, p.swatch.translated(origin));
        painter->restore();
        painter->setFont(m_font);
        painter->setPen(m_look.textColor);
        painter->drawText(p.text.translated(origin), Qt::AlignLeft | Qt::AlignTop, p.wrapped);
    }
}

} // namespace app
