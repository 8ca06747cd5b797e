// SPDX-License-Identifier: GPL-3.0-or-later
// What makes an exported figure ready for a report (issue 13): white and light, a
// legend that lists what is drawn with domain discs, no band for an unbounded trend,
// text that stays inside the figure and apart, SVG and PDF that other programs draw
// the same, and the figure styles.
#include "app/chart/chart_view.h"
#include "app/chart/era_bands.h"
#include "app/chart/era_names.h"
#include "app/chart/figure_legend.h"
#include "app/chart/legend_builder.h"
#include "app/chart/point_labels.h"
#include "app/commands/run_commands.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/export_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/dataset_figure.h"
#include "app/export/figure_style.h"
#include "tests/app/chart_texts.h"
#include "tests/app/gui_test_util.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>

namespace {

compute::Dataset openAi()
{
    auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
    EXPECT_TRUE(loaded.ok());
    return std::move(loaded).value().dataset;
}

// The exporter of `--export` for the bundled OpenAI data in `style`.
std::unique_ptr<app::FigureExporter> figureOf(const QString &style, int width = 1200,
                                              int height = 800)
{
    app::DatasetFigureSettings settings;
    settings.width = width;
    settings.height = height;
    settings.scale = 1.0;
    if (const app::FigureStyle *s = app::figureStyleNamed(style))
        app::applyFigureStyle(settings, *s, false, false);
    static const compute::Dataset dataset = openAi();
    return app::datasetFigureExporter(dataset, settings);
}

// The same for the bundled Epoch data, coloured by `colorBy` (domain if none).
std::unique_ptr<app::FigureExporter>
epochFigureOf(const QString &style, std::optional<compute::RunCategory> colorBy = std::nullopt)
{
    static const compute::Dataset dataset = [] {
        auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
        EXPECT_TRUE(loaded.ok()) << loaded.errorText();
        return loaded.ok() ? std::move(loaded).value().dataset : compute::Dataset{};
    }();
    app::DatasetFigureSettings settings;
    settings.scale = 1.0;
    if (colorBy) settings.colorBy = *colorBy;
    settings.style = style;
    app::applyFigureStyle(settings, *app::figureStyleNamed(settings.style), false, false);
    return app::datasetFigureExporter(dataset, settings);
}

bool whitish(QRgb p)
{
    return qRed(p) >= 230 && qGreen(p) >= 230 && qBlue(p) >= 230;
}

double whiteFraction(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qint64 white = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            white += whitish(line[x]) ? 1 : 0;
    }
    return static_cast<double>(white) / (static_cast<double>(rgb.width()) * rgb.height());
}

// Every text the figure lays out, in its pixels: era names, legend entries and group
// titles, point labels and the tick labels of both axes.
QVector<TextBox> textBoxesOf(const app::ChartRenderer &renderer, QCustomPlot *plot)
{
    QVector<TextBox> boxes;
    const app::EraNames *names = renderer.eraNames();
    for (const app::EraNames::Placed &p : names->placed())
        // Each name within the strip above the plot (its row is known on drawing only;
        // the names' own rows keep them apart).
        boxes.append(
            {QStringLiteral("era name"), QRectF(p.rect.left(), names->outerRect().top(),
                                                p.rect.width(), names->outerRect().height())});
    const app::FigureLegend *legend = renderer.legend();
    const QPointF origin(legend->outerRect().left() + legend->indent(), legend->outerRect().top());
    for (const app::FigureLegend::Placed &p : legend->placed())
        boxes.append({p.wrapped, p.text.translated(origin)});
    for (const QRectF &r : legend->headingRects())
        boxes.append({QStringLiteral("legend heading"), r.translated(origin)});
    for (const app::PointLabels::Label &l : renderer.pointLabels()->labels())
        boxes.append({l.text, l.rect});
    boxes += tickLabelBoxes(plot->xAxis);
    boxes += tickLabelBoxes(plot->yAxis);
    return boxes;
}

