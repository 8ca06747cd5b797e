// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a chart's texts are, for the tests of clipped and overlapping text: tick labels
// as QCustomPlot lays them out, and every <text> element of an SVG file with the box
// its font gives it.

#include <qcustomplot.h>

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QRectF>
#include <QRegularExpression>
#include <QStack>
#include <QString>
#include <QTransform>
#include <QVector>
#include <QXmlStreamReader>

#include <algorithm>

struct TextBox {
    QString text;
    QRectF rect;
};

// The tick labels of `axis` (bottom or left) in view, in the plot's pixels. A log axis
// with beautiful powers writes "1e+05" as "10" and a smaller "5" beside it, as
// QCPAxisPainterPrivate::getTickLabelData does.
inline QVector<TextBox> tickLabelBoxes(QCPAxis *axis)
{
    QVector<TextBox> boxes;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFont font = axis->tickLabelFont();
    QFont exponentFont = font;
    if (font.pointSize() > 0)
        exponentFont.setPointSize(static_cast<int>(font.pointSize() * 0.75));
    else
        exponentFont.setPixelSize(static_cast<int>(font.pixelSize() * 0.75));
    const QFontMetrics metrics(font), exponentMetrics(exponentFont);
    const bool powers = axis->numberFormat().contains(QLatin1Char('b'));
    const QRect plot = axis->axisRect()->rect();
    const double distance =
        axis->offset() + std::max(0, axis->tickLengthOut()) + axis->tickLabelPadding();
    for (qsizetype i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis->range().contains(ticks[i])) continue;
        const QString &text = labels[i];
        double width = 0;
        const qsizetype e = text.indexOf(QLatin1Char('e'));
        if (powers && e > 0) {
            QString base = text.left(e);
            base =
                base == QStringLiteral("1") ? QStringLiteral("10") : base + QStringLiteral("·10");
            QString exponent = text.mid(e + 1);
            if (exponent.startsWith(QLatin1Char('+'))) exponent.remove(0, 1);
            const bool negative = exponent.startsWith(QLatin1Char('-'));
            if (negative) exponent.remove(0, 1);
            while (exponent.size() > 1 && exponent.startsWith(QLatin1Char('0')))
                exponent.remove(0, 1);
            if (negative) exponent.prepend(QLatin1Char('-'));
            width = metrics.boundingRect(0, 0, 0, 0, Qt::TextDontClip, base).width() +
                    exponentMetrics.boundingRect(0, 0, 0, 0, Qt::TextDontClip, exponent).width() +
                    2;
        } else {
            width = metrics.boundingRect(0, 0, 0, 0, Qt::TextDontClip, text).width();
        }
        const double height = metrics.height();
        const double at = axis->coordToPixel(ticks[i]);
        QRectF r;
        if (axis->axisType() == QCPAxis::atLeft)
            r = QRectF(plot.left() - distance - width, at - height / 2, width, height);
        else if (axis->axisType() == QCPAxis::atBottom)
            r = QRectF(at - width / 2, plot.bottom() + distance, width, height);
        else
            continue;
        boxes.append({text, r});
    }
    return boxes;
}

// Every <text> element of the SVG at `path` with its box (advance by ascent plus
// descent of its font, through the transforms of its groups), and the figure's bounds.
inline QVector<TextBox> svgTextBoxes(const QString &path, QRectF *bounds)
{
    QVector<TextBox> boxes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return boxes;
    struct Frame {
        QTransform transform;
        QString family;
        double size = 12;
        bool bold = false;
    };
    QStack<Frame> frames;
    frames.push({});
    const QRegularExpression matrix(QStringLiteral(
        R"(matrix\(\s*([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)\s*\))"));
    QXmlStreamReader xml(&file);
    auto apply = [&](Frame &f, const QXmlStreamAttributes &a) {
        if (a.hasAttribute(QStringLiteral("transform"))) {
            const auto m = matrix.match(a.value(QStringLiteral("transform")).toString());
            if (m.hasMatch())
                f.transform = QTransform(m.captured(1).toDouble(), m.captured(2).toDouble(),
                                         m.captured(3).toDouble(), m.captured(4).toDouble(),
                                         m.captured(5).toDouble(), m.captured(6).toDouble()) *
                              frames.top().transform;
        }
        if (a.hasAttribute(QStringLiteral("font-family")))
            f.family = a.value(QStringLiteral("font-family"))
                           .toString()
                           .split(QLatin1Char(','))
                           .front()
                           .trimmed()
                           .remove(QLatin1Char('\''))
                           .remove(QLatin1Char('"'));
        if (a.hasAttribute(QStringLiteral("font-size")))
            f.size = a.value(QStringLiteral("font-size"))
                         .toString()
                         .remove(QStringLiteral("px"))
                         .toDouble();
        if (a.hasAttribute(QStringLiteral("font-weight"))) {
            const QString w = a.value(QStringLiteral("font-weight")).toString();
            f.bold = w == QStringLiteral("bold") || w.toInt() >= 600;
        }
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QXmlStreamAttributes a = xml.attributes();
            if (xml.name() == QLatin1String("svg") && bounds) {
                const QStringList box =
                    a.value(QStringLiteral("viewBox")).toString().split(QLatin1Char(' '));
                if (box.size() == 4)
                    *bounds = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(),
                                     box[3].toDouble());
            }
            Frame f = frames.top();
            if (xml.name() == QLatin1String("text")) {
                apply(f, a);
                QFont font(f.family);
                font.setPixelSize(std::max(1, qRound(f.size)));
                font.setBold(f.bold);
                const QFontMetricsF metrics(font);
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                const double x = a.value(QStringLiteral("x")).toDouble();
                const double y = a.value(QStringLiteral("y")).toDouble();
                const QRectF local(x, y - metrics.ascent(), metrics.horizontalAdvance(text),
                                   metrics.ascent() + metrics.descent());
                if (!text.trimmed().isEmpty())
                    boxes.append({text.trimmed(), f.transform.mapRect(local)});
                continue; // readElementText consumed the end element
            }
            apply(f, a);
            frames.push(f);
        } else if (xml.isEndElement()) {
            if (frames.size() > 1) frames.pop();
        }
    }
    return boxes;
}
