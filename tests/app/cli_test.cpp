// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/command_line.h"

#include "core/io/json_format.h"
#include "tests/app/cli_outcome.h"
#include "tests/app/gui_test_util.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTextStream>
#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using cli_testing::CliOutcome;
using cli_testing::run;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

TEST(CommandLine, FitOverOpenAiChartYearsPrintsThreePointFourThreeMonths)
{
    const CliOutcome r =
        run({QStringLiteral("--fit"), QStringLiteral("--from"), QStringLiteral("2012-01-01"),
             QStringLiteral("--to"), QStringLiteral("2019-01-01")});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    ASSERT_EQ(json["fits"].size(), 1u);
    const auto &fit = json["fits"][0];
    EXPECT_EQ(fit["n"], 15);
    EXPECT_NEAR(fit["doubling_time_months"].get<double>(), 3.43, 0.05);
    EXPECT_EQ(fit["from"], "2012-01-01");
    EXPECT_EQ(fit["to"], "2019-01-01");
    ASSERT_EQ(fit["doubling_time_months_ci95"].size(), 2u);
    EXPECT_LT(fit["doubling_time_months_ci95"][0].get<double>(), 3.43);
    EXPECT_GT(fit["doubling_time_months_ci95"][1].get<double>(), 3.43);
}

TEST(CommandLine, FitWithoutRangeFitsEveryEraOfTheFirstScheme)
{
    const CliOutcome r = run({QStringLiteral("--fit")});
    ASSERT_EQ(r.exitCode, app::kExitOk);
    const auto json = nlohmann::json::parse(r.out.toStdString());
    ASSERT_EQ(json["fits"].size(), 2u);
    EXPECT_EQ(json["fits"][1]["era"], "Modern era");
}

TEST(CommandLine, FitAllIncludesHiddenRunsButNeverUpperBounds)
{
    const CliOutcome r =
        run({QStringLiteral("--fit"), QStringLiteral("--all"), QStringLiteral("--from"),
             QStringLiteral("2012-01-01"), QStringLiteral("--to"), QStringLiteral("2019-01-01")});
    ASSERT_EQ(r.exitCode, app::kExitOk);
    const auto json = nlohmann::json::parse(r.out.toStdString());
    EXPECT_EQ(json["fits"][0]["n"], 17); // + Attention, Learning to Align; 4 upper bounds stay out
}

TEST(CommandLine, UnknownSchemeIsABadUsageThatNamesTheSchemes)
{
    const CliOutcome r =
        run({QStringLiteral("--fit"), QStringLiteral("--era-scheme"), QStringLiteral("Nope")});
    EXPECT_EQ(r.exitCode, app::kExitUsage);
    EXPECT_TRUE(r.err.contains(QStringLiteral("OpenAI 2019: two eras"))) << r.err.toStdString();
}

TEST(CommandLine, BadUsageExitsWithTwoAndSaysWhy)
{
    EXPECT_EQ(run({QStringLiteral("--frobnicate")}).exitCode, app::kExitUsage);
    EXPECT_EQ(run({QStringLiteral("--fit"), QStringLiteral("--from"), QStringLiteral("2012-01-01")})
                  .exitCode,
              app::kExitUsage);
    const CliOutcome bad =
        run({QStringLiteral("--fit"), QStringLiteral("--from"), QStringLiteral("2012-13-01"),
             QStringLiteral("--to"), QStringLiteral("2019-01-01")});
    EXPECT_EQ(bad.exitCode, app::kExitUsage);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("2012-13-01")));
    EXPECT_EQ(run({QStringLiteral("a.json"), QStringLiteral("b.json")}).exitCode, app::kExitUsage);
    EXPECT_EQ(run({QStringLiteral("--fit"), QStringLiteral("--export"), QStringLiteral("x.png")})
                  .exitCode,
              app::kExitUsage);
}

TEST(CommandLine, BadDataExitsWithOneAndNamesFileAndPath)
{
    QTemporaryDir dir;
    const QString path =
        writeFile(dir, QStringLiteral("bad.json"),
                  R"({"schema_version":1,"runs":[{"id":"a","name":"A","date":"2021-02-30"}]})");
    const CliOutcome r = run({QStringLiteral("--fit"), path});
    EXPECT_EQ(r.exitCode, app::kExitBadData);
    EXPECT_TRUE(r.err.contains(path)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("runs[0].date"))) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(CommandLine, FitReadsAnEpochCsvExportDirectly)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("epoch.csv"),
                                   "Model,Publication date,Training compute (FLOP)\r\n"
                                   "A,2012-01-01,1e18\r\nB,2013-01-01,1e19\r\nC,2014-01-01,1e20\r\n"
                                   "D,Forthcoming,1e21\r\n");
    const CliOutcome r =
        run({QStringLiteral("--fit"), QStringLiteral("--from"), QStringLiteral("2010-01-01"),
             QStringLiteral("--to"), QStringLiteral("2020-01-01"), path});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    EXPECT_EQ(json["fits"][0]["n"], 3);
    EXPECT_NEAR(json["fits"][0]["slope_log10_per_year"].get<double>(), 1.0, 0.01);
}

