// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/chart_figure.h"

#include "app/chart/chart_view.h"
#include "app/document/document.h"
#include "app/export/dataset_figure.h"
#include "app/export/figure_style.h"
#include "core/util/version.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace app {
namespace {

const QString kGroup = QStringLiteral("export/");

// A size as the dialog's spin box takes it: whole pixels, 96 to 9600.
int pixels(const QVariant &value)
{
    const double v = value.toDouble();
    return static_cast<int>(std::lround(std::isfinite(v) ? std::clamp(v, 96.0, 9600.0) : 96.0));
}

} // namespace

FigureSettings rememberedFigureSettings(const compute::Dataset &dataset)
{
    const QSettings s;
    FigureSettings f;
    const int format = s.value(kGroup + QStringLiteral("format"), 0).toInt();
    f.format = format >= 0 && format <= static_cast<int>(FigureFormat::Pdf)
                   ? static_cast<FigureFormat>(format)
                   : FigureFormat::Png;
    f.width = pixels(s.value(kGroup + QStringLiteral("width"), 1200));
    f.height = pixels(s.value(kGroup + QStringLiteral("height"), 800));
    f.dpi = std::clamp(s.value(kGroup + QStringLiteral("dpi"), 192).toInt(), 48, 1200);
    f.title = s.value(kGroup + QStringLiteral("title"), true).toBool();
    f.style = s.value(kGroup + QStringLiteral("style"), f.style).toString();
    if (!figureStyleNamed(f.style)) f.style = defaultFigureStyle().key;
    f.titleText = QString::fromStdString(dataset.metadata.title);
    f.legend = s.value(kGroup + QStringLiteral("legend"), true).toBool();
    f.labels = s.value(kGroup + QStringLiteral("labels"), true).toBool();
    f.bands = s.value(kGroup + QStringLiteral("bands"), true).toBool();
    f.fits = s.value(kGroup + QStringLiteral("fits"), true).toBool();
    f.citation = s.value(kGroup + QStringLiteral("citation"), true).toBool();
    f.citationText = citationOf(dataset);
    return f;
}

void rememberFigureSettings(const FigureSettings &f)
{
    QSettings s;
    s.setValue(kGroup + QStringLiteral("format"), static_cast<int>(f.format));
    s.setValue(kGroup + QStringLiteral("width"), f.width);
    s.setValue(kGroup + QStringLiteral("height"), f.height);
    s.setValue(kGroup + QStringLiteral("dpi"), f.dpi);
    s.setValue(kGroup + QStringLiteral("title"), f.title);
    s.setValue(kGroup + QStringLiteral("style"), f.style);
    s.setValue(kGroup + QStringLiteral("legend"), f.legend);
    s.setValue(kGroup + QStringLiteral("labels"), f.labels);
    s.setValue(kGroup + QStringLiteral("bands"), f.bands);
    s.setValue(kGroup + QStringLiteral("fits"), f.fits);
    s.setValue(kGroup + QStringLiteral("citation"), f.citation);
}

FigureRequest chartFigureRequest(const ChartView &chart, const Document &document,
                                 const FigureSettings &settings, bool reproducibility)
{
    constexpr double kPixelsPerInch = 96.0;
    FigureRequest r;
    r.width = settings.width;
    r.height = settings.height;
    r.scale = settings.dpi / kPixelsPerInch;
    r.options.title = settings.title ? settings.titleText : QString();
    r.options.citation = settings.citation ? settings.citationText : QString();
    r.options.legend = settings.legend;
    r.options.labels = settings.labels;
    r.options.bands = settings.bands;
    r.options.fits = settings.fits;
    r.style = settings.style;
    // What is on screen: the same ranges.
    const QCustomPlot *plot = chart.plot();
    r.keyRange = std::make_pair(plot->xAxis->range().lower, plot->xAxis->range().upper);
    r.valueRange = std::make_pair(plot->yAxis->range().lower, plot->yAxis->range().upper);
    r.title = QString::fromStdString(document.dataset().metadata.title);
    r.metadata.insert(
        QStringLiteral("Software"),
        QStringLiteral("Compute Explorer %1").arg(QString::fromUtf8(compute::kAppVersion)));
    r.metadata.insert(QStringLiteral("Source"), citationOf(document.dataset()));
    if (reproducibility)
        r.reproducibility =
            viewReproducibility(document.dataset(), *chart.trendModel(), *chart.viewState());
    return r;
}

FigureExporter chartFigureExporter(const ChartView &chart, const Document &document,
                                   const FigureRequest &request)
{
    const compute::Dataset *dataset = &document.dataset();
    return FigureExporter(
        chart.renderer().scene(),
        [dataset](int run) {
            return run >= 0 && run < static_cast<int>(dataset->runs.size())
                       ? QString::fromStdString(dataset->runs[static_cast<std::size_t>(run)].name)
                       : QString();
        },
        request);
}

void copyFigureToClipboard(FigureExporter &exporter, FigureFormat format)
{
    auto *mime = new QMimeData;
    if (format == FigureFormat::Svg) {
        const QByteArray svg = exporter.toSvg();
        mime->setData(QStringLiteral("image/svg+xml"), svg);
        mime->setText(QString::fromUtf8(svg));
    } else {
        mime->setImageData(exporter.toImage());
    }
    QApplication::clipboard()->setMimeData(mime);
}

void copyChartFigure(const ChartView &chart, const Document &document, FigureFormat format)
{
    FigureExporter exporter = chartFigureExporter(
        chart, document,
        chartFigureRequest(chart, document, rememberedFigureSettings(document.dataset())));
    copyFigureToClipboard(exporter, format);
}

} // namespace app
