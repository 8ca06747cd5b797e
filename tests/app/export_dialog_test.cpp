// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_view.h"
#include "app/chart/figure_legend.h"
#include "app/commands/run_commands.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/export_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/chart_figure.h"
#include "app/export/figure_exporter.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImageReader>
#include <QMimeData>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct ExportFixture : ::testing::Test {
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};
    QTemporaryDir dir;

    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded.ok());
        document.reset(std::move(loaded).value().dataset, QString());
        view.setSchemeIndex(0);
        view.setTickedEras({0, 1});
        chart.resize(1000, 650);
        chart.show();
        QApplication::processEvents();
        chart.rebuildNow();
        chart.resetView();
    }
};

TEST_F(ExportFixture, PngHasTheRequestedPixelSizeAtTheChosenDpi)
{
    app::ExportDialog dialog(&chart, &document);
    dialog.setFormat(app::FigureFormat::Png);
    dialog.setSizePixels(900, 600);
    const QString path = dir.filePath(QStringLiteral("f.png"));
    ASSERT_FALSE(dialog.exportTo(path, true).has_value());
    const double scale = dialog.request().scale;
    QImageReader reader(path);
    EXPECT_EQ(reader.size(), QSize(static_cast<int>(std::lround(900 * scale)),
                                   static_cast<int>(std::lround(600 * scale))));
    // The figure says where it comes from (PNG text chunks).
    const QImage image(path);
    EXPECT_TRUE(
        image.text(QStringLiteral("Software")).startsWith(QStringLiteral("Compute Explorer")));
    EXPECT_TRUE(image.text(QStringLiteral("Source")).contains(QStringLiteral("AI and Compute")));
    EXPECT_FALSE(dialog.previewImage().isNull());
}

TEST_F(ExportFixture, SvgKeepsEveryVisibleLabelAsText)
{
    app::ExportDialog dialog(&chart, &document);
    const QString path = dir.filePath(QStringLiteral("f.svg"));
    ASSERT_FALSE(dialog.exportTo(path, true).has_value());
    QString error;
    const QStringList texts = svgTextsOf(path, &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    app::FigureExporter exporter(
        chart.renderer().scene(),
        [this](int run) {
            return QString::fromStdString(
                document.dataset().runs[static_cast<std::size_t>(run)].name);
        },
        dialog.request());
    const QStringList labels = exporter.renderer().labelTexts();
    ASSERT_FALSE(labels.isEmpty());
    for (const QString &label : labels)
        EXPECT_TRUE(texts.contains(label)) << label.toStdString();
    // Legend entries wrap at spaces: each of their lines is a text element, and
    // together they are the whole entry.
    const app::FigureLegend *legend = exporter.renderer().legend();
    ASSERT_FALSE(legend->placed().isEmpty());
    for (const app::FigureLegend::Placed &p : legend->placed()) {
        EXPECT_EQ(QString(p.wrapped).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                  legend->entries()[p.entry].text);
        for (const QString &line : p.wrapped.split(QLatin1Char('\n')))
            EXPECT_TRUE(texts.contains(line)) << line.toStdString();
    }
    EXPECT_EQ(exporter.renderer().annotationTexts().size(), 2);
    EXPECT_TRUE(texts.contains(QStringLiteral("Publication date")));
}

TEST_F(ExportFixture, NamesWithMarkupAndQuotesStayWellFormedSvg)
{
    compute::TrainingRun run;
    run.id = "tricky";
    run.name = "<b>R&D \"x\"</b>";
    run.organization = "A & B <Lab>";
    run.date = compute::Date(2016, 6, 1);
    run.estimates = {compute::ComputeEstimate::reported(1e23)};
    document.undoStack()->push(new app::AddRunsCommand(&document, {document.dataset().runs.size()},
                                                       {run}, QStringLiteral("Add")));
    view.setSelection({QStringLiteral("tricky")}); // selected runs are labelled first
    chart.rebuildNow();
    app::ExportDialog dialog(&chart, &document);
    const QString path = dir.filePath(QStringLiteral("tricky.svg"));
    ASSERT_FALSE(dialog.exportTo(path, true).has_value());
    QString error;
    const QStringList texts = svgTextsOf(path, &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("<b>R&D \"x\"</b>")))
        << texts.join(QLatin1Char('|')).toStdString();
}

