// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli_commands.h"

#include "app/cli/command_line.h"
#include "app/data/dataset_file.h"
#include "app/export/dataset_figure.h"
#include "core/model/dataset_diff.h"
#include "core/report/diff_report.h"
#include "core/report/fit_report.h"
#include "core/report/projection_report.h"
#include "core/stats/diff_fits.h"
#include "core/stats/era_membership.h"
#include "core/stats/rolling.h"
#include "core/stats/run_selection.h"

#include <QFileInfo>
#include <QTextStream>

#include <optional>

namespace app {
namespace {

void printErrors(QTextStream &err, const compute::Errors &errors)
{
    for (const compute::Error &e : errors)
        err << "compute-explorer: " << QString::fromStdString(e.toString()) << "\n";
}

// Loads FILE, --bundled KEY, or the default bundled dataset; prints problems.
std::optional<LoadedDataset> loadFor(const CommandLine &command, QTextStream &err)
{
    auto loaded = !command.file.isEmpty()      ? loadDataset(command.file)
                  : !command.bundled.isEmpty() ? loadBundledDataset(command.bundled)
                                               : loadBundledDataset(QStringLiteral("openai"));
    if (!loaded) {
        printErrors(err, loaded.errors());
        return std::nullopt;
    }
    if (const auto &report = loaded->importReport) {
        for (const compute::Error &w : report->warnings)
            err << "compute-explorer: warning: " << QString::fromStdString(w.toString()) << "\n";
    }
    return std::move(loaded).value();
}

// --all, --domain and --only.
compute::RunFilter filterFor(const CommandLine &command)
{
    compute::RunFilter filter;
    filter.includeHidden = command.includeHidden;
    for (const QString &domain : command.domains)
        filter.domains.push_back(domain.toStdString());
    for (const compute::RunFilter::Choice &choice : command.only) {
        std::vector<std::string> values = filter.values(choice.category);
        values.insert(values.end(), choice.values.begin(), choice.values.end());
        filter.setValues(choice.category, std::move(values));
    }
    return filter;
}

compute::Era allRunsEra()
{
    compute::Era all;
    all.name = "All runs";
    return all;
}

// --from/--to as one era.
compute::Era rangeEra(const CommandLine &command)
{
    compute::Era era;
    era.name = command.from->toIso() + " to " + command.to->toIso();
    era.from = command.from;
    era.to = command.to;
    return era;
}

} // namespace

const compute::EraScheme *schemeFor(const QString &text, const compute::Dataset &dataset,
                                    QTextStream &err)
{
    const compute::SchemeLookup lookup =
        compute::lookupScheme(dataset.eraSchemes, text.toStdString());
    if (lookup.scheme) return lookup.scheme;
    auto quoted = [](const std::vector<std::string> &names) {
        QStringList list;
        for (const std::string &name : names)
            list << QStringLiteral("'%1'").arg(QString::fromStdString(name));
        return list.join(QStringLiteral(", "));
    };
    if (!lookup.matches.empty()) {
        err << "compute-explorer: --era-scheme '" << text << "' matches " << lookup.matches.size()
            << " era schemes: " << quoted(lookup.matches) << " (give more of the name)\n";
        return nullptr;
    }
    std::vector<std::string> names;
    for (const compute::EraScheme &s : dataset.eraSchemes)
        names.push_back(s.name);
    err << "compute-explorer: no era scheme named '" << text
        << "' (the dataset has: " << (names.empty() ? QStringLiteral("none") : quoted(names))
        << ")\n";
    return nullptr;
}

std::optional<std::vector<compute::Era>> erasFor(const CommandLine &command,
                                                 const compute::Dataset &dataset, QTextStream &err)
{
    if (command.from) return std::vector<compute::Era>{rangeEra(command)};
    if (command.eraScheme.isEmpty()) {
        if (dataset.eraSchemes.empty()) return std::vector<compute::Era>{allRunsEra()};
        return dataset.eraSchemes.front().eras;
    }
    if (const compute::EraScheme *scheme = schemeFor(command.eraScheme, dataset, err))
        return scheme->eras;
    return std::nullopt;
}

namespace {

// Loads the data, fits the eras of erasFor() and prints report(fits, members), members
// the names of each era's runs by date with --members (empty without).
template <typename Report>
int printFitReport(const CommandLine &command, QTextStream &out, QTextStream &err, Report report)
{
    const auto loaded = loadFor(command, err);
    if (!loaded) return kExitBadData;
    const auto eras = erasFor(command, loaded->dataset, err);
    if (!eras) return kExitUsage;
    const compute::RunFilter filter = filterFor(command);
    // One population for every era.
    compute::EraSelector selector(loaded->dataset, filter, command.axes);
    std::vector<compute::EraFit> fits;
    std::vector<std::vector<std::string>> members;
    for (const compute::Era &era : *eras) {
        const compute::FitPoints points = selector.points(era);
        fits.push_back({era, compute::fitTrend(points.x, points.y)});
        // The names only when printed: a copy of every run's name otherwise.
        if (command.members) members.push_back(compute::memberNamesByDate(loaded->dataset, points));
    }
    out << QString::fromStdString(report(fits, members));
    return kExitOk;
}

} // namespace

int runFit(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    return printFitReport(command, out, err,
                          [&](const std::vector<compute::EraFit> &fits,
                              const std::vector<std::vector<std::string>> &members) {
                              return command.members
                                         ? compute::fitReportJson(fits, members, command.axes)
                                         : compute::fitReportJson(fits, command.axes);
                          });
}

int runRolling(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    const auto loaded = loadFor(command, err);
    if (!loaded) return kExitBadData;
    // Without a scheme, every run: the windows fit what --fit --from --to would.
    std::vector<compute::Era> eras{command.from ? rangeEra(command) : allRunsEra()};
    if (!command.eraScheme.isEmpty()) {
        const auto schemeEras = erasFor(command, loaded->dataset, err);
        if (!schemeEras) return kExitUsage;
        eras = *schemeEras;
    }
    const compute::RunFilter filter = filterFor(command);
    compute::RollingOptions options;
    options.windowMonths = command.rollingMonths;
    options.expanding = command.expanding;
    const auto series = compute::rollingFits(loaded->dataset, eras, filter, options, command.axes);
    out << QString::fromStdString(compute::rollingReportJson(series, options, command.axes));
    return kExitOk;
}

int runProject(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    std::vector<double> targets; // --units is a unit of compute only
    for (double value : command.projectTo)
        targets.push_back(command.axes.y == compute::Quantity::Compute
                              ? compute::fromUnit(value, command.units)
                              : value);
    return printFitReport(command, out, err,
                          [&](const std::vector<compute::EraFit> &fits,
                              const std::vector<std::vector<std::string>> &) {
                              return compute::projectionReportJson(fits, targets, command.projectAt,
                                                                   command.axes.y);
                          });
}

int runSave(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    const bool csv = command.output.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
    if (!csv && !command.output.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        err << "compute-explorer: --save writes the native format (OUT.json) or an Epoch AI CSV "
               "(OUT.csv); name the output so (got '"
            << command.output << "')\n";
        return kExitUsage;
    }
    const auto loaded = loadFor(command, err);
    if (!loaded) return kExitBadData;
    const auto error = csv ? saveRunsCsv(command.output, loaded->dataset)
                           : saveDataset(command.output, loaded->dataset);
    if (error) {
        err << "compute-explorer: " << *error << "\n";
        return kExitBadData;
    }
    out << "Saved " << loaded->dataset.runs.size() << " runs to " << command.output;
    if (loaded->importReport)
        out << " (" << QString::fromStdString(loaded->importReport->summary()) << ")";
    out << "\n";
    return kExitOk;
}

int runExport(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    if (!figureFormatOf(command.output)) {
        err << "compute-explorer: --export '" << command.output
            << "': unknown figure format (expected a .png, .svg or .pdf file name)\n";
        return kExitUsage;
    }
    const auto loaded = loadFor(command, err);
    if (!loaded) return kExitBadData;
    DatasetFigureSettings settings;
    if (!command.eraScheme.isEmpty()) {
        const compute::EraScheme *scheme = schemeFor(command.eraScheme, loaded->dataset, err);
        if (!scheme) return kExitUsage;
        settings.eraScheme = QString::fromStdString(scheme->name);
    }
    if (command.from) {
        compute::Era era = rangeEra(command);
        era.color = "#d62728";
        settings.range = era;
    }
    settings.units = command.units;
    settings.axes = command.axes;
    settings.includeHidden = command.includeHidden;
    const compute::RunFilter filter = filterFor(command);
    settings.domains = filter.domains;
    settings.categories = filter.categories;
    settings.colorBy = command.colorBy;
    settings.width = command.width;
    settings.height = command.height;
    settings.scale = command.scale;
    settings.sidecar = command.sidecar;
    if (const FigureStyle *style = figureStyleNamed(command.style))
        applyFigureStyle(settings, *style, command.unitsGiven,
                         command.from || !command.eraScheme.isEmpty());
    if (const auto error = writeDatasetFigure(loaded->dataset, settings, command.output)) {
        err << "compute-explorer: " << *error << "\n";
        return kExitBadData;
    }
    out << "Wrote " << command.output << "\n";
    if (command.sidecar) out << "Wrote " << sidecarPathOf(command.output) << "\n";
    return kExitOk;
}

int runDiff(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    CommandLine oldCommand;
    oldCommand.file = command.diffOld;
    const auto before = loadFor(oldCommand, err);
    if (!before) return kExitBadData;
    const auto after = loadFor(command, err);
    if (!after) return kExitBadData;
    const auto eras = erasFor(command, after->dataset, err);
    if (!eras) return kExitUsage;
    const compute::RunFilter filter = filterFor(command);
    const compute::DatasetDiff diff = compute::diffDatasets(before->dataset, after->dataset);
    const auto fits = compute::diffFits(before->dataset, after->dataset, diff, *eras, filter);
    out << QString::fromStdString(
        compute::diffReportJson(before->dataset, after->dataset, diff, fits, command.allFields));
    return kExitOk;
}

} // namespace app