// Boxes outside `bounds` and pairs that overlap (beyond `slack` pixels), as messages.
QStringList clippedOrOverlapping(const QVector<TextBox> &boxes, const QRectF &bounds, double slack)
{
    QStringList faults;
    auto where = [](const TextBox &b) {
        return QStringLiteral("'%1' at %2,%3 %4x%5")
            .arg(b.text)
            .arg(b.rect.x(), 0, 'f', 1)
            .arg(b.rect.y(), 0, 'f', 1)
            .arg(b.rect.width(), 0, 'f', 1)
            .arg(b.rect.height(), 0, 'f', 1);
    };
    for (const TextBox &b : boxes)
        if (!bounds.adjusted(-slack, -slack, slack, slack).contains(b.rect))
            faults << QStringLiteral("outside: ") + where(b);
    for (qsizetype i = 0; i < boxes.size(); ++i)
        for (qsizetype j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].rect.adjusted(slack, slack, -slack, -slack).intersects(boxes[j].rect) &&
                !(boxes[i].text == QStringLiteral("era name") &&
                  boxes[j].text == QStringLiteral("era name")))
                faults << QStringLiteral("overlap: ") + where(boxes[i]) + QStringLiteral(" and ") +
                              where(boxes[j]);
    return faults;
}

QString tool(const QString &name)
{
    for (const QString &dir : {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin")})
        if (QFile::exists(dir + QLatin1Char('/') + name)) return dir + QLatin1Char('/') + name;
    return {};
}

QString runTool(const QString &program, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(60000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput()) +
           QString::fromUtf8(process.readAllStandardError());
}

TEST(ReportFigure, IsWhiteAndMostlyWhite)
{
    auto figure = figureOf(QStringLiteral("report"));
    const QImage image = figure->toImage();
    ASSERT_FALSE(image.isNull());
    // The corners are background.
    for (const QPoint corner : {QPoint(0, 0), QPoint(image.width() - 1, image.height() - 1)})
        EXPECT_EQ(image.pixel(corner) & 0xffffff, 0xffffffu);
    EXPECT_GE(whiteFraction(image), 0.75);
}

TEST(ReportFigure, HasTheTitleAndTheCitationInsideTheMargins)
{
    auto figure = figureOf(QStringLiteral("report"));
    QCustomPlot *plot = figure->plot();
    QVector<QCPTextElement *> texts;
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *t = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i))) texts << t;
    ASSERT_EQ(texts.size(), 2);
    EXPECT_TRUE(texts.front()->text().contains(QStringLiteral("AI and Compute")));
    EXPECT_TRUE(texts.back()->text().contains(QStringLiteral("Amodei")));
    for (QCPTextElement *t : texts) {
        const QFontMetricsF metrics(t->font());
        for (const QString &line : t->text().split(QLatin1Char('\n')))
            EXPECT_LE(metrics.horizontalAdvance(line) + t->margins().left(),
                      plot->viewport().width())
                << line.toStdString();
    }
}

TEST(ReportFigure, TextIsAtLeastNinePointsPrintedSixAndAHalfInchesWide)
{
    auto figure = figureOf(QStringLiteral("report"), 2400, 1600);
    QCustomPlot *plot = figure->plot();
    // Laid out plot->width() pixels wide, printed 6.5 inches wide: a pixel is
    // 6.5 * 72 / width points.
    const double pointsPerPixel = 6.5 * 72.0 / plot->width();
    auto points = [&](const QFont &font) { return font.pixelSize() * pointsPerPixel; };
    EXPECT_GE(points(plot->xAxis->tickLabelFont()), 8.99);
    EXPECT_GE(points(plot->yAxis->tickLabelFont()), 8.99);
    EXPECT_GE(points(plot->xAxis->labelFont()), 8.99);
    const app::ChartLook &look = figure->renderer().look();
    for (double pt : {look.legendPt, look.labelPt, look.eraNamePt, look.citationPt})
        EXPECT_GE(points(look.sized(pt)), 8.99);
}

