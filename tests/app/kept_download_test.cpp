// SPDX-License-Identifier: GPL-3.0-or-later
// What a download leaves on disk: the exact bytes and a sidecar with where, when and
// their SHA-256; and, for every way a download goes wrong, nothing changed at all.
#include "app/cli/command_line.h"
#include "app/data/dataset_file.h"
#include "app/data/provenance_sidecar.h"
#include "app/net/download.h"
#include "app/net/epoch_csv_check.h"
#include "app/net/kept_download.h"
#include "tests/app/fetch_test_data.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/local_http_server.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using Mode = LocalHttpServer::Response::Mode;

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path())
        .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

TEST(KeptDownload, KeepsTheExactBytesAndASidecarWithUrlTimeAndSha256)
{
    LocalHttpServer server;
    const QByteArray body = epochCsv(5);
    LocalHttpServer::Response response = LocalHttpServer::csv(body);
    response.headers.append(
        qMakePair(QByteArray("Last-Modified"), QByteArray("Wed, 06 Aug 2025 10:00:00 GMT")));
    server.route(QStringLiteral("/notable.csv"), response);
    const QUrl url = server.url(QStringLiteral("/notable.csv"));
    const app::DownloadResult download = app::downloadNow(url, testLimits(8192));
    ASSERT_TRUE(download.ok()) << download.error.toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notable.csv"));
    ASSERT_EQ(app::keepDownload(download, path), std::nullopt);
    EXPECT_EQ(readAll(path), body);
    EXPECT_EQ(filesIn(dir),
              QStringList({QStringLiteral("notable.csv"), QStringLiteral("notable.csv.json")}));
    const auto json = nlohmann::json::parse(readAll(path + QStringLiteral(".json")).toStdString());
    EXPECT_EQ(json["url"], url.toString().toStdString());
    EXPECT_EQ(json["sha256"], sha256Of(body).toStdString());
    EXPECT_EQ(json["bytes"], body.size());
    EXPECT_EQ(json["downloaded_at"],
              download.finishedAt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString());
    EXPECT_EQ(json["vintage"], "2025-08-06"); // the server's Last-Modified
    EXPECT_FALSE(json.contains("final_url")); // no redirect
}

TEST(KeptDownload, WithoutLastModifiedTheVintageIsTheDayOfTheDownload)
{
    app::DownloadResult download;
    download.url = QUrl(QStringLiteral("https://epoch.ai/data/notable_ai_models.csv"));
    download.body = epochCsv();
    download.finishedAt = QDateTime(QDate(2025, 8, 7), QTime(23, 59, 30), Qt::UTC);
    const compute::DatasetProvenance provenance = app::provenanceOf(download);
    EXPECT_EQ(provenance.downloadedAt, "2025-08-07T23:59:30Z");
    EXPECT_EQ(provenance.vintage, "2025-08-07");
    EXPECT_EQ(QString::fromStdString(provenance.sha256), sha256Of(download.body));
}

