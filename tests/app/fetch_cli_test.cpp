// SPDX-License-Identifier: GPL-3.0-or-later
// compute-explorer --fetch, run as a user runs it (the binary, through QProcess)
// against a server on 127.0.0.1 in this process; the test's event loop serves while
// the binary waits for it.
#include "app/cli/command_line.h"
#include "tests/app/fetch_test_data.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/local_http_server.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using Mode = LocalHttpServer::Response::Mode;

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

// A home of its own for the binary: it reads no settings of the user's or of other tests.
class Sandbox {
public:
    Sandbox()
    {
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                             m_home.filePath(QStringLiteral("config")));
        m_environment.insert(QStringLiteral("XDG_DATA_HOME"),
                             m_home.filePath(QStringLiteral("data")));
        m_environment.insert(QStringLiteral("COMPUTE_EXPLORER_FETCH_TIMEOUT_MS"),
                             QStringLiteral("400"));
        m_environment.insert(QStringLiteral("COMPUTE_EXPLORER_FETCH_MAX_BYTES"),
                             QStringLiteral("8192"));
    }
    QString out(const QString &name) const { return m_out.filePath(name); }
    QStringList outFiles() const
    {
        return QDir(m_out.path())
            .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }
    // The settings file the binary reads (QSettings' native format on Linux).
    QString settingsFile() const
    {
        return m_home.filePath(QStringLiteral("config/compute-explorer/compute-explorer.conf"));
    }

    Outcome run(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(COMPUTE_EXPLORER_BINARY), arguments);
        loop.exec(); // serves the binary's requests meanwhile
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            ADD_FAILURE() << "compute-explorer did not finish within 60 s";
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_out;
    QProcessEnvironment m_environment;
};

TEST(FetchCommand, WritesExactlyTheBytesServedAndTheirSidecarAndNothingElse)
{
    LocalHttpServer server;
    const QByteArray body = epochCsv(6);
    server.route(QStringLiteral("/data/notable.csv"),
                 LocalHttpServer::redirect(307, "/mirror/notable.csv"));
    server.route(QStringLiteral("/mirror/notable.csv"), LocalHttpServer::csv(body));
    Sandbox sandbox;
    const QString file = sandbox.out(QStringLiteral("notable.csv"));
    const QUrl url = server.url(QStringLiteral("/data/notable.csv"));
    const Outcome r =
        sandbox.run({QStringLiteral("--fetch"), url.toString(), QStringLiteral("--out"), file});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(readAll(file), body);
    EXPECT_EQ(sandbox.outFiles(),
              QStringList({QStringLiteral("notable.csv"), QStringLiteral("notable.csv.json")}));
    const auto json = nlohmann::json::parse(readAll(file + QStringLiteral(".json")).toStdString());
    EXPECT_EQ(json["url"], url.toString().toStdString());
    EXPECT_EQ(json["final_url"],
              server.url(QStringLiteral("/mirror/notable.csv")).toString().toStdString());
    EXPECT_EQ(json["sha256"], sha256Of(body).toStdString());
    const QDateTime at = QDateTime::fromString(
        QString::fromStdString(json["downloaded_at"].get<std::string>()), Qt::ISODate);
    ASSERT_TRUE(at.isValid());
    EXPECT_LE(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())), 60);
    EXPECT_TRUE(r.out.contains(sha256Of(body))) << r.out.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
}