TEST(ReportFigure, HasNoMinorGridAndALightMajorGrid)
{
    auto figure = figureOf(QStringLiteral("report"));
    QCustomPlot *plot = figure->plot();
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        EXPECT_FALSE(axis->grid()->subGridVisible());
        const QColor grid = axis->grid()->pen().color();
        EXPECT_GE(std::min({grid.red(), grid.green(), grid.blue()}), 200);
    }
}

TEST(ReportFigure, UnboundedEraDrawsNoBandAndSaysSo)
{
    auto figure = figureOf(QStringLiteral("report"));
    QCustomPlot *plot = figure->plot();
    // The first era (n = 3) has a slope interval including 0: its line but no band.
    const QStringList trends = figure->renderer().annotationTexts();
    ASSERT_EQ(trends.size(), 2);
    EXPECT_TRUE(trends[0].contains(QStringLiteral("unbounded")));
    EXPECT_FALSE(trends[1].contains(QStringLiteral("unbounded")));
    int bands = 0;
    for (int i = 0; i < plot->graphCount(); ++i)
        bands += plot->graph(i)->channelFillGraph() ? 1 : 0;
    EXPECT_EQ(bands, 1); // the modern era's only
}

TEST(ReportFigure, LegendListsEachDomainAsADiscAndWhatIsDrawn)
{
    auto figure = figureOf(QStringLiteral("report"));
    const QVector<app::LegendEntry> entries = figure->renderer().legendEntries();
    QStringList domains;
    for (const app::LegendEntry &e : entries) {
        if (e.group != app::LegendEntry::Group::Domain) continue;
        domains << e.text;
        EXPECT_EQ(e.shape, app::MarkerShape::Disc) << e.text.toStdString();
    }
    domains.sort();
    EXPECT_EQ(domains, (QStringList{QStringLiteral("Games"), QStringLiteral("Language"),
                                    QStringLiteral("Speech"), QStringLiteral("Vision")}));
    // The bundled runs are all reported figures: no method group for one shape.
    for (const app::LegendEntry &e : entries)
        EXPECT_NE(e.group, app::LegendEntry::Group::Method);
}

TEST(ReportFigure, NoTextLeavesTheFigureOrTouchesAnother)
{
    for (const QString &style : app::figureStyleKeys()) {
        auto figure = figureOf(style);
        QCustomPlot *plot = figure->plot();
        const QVector<TextBox> boxes = textBoxesOf(figure->renderer(), plot);
        // Point labels and both axes' tick labels are among them.
        EXPECT_GE(figure->renderer().pointLabels()->labels().size(), 5) << style.toStdString();
        EXPECT_GE(tickLabelBoxes(plot->xAxis).size(), 3) << style.toStdString();
        EXPECT_GE(tickLabelBoxes(plot->yAxis).size(), 3) << style.toStdString();
        const QStringList faults = clippedOrOverlapping(boxes, plot->viewport(), 0.5);
        EXPECT_TRUE(faults.isEmpty())
            << style.toStdString() << ": " << faults.join(QStringLiteral("\n")).toStdString();
    }
}

// The same read from the SVG file, as another program sees it: every <text> element
// inside the figure and none on another.
TEST(SvgFigure, EveryTextIsInsideTheFigureAndNoneOverlaps)
{
    QTemporaryDir dir;
    for (const QString &style : app::figureStyleKeys()) {
        auto figure = figureOf(style);
        const QString path = dir.filePath(style + QStringLiteral(".svg"));
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(figure->toSvg());
        out.close();
        QRectF bounds;
        const QVector<TextBox> boxes = svgTextBoxes(path, &bounds);
        ASSERT_FALSE(bounds.isEmpty()) << style.toStdString();
        // Title, citation, axis titles, ticks, legend and point labels: all there.
        QStringList texts;
        for (const TextBox &b : boxes)
            texts << b.text;
        for (const QString &name : figure->renderer().labelTexts())
            EXPECT_TRUE(texts.contains(name)) << style.toStdString() << " " << name.toStdString();
        EXPECT_TRUE(texts.contains(QStringLiteral("Publication date"))) << style.toStdString();
        // A pixel of slack: boxes come from font metrics, not from the glyphs.
        const QStringList faults = clippedOrOverlapping(boxes, bounds, 1.0);
        EXPECT_TRUE(faults.isEmpty())
            << style.toStdString() << ": " << faults.join(QStringLiteral("\n")).toStdString();
    }
}

