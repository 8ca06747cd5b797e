// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/figure_exporter.h"

#include "app/chart/segment_clip.h"
#include "app/export/figure_style.h"
#include "app/export/png_encoder.h"

#include "app/data/atomic_file.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <cmath>

namespace app {
namespace {

constexpr double kLogicalDpi = 96.0;

// Qt writes font-family="DejaVu Sans" (or Qt's own "Sans Serif", which is no CSS
// family): each list gets the generic sans-serif at its end, so a browser, Inkscape or
// librsvg without the font draws a sans-serif face rather than its default serif.
QByteArray withGenericFontFamilies(const QByteArray &svg)
{
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    const QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size() + text.size() / 16);
    qsizetype last = 0;
    for (auto it = family.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).trimmed();
        if (name.isEmpty() || name == QLatin1String("Sans Serif") ||
            name == QLatin1String("sans-serif"))
            out += QStringLiteral("font-family=\"sans-serif\"");
        else
            out += QStringLiteral("font-family=\"'%1', sans-serif\"").arg(name);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace

std::optional<FigureFormat> figureFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return FigureFormat::Png;
    if (suffix == QLatin1String("svg")) return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf")) return FigureFormat::Pdf;
    return std::nullopt;
}

ChartScene clipScene(const ChartScene &scene, double kl, double kh, double vl, double vh)
{
    ChartScene out = scene;
    auto inside = [&](double k, double v) { return k >= kl && k <= kh && v >= vl && v <= vh; };
    // Points outside the ranges go; each group keeps its slice of what remains.
    QVector<ScenePoint> points;
    points.reserve(scene.points.size());
    for (ScenePointGroup &g : out.groups) {
        const int begin = static_cast<int>(points.size());
        for (int p = g.begin; p < g.end; ++p)
            if (inside(scene.points[p].key, scene.points[p].value)) points.append(scene.points[p]);
        g.begin = begin;
        g.end = static_cast<int>(points.size());
    }
    out.points = std::move(points);
    out.groups.erase(std::remove_if(out.groups.begin(), out.groups.end(),
                                    [](const ScenePointGroup &g) { return g.size() == 0; }),
                     out.groups.end());
    auto keepPoints = [&](QVector<ScenePoint> &list) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const ScenePoint &p) { return !inside(p.key, p.value); }),
                   list.end());
    };
    keepPoints(out.selected);

    for (SceneBand &b : out.bands) {
        b.from = std::clamp(b.from, kl, kh);
        b.to = std::clamp(b.to, kl, kh);
    }
    out.bands.erase(std::remove_if(out.bands.begin(), out.bands.end(),
                                   [](const SceneBand &b) { return !(b.to > b.from); }),
                    out.bands.end());

    const double ll = std::log10(vl), lh = std::log10(vh);
    for (SceneFit &f : out.fits) {
        if (!f.ok || f.keys.size() < 2) continue;
        // The fit line is straight in (key, log10 value): clip its end points.
        double x0 = f.keys.front(), x1 = f.keys.back();
        double y0 = std::log10(f.values.front()), y1 = std::log10(f.values.back());
        const bool visible = clipSegment(x0, y0, x1, y1, kl, kh, ll, lh);
        // The confidence band is an area: clamping it to the plot is clipping it.
        QVector<double> keys, values, low, high;
        const int samples = static_cast<int>(f.keys.size());
        const double a = std::max(kl, f.keys.front()), b = std::min(kh, f.keys.back());
        const bool band = f.low.size() == samples && f.high.size() == samples;
        for (int s = 0; band && s < samples && b > a; ++s) {
            const double k = a + (b - a) * s / (samples - 1);
            // Interpolate the sampled curves at k (they are sampled uniformly in key).
            const double t =
                (k - f.keys.front()) / (f.keys.back() - f.keys.front()) * (samples - 1);
            const int i = std::clamp(static_cast<int>(t), 0, samples - 2);
            const double u = t - i;
            auto lerpLog = [&](const QVector<double> &v) {
                return std::pow(10.0, (1 - u) * std::log10(v[i]) + u * std::log10(v[i + 1]));
            };
            keys << k;
            low << std::clamp(lerpLog(f.low), vl, vh);
            high << std::clamp(lerpLog(f.high), vl, vh);
        }
        if (visible) {
            for (int s = 0; s < samples; ++s) {
                const double t = static_cast<double>(s) / (samples - 1);
                values << std::pow(10.0, y0 + (y1 - y0) * t);
            }
            QVector<double> lineKeys;
            for (int s = 0; s < samples; ++s)
                lineKeys << x0 + (x1 - x0) * s / (samples - 1);
            // Line and band share keys only when unclipped; keep them separate.
            f.keys = lineKeys;
            f.values = values;
        } else {
            f.keys.clear();
            f.values.clear();
        }
        f.low = low;
        f.high = high;
        f.bandKeys = keys;
    }
    // Reference lines are straight in (key, log10 value): clip their end points.
    for (SceneLine &line : out.referenceLines) {
        if (line.keys.size() != 2) continue;
        double x0 = line.keys[0], x1 = line.keys[1];
        double y0 = std::log10(line.values[0]), y1 = std::log10(line.values[1]);
        if (!clipSegment(x0, y0, x1, y1, kl, kh, ll, lh)) {
            line.keys.clear();
            line.values.clear();
            continue;
        }
        line.keys = {x0, x1};
        line.values = {std::pow(10.0, y0), std::pow(10.0, y1)};
    }
    // A projection fan: drop samples beyond the keys, clamp the bands (areas), and keep
    // the line only where it is inside the value range.
    for (SceneFan &fan : out.fans) {
        SceneFan kept = fan;
        for (QVector<double> *v : {&kept.keys, &kept.values, &kept.meanLow, &kept.meanHigh,
                                   &kept.predictionLow, &kept.predictionHigh})
            v->clear();
        for (qsizetype i = 0; i < fan.keys.size(); ++i) {
            if (fan.keys[i] < kl || fan.keys[i] > kh) continue;
            kept.keys << fan.keys[i];
            kept.values << (fan.values[i] >= vl && fan.values[i] <= vh ? fan.values[i] : qQNaN());
            kept.meanLow << std::clamp(fan.meanLow[i], vl, vh);
            kept.meanHigh << std::clamp(fan.meanHigh[i], vl, vh);
            kept.predictionLow << std::clamp(fan.predictionLow[i], vl, vh);
            kept.predictionHigh << std::clamp(fan.predictionHigh[i], vl, vh);
        }
        fan = kept;
    }
    auto outside = [&](const ScenePoint &p) { return !inside(p.key, p.value); };
    for (QVector<ScenePoint> *marks : {&out.marked, &out.added, &out.removed})
        marks->erase(std::remove_if(marks->begin(), marks->end(), outside), marks->end());
    // An arrow is kept whole or not at all (its head is where it ends).
    out.moved.removeIf([&](const SceneArrow &a) {
        return !inside(a.fromKey, a.fromValue) || !inside(a.toKey, a.toValue);
    });
    return out;
}

