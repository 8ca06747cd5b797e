// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads against a server on 127.0.0.1 started by the test: success, redirects, and
// each way a server or the network fails, which must end in an error and no body.
#include "app/net/download.h"
#include "app/net/redirect_policy.h"
#include "tests/app/fetch_test_data.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/local_http_server.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <gtest/gtest.h>

namespace {

using Mode = LocalHttpServer::Response::Mode;

app::DownloadLimits shortLimits()
{
    return testLimits(4096);
}

// The failure of a download that must fail: no body is ever left to be kept.
QString failureOf(const app::DownloadResult &result)
{
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.body.isEmpty());
    return result.error;
}

TEST(Download, GivesTheExactBytesServed)
{
    LocalHttpServer server;
    // Every byte value, behind an Epoch header: nothing may be translated on the way.
    QByteArray body = epochCsv();
    for (int b = 0; b < 256; ++b)
        body += static_cast<char>(b);
    server.route(QStringLiteral("/notable.csv"), LocalHttpServer::csv(body));
    const app::DownloadResult result =
        app::downloadNow(server.url(QStringLiteral("/notable.csv")), shortLimits());
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.body, body);
    EXPECT_EQ(result.httpStatus, 200);
    EXPECT_TRUE(result.contentType.startsWith(QStringLiteral("text/csv")));
    EXPECT_EQ(result.finalUrl, server.url(QStringLiteral("/notable.csv")));
    EXPECT_LE(qAbs(result.finishedAt.secsTo(QDateTime::currentDateTimeUtc())), 5);
}

TEST(Download, FollowsRedirects301302And307ToTheFile)
{
    for (int status : {301, 302, 307}) {
        LocalHttpServer server;
        server.route(QStringLiteral("/data/notable.csv"),
                     LocalHttpServer::redirect(status, "/mirror/notable.csv"));
        server.route(QStringLiteral("/mirror/notable.csv"), LocalHttpServer::csv(epochCsv(4)));
        const app::DownloadResult result =
            app::downloadNow(server.url(QStringLiteral("/data/notable.csv")), shortLimits());
        ASSERT_TRUE(result.ok()) << status << ": " << result.error.toStdString();
        EXPECT_EQ(result.body, epochCsv(4)) << status;
        EXPECT_EQ(result.url, server.url(QStringLiteral("/data/notable.csv")));
        EXPECT_EQ(result.finalUrl, server.url(QStringLiteral("/mirror/notable.csv"))) << status;
        EXPECT_EQ(server.requestedPaths(), QStringList({QStringLiteral("/data/notable.csv"),
                                                        QStringLiteral("/mirror/notable.csv")}));
    }
}

TEST(RedirectPolicy, NeverFromHttpsDownToPlainHttp)
{
    const QUrl https(QStringLiteral("https://epoch.ai/data/notable_ai_models.csv"));
    const QUrl http(QStringLiteral("http://mirror.example/notable_ai_models.csv"));
    EXPECT_TRUE(app::redirectRefusal(https, http).contains(QStringLiteral("https to plain http")));
    EXPECT_TRUE(app::redirectRefusal(
                    https, QUrl(QStringLiteral("HTTP://epoch.ai/data/notable_ai_models.csv")))
                    .contains(QStringLiteral("plain http")));
    EXPECT_EQ(app::redirectRefusal(https, QUrl(QStringLiteral("https://cdn.example/n.csv"))),
              QString());
    EXPECT_EQ(app::redirectRefusal(http, https), QString());
    EXPECT_EQ(app::redirectRefusal(http, QUrl(QStringLiteral("http://127.0.0.1:8080/n.csv"))),
              QString());
}

TEST(RedirectPolicy, OnlyToHttpOrHttpsAddresses)
{
    const QUrl from(QStringLiteral("http://127.0.0.1/notable.csv"));
    for (const char *to : {"ftp://example.org/n.csv", "file:///etc/passwd", "data:text/csv,a",
                           "https:///no-host.csv"})
        EXPECT_TRUE(app::redirectRefusal(from, QUrl(QString::fromLatin1(to)))
                        .contains(QStringLiteral("not an http or https address")))
            << to;
}

TEST(Download, RefusesARedirectTheServerSendsToAnotherScheme)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/n.csv"), LocalHttpServer::redirect(302, "ftp://127.0.0.1/n.csv"));
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(server.requestedPaths().size(), 1);
}

TEST(Download, A404SaysTheServerAnswered404)
{
    LocalHttpServer server;
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/missing.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("404"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("address"))) << error.toStdString();
}

TEST(Download, A500SaysTheServerAnswered500)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/n.csv"), LocalHttpServer::error(500, "Internal Server Error"));
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("500 Internal Server Error"))) << error.toStdString();
}

TEST(Download, AServerThatSaysNothingTimesOut)
{
    LocalHttpServer server;
    LocalHttpServer::Response silent;
    silent.stall = true;
    server.route(QStringLiteral("/n.csv"), silent);
    QElapsedTimer clock;
    clock.start();
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("no data arrived for 0.4 seconds")))
        << error.toStdString();
    EXPECT_LT(clock.elapsed(), 10000);
}