// Each way a download goes wrong, served for real; none may touch the kept copy.
TEST(KeptDownload, NoFailedDownloadChangesThePreviousCopyOrItsSidecar)
{
    LocalHttpServer server;
    LocalHttpServer::Response cut = LocalHttpServer::csv(epochCsv(9));
    cut.mode = Mode::CutShort;
    cut.announced = cut.body.size() * 2;
    LocalHttpServer::Response stalled = LocalHttpServer::csv(epochCsv(9));
    stalled.mode = Mode::StallAfterPart;
    stalled.part = 50;
    LocalHttpServer::Response html = LocalHttpServer::csv("<html><body>Sign in</body></html>");
    html.headers = {{"Content-Type", "text/html"}};
    LocalHttpServer::Response doctype = LocalHttpServer::csv("<!DOCTYPE html>\n<p>moved</p>");
    LocalHttpServer::Response oversized = LocalHttpServer::csv(epochCsv(1) + QByteArray(9000, 'x'));
    LocalHttpServer::Response notEpoch = LocalHttpServer::csv("name,date,flop\nA,2020,1e20\n");
    server.route(QStringLiteral("/cut"), cut);
    server.route(QStringLiteral("/stalled"), stalled);
    server.route(QStringLiteral("/html"), html);
    server.route(QStringLiteral("/doctype"), doctype);
    server.route(QStringLiteral("/oversized"), oversized);
    server.route(QStringLiteral("/not-epoch"), notEpoch);
    server.route(QStringLiteral("/500"), LocalHttpServer::error(500, "Internal Server Error"));
    const std::vector<std::pair<const char *, const char *>> cases = {
        {"/404", "404"},        {"/500", "500"},
        {"/cut", "incomplete"}, {"/stalled", "no data arrived"},
        {"/html", "web page"},  {"/doctype", "web page"},
        {"/oversized", "8192"}, {"/not-epoch", "not an Epoch AI export"},
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notable.csv"));
    const QByteArray previous = epochCsv(2, 7);
    const QByteArray previousSidecar = "{\"url\": \"https://epoch.ai/x.csv\"}\n";
    writeAll(path, previous);
    writeAll(path + QStringLiteral(".json"), previousSidecar);
    for (const auto &[route, why] : cases) {
        const app::DownloadResult download =
            app::downloadNow(server.url(QString::fromLatin1(route)), testLimits(8192));
        const auto error = app::keepDownload(download, path);
        ASSERT_TRUE(error.has_value()) << route;
        EXPECT_TRUE(error->contains(QString::fromLatin1(why)))
            << route << ": " << error->toStdString();
        EXPECT_EQ(readAll(path), previous) << route;
        EXPECT_EQ(readAll(path + QStringLiteral(".json")), previousSidecar) << route;
        EXPECT_EQ(filesIn(dir).size(), 2)
            << route << ": " << filesIn(dir).join(QLatin1Char(' ')).toStdString();
    }
}

TEST(KeptDownload, WhenTheSidecarCannotBeWrittenTheFileIsPutBackAsItWas)
{
    app::DownloadResult download;
    download.url = QUrl(QStringLiteral("http://127.0.0.1/notable.csv"));
    download.body = epochCsv(4, 2);
    download.finishedAt = QDateTime::currentDateTimeUtc();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notable.csv"));
    const QByteArray previous = epochCsv(2, 1);
    writeAll(path, previous);
    // The sidecar is a link into a folder that does not exist: only its write fails.
    ASSERT_TRUE(QFile::link(dir.filePath(QStringLiteral("missing/notable.csv.json")),
                            path + QStringLiteral(".json")));
    const auto error = app::keepDownload(download, path);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(readAll(path), previous);

    // With no previous copy, the file written first is taken away again.
    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    ASSERT_TRUE(QFile::link(dir.filePath(QStringLiteral("missing/fresh.csv.json")),
                            fresh + QStringLiteral(".json")));
    EXPECT_TRUE(app::keepDownload(download, fresh).has_value());
    EXPECT_FALSE(QFileInfo::exists(fresh));
}

TEST(EpochCsvCheck, AcceptsTheHeadersOfEpochsExports)
{
    EXPECT_EQ(app::epochCsvProblem(epochCsv(), QStringLiteral("text/csv")), QString());
    EXPECT_EQ(
        app::epochCsvProblem("\xEF\xBB\xBF\"System\",\"Domain\",\"Publication date\"\n", QString()),
        QString());
    EXPECT_EQ(app::epochCsvProblem(
                  readAll(QStringLiteral(COMPUTE_SOURCE_DIR "/tests/data/epoch/"
                                                            "notable_ai_models_2025-02-24.csv")),
                  QStringLiteral("application/octet-stream")),
              QString());
}

TEST(EpochCsvCheck, RefusesWebPagesEmptyBodiesAndOtherTables)
{
    EXPECT_TRUE(app::epochCsvProblem(epochCsv(), QStringLiteral("text/html; charset=utf-8"))
                    .contains(QStringLiteral("web page")));
    EXPECT_TRUE(app::epochCsvProblem("  \n<!doctype html><html>", QStringLiteral("text/plain"))
                    .contains(QStringLiteral("web page")));
    EXPECT_TRUE(app::epochCsvProblem("<HTML><BODY>", QString()).contains(QStringLiteral("web")));
    EXPECT_TRUE(
        app::epochCsvProblem("", QStringLiteral("text/csv")).contains(QStringLiteral("empty")));
    EXPECT_FALSE(app::epochCsvProblem("Model,Domain\nA,Language\n", QString()).isEmpty());
    EXPECT_FALSE(
        app::epochCsvProblem("Title,Publication date\nA,2020-01-01\n", QString()).isEmpty());
}

TEST(DownloadedCsv, OpensWithTheProvenanceOfItsSidecar)
{
    app::DownloadResult download;
    download.url = QUrl(QStringLiteral("https://epoch.ai/data/notable_ai_models.csv"));
    download.body = epochCsv(3);
    download.finishedAt = QDateTime(QDate(2025, 8, 7), QTime(9, 30, 0), Qt::UTC);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notable_ai_models.csv"));
    ASSERT_EQ(app::keepDownload(download, path), std::nullopt);
    const auto loaded = app::loadDataset(path);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    const compute::DatasetProvenance &p = loaded->dataset.metadata.provenance;
    EXPECT_EQ(p.url, "https://epoch.ai/data/notable_ai_models.csv");
    EXPECT_EQ(p.downloadedAt, "2025-08-07T09:30:00Z");
    EXPECT_EQ(QString::fromStdString(p.sha256), sha256Of(download.body));
    EXPECT_EQ(p.vintage, "2025-08-07");
    EXPECT_EQ(loaded->dataset.runs.size(), 3u);
    EXPECT_NE(loaded->dataset.metadata.title.find("downloaded 2025-08-07"), std::string::npos);
    ASSERT_TRUE(loaded->importReport.has_value());
    EXPECT_TRUE(loaded->importReport->warnings.empty());
}

TEST(DownloadedCsv, FiguresExportedFromItCarryItsVintageNextToTheDatasetsSha256)
{
    app::DownloadResult download;
    download.url = QUrl(QStringLiteral("https://epoch.ai/data/frontier_ai_models.csv"));
    download.body = epochCsv(6);
    download.finishedAt = QDateTime(QDate(2025, 8, 7), QTime(9, 30, 0), Qt::UTC);
    download.lastModified = QDateTime(QDate(2025, 8, 1), QTime(0, 0), Qt::UTC);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("frontier.csv"));
    ASSERT_EQ(app::keepDownload(download, csv), std::nullopt);
    const QString figure = dir.filePath(QStringLiteral("chart.svg"));
    const auto parsed = app::parseCommandLine(
        {QStringLiteral("--export"), figure, QStringLiteral("--sidecar"), csv});
    ASSERT_TRUE(parsed.command.has_value());
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    ASSERT_EQ(app::runCommand(*parsed.command, outStream, errStream), app::kExitOk)
        << err.toStdString();
    const auto sidecar =
        nlohmann::json::parse(readAll(figure + QStringLiteral(".json")).toStdString());
    EXPECT_EQ(sidecar["dataset"]["data_vintage"], "2025-08-01");
    EXPECT_EQ(sidecar["dataset"]["downloaded_at"], "2025-08-07T09:30:00Z");
    EXPECT_EQ(sidecar["dataset"]["downloaded_from"], download.url.toString().toStdString());
    EXPECT_EQ(sidecar["dataset"]["download_sha256"], sha256Of(download.body).toStdString());
    EXPECT_TRUE(sidecar["dataset"]["content_sha256"].is_string());
    // The same inside the figure itself.
    EXPECT_TRUE(readAll(figure).contains("2025-08-07T09:30:00Z"));
}