TEST(FigureStyles, OpenAi2018ShowsPfsDaysFrom2012ToTheEndOf2018WithOneTrend)
{
    auto figure = figureOf(QStringLiteral("openai-2018"));
    QCustomPlot *plot = figure->plot();
    EXPECT_TRUE(plot->yAxis->label().contains(QStringLiteral("petaflop/s-days")));
    const QCPRange x = plot->xAxis->range();
    EXPECT_LT(x.lower, 2012.0);
    EXPECT_GT(x.upper, 2019.0 - 1e-9);
    EXPECT_LT(x.upper, 2019.5);
    const QStringList trends = figure->renderer().annotationTexts();
    ASSERT_EQ(trends.size(), 1);
    // The fit of the 15 runs of the 2018 chart: a 3.4-month doubling.
    EXPECT_TRUE(trends[0].contains(QStringLiteral("3.4 months"))) << trends[0].toStdString();
    EXPECT_TRUE(trends[0].contains(QStringLiteral("n = 15"))) << trends[0].toStdString();
    // Every one of the 15 points carries its name, at 6.5 inches wide.
    EXPECT_EQ(figure->renderer().labelledRuns().size(), 15);
    int inRange = 0;
    for (const app::ScenePoint &p : figure->renderer().scene().points)
        if (p.key >= 2012.0 && p.key < 2019.0) {
            ++inRange;
            EXPECT_TRUE(figure->renderer().labelledRuns().contains(p.run)) << p.run;
        }
    EXPECT_EQ(inRange, 15);
}

// A slide of Epoch's three eras coloured by country: the trends' rules and R² give way
// before the colours' key, which a reader needs to read the points at all.
TEST(FigureStyles, ASlideKeepsTheColourKeyWithTheTrendsInBrief)
{
    auto figure = epochFigureOf(QStringLiteral("slide"), compute::RunCategory::Country);
    QCustomPlot *plot = figure->plot();
    ASSERT_NE(plot, nullptr);
    const app::FigureLegend *legend = figure->renderer().legend();
    EXPECT_EQ(legend->collapse(), app::FigureLegend::Collapse::BriefTrends);
    const QVector<app::LegendEntry> &entries = legend->entries();
    int countries = 0, trends = 0;
    for (const app::FigureLegend::Placed &p : legend->placed()) {
        const app::LegendEntry &e = entries[p.entry];
        const QString shown = QString(p.wrapped).replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (e.group == app::LegendEntry::Group::Domain) {
            ++countries;
            EXPECT_EQ(e.heading, QStringLiteral("Country"));
        }
        if (e.group != app::LegendEntry::Group::Trend) continue;
        ++trends;
        // "Deep Learning Era: doubling every 5.8 months (n = 195)": the full text's
        // headline and n, without the rule and R².
        EXPECT_FALSE(shown.contains(QStringLiteral("R²"))) << shown.toStdString();
        EXPECT_TRUE(e.text.contains(QStringLiteral("R²")));
        const QString n = e.text.mid(e.text.lastIndexOf(QStringLiteral("n = ")));
        EXPECT_TRUE(shown.endsWith(n)) << shown.toStdString() << " / " << n.toStdString();
        const QString headline = e.text.left(e.text.indexOf(QStringLiteral(" (")));
        EXPECT_TRUE(shown.startsWith(headline + QStringLiteral(" (n = "))) << shown.toStdString();
    }
    EXPECT_GE(countries, 5);
    EXPECT_EQ(trends, 3);
    EXPECT_LE(legend->legendHeight(),
              figure->renderer().look().legendMaxFraction * plot->height() + 1);
}

