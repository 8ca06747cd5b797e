// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

#include <QHash>
#include <QStaticText>
#include <QVector>

#include <optional>

namespace app {

// All point labels of the chart as one layerable. On screen each label's layout is
// cached (QStaticText), so a replot does not shape a hundred strings again; vector
// exports draw plain text so SVG keeps <text> and PDF selectable text.
class PointLabels : public QCPLayerable {
    Q_OBJECT

public:
    struct Label {
        int run = -1;
        QRectF rect; // pixels, where the text goes
        QString text;
        std::optional<QLineF> leader; // from the point to a label set apart
    };

    PointLabels(QCustomPlot *plot, const QString &layer);

    void setFont(const QFont &font);
    void setColor(const QColor &color) { m_color = color; }
    void setLabels(QVector<Label> labels) { m_labels = std::move(labels); }
    const QVector<Label> &labels() const { return m_labels; }

    double selectTest(const QPointF &, bool, QVariant * = nullptr) const override { return -1; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;

private:
    const QStaticText &staticText(const QString &text);

    QFont m_font;
    QColor m_color;
    QVector<Label> m_labels;
    QHash<QString, QStaticText> m_cache;
};

} // namespace app