TEST_F(ExportFixture, PdfIsOneVectorPageWithTextInside)
{
    app::ExportDialog dialog(&chart, &document);
    const QString path = dir.filePath(QStringLiteral("f.pdf"));
    ASSERT_FALSE(dialog.exportTo(path, true).has_value());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_EQ(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "), 1);
    EXPECT_TRUE(pdf.contains("/FontFile")) << "fonts are embedded";
    EXPECT_FALSE(pdf.contains("/Subtype /Image")) << "no raster images: markers are vectors";
}

TEST_F(ExportFixture, SvgDrawsNothingOutsideThePlotWhenZoomedIn)
{
    // Zoom so that most points, the fit lines and the bands extend beyond the axes:
    // Qt 6.4's SVG generator ignores clipping, so this is where things would leak.
    chart.plot()->xAxis->setRange(2014.3, 2014.8);
    chart.plot()->yAxis->setRange(3e17, 3e19);
    chart.plot()->replot();
    app::ExportDialog dialog(&chart, &document);
    dialog.setSizePixels(800, 500);
    const app::FigureRequest request = dialog.request();
    app::FigureExporter exporter(
        chart.renderer().scene(),
        [this](int run) {
            return QString::fromStdString(
                document.dataset().runs[static_cast<std::size_t>(run)].name);
        },
        request);
    const QRect plotRect = exporter.plot()->axisRect()->rect();
    // Everything drawn inside the margins would be data leaking out; compare the SVG
    // (rendered) with the PNG of the same figure (raster export clips correctly) there.
    const QByteArray svg = exporter.toSvg();
    QSvgRenderer renderer(svg);
    QImage fromSvg(request.width, request.height, QImage::Format_ARGB32);
    fromSvg.fill(Qt::white);
    QPainter painter(&fromSvg);
    renderer.render(&painter);
    painter.end();
    app::FigureRequest oneToOne = request;
    oneToOne.scale = 1.0;
    app::FigureExporter raster(
        chart.renderer().scene(),
        [this](int run) {
            return QString::fromStdString(
                document.dataset().runs[static_cast<std::size_t>(run)].name);
        },
        oneToOne);
    const QImage fromPng = raster.toImage().convertToFormat(QImage::Format_ARGB32);
    ASSERT_EQ(fromPng.size(), fromSvg.size());
    int differing = 0, margin = 0;
    for (int y = 0; y < fromSvg.height(); ++y)
        for (int x = 0; x < fromSvg.width(); ++x) {
            if (plotRect.adjusted(-2, -2, 2, 2).contains(x, y)) continue;
            ++margin;
            // Where the clipped raster shows background, the SVG must too.
            const QColor a = fromSvg.pixelColor(x, y), b = fromPng.pixelColor(x, y);
            const bool rasterBlank = std::min({b.red(), b.green(), b.blue()}) > 250;
            const bool svgInk = std::min({a.red(), a.green(), a.blue()}) < 232;
            if (rasterBlank && svgInk) ++differing;
        }
    // Text is rasterised slightly differently by the two paths (~1.5% of the margin's
    // pixels here); without clipScene() the leaking band, fit line and markers cover
    // ~26% (measured when this test was written).
    EXPECT_LT(differing, margin / 20) << differing << " of " << margin << " margin pixels differ";
}

TEST_F(ExportFixture, ClipboardGetsPngAndSvg)
{
    app::ExportDialog dialog(&chart, &document);
    dialog.copyToClipboard(app::FigureFormat::Png);
    EXPECT_FALSE(QApplication::clipboard()->image().isNull());
    dialog.copyToClipboard(app::FigureFormat::Svg);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    ASSERT_NE(mime, nullptr);
    EXPECT_TRUE(mime->data(QStringLiteral("image/svg+xml")).contains("<svg"));
}

TEST_F(ExportFixture, CopyFigureDrawsTheChartAsTheExportDialogLastDidWithoutOne)
{
    {
        app::ExportDialog dialog(&chart, &document);
        dialog.setSizePixels(640, 480);
    } // closing remembers the settings
    const app::FigureSettings remembered = app::rememberedFigureSettings(document.dataset());
    EXPECT_EQ(remembered.width, 640);
    EXPECT_EQ(remembered.height, 480);
    app::copyChartFigure(chart, document, app::FigureFormat::Png);
    const QImage image = QApplication::clipboard()->image();
    EXPECT_EQ(image.size(), QSize(static_cast<int>(std::lround(640 * remembered.dpi / 96.0)),
                                  static_cast<int>(std::lround(480 * remembered.dpi / 96.0))));
    // The same figure the dialog would copy.
    app::ExportDialog dialog(&chart, &document);
    dialog.copyToClipboard(app::FigureFormat::Png);
    EXPECT_EQ(QApplication::clipboard()->image(), image);
}

TEST_F(ExportFixture, ExportedSceneIsTheChartsWithoutSelection)
{
    view.setSelection({QStringLiteral("alexnet")});
    chart.rebuildNow();
    app::ExportDialog dialog(&chart, &document);
    app::FigureExporter exporter(
        chart.renderer().scene(),
        [this](int run) {
            return QString::fromStdString(
                document.dataset().runs[static_cast<std::size_t>(run)].name);
        },
        dialog.request());
    EXPECT_FALSE(exporter.renderer().options().selection);
    EXPECT_EQ(exporter.renderer().annotationTexts(), chart.renderer().annotationTexts());
    EXPECT_EQ(exporter.plot()->xAxis->range(), chart.plot()->xAxis->range());
    EXPECT_EQ(exporter.plot()->yAxis->range(), chart.plot()->yAxis->range());
    EXPECT_EQ(exporter.plot()->yAxis->label(), chart.plot()->yAxis->label());
}

TEST_F(ExportFixture, BadPathOrExtensionCreatesNothing)
{
    app::ExportDialog dialog(&chart, &document);
    EXPECT_TRUE(dialog.exportTo(dir.filePath(QStringLiteral("f.gif")), true).has_value());
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("f.gif"))));
    EXPECT_TRUE(dialog.exportTo(dir.filePath(QStringLiteral("none/f.png")), true).has_value());
}

} // namespace