TEST(FigureStyles, SlideTextIsLargerThanReportText)
{
    const app::FigureStyle *report = app::figureStyleNamed(QStringLiteral("report"));
    const app::FigureStyle *slide = app::figureStyleNamed(QStringLiteral("slide"));
    ASSERT_TRUE(report && slide);
    // Relative to the figure's width, which is what a reader sees.
    EXPECT_GT(slide->look.tickPt / slide->layoutWidth,
              1.15 * report->look.tickPt / report->layoutWidth);
    EXPECT_GT(slide->look.fitLineWidth, report->look.fitLineWidth);
    EXPECT_EQ(app::figureStyleNamed(QStringLiteral("Report")), nullptr);
}

TEST(FigureLegendBug3, DomainStaysADiscAfterASixNdRunIsAdded)
{
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};
    document.reset(openAi(), QString());
    view.setSchemeIndex(0);
    chart.resize(1000, 650);
    chart.show();
    QApplication::processEvents();
    compute::TrainingRun run;
    run.id = "six-nd";
    run.name = "A 6ND run";
    run.domain = "Language";
    run.date = compute::Date(2017, 3, 1);
    run.estimates = {compute::ComputeEstimate{compute::ParametersTokensInputs{1e9, 1e10}, {}}};
    document.undoStack()->push(new app::AddRunsCommand(&document, {document.dataset().runs.size()},
                                                       {run}, QStringLiteral("Add")));
    chart.rebuildNow();
    chart.resetView();
    chart.plot()->replot();
    auto check = [](const QVector<app::LegendEntry> &entries, const char *where) {
        bool language = false, triangle = false;
        for (const app::LegendEntry &e : entries) {
            if (e.group == app::LegendEntry::Group::Domain) {
                EXPECT_EQ(e.shape, app::MarkerShape::Disc) << where << " " << e.text.toStdString();
                language = language || e.text == QLatin1String("Language");
            }
            if (e.group == app::LegendEntry::Group::Method)
                triangle = triangle || e.shape == app::MarkerShape::Triangle;
        }
        EXPECT_TRUE(language) << where;
        EXPECT_TRUE(triangle) << where << ": the 6ND shape in the method group";
    };
    check(chart.renderer().legendEntries(), "window");
    app::ExportDialog dialog(&chart, &document);
    dialog.setStyle(QStringLiteral("report"));
    app::FigureExporter exporter = app::chartFigureExporter(chart, document, dialog.request());
    check(exporter.renderer().legendEntries(), "export");
}

TEST(ExportDialogLabels, NoLabelShowsAMnemonicAmpersand)
{
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};
    document.reset(openAi(), QString());
    app::ExportDialog dialog(&chart, &document);
    int mnemonics = 0;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->text().contains(QLatin1Char('&'))) continue;
        ++mnemonics;
        // Qt shows "&Size:" as typed unless the label has a buddy to jump to.
        EXPECT_NE(label->buddy(), nullptr) << label->text().toStdString();
    }
    EXPECT_GE(mnemonics, 3);
    EXPECT_EQ(dialog.suggestedFileName(),
              QStringLiteral("ai-and-compute-openai-2018-with-the-2019-addendum.png"));
}