struct FigureExporter::Plot {
    QCustomPlot plot;
    ChartRenderer renderer{&plot};
    bool drawn = false;
};

FigureExporter::FigureExporter(ChartScene scene, NameProvider nameOf, FigureRequest request)
    : m_scene(std::move(scene)), m_nameOf(std::move(nameOf)), m_request(std::move(request)),
      m_plot(std::make_unique<Plot>())
{
}

FigureExporter::FigureExporter(FigureExporter &&) noexcept = default;
FigureExporter::~FigureExporter() = default;

QSize FigureExporter::layoutSize() const
{
    const FigureStyle *style = figureStyleNamed(m_request.style);
    if (!style || style->layoutWidth <= 0 || m_request.width <= 0)
        return {m_request.width, m_request.height};
    // The style's width and the requested shape: a figure asked for at 2400 px reads
    // like one of 6.5 inches, scaled up.
    const double width = style->layoutWidth;
    return {static_cast<int>(std::lround(width)),
            static_cast<int>(std::lround(width * m_request.height / m_request.width))};
}

void FigureExporter::prepare()
{
    if (m_plot->drawn) return;
    QCustomPlot &plot = m_plot->plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    const QSize size = layoutSize();
    plot.resize(size);
    plot.setViewport(QRect(QPoint(0, 0), size));
    ChartRenderer &renderer = m_plot->renderer;
    renderer.setUp();
    renderer.setNameProvider(m_nameOf);
    if (m_request.keyRange)
        plot.xAxis->setRange(m_request.keyRange->first, m_request.keyRange->second);
    if (m_request.valueRange)
        plot.yAxis->setRange(m_request.valueRange->first, m_request.valueRange->second);
    if (!m_request.keyRange || !m_request.valueRange) {
        const QCPRange x = plot.xAxis->range(), y = plot.yAxis->range();
        // With the dates given, the values span the runs between them.
        ChartScene extent;
        if (m_request.keyRange) {
            bool any = false;
            for (const ScenePoint &p : m_scene.points) {
                if (p.key < x.lower || p.key > x.upper) continue;
                extent.minValue = any ? std::min(extent.minValue, p.value) : p.value;
                extent.maxValue = any ? std::max(extent.maxValue, p.value) : p.value;
                any = true;
            }
            if (any) {
                extent.points.append(ScenePoint());
                extent.minKey = x.lower;
                extent.maxKey = x.upper;
            }
        }
        renderer.rescaleToData(extent.points.isEmpty() ? m_scene : extent);
        if (m_request.keyRange) plot.xAxis->setRange(x);
        if (m_request.valueRange) plot.yAxis->setRange(y);
    }
    const QCPRange x = plot.xAxis->range(), y = plot.yAxis->range();
    RenderOptions options = m_request.options;
    options.screen = false; // vector markers in every format
    options.selection = false;
    if (const FigureStyle *style = figureStyleNamed(m_request.style)) {
        options.look = style->look;
        options.maxLabels = style->maxLabels;
        options.labelPriority = style->labelPriority;
        options.bands = options.bands && style->eraBands;
    }
    renderer.render(clipScene(m_scene, x.lower, x.upper, y.lower, y.upper), options);
    // Lay out at the final size: labels are placed for this figure (afterLayout). The
    // axis margins depend on tick labels generated during the first layout, so it takes
    // a second pass for them (and the label positions) to settle.
    plot.replot(QCustomPlot::rpImmediateRefresh);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    m_plot->drawn = true;
}

