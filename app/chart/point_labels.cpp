// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/point_labels.h"

namespace app {

PointLabels::PointLabels(QCustomPlot *plot, const QString &layer)
    : QCPLayerable(plot, layer), m_color(0x30, 0x30, 0x30)
{
}

void PointLabels::setFont(const QFont &font)
{
    if (font == m_font) return;
    m_font = font;
    m_cache.clear();
}

void PointLabels::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    applyAntialiasingHint(painter, true, QCP::aeItems);
}

const QStaticText &PointLabels::staticText(const QString &text)
{
    auto it = m_cache.find(text);
    if (it == m_cache.end()) {
        QStaticText s(text);
        s.setTextFormat(Qt::PlainText);
        s.setPerformanceHint(QStaticText::AggressiveCaching);
        it = m_cache.insert(text, s);
    }
    return *it;
}

void PointLabels::draw(QCPPainter *painter)
{
    if (m_labels.isEmpty()) return;
    painter->save();
    painter->setClipRect(parentPlot()->axisRect()->rect());
    painter->setFont(m_font);
    // Leader lines thin and lighter than the text, under it.
    QColor leaderColor = m_color;
    leaderColor.setAlphaF(0.55);
    painter->setPen(QPen(leaderColor, 0.8));
    for (const Label &l : m_labels)
        if (l.leader) painter->drawLine(*l.leader);
    painter->setPen(m_color);
    const bool vector = painter->modes().testFlag(QCPPainter::pmVectorized) ||
                        painter->modes().testFlag(QCPPainter::pmNoCaching);
    for (const Label &l : m_labels) {
        if (vector)
            painter->drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text);
        else {
            const QStaticText &s = staticText(l.text);
            painter->drawStaticText(
                QPointF(l.rect.left(), l.rect.center().y() - s.size().height() / 2), s);
        }
    }
    painter->restore();
}

} // namespace app
