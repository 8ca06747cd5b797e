// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/app/local_http_server.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <cctype>

LocalHttpServer::Response LocalHttpServer::csv(const QByteArray &body)
{
    Response response;
    response.headers = {{"Content-Type", "text/csv; charset=utf-8"}};
    response.body = body;
    return response;
}

LocalHttpServer::Response LocalHttpServer::redirect(int status, const QByteArray &location)
{
    Response response;
    response.status = status;
    response.reason = "Redirect";
    response.headers = {{"Location", location}};
    return response;
}

LocalHttpServer::Response LocalHttpServer::error(int status, const QByteArray &reason)
{
    Response response;
    response.status = status;
    response.reason = reason;
    response.headers = {{"Content-Type", "text/plain"}};
    response.body = reason + "\n";
    return response;
}

LocalHttpServer::LocalHttpServer() : m_server(new QTcpServer(this))
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QTcpServer::newConnection, this, &LocalHttpServer::onConnection);
}

LocalHttpServer::~LocalHttpServer()
{
    for (QTcpSocket *socket : m_pending.keys())
        socket->abort();
}

quint16 LocalHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl LocalHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void LocalHttpServer::route(const QString &path, Response response)
{
    m_routes.insert(path, std::move(response));
}

void LocalHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_pending.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
    }
}

void LocalHttpServer::onReadable(QTcpSocket *socket)
{
    QByteArray &request = m_pending[socket];
    request += socket->readAll();
    // Not HTTP (a TLS ClientHello sent to this plain server): answer in plain text,
    // which fails the client's handshake, as a misconfigured server would.
    if (!request.isEmpty() && !std::isalpha(static_cast<unsigned char>(request.front()))) {
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    if (!request.contains("\r\n\r\n")) return;
    const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
    const QString path = requestLine.size() > 1 ? QString::fromLatin1(requestLine[1]) : QString();
    request.clear();
    m_requested << path;
    const auto route = m_routes.constFind(path);
    answer(socket, route != m_routes.constEnd() ? *route : error(404, "Not Found"));
}

void LocalHttpServer::answer(QTcpSocket *socket, const Response &response)
{
    if (response.stall) return;
    using Mode = Response::Mode;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason +
                      "\r\nConnection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    const qint64 length =
        response.mode == Mode::CutShort ? response.announced : response.body.size();
    if (response.mode != Mode::UntilClose)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    socket->write(head + "\r\n");
    if (response.mode == Mode::StallAfterPart) {
        socket->write(response.body.left(response.part));
        return; // the connection stays open, silent
    }
    socket->write(response.body);
    socket->disconnectFromHost(); // after what was written has gone
}
