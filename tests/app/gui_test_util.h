// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <ostream>

// Lets queued work (a dock's 0 ms refresh, debounce timers) run for at least
// `milliseconds`.
inline void settle(int milliseconds = 0)
{
    QElapsedTimer clock;
    clock.start();
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    } while (clock.elapsed() < milliseconds);
    QApplication::processEvents();
}

// Readable gtest output for QString (otherwise printed as raw bytes).
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

// The text of every <text> element of an SVG file, trimmed; `error` (optional) gets the
// XML parser's error, empty when the file is well-formed.
inline QStringList svgTextsOf(const QString &path, QString *error = nullptr)
{
    QFile file(path);
    QStringList texts;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot open ") + path;
        return texts;
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    if (error) *error = xml.hasError() ? xml.errorString() : QString();
    return texts;
}