const ChartRenderer &FigureExporter::renderer()
{
    prepare();
    return m_plot->renderer;
}

QCustomPlot *FigureExporter::plot()
{
    prepare();
    return &m_plot->plot;
}

QImage FigureExporter::toImage()
{
    prepare();
    const QSize size = layoutSize();
    // Laid out at `size`, drawn at the requested pixels, straight into an opaque image
    // (toPixmap() would paint a pixmap and copy it into an image; the PNG encoder reads
    // RGB32 rows as they are).
    const QSize wanted(static_cast<int>(std::lround(m_request.width * m_request.scale)),
                       static_cast<int>(std::lround(m_request.height * m_request.scale)));
    QImage image(wanted, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setMode(QCPPainter::pmNoCaching);
        const double scale = static_cast<double>(wanted.width()) / std::max(1, size.width());
        // As toPixmap() does: pens scale with the figure (a 1 px grid line stays one
        // layout pixel wide), except when shrinking, where they would vanish.
        if (scale > 1.0) painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(scale, scale);
        m_plot->plot.toPainter(&painter, size.width(), size.height());
    }
    image.setDotsPerMeterX(static_cast<int>(std::lround(kLogicalDpi * m_request.scale / 0.0254)));
    image.setDotsPerMeterY(image.dotsPerMeterX());
    for (auto it = m_request.metadata.cbegin(); it != m_request.metadata.cend(); ++it)
        image.setText(it.key(), it.value());
    if (!m_request.title.isEmpty()) image.setText(QStringLiteral("Title"), m_request.title);
    if (!m_request.reproducibility.isEmpty())
        image.setText(kReproducibilityKey, m_request.reproducibility);
    return image;
}

