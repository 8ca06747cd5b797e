// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/net/download.h"

#include "app/net/redirect_policy.h"
#include "core/util/version.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace app {
namespace {

qint64 environmentNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

QString sizeText(qint64 bytes)
{
    if (bytes < (1 << 20)) return QStringLiteral("%1 bytes").arg(bytes);
    return QString::number(static_cast<double>(bytes) / (1 << 20), 'f', 1) + QStringLiteral(" MiB");
}

// A proxy cannot reach this machine's own servers (a local mirror, the tests').
bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

} // namespace

DownloadLimits DownloadLimits::fromEnvironment()
{
    DownloadLimits limits;
    limits.maxBytes = environmentNumber("COMPUTE_EXPLORER_FETCH_MAX_BYTES", limits.maxBytes);
    limits.timeoutMs = static_cast<int>(
        std::min<qint64>(environmentNumber("COMPUTE_EXPLORER_FETCH_TIMEOUT_MS", limits.timeoutMs),
                         24 * 3600 * 1000));
    return limits;
}

Download::Download(QUrl url, DownloadLimits limits, QObject *parent)
    : QObject(parent), m_limits(limits), m_manager(new QNetworkAccessManager(this))
{
    m_result.url = std::move(url);
    m_result.finalUrl = m_result.url;
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    if (isLoopback(m_result.url)) m_manager->setProxy(QNetworkProxy::NoProxy);
}

Download::~Download()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void Download::start()
{
    if (!isWebAddress(m_result.url)) {
        finish(QStringLiteral("'%1' is not an http or https address")
                   .arg(m_result.url.toDisplayString()));
        return;
    }
    QNetworkRequest request(m_result.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_limits.maxRedirects);
    request.setTransferTimeout(m_limits.timeoutMs);
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("%1/%2").arg(QString::fromUtf8(compute::kAppName).remove(QLatin1Char(' ')),
                                    QString::fromUtf8(compute::kAppVersion)));
    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &Download::onMetaData);
    connect(m_reply, &QIODevice::readyRead, this, &Download::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &Download::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &Download::onFinished);
    // TLS errors are never ignored: the reply then fails with SslHandshakeFailedError.
}

void Download::cancel()
{
    if (m_finished) return;
    m_result.cancelled = true;
    stop(QStringLiteral("the download was cancelled"));
}

void Download::stop(const QString &why)
{
    if (m_stopReason.isEmpty()) m_stopReason = why;
    if (m_reply) m_reply->abort(); // finished() follows
}

void Download::onMetaData()
{
    // Refused before a byte of the body is read when the server says how large it is.
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_limits.maxBytes)
        stop(QStringLiteral("the server announced %1, more than the %2 a download may take")
                 .arg(sizeText(length.toLongLong()), sizeText(m_limits.maxBytes)));
}

void Download::onReadyRead()
{
    m_result.body += m_reply->readAll();
    if (m_result.body.size() > m_limits.maxBytes) {
        stop(QStringLiteral("the response is larger than the %1 a download may take")
                 .arg(sizeText(m_limits.maxBytes)));
        return;
    }
    // Reported here rather than relayed from QNetworkReply::downloadProgress, which Qt
    // throttles: a chunk followed by a stall would never show.
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
    const bool lengthIsOfBody = encoding.isEmpty() || encoding == "identity";
    emit progress(m_result.body.size(),
                  length.isValid() && lengthIsOfBody ? length.toLongLong() : qint64(-1));
}

void Download::onRedirected(const QUrl &target)
{
    const QString refusal = redirectRefusal(m_result.finalUrl, target);
    if (!refusal.isEmpty()) {
        stop(refusal);
        return;
    }
    m_result.finalUrl = target;
    emit m_reply->redirectAllowed();
}

QString Download::describeFailure() const
{
    const QString host = m_result.finalUrl.host();
    switch (m_reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the server %1 was not found (is this computer offline?)").arg(host);
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the server %1 refused the connection").arg(host);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what setTransferTimeout() aborts with
        return QStringLiteral("no data arrived for %1 seconds; the download was given up")
            .arg(m_limits.timeoutMs / 1000.0);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the secure (TLS) connection to %1 failed: %2")
            .arg(host, m_reply->errorString());
    case QNetworkReply::TooManyRedirectsError:
        return QStringLiteral("the server redirected more than %1 times")
            .arg(m_limits.maxRedirects);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection after %1 bytes: the file is "
                              "incomplete")
            .arg(m_result.body.size());
    default:
        return m_reply->errorString();
    }
}

void Download::onFinished()
{
    if (m_reply->isOpen()) m_result.body += m_reply->readAll(); // closed after an abort
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    m_result.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_result.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    m_result.lastModified = m_reply->header(QNetworkRequest::LastModifiedHeader).toDateTime();
    if (!m_stopReason.isEmpty()) return finish(m_stopReason);
    const int status = m_result.httpStatus;
    if (status != 0 && (status < 200 || status >= 300)) {
        const QString reason =
            m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString text = QStringLiteral("the server answered %1 %2").arg(status).arg(reason);
        if (status == 404) text += QStringLiteral(" (is the address right?)");
        if (status >= 500) text += QStringLiteral(" (a problem on the server; try again later)");
        return finish(text.simplified());
    }
    if (m_reply->error() != QNetworkReply::NoError) return finish(describeFailure());
    // Qt reports a connection closed early as a success in some cases; the announced
    // length tells. (Only for an unencoded body: Qt inflates a compressed one, whose
    // announced length is that of the compressed bytes.)
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (length.isValid() && (encoding.isEmpty() || encoding == "identity") &&
        m_result.body.size() < length.toLongLong())
        return finish(QStringLiteral("the connection closed after %1 of the %2 bytes the "
                                     "server announced: the file is incomplete")
                          .arg(m_result.body.size())
                          .arg(length.toLongLong()));
    finish({});
}

void Download::finish(const QString &error)
{
    m_result.error = error;
    if (!error.isEmpty()) m_result.body.clear(); // never mistaken for a complete file
    if (!m_result.finishedAt.isValid()) m_result.finishedAt = QDateTime::currentDateTimeUtc();
    m_finished = true;
    if (m_reply) m_reply->deleteLater();
    emit finished();
}

DownloadResult downloadNow(const QUrl &url, const DownloadLimits &limits)
{
    Download download(url, limits);
    QEventLoop loop;
    QObject::connect(&download, &Download::finished, &loop, &QEventLoop::quit);
    download.start();
    if (!download.isFinished()) loop.exec();
    return download.result();
}

} // namespace app
