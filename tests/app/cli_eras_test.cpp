// SPDX-License-Identifier: GPL-3.0-or-later
// --era-scheme by name or prefix in every mode, "published" and "members" in --fit, and
// --rolling.
#include "tests/app/cli_test_util.h"

#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using cli_test::args;
using cli_test::CliOutcome;
using cli_test::run;
using nlohmann::json;

// Eight runs, one on the first of July of each year 2010-2017, growing 0.5 orders of
// magnitude a year with a wobble, listed out of date order; three schemes whose names
// share a beginning, one of them an exact lower-case name.
QString writeDataset(const QTemporaryDir &dir)
{
    json runs = json::array();
    const int years[] = {2013, 2010, 2017, 2011, 2015, 2012, 2016, 2014};
    for (int year : years) {
        const double wobble = (year % 3 == 0) ? 0.2 : (year % 3 == 1 ? -0.1 : 0.05);
        runs.push_back(
            {{"id", "run-" + std::to_string(year)},
             {"name", "Run " + std::to_string(year)},
             {"date", std::to_string(year) + "-07-01"},
             {"estimates",
              json::array({{{"method", "reported"},
                            {"value", std::pow(10.0, 17.0 + 0.5 * (year - 2010) + wobble)}}})}});
    }
    const json schemes = json::parse(R"([
        {"name": "Eras A", "eras": [{"name": "A1", "from": "2010-01-01", "to": "2014-01-01",
            "published": {"quantity": "doubling_time_months", "value": 7.2, "ci": [6.0, 9.0],
                          "ci_level": 0.95, "n": 4, "source": "Paper A", "table": "Table 1"}},
                                    {"name": "A2", "from": "2014-01-01",
            "published": {"quantity": "growth_factor_per_year", "value": 1000}}]},
        {"name": "Eras B", "eras": [{"name": "B1"}, {"name": "B2", "from": "2012-01-01"}]},
        {"name": "eras", "eras": [{"name": "Only"}, {"name": "Second"}, {"name": "Third"}]}
    ])");
    const json root = {{"schema_version", 2}, {"era_schemes", schemes}, {"runs", runs}};
    const QString path = dir.filePath(QStringLiteral("eras.json"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(root.dump()));
    return path;
}

std::vector<std::string> eraNames(const CliOutcome &r, const char *list = "fits")
{
    EXPECT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    std::vector<std::string> names;
    const json root = json::parse(r.out.toStdString());
    EXPECT_TRUE(root.contains(list)) << r.out.toStdString();
    for (const json &fit : root[list])
        names.push_back(fit["era"].get<std::string>());
    return names;
}

using Names = std::vector<std::string>;

TEST(CommandLineEraScheme, AnExactNameWinsThenTheSameNameInAnyCaseThenAUniquePrefix)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    auto fitWith = [&](const char *scheme) {
        return run({QStringLiteral("--fit"), QStringLiteral("--era-scheme"),
                    QString::fromUtf8(scheme), data});
    };
    EXPECT_EQ(eraNames(fitWith("Eras B")), (Names{"B1", "B2"}));
    // "eras" is exact, though "Eras A" and "Eras B" begin with it in another case.
    EXPECT_EQ(eraNames(fitWith("eras")), (Names{"Only", "Second", "Third"}));
    EXPECT_EQ(eraNames(fitWith("ERAS")), (Names{"Only", "Second", "Third"}));
    EXPECT_EQ(eraNames(fitWith("eras a")), (Names{"A1", "A2"}));
    EXPECT_EQ(eraNames(fitWith("ERAS B")), (Names{"B1", "B2"}));
}

TEST(CommandLineEraScheme, SeveralMatchesAreBadUsageThatListsThem)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    const CliOutcome r =
        run({QStringLiteral("--fit"), QStringLiteral("--era-scheme"), QStringLiteral("era"), data});
    EXPECT_EQ(r.exitCode, app::kExitUsage);
    EXPECT_TRUE(r.out.isEmpty());
    for (const char *name : {"'Eras A'", "'Eras B'", "'eras'"})
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(name))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("matches 3 era schemes"))) << r.err.toStdString();
}

TEST(CommandLineEraScheme, NoMatchIsBadUsageThatListsTheSchemes)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    const CliOutcome r = run(
        {QStringLiteral("--fit"), QStringLiteral("--era-scheme"), QStringLiteral("Sevilla"), data});
    EXPECT_EQ(r.exitCode, app::kExitUsage);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no era scheme named 'Sevilla'")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("'Eras A', 'Eras B', 'eras'")))
        << r.err.toStdString();
}