QByteArray FigureExporter::toSvg()
{
    prepare();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(QSize(m_request.width, m_request.height));
    // The view box is the layout's size: the figure scales to width x height.
    const QSize size = layoutSize();
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // QSvgGenerator assumes 72 dpi; the plot lays text out at its logical DPI (96 here),
    // so without this point-size fonts come out at 75%.
    generator.setResolution(m_plot->plot.logicalDpiX());
    // Qt 6.4 writes title and description without escaping them.
    generator.setTitle(m_request.title.toHtmlEscaped());
    QStringList description;
    for (auto it = m_request.metadata.cbegin(); it != m_request.metadata.cend(); ++it)
        description << it.key() + QStringLiteral(": ") + it.value();
    if (!m_request.reproducibility.isEmpty())
        description << kReproducibilityKey + QStringLiteral(": ") + m_request.reproducibility;
    generator.setDescription(description.join(QLatin1Char('\n')).toHtmlEscaped());
    QCPPainter painter;
    painter.begin(&generator);
    painter.setMode(QCPPainter::pmVectorized);
    // toPainter() draws without QCustomPlot's cached pixmaps (render() would paint them as
    // embedded images), so the text stays <text>.
    m_plot->plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return withGenericFontFamilies(bytes);
}

QByteArray FigureExporter::toPdf()
{
    prepare();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(static_cast<int>(kLogicalDpi));
    writer.setCreator(QStringLiteral("Compute Explorer"));
    writer.setTitle(m_request.title);
    if (!m_request.reproducibility.isEmpty())
        writer.addFileAttachment(kReproducibilityAttachment, m_request.reproducibility.toUtf8(),
                                 QStringLiteral("application/json"));
    // One page exactly the figure's size: width px at 96 dpi = width x 0.75 pt.
    const QSizeF points(m_request.width * 72.0 / kLogicalDpi,
                        m_request.height * 72.0 / kLogicalDpi);
    writer.setPageLayout(
        QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QCPPainter painter;
    if (!painter.begin(&writer)) return {};
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    // The layout's pixels scaled to fill the page.
    const QSize size = layoutSize();
    painter.scale(static_cast<double>(m_request.width) / size.width(),
                  static_cast<double>(m_request.height) / size.height());
    m_plot->plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return bytes;
}

QByteArray FigureExporter::encode(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png: {
        // toImage() carries the dots per metre and the text chunks.
        const QImage image = toImage();
        QMap<QString, QString> texts;
        for (const QString &key : image.textKeys())
            texts.insert(key, image.text(key));
        return encodeOpaquePng(image, texts);
    }
    case FigureFormat::Svg:
        return toSvg();
    case FigureFormat::Pdf:
        return toPdf();
    }
    return {};
}

std::optional<QString> FigureExporter::write(const QString &path)
{
    const auto format = figureFormatOf(path);
    if (!format)
        return QStringLiteral("%1: unknown figure format '%2' (expected .png, .svg or .pdf)")
            .arg(path, QFileInfo(path).suffix());
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QStringLiteral("%1: cannot be written: the folder %2 does not exist")
            .arg(path, info.absolutePath());
    const QByteArray bytes = encode(*format);
    if (bytes.isEmpty()) return QStringLiteral("%1: the figure could not be rendered").arg(path);
    return writeFileDurably(path, bytes);
}

} // namespace app