TEST(Download, AServerThatStopsMidBodyTimesOut)
{
    LocalHttpServer server;
    LocalHttpServer::Response half = LocalHttpServer::csv(epochCsv(20));
    half.mode = Mode::StallAfterPart;
    half.part = 100;
    server.route(QStringLiteral("/n.csv"), half);
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("no data arrived"))) << error.toStdString();
}

TEST(Download, ABodyCutShortOfItsContentLengthIsIncomplete)
{
    LocalHttpServer server;
    LocalHttpServer::Response cut = LocalHttpServer::csv(epochCsv(3));
    cut.mode = Mode::CutShort;
    cut.announced = cut.body.size() + 1000;
    server.route(QStringLiteral("/n.csv"), cut);
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("incomplete"))) << error.toStdString();
}

TEST(Download, AnAnnouncedSizeOverTheCapIsRefusedBeforeTheBody)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/n.csv"), LocalHttpServer::csv(QByteArray(10000, 'x')));
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("more than the 4096 bytes"))) << error.toStdString();
}

TEST(Download, ABodyWithoutLengthIsStoppedAtTheCap)
{
    LocalHttpServer server;
    LocalHttpServer::Response endless = LocalHttpServer::csv(QByteArray(10000, 'x'));
    endless.mode = Mode::UntilClose;
    server.route(QStringLiteral("/n.csv"), endless);
    const QString error =
        failureOf(app::downloadNow(server.url(QStringLiteral("/n.csv")), shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("larger than the 4096 bytes")))
        << error.toStdString();
    // The same body under the cap is whole: the close ended it.
    app::DownloadLimits roomy = shortLimits();
    roomy.maxBytes = 20000;
    const app::DownloadResult whole = app::downloadNow(server.url(QStringLiteral("/n.csv")), roomy);
    ASSERT_TRUE(whole.ok()) << whole.error.toStdString();
    EXPECT_EQ(whole.body.size(), 10000);
}

TEST(Download, AFailedTlsHandshakeSaysTheSecureConnectionFailed)
{
    LocalHttpServer server; // plain http: an https client's handshake fails
    QUrl url = server.url(QStringLiteral("/n.csv"));
    url.setScheme(QStringLiteral("https"));
    const QString error = failureOf(app::downloadNow(url, shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("secure (TLS) connection"))) << error.toStdString();
}

TEST(Download, ARefusedConnectionSaysSo)
{
    QUrl url;
    {
        LocalHttpServer closed;
        url = closed.url(QStringLiteral("/n.csv"));
    } // nothing listens on its port any more
    const QString error = failureOf(app::downloadNow(url, shortLimits()));
    EXPECT_TRUE(error.contains(QStringLiteral("refused the connection"))) << error.toStdString();
}

TEST(Download, CancelMidTransferEndsCancelledWithoutABody)
{
    LocalHttpServer server;
    LocalHttpServer::Response half = LocalHttpServer::csv(epochCsv(50));
    half.mode = Mode::StallAfterPart;
    half.part = 200;
    server.route(QStringLiteral("/n.csv"), half);
    app::DownloadLimits limits = shortLimits();
    limits.timeoutMs = 20000; // the cancel, not the timeout, must end it
    app::Download download(server.url(QStringLiteral("/n.csv")), limits);
    qint64 receivedAtCancel = -1;
    QObject::connect(&download, &app::Download::progress, &download, [&](qint64 received, qint64) {
        if (received > 0 && receivedAtCancel < 0) {
            receivedAtCancel = received;
            download.cancel();
        }
    });
    QEventLoop loop;
    QObject::connect(&download, &app::Download::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    download.start();
    loop.exec();
    EXPECT_LT(clock.elapsed(), 10000);
    EXPECT_GT(receivedAtCancel, 0); // mid-transfer: some of the body, never all of it
    EXPECT_LE(receivedAtCancel, 200);
    EXPECT_TRUE(download.result().cancelled);
    EXPECT_TRUE(download.result().error.contains(QStringLiteral("cancelled")));
    EXPECT_TRUE(download.result().body.isEmpty());
}

TEST(Download, OnlyHttpAndHttpsAddressesAreAskedFor)
{
    const app::DownloadResult result =
        app::downloadNow(QUrl(QStringLiteral("file:///etc/hostname")), shortLimits());
    EXPECT_TRUE(result.error.contains(QStringLiteral("not an http or https address")));
}

TEST(DownloadLimits, TheEnvironmentMaySetASmallerCapAndTimeout)
{
    qputenv("COMPUTE_EXPLORER_FETCH_MAX_BYTES", "1234");
    qputenv("COMPUTE_EXPLORER_FETCH_TIMEOUT_MS", "250");
    const app::DownloadLimits limits = app::DownloadLimits::fromEnvironment();
    qunsetenv("COMPUTE_EXPLORER_FETCH_MAX_BYTES");
    qunsetenv("COMPUTE_EXPLORER_FETCH_TIMEOUT_MS");
    EXPECT_EQ(limits.maxBytes, 1234);
    EXPECT_EQ(limits.timeoutMs, 250);
    EXPECT_EQ(app::DownloadLimits::fromEnvironment().maxBytes, qint64(512) * 1024 * 1024);
}

} // namespace
