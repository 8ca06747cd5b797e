// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace app {

// What a download may take before it is given up.
struct DownloadLimits {
    // Far above any Epoch export (tens of MB): a server sending more is not sending one.
    qint64 maxBytes = qint64(512) << 20;
    int timeoutMs = 30000; // no byte arrived for this long (while connecting, too)
    int maxRedirects = 10;

    // The defaults, or COMPUTE_EXPLORER_FETCH_MAX_BYTES / COMPUTE_EXPLORER_FETCH_TIMEOUT_MS
    // when set (the tests' small cap and short timeout for the command line).
    static DownloadLimits fromEnvironment();
};

// How a download ended.
struct DownloadResult {
    QUrl url;      // as asked for
    QUrl finalUrl; // after redirects
    QByteArray body;
    QString contentType;
    QDateTime lastModified; // invalid when the server sent none
    QDateTime finishedAt;   // UTC
    int httpStatus = 0;
    bool cancelled = false;
    QString error; // why it failed, a sentence for people; empty on success

    bool ok() const { return error.isEmpty(); }
};

// One HTTP(S) GET with Qt Network: redirects checked by redirectRefusal (https never
// down to http), the system's proxy settings, a transfer timeout, a cap on the size,
// progress and cancel. The body is kept in memory; nothing is written anywhere.
// A reply that is not complete (an error status, a connection closed before the
// announced length, a cancel) always ends with an error.
class Download : public QObject {
    Q_OBJECT

public:
    explicit Download(QUrl url, DownloadLimits limits = {}, QObject *parent = nullptr);
    ~Download() override;

    void start();
    // Stops the transfer; finished() follows with result().cancelled set.
    void cancel();
    bool isFinished() const { return m_finished; }
    const DownloadResult &result() const { return m_result; }

signals:
    // `total` is -1 while the size is unknown.
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onFinished();
    // Stops the transfer; `why` becomes the result's error.
    void stop(const QString &why);
    void finish(const QString &error);
    QString describeFailure() const;

    DownloadLimits m_limits;
    DownloadResult m_result;
    QNetworkAccessManager *m_manager;
    QPointer<QNetworkReply> m_reply;
    QString m_stopReason;
    bool m_finished = false;
};

// Runs a download to its end in a local event loop: for the command line, which has
// an application object but no loop running.
DownloadResult downloadNow(const QUrl &url, const DownloadLimits &limits);

} // namespace app
