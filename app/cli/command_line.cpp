// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/command_line.h"

#include "app/cli/cli_commands.h"
#include "app/cli/cli_options.h"
#include "app/cli/fetch_command.h"
#include "core/util/version.h"

#include <QCommandLineParser>
#include <QHash>
#include <QTextStream>

namespace app {
namespace {

constexpr qsizetype kHelpColumn = 24; // where an option's description starts in --help

const CliOption *optionNamed(const QString &name)
{
    for (const CliOption &option : cliOptions())
        if (option.names.contains(name)) return &option;
    return nullptr;
}

// A one-letter name that is short for a longer one is spelled -h; every other name,
// --x included, with two dashes.
bool isShortName(const QString &name)
{
    if (name.size() != 1) return false;
    const CliOption *option = optionNamed(name);
    return option && option->names.size() > 1;
}

QString spellingOf(const QString &name)
{
    return (isShortName(name) ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

// The option `argument` spells exactly: --name, or -h for a short name.
const CliOption *optionSpelledBy(const QString &argument)
{
    if (argument.startsWith(QLatin1String("--")) && argument.size() > 2) {
        const QString name = argument.mid(2);
        return isShortName(name) ? nullptr : optionNamed(name); // --h is not -h
    }
    if (argument.size() == 2 && argument.front() == QLatin1Char('-') &&
        isShortName(argument.mid(1)))
        return optionNamed(argument.mid(1)); // -h
    return nullptr;
}

// Where the lexical pre-pass stopped: the argument, and the option it names, if any.
struct Refused {
    qsizetype index;
    const CliOption *option;
    QString error;
};

// The pre-pass. QCommandLineParser accepts spellings this command line has always
// refused (--name=value, "--" ending the options, -abc as -a -b -c, --h for -h) and
// an empty value; it also cannot say which of several bad arguments came first. So
// the arguments are checked first, in order: an argument starting with '-' (but not
// "-" alone) must spell an option exactly, and an option with a value must be
// followed by a non-empty one, which is taken whatever it looks like ("-5"). The
// parser then gets the arguments before the first refused one, so the first problem
// on the command line is the one reported. (Every option takes at most one value and
// is repeated for more, like --project-to. --diff OLD NEW takes OLD as its value and NEW
// as the FILE.)
std::optional<Refused> firstRefusedArgument(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!argument.startsWith(QLatin1Char('-')) || argument.size() == 1) continue; // FILE
        const CliOption *option = optionSpelledBy(argument);
        if (!option) return Refused{i, nullptr, QStringLiteral("unknown option %1").arg(argument)};
        if (option->valueName.isEmpty()) continue;
        if (i + 1 >= arguments.size() || arguments[i + 1].isEmpty())
            return Refused{i, option, QStringLiteral("%1 needs a value").arg(argument)};
        ++i; // its value
    }
    return std::nullopt;
}

QString synopsisOf(const CliOption &option)
{
    if (!option.synopsis.isEmpty()) return option.synopsis;
    QString synopsis = spellingOf(option.names.front());
    if (!option.valueName.isEmpty()) synopsis += QLatin1Char(' ') + option.valueName;
    return synopsis;
}

QString helpEntries(CliOption::Section section)
{
    QString text;
    for (const CliOption &option : cliOptions()) {
        if (option.section != section) continue;
        const QString synopsis = QStringLiteral("  ") + synopsisOf(option);
        const qsizetype gap = synopsis.size() < kHelpColumn ? kHelpColumn - synopsis.size() : 2;
        const QStringList lines = option.help.split(QLatin1Char('\n'));
        text += synopsis + QString(gap, QLatin1Char(' ')) + lines.front() + QLatin1Char('\n');
        for (qsizetype i = 1; i < lines.size(); ++i)
            text += QString(kHelpColumn, QLatin1Char(' ')) + lines[i] + QLatin1Char('\n');
    }
    return text;
}

// The option that sets `mode`, as the messages name it.
QString modeSpelling(CommandLine::Mode mode)
{
    for (const CliOption &option : cliOptions())
        if (option.mode == mode) return spellingOf(option.names.front());
    return {};
}

} // namespace

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: compute-explorer [OPTIONS] [FILE]\n"
        "\n"
        "Explore how much compute the largest AI training runs used, on a log axis\n"
        "against publication date, with eras and exponential trend fits.\n"
        "FILE is a native dataset (.json) or an Epoch AI CSV export (.csv). Without FILE\n"
        "the bundled OpenAI 'AI and Compute' dataset is used.\n"
        "\n"
        "Modes (no window is opened for these):\n");
    text += helpEntries(CliOption::Section::Modes);
    text += QStringLiteral("\nOptions:\n");
    text += helpEntries(CliOption::Section::Options);
    text += QStringLiteral(
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
        "An era that follows a paper gets \"published\" in --fit: \"quantity\"\n"
        "(doubling_time_months or growth_factor_per_year), \"value\", \"ci\" [lo, hi],\n"
        "\"ci_level\", \"n\", \"data_vintage\", \"source\", \"table\" (null where the paper\n"
        "gives nothing) and \"inside_ci95\": whether the value lies in the recomputed\n"
        "95% interval. An era's rule may narrow its runs (a tag, the running top N, a\n"
        "Z-score band of log-compute against the runs within 1.5 years, ...).\n"
        "--diff prints {\"summary\", \"added\", \"removed\", \"changed\", \"duplicates\",\n"
        "\"other_field_counts\", \"fits\"}. Runs are matched by name and date; failing\n"
        "that by name with a date moved up to two years, then as a rename (same\n"
        "organization, dates within 31 days, names 80% alike); such matches say\n"
        "\"uncertain\": true. Runs whose name and date occur twice in one file are listed\n"
        "in \"duplicates\" and not matched. \"changed\" lists runs whose date, compute,\n"
        "estimates, upper bound, domain, organization, tags, confidence or name changed,\n"
        "each with \"fields\" ({\"compute\": {\"old\", \"new\"}, ...}) and \"compute_ratio\"\n"
        "(NEW / OLD). \"fits\" gives per era the fit \"before\" and \"after\" (as --fit\n"
        "prints them) and \"moved_by\": each change whose reverting alone changes the\n"
        "after fit, with the fit without it and how far it moved the doubling time.\n"
        "\n"
        "Exit status: 0 success, 1 bad data or a failed download (one line per problem\n"
        "on stderr), 2 bad usage. On failure no output file is created or changed.\n");
    return text;
}

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    const std::optional<Refused> refused = firstRefusedArgument(arguments);
    QCommandLineParser parser;
    for (const CliOption &option : cliOptions())
        parser.addOption(QCommandLineOption(option.names, option.help, option.valueName));
    // parse(), never process(): process() prints its own wording and exits with 1.
    // parse() wants the program name first.
    const QStringList accepted = refused ? arguments.first(refused->index) : arguments;
    if (!parser.parse(QStringList{QStringLiteral("compute-explorer")} + accepted))
        return {std::nullopt, parser.errorText()}; // the pre-pass let through what it refuses

    CommandLine cmd;
    bool modeSet = false;
    auto setMode = [&](CommandLine::Mode mode, const QString &spelling) -> QString {
        if (modeSet && cmd.mode != mode)
            return QStringLiteral("%1 cannot be combined with another mode").arg(spelling);
        cmd.mode = mode;
        modeSet = true;
        return {};
    };
    // In the order given; an option given twice is listed twice, its values in order.
    QHash<const CliOption *, qsizetype> valuesUsed;
    for (const QString &name : parser.optionNames()) {
        const CliOption &option = *optionNamed(name);
        const QString spelling = spellingOf(name);
        QString error = option.mode ? setMode(*option.mode, spelling) : QString();
        if (error.isEmpty() && option.apply) {
            const QString value = option.valueName.isEmpty()
                                      ? QString()
                                      : parser.values(name).at(valuesUsed[&option]++);
            error = option.apply(cmd, spelling, value);
        }
        if (!error.isEmpty()) return {std::nullopt, error};
    }
    if (refused) {
        // A mode option without its value: the clash of modes is the first problem.
        if (refused->option && refused->option->mode) {
            const QString clash = setMode(*refused->option->mode, arguments[refused->index]);
            if (!clash.isEmpty()) return {std::nullopt, clash};
        }
        return {std::nullopt, refused->error};
    }

    const QStringList positional = parser.positionalArguments();
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
    for (const CliOption &option : cliOptions()) {
        if (option.onlyIn && cmd.mode != *option.onlyIn && parser.isSet(option.names.front()))
            return {std::nullopt,
                    QStringLiteral("%1 goes with %2")
                        .arg(spellingOf(option.names.front()), modeSpelling(*option.onlyIn))};
    }
    if (cmd.axes.x == cmd.axes.y)
        return {std::nullopt, QStringLiteral("--x and --y name the same quantity")};
    if (cmd.mode == CommandLine::Mode::Project && !cmd.axes.dated())
        return {std::nullopt, QStringLiteral("--project-to and --project-at project along the "
                                             "date: they need --x date")};
    if (cmd.mode == CommandLine::Mode::Rolling && !cmd.axes.dated())
        return {std::nullopt, QStringLiteral("--rolling slides its windows along the date: it "
                                             "needs --x date")};
    if (cmd.mode == CommandLine::Mode::Save && cmd.file.isEmpty() && cmd.bundled.isEmpty())
        return {std::nullopt, QStringLiteral("--save needs the FILE to convert")};
    if (cmd.mode == CommandLine::Mode::Fetch) {
        if (cmd.output.isEmpty())
            return {std::nullopt, QStringLiteral("--fetch needs --out FILE, the file to write")};
        if (!cmd.file.isEmpty() || !cmd.bundled.isEmpty())
            return {std::nullopt, QStringLiteral("--fetch reads no dataset: give no FILE or "
                                                 "--bundled")};
    }
    if (cmd.mode == CommandLine::Mode::Diff && cmd.file.isEmpty() && cmd.bundled.isEmpty())
        return {std::nullopt, QStringLiteral("--diff OLD NEW: give the NEW dataset after OLD (a "
                                             "FILE, or --bundled KEY)")};
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
    case CommandLine::Mode::Rolling:
        return runRolling(command, out, err);
    case CommandLine::Mode::Save:
        return runSave(command, out, err);
    case CommandLine::Mode::Export:
        return runExport(command, out, err);
    case CommandLine::Mode::Fetch:
        return runFetch(command, out, err);
    case CommandLine::Mode::Diff:
        return runDiff(command, out, err);
    case CommandLine::Mode::Gui:
        break;
    }
    return kExitUsage;
}

} // namespace app