TEST(CommandLine, SaveConvertsCsvToNativeJsonAndFailureCreatesNothing)
{
    QTemporaryDir dir;
    const QString csv =
        writeFile(dir, QStringLiteral("in.csv"),
                  "Model,Publication date,Training compute (FLOP)\nA,2012-01-01,1e18\n");
    const QString out = dir.filePath(QStringLiteral("out.json"));
    const CliOutcome ok = run({QStringLiteral("--save"), out, csv});
    ASSERT_EQ(ok.exitCode, app::kExitOk) << ok.err.toStdString();
    QFile saved(out);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    auto dataset = compute::readDatasetJson(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), "out.json");
    ASSERT_TRUE(dataset.ok()) << dataset.errorText();
    EXPECT_EQ(dataset->runs.size(), 1u);

    const QString missing = dir.filePath(QStringLiteral("nope.csv"));
    const QString out2 = dir.filePath(QStringLiteral("out2.json"));
    EXPECT_EQ(run({QStringLiteral("--save"), out2, missing}).exitCode, app::kExitBadData);
    EXPECT_FALSE(QFile::exists(out2));
}

TEST(CommandLine, ExportUnknownExtensionIsRefusedAndCreatesNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.bmp"));
    const CliOutcome r = run({QStringLiteral("--export"), path});
    EXPECT_EQ(r.exitCode, app::kExitUsage);
    EXPECT_TRUE(r.err.contains(QStringLiteral(".png, .svg or .pdf")));
    EXPECT_FALSE(QFile::exists(path));
}

TEST(CommandLine, ExportToAMissingFolderFailsCleanly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/chart.png"));
    const CliOutcome r = run({QStringLiteral("--export"), path});
    EXPECT_EQ(r.exitCode, app::kExitBadData);
    EXPECT_TRUE(r.err.contains(path));
    EXPECT_FALSE(QFile::exists(path));
}

TEST(CommandLine, ExportPngHasTheRequestedPixelSize)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    const CliOutcome r =
        run({QStringLiteral("--export"), path, QStringLiteral("--width"), QStringLiteral("640"),
             QStringLiteral("--height"), QStringLiteral("400"), QStringLiteral("--scale"),
             QStringLiteral("1.5")});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    QImageReader reader(path);
    EXPECT_EQ(reader.size(), QSize(960, 600));
    EXPECT_EQ(QString::fromLatin1(reader.format()), QStringLiteral("png"));
}

TEST(CommandLine, ExportSvgIsWellFormedXmlWithTextAsText)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    ASSERT_EQ(run({QStringLiteral("--export"), path}).exitCode, app::kExitOk);
    QString error;
    const QStringList texts = svgTextsOf(path, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("AlphaGoZero")));
    EXPECT_TRUE(texts.contains(QStringLiteral("Publication date")));
}

TEST(CommandLine, ExportPdfHasOnePage)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.pdf"));
    ASSERT_EQ(run({QStringLiteral("--export"), path, QStringLiteral("--units"),
                   QStringLiteral("pfs-days")})
                  .exitCode,
              app::kExitOk);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_EQ(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "),
              1);
}

TEST(CommandLine, VersionAndHelp)
{
    const CliOutcome version = run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, app::kExitOk);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("compute-explorer ")));
    const CliOutcome help = run({QStringLiteral("--help")});
    EXPECT_TRUE(help.out.contains(QStringLiteral("--export OUT")));
}

// --- Projections and figure sidecars -------------------------------------------------