TEST(FetchCommand, EachFailureExitsOneWithOneLineAndLeavesTheOutputAlone)
{
    LocalHttpServer server;
    LocalHttpServer::Response cut = LocalHttpServer::csv(epochCsv(9));
    cut.mode = Mode::CutShort;
    cut.announced = cut.body.size() + 10;
    LocalHttpServer::Response silent;
    silent.stall = true;
    LocalHttpServer::Response html = LocalHttpServer::csv("<!DOCTYPE html><title>Login</title>");
    html.headers = {{"Content-Type", "text/html"}};
    server.route(QStringLiteral("/500"), LocalHttpServer::error(500, "Internal Server Error"));
    server.route(QStringLiteral("/cut"), cut);
    server.route(QStringLiteral("/silent"), silent);
    server.route(QStringLiteral("/html"), html);
    server.route(QStringLiteral("/huge"),
                 LocalHttpServer::csv(epochCsv(1) + QByteArray(20000, 'x')));
    const std::vector<std::pair<const char *, const char *>> cases = {
        {"/404", "404 Not Found"}, {"/500", "500 Internal Server Error"},
        {"/cut", "incomplete"},    {"/silent", "no data arrived for 0.4 seconds"},
        {"/html", "web page"},     {"/huge", "more than the 8192 bytes"},
    };
    for (bool withPrevious : {false, true}) {
        Sandbox sandbox;
        const QString file = sandbox.out(QStringLiteral("notable.csv"));
        if (withPrevious) {
            writeAll(file, epochCsv(2, 3));
            writeAll(file + QStringLiteral(".json"), "{}");
        }
        for (const auto &[route, why] : cases) {
            const QString url = server.url(QString::fromLatin1(route)).toString();
            const Outcome r =
                sandbox.run({QStringLiteral("--fetch"), url, QStringLiteral("--out"), file});
            EXPECT_EQ(r.exitCode, 1) << route;
            EXPECT_TRUE(r.err.startsWith(QStringLiteral("compute-explorer: ") + url))
                << r.err.toStdString();
            EXPECT_TRUE(r.err.contains(QString::fromLatin1(why))) << r.err.toStdString();
            EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
            EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
            if (withPrevious) {
                EXPECT_EQ(readAll(file), epochCsv(2, 3)) << route;
                EXPECT_EQ(readAll(file + QStringLiteral(".json")), "{}") << route;
                EXPECT_EQ(sandbox.outFiles().size(), 2) << route;
            } else {
                EXPECT_TRUE(sandbox.outFiles().isEmpty())
                    << route << ": " << sandbox.outFiles().join(QLatin1Char(' ')).toStdString();
            }
        }
    }
}

TEST(FetchCommand, AKeyDownloadsFromTheAddressSetInTheSettings)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/mirror/frontier.csv"), LocalHttpServer::csv(epochCsv(2, 5)));
    Sandbox sandbox;
    {
        QDir().mkpath(QFileInfo(sandbox.settingsFile()).absolutePath());
        QSettings settings(sandbox.settingsFile(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("fetch/url/frontier"),
                          server.url(QStringLiteral("/mirror/frontier.csv")).toString());
    }
    const QString file = sandbox.out(QStringLiteral("frontier.csv"));
    const Outcome r = sandbox.run(
        {QStringLiteral("--fetch"), QStringLiteral("frontier"), QStringLiteral("--out"), file});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(readAll(file), epochCsv(2, 5));
    EXPECT_EQ(server.requestedPaths(), QStringList({QStringLiteral("/mirror/frontier.csv")}));
}

TEST(FetchCommand, NeitherAKeyNorAnAddressIsBadUsage)
{
    Sandbox sandbox;
    const QString file = sandbox.out(QStringLiteral("x.csv"));
    const Outcome r = sandbox.run(
        {QStringLiteral("--fetch"), QStringLiteral("notables"), QStringLiteral("--out"), file});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("notable, all, frontier or large-scale")))
        << r.err.toStdString();
    EXPECT_TRUE(sandbox.outFiles().isEmpty());
}

} // namespace

namespace {

QString parseError(const QStringList &arguments)
{
    const app::ParsedCommandLine parsed = app::parseCommandLine(arguments);
    return parsed.command ? QString() : parsed.error;
}

TEST(FetchCommandLine, FetchNeedsOutAndOutGoesWithFetch)
{
    EXPECT_EQ(parseError({QStringLiteral("--fetch"), QStringLiteral("notable")}),
              QStringLiteral("--fetch needs --out FILE, the file to write"));
    EXPECT_EQ(parseError({QStringLiteral("--out"), QStringLiteral("x.csv")}),
              QStringLiteral("--out goes with --fetch"));
    EXPECT_EQ(parseError({QStringLiteral("--fetch"), QStringLiteral("all"), QStringLiteral("--out"),
                          QStringLiteral("x.csv"), QStringLiteral("data.json")}),
              QStringLiteral("--fetch reads no dataset: give no FILE or --bundled"));
    const app::ParsedCommandLine parsed =
        app::parseCommandLine({QStringLiteral("--fetch"), QStringLiteral("large-scale"),
                               QStringLiteral("--out"), QStringLiteral("x.csv")});
    ASSERT_TRUE(parsed.command.has_value()) << parsed.error.toStdString();
    EXPECT_EQ(parsed.command->mode, app::CommandLine::Mode::Fetch);
    EXPECT_EQ(parsed.command->fetchSource, QStringLiteral("large-scale"));
    EXPECT_EQ(parsed.command->output, QStringLiteral("x.csv"));
}

} // namespace
