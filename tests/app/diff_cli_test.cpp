// SPDX-License-Identifier: GPL-3.0-or-later
// compute-explorer --diff OLD NEW: two small hand-made vintages, in process and as the binary.
#include "app/cli/command_line.h"
#include "tests/app/cli_test_util.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using json = nlohmann::json;

using cli_test::run;

// OLD: A to D, one a year. NEW: B's compute x4, C gone, a note on D, E added.
struct Vintages {
    QTemporaryDir dir;
    QString oldFile = write(QStringLiteral("old.csv"),
                            "Model,Organization,Publication date,Training compute (FLOP),Notes\n"
                            "A,Lab,2012-01-01,1e18,\n"
                            "B,Lab,2013-01-01,1e19,\n"
                            "C,Lab,2014-01-01,1e20,\n"
                            "D,Lab,2015-01-01,1e21,\n");
    QString newFile = write(QStringLiteral("new.csv"),
                            "Model,Organization,Publication date,Training compute (FLOP),Notes\n"
                            "A,Lab,2012-01-01,1e18,\n"
                            "B,Lab,2013-01-01,4e19,\n"
                            "D,Lab,2015-01-01,1e21,a note\n"
                            "E,Lab,2016-01-01,1e22,\n");

    QString write(const QString &name, const char *text)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }
};

TEST(DiffCommand, PrintsTheRunsAddedRemovedAndChangedAndTheFitsOfNewsFirstScheme)
{
    const Vintages v;
    const cli_test::CliOutcome r = run({QStringLiteral("--diff"), v.oldFile, v.newFile});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json j = json::parse(r.out.toStdString());
    ASSERT_EQ(j["added"].size(), 1u);
    EXPECT_EQ(j["added"][0]["name"], "E");
    EXPECT_EQ(j["added"][0]["date"], "2016-01-01");
    ASSERT_EQ(j["removed"].size(), 1u);
    EXPECT_EQ(j["removed"][0]["name"], "C");
    ASSERT_EQ(j["changed"].size(), 1u);
    EXPECT_EQ(j["changed"][0]["name"], "B");
    EXPECT_DOUBLE_EQ(j["changed"][0]["compute_ratio"].get<double>(), 4.0);
    EXPECT_EQ(j["changed"][0]["fields"]["compute"]["old"].get<double>(), 1e19);
    EXPECT_EQ(j["changed"][0]["uncertain"], false);
    EXPECT_EQ(j["other_field_counts"], json({{"notes", 1}}));
    // The scheme is NEW's first, as --fit NEW fits it.
    const cli_test::CliOutcome fit = run({QStringLiteral("--fit"), v.newFile});
    ASSERT_EQ(fit.exitCode, app::kExitOk) << fit.err.toStdString();
    const json fits = json::parse(fit.out.toStdString())["fits"];
    ASSERT_EQ(j["fits"].size(), fits.size());
    for (std::size_t e = 0; e < fits.size(); ++e)
        EXPECT_EQ(j["fits"][e]["after"], fits[e]);
}

TEST(DiffCommand, AllFieldsListsTheRunWithANewNote)
{
    const Vintages v;
    const cli_test::CliOutcome r =
        run({QStringLiteral("--diff"), v.oldFile, v.newFile, QStringLiteral("--all-fields")});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const json j = json::parse(r.out.toStdString());
    ASSERT_EQ(j["changed"].size(), 2u);
    EXPECT_EQ(j["changed"][1]["name"], "D");
    EXPECT_EQ(j["changed"][1]["fields"]["notes"]["new"], "a note");
}

TEST(DiffCommand, AFileThatCannotBeReadExitsWithOneAndNamesIt)
{
    const Vintages v;
    const QString missing = v.dir.filePath(QStringLiteral("missing.csv"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--diff"), missing, v.newFile},
          QStringList{QStringLiteral("--diff"), v.oldFile, missing}}) {
        const cli_test::CliOutcome r = run(arguments);
        EXPECT_EQ(r.exitCode, app::kExitBadData);
        EXPECT_TRUE(r.err.contains(missing)) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
}

TEST(DiffCommand, BadUsageExitsWithTwoAndSaysWhy)
{
    const Vintages v;
    const cli_test::CliOutcome noNew = run({QStringLiteral("--diff"), v.oldFile});
    EXPECT_EQ(noNew.exitCode, app::kExitUsage);
    EXPECT_TRUE(noNew.err.contains(QStringLiteral("NEW"))) << noNew.err.toStdString();
    const cli_test::CliOutcome stray =
        run({QStringLiteral("--fit"), QStringLiteral("--all-fields")});
    EXPECT_EQ(stray.exitCode, app::kExitUsage);
    EXPECT_EQ(stray.err, QStringLiteral("--all-fields goes with --diff"));
    const cli_test::CliOutcome scheme =
        run({QStringLiteral("--diff"), v.oldFile, v.newFile, QStringLiteral("--era-scheme"),
             QStringLiteral("no such")});
    EXPECT_EQ(scheme.exitCode, app::kExitUsage);
    EXPECT_TRUE(scheme.err.contains(QStringLiteral("no era scheme named 'no such'")));
    EXPECT_EQ(
        run({QStringLiteral("--diff"), v.oldFile, v.newFile, QStringLiteral("--fit")}).exitCode,
        app::kExitUsage);
}

TEST(DiffCommand, TheBinaryPrintsTheFitsBeforeAndAfterOfARange)
{
    const Vintages v;
    QProcess process;
    process.start(QStringLiteral(COMPUTE_EXPLORER_BINARY),
                  {QStringLiteral("--diff"), v.oldFile, v.newFile, QStringLiteral("--from"),
                   QStringLiteral("2010-01-01"), QStringLiteral("--to"),
                   QStringLiteral("2020-01-01")});
    ASSERT_TRUE(process.waitForFinished(60000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const json j = json::parse(process.readAllStandardOutput().toStdString());
    ASSERT_EQ(j["fits"].size(), 1u);
    const json &fit = j["fits"][0];
    EXPECT_EQ(fit["before"]["n"], 4); // A B C D
    EXPECT_EQ(fit["after"]["n"], 4);  // A B D E
    // Before: one order of magnitude a year exactly.
    EXPECT_NEAR(fit["before"]["slope_log10_per_year"].get<double>(), 1.0, 0.01);
    EXPECT_EQ(fit["moved_by"].size(), 3u); // E added, C removed, B changed
}

} // namespace