QStringList args(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

TEST(CommandLine, ProjectToPrintsWhenTheOpenAiTrendReaches1e27FlopWithItsInterval)
{
    const CliOutcome r =
        run(args({"--project-to", "1e27", "--from", "2012-01-01", "--to", "2019-01-01"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    ASSERT_EQ(json["projections"].size(), 1u);
    const auto &p = json["projections"][0];
    EXPECT_EQ(p["query"], "date_at_compute");
    EXPECT_EQ(p["status"], "ok");
    EXPECT_EQ(p["n"], 15);
    EXPECT_EQ(p["target_flop"].get<double>(), 1e27);
    EXPECT_EQ(p["date"].get<std::string>().substr(0, 7), "2022-08");
    ASSERT_EQ(p["date_ci95"].size(), 2u);
    EXPECT_LT(p["date_ci95"][0].get<std::string>(), p["date"].get<std::string>());
    EXPECT_GT(p["date_ci95"][1].get<std::string>(), p["date"].get<std::string>());
    EXPECT_LT(p["date_prediction_ci95"][0].get<std::string>(),
              p["date_ci95"][0].get<std::string>());
    EXPECT_NEAR(p["doubling_time_months"].get<double>(), 3.44, 0.01);
}

TEST(CommandLine, ProjectToInPfsDaysIsConvertedToFlopForEveryEra)
{
    const CliOutcome r = run(args({"--project-to", "1e4", "--units", "pfs-days"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    ASSERT_EQ(json["projections"].size(), 2u); // the first scheme's two eras
    EXPECT_NEAR(json["projections"][0]["target_flop"].get<double>(), 8.64e23, 1e9);
    EXPECT_NEAR(json["projections"][0]["target_pfs_days"].get<double>(), 1e4, 1e-9);
    EXPECT_EQ(json["projections"][1]["era"], "Modern era");
}

TEST(CommandLine, ProjectAtAndToTogetherGiveBothQueriesPerEra)
{
    const CliOutcome r = run(args({"--project-at", "2025-01-01", "--project-to", "1e27",
                                   "--era-scheme", "OpenAI 2018: four eras"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    ASSERT_EQ(json["projections"].size(), 8u);
    EXPECT_EQ(json["projections"][0]["query"], "date_at_compute");
    EXPECT_EQ(json["projections"][1]["query"], "compute_at_date");
    EXPECT_EQ(json["projections"][1]["era"], json["projections"][0]["era"]);
    const auto &at = json["projections"][7];
    EXPECT_EQ(at["era"], "From 2016");
    EXPECT_EQ(at["date"], "2025-01-01");
    if (at["status"] == "ok") {
        EXPECT_LT(at["flop_ci95"][0].get<double>(), at["flop"].get<double>());
        EXPECT_LT(at["flop_prediction_ci95"][0].get<double>(), at["flop_ci95"][0].get<double>());
    }
}

TEST(CommandLine, ProjectionOfAnEraWithoutRunsSaysNoFitAndStillSucceeds)
{
    const CliOutcome r = run(args({"--project-to", "1e27", "--project-at", "2030-01-01", "--from",
                                   "2019-01-01", "--to", "2020-01-01"}));
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    const auto json = nlohmann::json::parse(r.out.toStdString());
    for (const auto &p : json["projections"]) {
        EXPECT_EQ(p["status"], "no_fit");
        EXPECT_EQ(p["n"], 0);
        EXPECT_FALSE(p["message"].get<std::string>().empty());
    }
    EXPECT_TRUE(json["projections"][0]["date"].is_null());
    EXPECT_TRUE(json["projections"][1]["flop"].is_null());
}

TEST(CommandLine, BadProjectionUsageExitsWithTwo)
{
    for (const QStringList &bad :
         {args({"--project-to", "abc"}), args({"--project-to", "-5"}), args({"--project-to", "0"}),
          args({"--project-at", "2025-13-01"}), args({"--project-at", "2025"}),
          args({"--fit", "--project-to", "1e27"}), args({"--project-to"}),
          args({"--fit", "--sidecar"})}) {
        const CliOutcome r = run(bad);
        EXPECT_EQ(r.exitCode, app::kExitUsage) << bad.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(r.err.isEmpty());
        EXPECT_TRUE(r.out.isEmpty());
    }
    const CliOutcome scheme = run(args({"--project-to", "1e27", "--era-scheme", "Nope"}));
    EXPECT_EQ(scheme.exitCode, app::kExitUsage);
}

TEST(CommandLine, ExportSidecarWritesWhatTheFigureWasMadeFromNextToIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    const CliOutcome r = run({QStringLiteral("--export"), path, QStringLiteral("--sidecar")});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(path));
    QFile sidecar(path + QStringLiteral(".json"));
    ASSERT_TRUE(sidecar.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(sidecar.readAll().toStdString());
    EXPECT_EQ(json["software"], "Compute Explorer");
    EXPECT_TRUE(json["app_version"].is_string());
    EXPECT_EQ(json["dataset"]["content_sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(json["era_scheme"], "OpenAI 2019: two eras");
    ASSERT_EQ(json["eras"].size(), 2u);
    EXPECT_EQ(json["eras"][1]["from"], "2012-01-01");
    EXPECT_TRUE(json["eras"][1]["doubling_time_months"].is_number());
    EXPECT_TRUE(r.out.contains(path + QStringLiteral(".json")));
}

TEST(CommandLine, ExportSidecarOfARangeCarriesThatRangesFit)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    const CliOutcome r =
        run({QStringLiteral("--export"), path, QStringLiteral("--sidecar"),
             QStringLiteral("--from"), QStringLiteral("2012-01-01"), QStringLiteral("--to"),
             QStringLiteral("2019-01-01"), QStringLiteral("--units"), QStringLiteral("pfs-days")});
    ASSERT_EQ(r.exitCode, app::kExitOk) << r.err.toStdString();
    QFile sidecar(path + QStringLiteral(".json"));
    ASSERT_TRUE(sidecar.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(sidecar.readAll().toStdString());
    EXPECT_TRUE(json["era_scheme"].is_null());
    EXPECT_EQ(json["units"], "pfs-days");
    ASSERT_EQ(json["eras"].size(), 1u);
    EXPECT_EQ(json["eras"][0]["n"], 15);
    EXPECT_NEAR(json["eras"][0]["doubling_time_months"].get<double>(), 3.44, 0.01);
}

TEST(CommandLine, ExportSidecarThatCannotBeWrittenLeavesNoFigure)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("chart.png.json"))); // in the way
    const CliOutcome r = run({QStringLiteral("--export"), path, QStringLiteral("--sidecar")});
    EXPECT_EQ(r.exitCode, app::kExitBadData);
    EXPECT_TRUE(r.err.contains(QStringLiteral("chart.png.json"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));

    const QString missing = dir.filePath(QStringLiteral("no/such/chart.svg"));
    EXPECT_EQ(run({QStringLiteral("--export"), missing, QStringLiteral("--sidecar")}).exitCode,
              app::kExitBadData);
    EXPECT_FALSE(QFile::exists(missing));
    EXPECT_FALSE(QFile::exists(missing + QStringLiteral(".json")));
}

TEST(CommandLine, HelpDocumentsProjectionKeysAndTheSidecar)
{
    const QString help = run({QStringLiteral("--help")}).out;
    for (const char *text :
         {"--project-to VALUE", "--project-at DATE", "--sidecar", "\"date_ci95\"",
          "\"date_prediction_ci95\"", "\"flop_ci95\"", "unbounded"})
        EXPECT_TRUE(help.contains(QString::fromUtf8(text))) << text;
}

} // namespace

namespace {

nlohmann::json sidecarOf(const QStringList &extra, int *exitCode)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    const CliOutcome r =
        run(QStringList{QStringLiteral("--export"), path, QStringLiteral("--sidecar")} + extra);
    *exitCode = r.exitCode;
    QFile sidecar(path + QStringLiteral(".json"));
    if (!sidecar.open(QIODevice::ReadOnly)) return {};
    return nlohmann::json::parse(sidecar.readAll().toStdString());
}

TEST(CommandLine, ExportUnknownStyleIsBadUsage)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    const CliOutcome r =
        run({QStringLiteral("--export"), path, QStringLiteral("--style"), QStringLiteral("fancy")});
    EXPECT_EQ(r.exitCode, app::kExitUsage);
    EXPECT_TRUE(r.err.contains(QStringLiteral("openai-2018"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST(CommandLine, ExportStyleOpenAi2018ShowsPfsDaysAndOneTrendOf2012To2018)
{
    int code = -1;
    const auto json = sidecarOf({QStringLiteral("--style"), QStringLiteral("openai-2018")}, &code);
    ASSERT_EQ(code, app::kExitOk);
    EXPECT_EQ(json["units"], "pfs-days");
    ASSERT_EQ(json["eras"].size(), 1u);
    EXPECT_EQ(json["eras"][0]["from"], "2012-01-01");
    EXPECT_EQ(json["eras"][0]["n"], 15);
}

TEST(CommandLine, ExportUnitsAndSchemeGivenOverrideTheStyle)
{
    int code = -1;
    const auto json =
        sidecarOf({QStringLiteral("--style"), QStringLiteral("openai-2018"),
                   QStringLiteral("--units"), QStringLiteral("flop"),
                   QStringLiteral("--era-scheme"), QStringLiteral("OpenAI 2019: two eras")},
                  &code);
    ASSERT_EQ(code, app::kExitOk);
    EXPECT_EQ(json["units"], "flop");
    EXPECT_EQ(json["era_scheme"], "OpenAI 2019: two eras");
    EXPECT_EQ(json["eras"].size(), 2u);
}

} // namespace
