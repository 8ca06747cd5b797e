// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/dataset_figure.h"

#include "app/chart/category_palette.h"
#include "app/data/atomic_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/report/reproducibility.h"
#include "core/util/version.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <cmath>

namespace app {
namespace {

// The eras the figure draws, with their fits, for its metadata.
compute::FigureProvenance provenanceOf(const compute::Dataset &dataset,
                                       const DatasetFigureSettings &settings)
{
    compute::FigureProvenance provenance;
    provenance.units = settings.units;
    provenance.includeHidden = settings.includeHidden;
    std::vector<compute::Era> eras;
    if (settings.range) {
        eras.push_back(*settings.range);
    } else if (const compute::EraScheme *scheme =
                   settings.eraScheme.isEmpty()
                       ? (dataset.eraSchemes.empty() ? nullptr : &dataset.eraSchemes.front())
                       : dataset.findScheme(settings.eraScheme.toStdString())) {
        provenance.eraScheme = scheme->name;
        eras = scheme->eras;
    }
    compute::RunFilter filter;
    filter.includeHidden = settings.includeHidden;
    filter.domains = settings.domains;
    filter.categories = settings.categories;
    for (const compute::Era &era : eras)
        provenance.fits.push_back({era, compute::fitEra(dataset, era, filter)});
    return provenance;
}

// Builds the exporter for a dataset, or says why it cannot.
std::unique_ptr<FigureExporter> makeExporter(const compute::Dataset &dataset,
                                             const DatasetFigureSettings &settings,
                                             const QString &reproducibility, QString *error)
{
    Document document;
    compute::Dataset copy = dataset;
    int schemeIndex = copy.eraSchemes.empty() ? -1 : 0;
    if (settings.range) {
        copy.eraSchemes.push_back({"Range", {}, {*settings.range}});
        schemeIndex = static_cast<int>(copy.eraSchemes.size() - 1);
    } else if (!settings.eraScheme.isEmpty()) {
        schemeIndex = -1;
        for (std::size_t i = 0; i < copy.eraSchemes.size(); ++i)
            if (QString::fromStdString(copy.eraSchemes[i].name) == settings.eraScheme)
                schemeIndex = static_cast<int>(i);
        if (schemeIndex < 0) {
            if (error) *error = QStringLiteral("no era scheme named '%1'").arg(settings.eraScheme);
            return nullptr;
        }
    }
    document.reset(std::move(copy), QString());
    ViewState view;
    view.setUnits(settings.units);
    view.setAxes(settings.axes);
    compute::RunFilter filter;
    filter.includeHidden = settings.includeHidden;
    filter.domains = settings.domains;
    filter.categories = settings.categories;
    view.setFilter(filter);
    view.setColorBy(settings.colorBy);
    view.setSchemeIndex(schemeIndex);
    QSet<int> ticked;
    if (schemeIndex >= 0)
        for (int i = 0;
             i <
             static_cast<int>(
                 document.dataset().eraSchemes[static_cast<std::size_t>(schemeIndex)].eras.size());
             ++i)
            ticked.insert(i);
    view.setTickedEras(ticked);
    TrendModel trends(&document, &view);
    CategoryPalette palette;
    palette.rebuild(document.dataset(), view.colorBy());
    ChartScene scene = buildChartScene(document.dataset(), trends, view, palette);

    FigureRequest request;
    request.width = settings.width;
    request.height = settings.height;
    request.scale = settings.scale;
    request.options = settings.options;
    request.style = settings.style;
    if (request.options.citation.isEmpty()) request.options.citation = citationOf(dataset);
    if (request.options.title.isEmpty() && settings.title)
        request.options.title = QString::fromStdString(dataset.metadata.title);
    if (settings.range && settings.range->from && settings.range->to && settings.axes.dated()) {
        const double from = keyOfX(settings.range->from->yearsSinceEpoch());
        const double to = keyOfX(settings.range->to->yearsSinceEpoch());
        const double pad = 0.03 * (to - from);
        request.keyRange = std::make_pair(from - pad, to + pad);
    }
    request.title = QString::fromStdString(dataset.metadata.title);
    request.metadata.insert(
        QStringLiteral("Software"),
        QStringLiteral("Compute Explorer %1").arg(QString::fromUtf8(compute::kAppVersion)));
    request.metadata.insert(QStringLiteral("Source"), citationOf(dataset));
    request.reproducibility = reproducibility;

    std::vector<std::string> names;
    names.reserve(dataset.runs.size());
    for (const compute::TrainingRun &run : document.dataset().runs)
        names.push_back(run.name);
    auto nameOf = [names = std::move(names)](int run) {
        return run >= 0 && run < static_cast<int>(names.size())
                   ? QString::fromStdString(names[static_cast<std::size_t>(run)])
                   : QString();
    };
    return std::make_unique<FigureExporter>(std::move(scene), std::move(nameOf), request);
}

} // namespace

void applyFigureStyle(DatasetFigureSettings &settings, const FigureStyle &style, bool unitsGiven,
                      bool viewGiven)
{
    settings.style = style.key;
    if (style.units && !unitsGiven) settings.units = *style.units;
    if (style.setsRange() && !viewGiven) {
        compute::Era era;
        // [from, to): the last day in the name, as people say "2012 to 2018".
        era.name = std::to_string(style.from->year()) + "–" + std::to_string(style.to->year() - 1);
        era.from = style.from;
        era.to = style.to;
        era.color = "#1f4e79";
        settings.range = era;
    }
}

QString figureBaseName(const compute::Dataset &dataset)
{
    const QString title = QString::fromStdString(dataset.metadata.title).toLower();
    QString name;
    for (const QChar c : title) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    // A name a file system and a shell take whole: at most 60 characters, cut at a word.
    if (name.size() > 60) {
        name.truncate(60);
        const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
        if (dash > 20) name.truncate(dash);
    }
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

std::unique_ptr<FigureExporter> datasetFigureExporter(const compute::Dataset &dataset,
                                                      const DatasetFigureSettings &settings,
                                                      QString *error)
{
    const QString metadata = QString::fromStdString(
        compute::reproducibilityJson(dataset, provenanceOf(dataset, settings)));
    return makeExporter(dataset, settings, metadata, error);
}

QString sidecarPathOf(const QString &figurePath)
{
    return figurePath + QStringLiteral(".json");
}

QString citationOf(const compute::Dataset &dataset)
{
    const auto &m = dataset.metadata;
    if (!m.citation.empty()) return QString::fromStdString(m.citation);
    QString text = QString::fromStdString(m.title);
    if (!m.license.empty())
        text +=
            (text.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(m.license);
    return text.isEmpty() ? QString() : QStringLiteral("Data: ") + text;
}

QString viewReproducibility(const compute::Dataset &dataset, const TrendModel &trends,
                            const ViewState &view)
{
    compute::FigureProvenance provenance;
    provenance.units = view.units();
    provenance.includeHidden = view.filter().includeHidden;
    const int scheme = view.schemeIndex();
    if (scheme >= 0 && scheme < static_cast<int>(dataset.eraSchemes.size()))
        provenance.eraScheme = dataset.eraSchemes[static_cast<std::size_t>(scheme)].name;
    const std::vector<compute::Era> eras = trends.eras();
    for (int i = 0; i < static_cast<int>(eras.size()); ++i)
        if (view.isTicked(i))
            provenance.fits.push_back({eras[static_cast<std::size_t>(i)], trends.fit(i)});
    return QString::fromStdString(compute::reproducibilityJson(dataset, provenance));
}

std::optional<QString> writeDatasetFigure(const compute::Dataset &dataset,
                                          const DatasetFigureSettings &settings,
                                          const QString &path)
{
    if (!figureFormatOf(path))
        return QStringLiteral("%1: unknown figure format (expected .png, .svg or .pdf)").arg(path);
    QString error;
    const QByteArray metadata = QByteArray::fromStdString(
        compute::reproducibilityJson(dataset, provenanceOf(dataset, settings)));
    auto exporter = makeExporter(dataset, settings, QString::fromUtf8(metadata), &error);
    if (!exporter) return error;
    if (!settings.sidecar) return exporter->write(path);
    // Everything that can be checked before writing is; the sidecar, written second,
    // takes the figure with it if it still fails.
    const QString sidecarPath = sidecarPathOf(path);
    if (QFileInfo(sidecarPath).isDir())
        return QStringLiteral("%1: cannot be written: it is a folder").arg(sidecarPath);
    const bool figureExisted = QFileInfo::exists(path);
    if (auto figureError = exporter->write(path)) return figureError;
    if (auto sidecarError = writeFileDurably(sidecarPath, metadata)) {
        if (!figureExisted) QFile::remove(path);
        return sidecarError;
    }
    return std::nullopt;
}

std::optional<QByteArray> renderDatasetFigure(const compute::Dataset &dataset,
                                              const DatasetFigureSettings &settings,
                                              FigureFormat format, QString *error)
{
    const QString metadata = QString::fromStdString(
        compute::reproducibilityJson(dataset, provenanceOf(dataset, settings)));
    auto exporter = makeExporter(dataset, settings, metadata, error);
    if (!exporter) return std::nullopt;
    return exporter->encode(format);
}

} // namespace app