TEST(SvgFigure, ParsesRendersLikeThePngAndKeepsBandsTranslucent)
{
    const QString xmllint = tool(QStringLiteral("xmllint"));
    const QString rsvg = tool(QStringLiteral("rsvg-convert"));
    if (xmllint.isEmpty() || rsvg.isEmpty()) GTEST_SKIP() << "xmllint or rsvg-convert missing";
    QTemporaryDir dir;
    auto figure = figureOf(QStringLiteral("report"), 1200, 800);
    const QByteArray svg = figure->toSvg();
    EXPECT_FALSE(svg.contains("\"Sans Serif\""));
    EXPECT_TRUE(svg.contains("sans-serif"));
    EXPECT_TRUE(svg.contains("fill-opacity=\"0.0"));
    const QString svgPath = dir.filePath(QStringLiteral("f.svg"));
    QFile out(svgPath);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(svg);
    out.close();
    int code = -1;
    const QString lint = runTool(xmllint, {QStringLiteral("--noout"), svgPath}, &code);
    EXPECT_EQ(code, 0) << lint.toStdString();
    const QString pngPath = dir.filePath(QStringLiteral("f.png"));
    const QString rendered = runTool(
        rsvg,
        {QStringLiteral("-w"), QStringLiteral("1200"), QStringLiteral("-h"), QStringLiteral("800"),
         QStringLiteral("-b"), QStringLiteral("white"), QStringLiteral("-o"), pngPath, svgPath},
        &code);
    ASSERT_EQ(code, 0) << rendered.toStdString();
    const QImage fromSvg = QImage(pngPath).convertToFormat(QImage::Format_RGB32);
    const QImage fromPng = figure->toImage().convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(fromSvg.size(), fromPng.size());
    // Downscaled 8x, the two differ little (text antialiasing and hinting aside).
    const QSize small = fromPng.size() / 8;
    const QImage a = fromSvg.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage b = fromPng.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double diff = 0;
    for (int y = 0; y < small.height(); ++y)
        for (int x = 0; x < small.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            diff += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                    std::abs(qBlue(p) - qBlue(q));
        }
    diff /= 3.0 * small.width() * small.height();
    EXPECT_LT(diff, 6.0);
    // In an empty stretch of the first era's band (1965-1985, below the fit line), both
    // are tinted but light: translucent, not opaque.
    QCustomPlot *plot = figure->plot();
    const double scale = 1200.0 / plot->width();
    const QPoint inBand(static_cast<int>(plot->xAxis->coordToPixel(1975) * scale),
                        static_cast<int>(plot->yAxis->coordToPixel(1e5) * scale));
    for (const QImage *image : {&fromSvg, &fromPng}) {
        const QRgb p = image->pixel(inBand);
        EXPECT_TRUE(whitish(p)) << std::hex << p;
        EXPECT_NE(p & 0xffffff, 0xffffffu) << std::hex << p;
    }
}

TEST(PdfFigure, IsOnePageWithEmbeddedFonts)
{
    const QString pdffonts = tool(QStringLiteral("pdffonts"));
    const QString pdfinfo = tool(QStringLiteral("pdfinfo"));
    if (pdffonts.isEmpty() || pdfinfo.isEmpty()) GTEST_SKIP() << "poppler-utils missing";
    QTemporaryDir dir;
    auto figure = figureOf(QStringLiteral("report"), 1200, 800);
    const QString path = dir.filePath(QStringLiteral("f.pdf"));
    ASSERT_FALSE(figure->write(path).has_value());
    int code = -1;
    const QString info = runTool(pdfinfo, {path}, &code);
    ASSERT_EQ(code, 0) << info.toStdString();
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))))
        << info.toStdString();
    // 1200 x 800 px at 96 dpi: 900 x 600 points.
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+900 x 600"))))
        << info.toStdString();
    const QString fonts = runTool(pdffonts, {path}, &code);
    ASSERT_EQ(code, 0) << fonts.toStdString();
    const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    ASSERT_FALSE(lines.isEmpty()) << "no fonts: the text was not kept as text";
    for (const QString &line : lines) {
        // name type encoding emb sub uni object ID: "emb" is the 4th column from the end
        // but three.
        const QStringList columns = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        ASSERT_GE(columns.size(), 7);
        EXPECT_EQ(columns[columns.size() - 5], QStringLiteral("yes")) << line.toStdString();
    }
}

