// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/command_line.h"

#include "app/cli/cli_commands.h"
#include "core/util/number_parse.h"
#include "core/util/version.h"

#include <QTextStream>

namespace app {
namespace {

std::optional<compute::Date> parseDateOption(const QString &text)
{
    auto date = compute::Date::fromIso(text.toStdString());
    if (!date || date->precision() != compute::DatePrecision::Day) return std::nullopt;
    return date;
}

} // namespace

QString helpText()
{
    return QStringLiteral(
        "Usage: compute-explorer [OPTIONS] [FILE]\n"
        "\n"
        "Explore how much compute the largest AI training runs used, on a log axis\n"
        "against publication date, with eras and exponential trend fits.\n"
        "FILE is a native dataset (.json) or an Epoch AI CSV export (.csv). Without FILE\n"
        "the bundled OpenAI 'AI and Compute' dataset is used.\n"
        "\n"
        "Modes (no window is opened for these):\n"
        "  --fit                 print the trend fit of each era as JSON on stdout\n"
        "  --project-to VALUE    when does each era's trend reach VALUE (FLOP, or pfs-days\n"
        "                        with --units pfs-days)? JSON on stdout (see below)\n"
        "  --project-at DATE     how much compute does each era's trend give at DATE?\n"
        "                        (both may be given, and repeated)\n"
        "  --export OUT          write the chart to OUT.png, OUT.svg or OUT.pdf\n"
        "  --save OUT.json       convert or normalise FILE to the native format\n"
        "  --version             print the version\n"
        "  --help                print this help\n"
        "\n"
        "Options:\n"
        "  --era-scheme NAME     era scheme to fit or draw (default: the dataset's first)\n"
        "  --from DATE --to DATE one range [from, to) instead of a scheme (YYYY-MM-DD)\n"
        "  --all                 include runs the dataset hides by default\n"
        "  --bundled KEY         use a bundled dataset instead of FILE: openai, epoch\n"
        "  --width PX --height PX  figure size for --export (default 1200 x 800)\n"
        "  --scale S             pixel scale for PNG export (default 2)\n"
        "  --units flop|pfs-days compute axis unit (default flop)\n"
        "  --sidecar             with --export: also write OUT.json (chart.png.json), what\n"
        "                        the figure was made from: dataset title and SHA-256 of its\n"
        "                        content, era bounds, each era's fit, app version\n"
        "\n"
        "Projections print {\"projections\":[...]}, per era one entry per --project-to\n"
        "then one per --project-at, each with \"era\", \"from\", \"to\", \"n\", \"fit_status\",\n"
        "\"slope_log10_per_year\", \"doubling_time_months\", \"query\", \"status\" (ok,\n"
        "no_fit, flat_trend or unbounded: the slope's 95% interval includes 0) and\n"
        "\"message\". --project-to adds \"target_flop\", \"target_pfs_days\",\n"
        "\"target_log10_flop\", \"date\", \"year\" (decimal), \"date_ci95\", \"year_ci95\"\n"
        "(95% interval of the date the trend line reaches the target: its confidence band\n"
        "inverted) and \"date_prediction_ci95\", \"year_prediction_ci95\" (the prediction\n"
        "band inverted: when a single run of that size is typical). --project-at adds\n"
        "\"date\", \"year\", \"log10_flop\", \"flop\", \"flop_ci95\" (the trend line),\n"
        "\"flop_prediction_ci95\" (a new run), \"pfs_days\", \"pfs_days_ci95\",\n"
        "\"pfs_days_prediction_ci95\". Numbers that do not exist are null.\n"
        "\n"
        "Exit status: 0 success, 1 bad data (one line per problem on stderr),\n"
        "2 bad usage. On failure no output file is created or changed.\n");
}

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cmd;
    bool modeSet = false;
    auto setMode = [&](CommandLine::Mode mode, const QString &name) -> QString {
        if (modeSet && cmd.mode != mode)
            return QStringLiteral("%1 cannot be combined with another mode").arg(name);
        cmd.mode = mode;
        modeSet = true;
        return {};
    };
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        auto value = [&](QString &out) -> QString {
            if (i + 1 >= arguments.size() || arguments[i + 1].isEmpty())
                return QStringLiteral("%1 needs a value").arg(arg);
            out = arguments[++i];
            return {};
        };
        QString error, text;
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            error = setMode(CommandLine::Mode::Help, arg);
        } else if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            error = setMode(CommandLine::Mode::Version, arg);
        } else if (arg == QLatin1String("--fit")) {
            error = setMode(CommandLine::Mode::Fit, arg);
        } else if (arg == QLatin1String("--project-to")) {
            error = setMode(CommandLine::Mode::Project, arg);
            if (error.isEmpty()) error = value(text);
            const auto number = compute::parseNumber(text.toStdString());
            if (error.isEmpty() && (!number || !(*number > 0)))
                error = QStringLiteral("--project-to '%1' is not a positive compute").arg(text);
            if (error.isEmpty()) cmd.projectTo.push_back(*number);
        } else if (arg == QLatin1String("--project-at")) {
            error = setMode(CommandLine::Mode::Project, arg);
            if (error.isEmpty()) error = value(text);
            const auto date = parseDateOption(text);
            if (error.isEmpty() && !date)
                error = QStringLiteral("--project-at '%1' is not a date (expected YYYY-MM-DD)")
                            .arg(text);
            if (error.isEmpty()) cmd.projectAt.push_back(*date);
        } else if (arg == QLatin1String("--sidecar")) {
            cmd.sidecar = true;
        } else if (arg == QLatin1String("--export")) {
            error = setMode(CommandLine::Mode::Export, arg);
            if (error.isEmpty()) error = value(cmd.output);
        } else if (arg == QLatin1String("--save")) {
            error = setMode(CommandLine::Mode::Save, arg);
            if (error.isEmpty()) error = value(cmd.output);
        } else if (arg == QLatin1String("--era-scheme")) {
            error = value(cmd.eraScheme);
        } else if (arg == QLatin1String("--bundled")) {
            error = value(cmd.bundled);
        } else if (arg == QLatin1String("--all")) {
            cmd.includeHidden = true;
        } else if (arg == QLatin1String("--from") || arg == QLatin1String("--to")) {
            error = value(text);
            if (error.isEmpty()) {
                const auto date = parseDateOption(text);
                if (!date)
                    error = QStringLiteral("%1 '%2' is not a date (expected YYYY-MM-DD)")
                                .arg(arg, text);
                (arg == QLatin1String("--from") ? cmd.from : cmd.to) = date;
            }
        } else if (arg == QLatin1String("--width") || arg == QLatin1String("--height")) {
            error = value(text);
            bool ok = false;
            const int px = text.toInt(&ok);
            if (error.isEmpty() && (!ok || px < 16 || px > 20000))
                error =
                    QStringLiteral("%1 '%2' is not a size in pixels (16 to 20000)").arg(arg, text);
            (arg == QLatin1String("--width") ? cmd.width : cmd.height) = px;
        } else if (arg == QLatin1String("--scale")) {
            error = value(text);
            bool ok = false;
            cmd.scale = text.toDouble(&ok);
            if (error.isEmpty() && (!ok || cmd.scale < 0.1 || cmd.scale > 10))
                error = QStringLiteral("--scale '%1' is not a scale between 0.1 and 10").arg(text);
        } else if (arg == QLatin1String("--units")) {
            error = value(text);
            cmd.unitsGiven = true;
            if (text == QLatin1String("flop"))
                cmd.units = compute::ComputeUnit::Flop;
            else if (text == QLatin1String("pfs-days"))
                cmd.units = compute::ComputeUnit::PfsDays;
            else if (error.isEmpty())
                error = QStringLiteral("--units '%1' is not a unit (expected flop or pfs-days)")
                            .arg(text);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            error = QStringLiteral("unknown option %1").arg(arg);
        } else {
            positional << arg;
        }
        if (!error.isEmpty()) return {std::nullopt, error};
    }
    if (positional.size() > 1)
        return {std::nullopt, QStringLiteral("expected at most one FILE, got %1: %2")
                                  .arg(positional.size())
                                  .arg(positional.join(QStringLiteral(", ")))};
    if (!positional.isEmpty()) cmd.file = positional.front();
    if (!cmd.file.isEmpty() && !cmd.bundled.isEmpty())
        return {std::nullopt, QStringLiteral("give either FILE or --bundled, not both")};
    if (cmd.from.has_value() != cmd.to.has_value())
        return {std::nullopt, QStringLiteral("--from and --to go together")};
    if (cmd.from && !(*cmd.from < *cmd.to))
        return {std::nullopt, QStringLiteral("--to must be after --from")};
    if (cmd.from && !cmd.eraScheme.isEmpty())
        return {std::nullopt, QStringLiteral("give either --era-scheme or --from/--to, not both")};
    if (cmd.sidecar && cmd.mode != CommandLine::Mode::Export)
        return {std::nullopt, QStringLiteral("--sidecar goes with --export")};
    if (cmd.mode == CommandLine::Mode::Save && cmd.file.isEmpty() && cmd.bundled.isEmpty())
        return {std::nullopt, QStringLiteral("--save needs the FILE to convert")};
    return {cmd, {}};
}

int runCommand(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    switch (command.mode) {
    case CommandLine::Mode::Help:
        out << helpText();
        return kExitOk;
    case CommandLine::Mode::Version:
        out << "compute-explorer " << compute::kAppVersion << "\n";
        return kExitOk;
    case CommandLine::Mode::Fit:
        return runFit(command, out, err);
    case CommandLine::Mode::Project:
        return runProject(command, out, err);
    case CommandLine::Mode::Save:
        return runSave(command, out, err);
    case CommandLine::Mode::Export:
        return runExport(command, out, err);
    case CommandLine::Mode::Gui:
        break;
    }
    return kExitUsage;
}

} // namespace app
