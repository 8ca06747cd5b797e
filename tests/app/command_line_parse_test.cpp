// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing the command line alone (no dataset is read): what each spelling means, and
// the exact message of each usage error (main() prints it and exits with status 2).
#include "app/cli/cli_options.h"
#include "app/cli/command_line.h"

#include "tests/app/gui_test_util.h"

#include <QSet>

#include <gtest/gtest.h>

namespace {

QStringList args(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

// The usage error for `arguments`, or "(accepted)".
QString errorOf(const QStringList &arguments)
{
    const app::ParsedCommandLine parsed = app::parseCommandLine(arguments);
    return parsed.command ? QStringLiteral("(accepted)") : parsed.error;
}

app::CommandLine accepted(const QStringList &arguments)
{
    const app::ParsedCommandLine parsed = app::parseCommandLine(arguments);
    EXPECT_TRUE(parsed.command.has_value()) << parsed.error.toStdString();
    return parsed.command.value_or(app::CommandLine{});
}

TEST(CommandLineParse, AnythingThatIsNotAnOptionSpelledExactlyIsAnUnknownOption)
{
    // QCommandLineParser alone would take --fit=1 as --fit with a value, -hv as -h -v,
    // "--" as the end of the options and --h as -h; this command line never did.
    for (const char *bad : {"--frobnicate", "--fit=1", "--from=2012-01-01", "--", "-fit", "-hv",
                            "--h", "---fit", "-x", "--FIT", "-help"}) {
        EXPECT_EQ(errorOf(args({bad})), QStringLiteral("unknown option ") + QString::fromUtf8(bad))
            << bad;
        EXPECT_EQ(errorOf(args({"--fit", bad, "x.json"})),
                  QStringLiteral("unknown option ") + QString::fromUtf8(bad))
            << bad;
    }
}

TEST(CommandLineParse, AValueOptionWithoutAValueNeedsOne)
{
    for (const char *option : {"--export", "--save", "--era-scheme", "--from", "--width", "--units",
                               "--project-to", "--project-at", "--bundled", "--scale"}) {
        const QString expected = QString::fromUtf8(option) + QStringLiteral(" needs a value");
        EXPECT_EQ(errorOf(args({option})), expected);
        EXPECT_EQ(errorOf(args({option, ""})), expected) << "an empty value is no value";
    }
}

TEST(CommandLineParse, TheFirstProblemOnTheCommandLineIsTheOneReported)
{
    EXPECT_EQ(errorOf(args({"--project-to", "abc", "--frobnicate"})),
              QStringLiteral("--project-to 'abc' is not a positive compute"));
    EXPECT_EQ(errorOf(args({"--frobnicate", "--project-to", "abc"})),
              QStringLiteral("unknown option --frobnicate"));
    EXPECT_EQ(errorOf(args({"--width", "640", "--fit", "--width"})),
              QStringLiteral("--width needs a value"));
    EXPECT_EQ(errorOf(args({"--width", "16", "--width", "abc"})),
              QStringLiteral("--width 'abc' is not a size in pixels (16 to 20000)"));
    // A second mode is refused before its missing value is noticed.
    EXPECT_EQ(errorOf(args({"--fit", "--project-to"})),
              QStringLiteral("--project-to cannot be combined with another mode"));
    EXPECT_EQ(errorOf(args({"--project-to", "1e27", "--project-at"})),
              QStringLiteral("--project-at needs a value"));
    EXPECT_EQ(errorOf(args({"--help", "--frobnicate"})),
              QStringLiteral("unknown option --frobnicate"));
}

TEST(CommandLineParse, TheValueAfterAnOptionIsTakenWhateverItLooksLike)
{
    EXPECT_EQ(errorOf(args({"--project-to", "-5"})),
              QStringLiteral("--project-to '-5' is not a positive compute"));
    const app::CommandLine exportNamedFit = accepted(args({"--export", "--fit"}));
    EXPECT_EQ(exportNamedFit.mode, app::CommandLine::Mode::Export);
    EXPECT_EQ(exportNamedFit.output, QStringLiteral("--fit"));
}

TEST(CommandLineParse, ModesAreExclusiveAndNamedAsGiven)
{
    EXPECT_EQ(accepted(args({"-h"})).mode, app::CommandLine::Mode::Help);
    EXPECT_EQ(accepted(args({"-v"})).mode, app::CommandLine::Mode::Version);
    EXPECT_EQ(accepted(args({"--fit", "--fit"})).mode, app::CommandLine::Mode::Fit);
    EXPECT_EQ(errorOf(args({"-h", "-v"})),
              QStringLiteral("-v cannot be combined with another mode"));
    EXPECT_EQ(errorOf(args({"--project-at", "2020-01-01", "--fit"})),
              QStringLiteral("--fit cannot be combined with another mode"));
    EXPECT_EQ(errorOf(args({"--export", "a.png", "--save", "b.json"})),
              QStringLiteral("--save cannot be combined with another mode"));
    EXPECT_EQ(errorOf(args({"--sidecar", "--fit"})),
              QStringLiteral("--sidecar goes with --export"));
}

// --project-to and --project-at take one value each and may be repeated; a second
// value after one option is the FILE, as it always was.
TEST(CommandLineParse, ProjectionOptionsAreRepeatedOneValueEach)
{
    const app::CommandLine command = accepted(
        args({"--project-to", "1e27", "--project-at", "2030-01-01", "--project-to", "2.5e28"}));
    EXPECT_EQ(command.mode, app::CommandLine::Mode::Project);
    EXPECT_EQ(command.projectTo, (std::vector<double>{1e27, 2.5e28}));
    ASSERT_EQ(command.projectAt.size(), 1u);
    EXPECT_EQ(command.projectAt.front().toIso(), "2030-01-01");
    EXPECT_EQ(accepted(args({"--project-to", "1e27", "1e28"})).file, QStringLiteral("1e28"));
}

TEST(CommandLineParse, OptionsAndFileMayComeInAnyOrder)
{
    const app::CommandLine command =
        accepted(args({"data.csv", "--to", "2019-01-01", "--export", "out.svg", "--width", "640",
                       "--units", "pfs-days", "--from", "2012-01-01", "--sidecar", "--all"}));
    EXPECT_EQ(command.mode, app::CommandLine::Mode::Export);
    EXPECT_EQ(command.file, QStringLiteral("data.csv"));
    EXPECT_EQ(command.output, QStringLiteral("out.svg"));
    EXPECT_EQ(command.from->toIso(), "2012-01-01");
    EXPECT_EQ(command.to->toIso(), "2019-01-01");
    EXPECT_EQ(command.width, 640);
    EXPECT_EQ(command.height, 800);
    EXPECT_EQ(command.units, compute::ComputeUnit::PfsDays);
    EXPECT_TRUE(command.unitsGiven);
    EXPECT_TRUE(command.sidecar);
    EXPECT_TRUE(command.includeHidden);
    EXPECT_EQ(accepted(args({"-"})).file, QStringLiteral("-")); // "-" alone is a FILE
    EXPECT_EQ(errorOf(args({"a.json", "-", "b.json"})),
              QStringLiteral("expected at most one FILE, got 3: a.json, -, b.json"));
}

// The table is the whole command line: every option is documented in --help, and
// every one the parser is given is accepted under its spelling.
TEST(CommandLineParse, EveryOptionIsInTheHelpAndSpelledAsTheHelpSaysIt)
{
    const QString help = app::helpText();
    QSet<QString> seen;
    for (const app::CliOption &option : app::cliOptions()) {
        for (const QString &name : option.names) {
            EXPECT_FALSE(seen.contains(name)) << "two options named " << name.toStdString();
            seen.insert(name);
        }
        const QString spelling = QStringLiteral("--") + option.names.front();
        EXPECT_TRUE(help.contains(spelling + QLatin1Char(' ')) ||
                    help.contains(spelling + QLatin1Char('\n')))
            << spelling.toStdString();
        QStringList arguments{spelling};
        if (!option.valueName.isEmpty()) arguments << QStringLiteral("1");
        const QString error = errorOf(arguments);
        EXPECT_FALSE(error.startsWith(QStringLiteral("unknown option"))) << error.toStdString();
        EXPECT_FALSE(error.contains(QStringLiteral("needs a value"))) << error.toStdString();
    }
}

TEST(CommandLineParse, HelpListsModesThenOptionsWithTheirDescriptionsInOneColumn)
{
    const QStringList lines = app::helpText().split(QLatin1Char('\n'));
    const qsizetype modes = lines.indexOf(QStringLiteral("Modes (no window is opened for these):"));
    const qsizetype options = lines.indexOf(QStringLiteral("Options:"));
    ASSERT_GT(modes, 0);
    ASSERT_GT(options, modes);
    EXPECT_TRUE(lines[modes + 1].startsWith(QStringLiteral("  --fit ")));
    EXPECT_EQ(lines[modes + 1].indexOf(QStringLiteral("print")), 24);
    EXPECT_EQ(lines[options + 1].indexOf(QStringLiteral("era scheme")), 24);
    EXPECT_TRUE(app::helpText().contains(
        QStringLiteral("  --from DATE --to DATE one range [from, to) instead of a scheme")));
    EXPECT_TRUE(app::helpText().contains(
        QStringLiteral("(both may be given, and repeated)\n  --rolling W")));
}

} // namespace