TEST(EraBands, OverlappingErasTintEachStretchOnce)
{
    const double inf = std::numeric_limits<double>::infinity();
    // An open first era, an era inside it and one overlapping its end.
    const QVector<app::SceneBand> bands{{0, QStringLiteral("A"), Qt::blue, -inf, 2012},
                                        {1, QStringLiteral("B"), Qt::red, 2005, 2008},
                                        {2, QStringLiteral("C"), Qt::green, 2010, inf}};
    const QVector<app::BandPiece> pieces = app::bandPieces(bands);
    // Sorted, touching, never overlapping, and covering every era's stretch.
    ASSERT_FALSE(pieces.isEmpty());
    for (qsizetype i = 1; i < pieces.size(); ++i)
        EXPECT_EQ(pieces[i - 1].to, pieces[i].from);
    EXPECT_EQ(pieces.front().from, -inf);
    EXPECT_EQ(pieces.back().to, inf);
    auto ownerAt = [&](double key) {
        for (const app::BandPiece &p : pieces)
            if (p.from <= key && key < p.to) return p.band;
        return -1;
    };
    EXPECT_EQ(ownerAt(1990), 0);
    EXPECT_EQ(ownerAt(2006), 1); // the era inside shows as its own tint
    EXPECT_EQ(ownerAt(2009), 0);
    EXPECT_EQ(ownerAt(2011), 2); // the later era where two overlap
    EXPECT_EQ(ownerAt(2020), 2);
    // Each boundary once.
    QVector<double> keys;
    for (const app::EraBoundary &b : app::eraBoundaries(bands))
        keys << b.key;
    EXPECT_EQ(keys, (QVector<double>{2005, 2008, 2010, 2012}));
}

TEST(LegendEntries, ListOnlyTheTrendsInView)
{
    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::ChartView chart{&document, &view, &trends};
    document.reset(openAi(), QString());
    view.setSchemeIndex(0);
    view.setTickedEras({0, 1});
    chart.rebuildNow();
    const app::ChartScene &scene = chart.renderer().scene();
    auto trendsIn = [&](double from, double to) {
        QStringList texts;
        for (const app::LegendEntry &e : app::legendEntriesFor(
                 scene, {from, to, scene.minValue / 10, scene.maxValue * 10}, true))
            if (e.group == app::LegendEntry::Group::Trend) texts << e.text;
        return texts;
    };
    const QStringList all = trendsIn(1950, 2020);
    ASSERT_EQ(all.size(), 2);
    // 2012 to 2019: the first era's line (1959 to 2005) is not in view.
    const QStringList modern = trendsIn(2012, 2019);
    ASSERT_EQ(modern.size(), 1);
    EXPECT_TRUE(modern.front().startsWith(QStringLiteral("Modern era")));
}

} // namespace

// The report figure of Epoch's data: the domains' key takes two rows, no key wrapped, its
// columns as wide as their widest key ("Image generation" widens its own column only),
// and none overlaps the next.
TEST(ReportFigure, TheDomainKeyFitsItsColumnsToItsKeys)
{
    auto figure = epochFigureOf(QStringLiteral("report"));
    ASSERT_NE(figure->plot(), nullptr);
    const app::FigureLegend *legend = figure->renderer().legend();
    const QVector<app::LegendEntry> &entries = legend->entries();
    QVector<app::FigureLegend::Placed> domains;
    for (const app::FigureLegend::Placed &p : legend->placed())
        if (entries[p.entry].group == app::LegendEntry::Group::Domain) domains << p;
    ASSERT_EQ(domains.size(), 9); // Language, ..., Image generation, Robotics, Other
    QSet<int> rows;
    for (const app::FigureLegend::Placed &p : domains) {
        EXPECT_FALSE(p.wrapped.contains(QLatin1Char('\n'))) << p.wrapped.toStdString();
        rows.insert(qRound(p.swatch.top()));
    }
    EXPECT_EQ(rows.size(), 2);
    for (int a = 0; a < domains.size(); ++a)
        for (int b = a + 1; b < domains.size(); ++b)
            EXPECT_FALSE(domains[a]
                             .text.united(domains[a].swatch)
                             .intersects(domains[b].text.united(domains[b].swatch)))
                << domains[a].wrapped.toStdString() << " / " << domains[b].wrapped.toStdString();
}