TEST(CommandLineEraScheme, EveryModeTakesAPrefixAndRefusesAnAmbiguousName)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    const CliOutcome project =
        run({QStringLiteral("--project-to"), QStringLiteral("1e25"), QStringLiteral("--era-scheme"),
             QStringLiteral("eras b"), data});
    ASSERT_EQ(project.exitCode, app::kExitOk) << project.err.toStdString();
    EXPECT_EQ(eraNames(project, "projections"), (Names{"B1", "B2"}));
    const CliOutcome rolling =
        run({QStringLiteral("--rolling"), QStringLiteral("5"), QStringLiteral("--era-scheme"),
             QStringLiteral("eras b"), data});
    ASSERT_EQ(rolling.exitCode, app::kExitOk) << rolling.err.toStdString();
    EXPECT_EQ(eraNames(rolling, "windows").front(), "B1");

    const QString png = dir.filePath(QStringLiteral("figure.png"));
    const CliOutcome exported =
        run({QStringLiteral("--export"), png, QStringLiteral("--era-scheme"),
             QStringLiteral("eras a"), QStringLiteral("--sidecar"), data});
    ASSERT_EQ(exported.exitCode, app::kExitOk) << exported.err.toStdString();
    QFile sidecar(png + QStringLiteral(".json"));
    ASSERT_TRUE(sidecar.open(QIODevice::ReadOnly));
    EXPECT_EQ(json::parse(sidecar.readAll().toStdString())["era_scheme"], "Eras A");

    for (const QStringList &mode :
         {QStringList{QStringLiteral("--project-at"), QStringLiteral("2030-01-01")},
          QStringList{QStringLiteral("--rolling"), QStringLiteral("2")},
          QStringList{QStringLiteral("--export"), dir.filePath(QStringLiteral("no.png"))}}) {
        const CliOutcome r =
            run(mode + QStringList{QStringLiteral("--era-scheme"), QStringLiteral("Era"), data});
        EXPECT_EQ(r.exitCode, app::kExitUsage) << mode.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("'Eras A', 'Eras B', 'eras'")))
            << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("no.png"))));
}

// --- "published" and "members" -----------------------------------------------------

TEST(CommandLineFit, PrintsEachErasPublishedFigureBesideTheFit)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    const CliOutcome r = run(
        {QStringLiteral("--fit"), QStringLiteral("--era-scheme"), QStringLiteral("Eras A"), data});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json fits = json::parse(r.out.toStdString())["fits"];
    const json &a1 = fits[0]["published"];
    EXPECT_EQ(a1["quantity"], "doubling_time_months");
    EXPECT_EQ(a1["value"], 7.2);
    EXPECT_EQ(a1["ci"], json::array({6.0, 9.0}));
    EXPECT_EQ(a1["ci_level"], 0.95);
    EXPECT_EQ(a1["n"], 4);
    EXPECT_TRUE(a1["data_vintage"].is_null());
    EXPECT_EQ(a1["source"], "Paper A");
    EXPECT_EQ(a1["table"], "Table 1");
    // 0.5 orders of magnitude a year is a doubling every 12 log10(2) / 0.5 = 7.22 months,
    // inside the fitted interval; 1000x a year (3 orders) is not.
    const json &ci = fits[0]["doubling_time_months_ci95"];
    ASSERT_TRUE(ci[0].is_number() && ci[1].is_number()) << fits[0].dump();
    EXPECT_EQ(a1["inside_ci95"], ci[0].get<double>() <= 7.2 && 7.2 <= ci[1].get<double>());
    EXPECT_EQ(a1["inside_ci95"], true);
    const json &a2 = fits[1]["published"];
    EXPECT_EQ(a2["quantity"], "growth_factor_per_year");
    EXPECT_TRUE(a2["ci"].is_null());
    EXPECT_TRUE(a2["ci_level"].is_null());
    EXPECT_TRUE(a2["n"].is_null());
    EXPECT_EQ(a2["inside_ci95"], false);
}

TEST(CommandLineFit, MembersListsEachErasRunsByDate)
{
    QTemporaryDir dir;
    const QString data = writeDataset(dir);
    const CliOutcome r = run({QStringLiteral("--fit"), QStringLiteral("--members"),
                              QStringLiteral("--era-scheme"), QStringLiteral("Eras A"), data});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json fits = json::parse(r.out.toStdString())["fits"];
    EXPECT_EQ(fits[0]["members"], json::array({"Run 2010", "Run 2011", "Run 2012", "Run 2013"}));
    EXPECT_EQ(fits[1]["members"], json::array({"Run 2014", "Run 2015", "Run 2016", "Run 2017"}));
    EXPECT_FALSE(
        json::parse(run({QStringLiteral("--fit"), data}).out.toStdString())["fits"][0].contains(
            "members"));
    EXPECT_EQ(run(args({"--project-at", "2030-01-01", "--members"})).exitCode, app::kExitUsage);
}

