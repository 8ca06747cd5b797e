// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/era_names.h"

#include <algorithm>
#include <cmath>

namespace app {
namespace {

constexpr double kPad = 4;  // between a boundary line and its name
constexpr double kGap = 10; // between two names in a row

} // namespace

EraNames::EraNames(QCustomPlot *plot) : QCPLayoutElement(plot)
{
    setLayer(QStringLiteral("legend"));
    setAutoMargins(QCP::msNone);
    setMargins(QMargins(0, 0, 0, 0));
}

int EraNames::arrange()
{
    m_placed.clear();
    m_rows.clear();
    QCPAxis *axis = mParentPlot->xAxis;
    const QRect plot = mParentPlot->axisRect()->rect();
    const double left = plot.left(), right = plot.right();
    const QCPRange range = axis->range();
    const QFontMetricsF metrics(m_font);
    m_lineHeight = std::ceil(metrics.height() + 2);
    QVector<double> rowEnds;
    for (int e = 0; e < m_eras.size(); ++e) {
        const Era &era = m_eras[e];
        if (!(era.to > range.lower) || !(era.from < range.upper) || era.name.isEmpty()) continue;
        const double from = std::isfinite(era.from) ? axis->coordToPixel(era.from) : left;
        const double to = std::isfinite(era.to) ? axis->coordToPixel(era.to) : right;
        const double start = std::max(from, left), end = std::min(to, right);
        if (end - start < 1) continue;
        QString text = era.name;
        double width = metrics.horizontalAdvance(text);
        if (width > right - left - kPad) { // wider than the plot: the one case of eliding
            text = metrics.elidedText(text, Qt::ElideRight, right - left - kPad);
            width = metrics.horizontalAdvance(text);
        }
        // By its boundary line, pulled back inside the plot at the right edge.
        const double x = std::clamp(start + kPad, left, right - width);
        int row = 0;
        while (row < rowEnds.size() && x < rowEnds[row])
            ++row;
        if (row == rowEnds.size()) rowEnds.append(0);
        rowEnds[row] = x + width + kGap;
        m_placed.append({e, text, QRectF(x, 0, width, m_lineHeight)});
        m_rows.append(row);
    }
    m_height = rowEnds.isEmpty() ? 0 : static_cast<int>(rowEnds.size() * m_lineHeight + 2);
    return m_height;
}

void EraNames::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    applyAntialiasingHint(painter, true, QCP::aeItems);
}

void EraNames::draw(QCPPainter *painter)
{
    if (m_placed.isEmpty()) return;
    const QRect strip = mRect;
    painter->setFont(m_font);
    for (qsizetype i = 0; i < m_placed.size(); ++i) {
        Placed &p = m_placed[i];
        // Row 0 sits right on the plot; later rows stack upwards.
        const double bottom = strip.bottom() + 1 - m_rows[i] * m_lineHeight;
        p.rect.moveTop(bottom - m_lineHeight);
        painter->setPen(m_eras[p.era].color.darker(160));
        painter->drawText(p.rect, Qt::AlignLeft | Qt::AlignVCenter, p.text);
    }
}

} // namespace app
