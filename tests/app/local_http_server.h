// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A small HTTP/1.1 server on 127.0.0.1 for the download tests: each path answers as
// routed, including the ways a server goes wrong (a stall, a body cut short, a body
// without a length). It serves from the thread that made it, so the test's event loop
// must spin while a client waits (downloadNow and QProcess-waiting loops do). Nothing
// leaves the machine.
class LocalHttpServer : public QObject {
    Q_OBJECT

public:
    struct Response {
        enum class Mode {
            Whole,         // headers with Content-Length, the body, then close
            UntilClose,    // no Content-Length: the body ends when the connection closes
            CutShort,      // announces `announced` bytes, sends the body, then closes
            StallAfterPart // announces the whole body, sends `part` bytes, then nothing
        };
        int status = 200;
        QByteArray reason = "OK";
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        Mode mode = Mode::Whole;
        qint64 announced = -1; // CutShort: the Content-Length claimed
        qint64 part = 0;       // StallAfterPart: the bytes sent before stalling
        bool stall = false;    // read the request, answer nothing
    };

    static Response csv(const QByteArray &body);
    static Response redirect(int status, const QByteArray &location);
    static Response error(int status, const QByteArray &reason);

    LocalHttpServer();
    ~LocalHttpServer() override;

    quint16 port() const;
    QUrl url(const QString &path) const; // http://127.0.0.1:<port><path>
    void route(const QString &path, Response response);
    QStringList requestedPaths() const { return m_requested; }

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server;
    QHash<QString, Response> m_routes;
    QHash<QTcpSocket *, QByteArray> m_pending;
    QStringList m_requested;
};