TEST(DownloadedCsv, ChangedAfterTheDownloadItOpensWithoutProvenanceAndSaysWhy)
{
    app::DownloadResult download;
    download.url = QUrl(QStringLiteral("https://epoch.ai/data/notable_ai_models.csv"));
    download.body = epochCsv(3);
    download.finishedAt = QDateTime::currentDateTimeUtc();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notable_ai_models.csv"));
    ASSERT_EQ(app::keepDownload(download, path), std::nullopt);
    writeAll(path, epochCsv(4)); // edited by hand since
    const auto loaded = app::loadDataset(path);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_TRUE(loaded->dataset.metadata.provenance.empty());
    ASSERT_TRUE(loaded->importReport.has_value());
    ASSERT_EQ(loaded->importReport->warnings.size(), 1u);
    EXPECT_NE(loaded->importReport->warnings[0].toString().find("SHA-256 differs"),
              std::string::npos);
}

TEST(DownloadedCsv, AnUnreadableSidecarIsAWarningNotAFailure)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.csv"));
    writeAll(path, epochCsv(2));
    writeAll(path + QStringLiteral(".json"), "{\"url\": 3}");
    const auto loaded = app::loadDataset(path);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->dataset.runs.size(), 2u);
    EXPECT_TRUE(loaded->dataset.metadata.provenance.empty());
    EXPECT_FALSE(loaded->importReport->warnings.empty());
}

} // namespace
