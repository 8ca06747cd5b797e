// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_view.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/export_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/dataset_figure.h"
#include "app/export/figure_exporter.h"
#include "core/report/reproducibility.h"
#include "tests/app/gui_test_util.h"

#include <QApplication>
#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtEndian>

#include <gtest/gtest.h>

namespace {

compute::Dataset openAi()
{
    auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
    EXPECT_TRUE(loaded) << loaded.errorText();
    return std::move(loaded->dataset);
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return json.object();
}

// zlib data (as in PNG chunks) inflated; qUncompress wants a size hint in front.
QByteArray inflate(const QByteArray &zlib)
{
    const quint32 hint = qToBigEndian<quint32>(static_cast<quint32>(zlib.size()) * 20 + 1024);
    return qUncompress(QByteArray(reinterpret_cast<const char *>(&hint), 4) + zlib);
}

// The metadata embedded in a PNG: its "compute-explorer" text chunk, byte for byte
// (QImageReader::text() would simplify the whitespace).
QString pngMetadata(const QByteArray &png)
{
    for (qsizetype at = 8; at + 12 <= png.size();) {
        const auto length = static_cast<qsizetype>(qFromBigEndian<quint32>(png.constData() + at));
        const QByteArray type = png.mid(at + 4, 4);
        const QByteArray data = png.mid(at + 8, length);
        at += 12 + length;
        const qsizetype nul = data.indexOf('\0');
        if (nul < 0 || data.left(nul) != app::kReproducibilityKey.toLatin1()) continue;
        if (type == "tEXt") return QString::fromLatin1(data.mid(nul + 1));
        if (type == "zTXt") return QString::fromLatin1(inflate(data.mid(nul + 2)));
        if (type == "iTXt") { // flag, method, language\0, translated keyword\0, text
            const bool compressed = data.at(nul + 1) != 0;
            const qsizetype language = data.indexOf('\0', nul + 3);
            const qsizetype translated = data.indexOf('\0', language + 1);
            const QByteArray text = data.mid(translated + 1);
            return QString::fromUtf8(compressed ? inflate(text) : text);
        }
    }
    return {};
}

// The text of an SVG's <desc>; `error` gets the XML error, if any.
QString svgDescription(const QByteArray &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QString desc;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("desc"))
            desc = xml.readElementText();
    }
    *error = xml.hasError() ? xml.errorString() : QString();
    return desc;
}

QString metadataInDescription(const QString &desc)
{
    const QString prefix = app::kReproducibilityKey + QStringLiteral(": ");
    const qsizetype at = desc.indexOf(prefix);
    return at < 0 ? QString() : desc.mid(at + prefix.size());
}

TEST(ReproducibleExport, PngTextChunkHoldsTheDatasetHashAndEras)
{
    const compute::Dataset dataset = openAi();
    const auto png = app::renderDatasetFigure(dataset, {}, app::FigureFormat::Png);
    ASSERT_TRUE(png);
    EXPECT_TRUE(png->contains("compute-explorer")) << "a PNG text chunk keyword";
    const QJsonObject json = parseObject(pngMetadata(*png));
    EXPECT_EQ(json[QStringLiteral("dataset")][QStringLiteral("content_sha256")].toString(),
              QString::fromStdString(compute::datasetContentHash(dataset)));
    EXPECT_EQ(json[QStringLiteral("era_scheme")].toString(),
              QStringLiteral("OpenAI 2019: two eras"));
    const QJsonArray eras = json[QStringLiteral("eras")].toArray();
    ASSERT_EQ(eras.size(), 2);
    EXPECT_EQ(eras[1][QStringLiteral("era")].toString(), QStringLiteral("Modern era"));
    EXPECT_TRUE(eras[1][QStringLiteral("doubling_time_months")].isDouble());
}

TEST(ReproducibleExport, SvgDescriptionHoldsTheMetadataEscaped)
{
    compute::Dataset dataset = openAi();
    dataset.metadata.title = "AI & Compute <\"2018\">"; // must not break the XML
    const auto svg = app::renderDatasetFigure(dataset, {}, app::FigureFormat::Svg);
    ASSERT_TRUE(svg);
    QString error;
    const QString desc = svgDescription(*svg, &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    const QString text = metadataInDescription(desc);
    EXPECT_EQ(text, QString::fromStdString(compute::reproducibilityJson(
                        dataset, {dataset.eraSchemes[0].name,
                                  compute::fitScheme(dataset, dataset.eraSchemes[0]),
                                  compute::ComputeUnit::Flop, false})));
    const QJsonObject json = parseObject(text);
    EXPECT_EQ(json[QStringLiteral("dataset")][QStringLiteral("title")].toString(),
              QStringLiteral("AI & Compute <\"2018\">"));
}

TEST(ReproducibleExport, PdfAttachesTheMetadataAsAFile)
{
    const auto pdf = app::renderDatasetFigure(openAi(), {}, app::FigureFormat::Pdf);
    ASSERT_TRUE(pdf);
    EXPECT_TRUE(pdf->startsWith("%PDF-"));
    EXPECT_TRUE(pdf->contains("compute-explorer.json"));
    EXPECT_TRUE(pdf->contains("/EmbeddedFile"));
}

TEST(ReproducibleExport, SidecarIsTheMetadataEmbeddedInTheFigure)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    app::DatasetFigureSettings settings;
    settings.sidecar = true;
    ASSERT_FALSE(app::writeDatasetFigure(openAi(), settings, path));
    QFile sidecar(app::sidecarPathOf(path));
    ASSERT_TRUE(sidecar.open(QIODevice::ReadOnly));
    QFile figure(path);
    ASSERT_TRUE(figure.open(QIODevice::ReadOnly));
    EXPECT_EQ(pngMetadata(figure.readAll()), QString::fromUtf8(sidecar.readAll()));
}

TEST(ReproducibleExport, ExportDialogEmbedsWhatTheChartShows)
{
    app::Document document;
    app::ViewState view;
    app::TrendModel trends(&document, &view);
    app::ChartView chart(&document, &view, &trends);
    document.reset(openAi(), QString());
    view.setSchemeIndex(1);
    view.setTickedEras({2, 3});
    view.setUnits(compute::ComputeUnit::PfsDays);
    chart.resize(900, 600);
    chart.rebuildNow();
    app::ExportDialog dialog(&chart, &document);
    dialog.setFormat(app::FigureFormat::Png);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("view.png"));
    ASSERT_FALSE(dialog.exportTo(path, true));
    QFile figure(path);
    ASSERT_TRUE(figure.open(QIODevice::ReadOnly));
    const QJsonObject json = parseObject(pngMetadata(figure.readAll()));
    EXPECT_EQ(json[QStringLiteral("era_scheme")].toString(),
              QStringLiteral("OpenAI 2018: four eras"));
    EXPECT_EQ(json[QStringLiteral("units")].toString(), QStringLiteral("pfs-days"));
    const QJsonArray eras = json[QStringLiteral("eras")].toArray();
    ASSERT_EQ(eras.size(), 2) << "the ticked eras";
    EXPECT_EQ(eras[0][QStringLiteral("era")].toString(), QStringLiteral("2014 to 2016"));
    EXPECT_EQ(eras[1][QStringLiteral("n")].toInt(), static_cast<int>(trends.fit(3).n));
    EXPECT_EQ(json[QStringLiteral("dataset")][QStringLiteral("content_sha256")].toString(),
              QString::fromStdString(compute::datasetContentHash(document.dataset())));
}

} // namespace