// --- --rolling ---------------------------------------------------------------------

// Every window of --rolling prints what --fit --from F --to T prints for its range.
TEST(CommandLineRolling, EachWindowIsWhatFitOfItsRangePrints)
{
    const CliOutcome r = run(args({"--rolling", "3", "--bundled", "epoch"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json root = json::parse(r.out.toStdString());
    EXPECT_EQ(root["window_years"], 3.0);
    EXPECT_EQ(root["expanding"], false);
    const json &windows = root["windows"];
    ASSERT_GT(windows.size(), 100u);
    for (std::size_t k = 0; k < windows.size(); k += windows.size() / 7) {
        json window = windows[k];
        const std::string from = window["from"], to = window["to"];
        const CliOutcome fit =
            run({QStringLiteral("--fit"), QStringLiteral("--bundled"), QStringLiteral("epoch"),
                 QStringLiteral("--from"), QString::fromStdString(from), QStringLiteral("--to"),
                 QString::fromStdString(to)});
        json expected = json::parse(fit.out.toStdString())["fits"][0];
        window.erase("era");
        expected.erase("era");
        EXPECT_EQ(window, expected) << from << " to " << to;
    }
}

TEST(CommandLineRolling, ExpandingWindowsKeepTheirStart)
{
    const CliOutcome r = run(
        args({"--rolling", "1.5", "--expanding", "--from", "2012-01-01", "--to", "2019-01-01"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json windows = json::parse(r.out.toStdString())["windows"];
    // 84 months, 18 to the first window.
    ASSERT_EQ(windows.size(), 84u - 18u + 1u);
    EXPECT_EQ(windows.front()["to"], "2013-07-01");
    EXPECT_EQ(windows.back()["to"], "2019-01-01");
    for (const json &w : windows)
        EXPECT_EQ(w["from"], "2012-01-01");
}

// With --y, the windows are of that quantity's trend against the date: each is what
// --fit --y parameters --from F --to T prints. Windows slide along the date only.
TEST(CommandLineRolling, WindowsFollowYAndNeedTheDateOnX)
{
    const CliOutcome r = run(args({"--rolling", "4", "--bundled", "epoch", "--y", "parameters"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json windows = json::parse(r.out.toStdString())["windows"];
    ASSERT_GT(windows.size(), 100u);
    for (std::size_t k = 0; k < windows.size(); k += windows.size() / 5) {
        json window = windows[k];
        EXPECT_EQ(window["y"], "parameters");
        EXPECT_EQ(window["x"], "date");
        const std::string from = window["from"], to = window["to"];
        const CliOutcome fit = run(args({"--fit", "--bundled", "epoch", "--y", "parameters",
                                         "--from", from.c_str(), "--to", to.c_str()}));
        ASSERT_EQ(fit.exitCode, app::kExitOk) << fit.err.toStdString();
        json expected = json::parse(fit.out.toStdString())["fits"][0];
        window.erase("era");
        expected.erase("era");
        EXPECT_EQ(window, expected) << from << " to " << to;
    }
    // Not the compute's windows.
    const json compute =
        json::parse(run(args({"--rolling", "4", "--bundled", "epoch"})).out.toStdString());
    EXPECT_NE(compute["windows"][0]["n"], windows[0]["n"]);

    const CliOutcome logLog =
        run(args({"--rolling", "4", "--bundled", "epoch", "--x", "parameters"}));
    EXPECT_EQ(logLog.exitCode, app::kExitUsage);
    EXPECT_TRUE(logLog.err.contains(QStringLiteral("needs --x date"))) << logLog.err.toStdString();
}

TEST(CommandLineRolling, BadWindowsAreBadUsage)
{
    for (const char *w : {"0", "-1", "abc", "1.3", "101"})
        EXPECT_EQ(run(args({"--rolling", w})).exitCode, app::kExitUsage) << w;
    EXPECT_EQ(run(args({"--fit", "--expanding"})).exitCode, app::kExitUsage);
}

} // namespace

namespace {

TEST(CommandLineHelp, DocumentsSchemePrefixesPublishedFiguresMembersAndRollingWindows)
{
    const QString help = app::helpText();
    for (const char *text :
         {"--rolling W", "--expanding", "--members", "a unique beginning of it in any case",
          "\"published\"", "\"inside_ci95\"", "\"data_vintage\"", "growth_factor_per_year",
          "[from, from + W)", "epoch-2022"})
        EXPECT_TRUE(help.contains(QString::fromUtf8(text))) << text;
}

} // namespace
