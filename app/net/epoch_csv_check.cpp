// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/net/epoch_csv_check.h"

#include <QStringList>

#include <algorithm>
#include <utility>

namespace app {
namespace {

// The cells of a CSV header line; quotes are taken off (a header has no line breaks).
QStringList headerCells(const QByteArray &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (const QChar c : QString::fromUtf8(line)) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted)
            cells << std::exchange(cell, QString()).trimmed();
        else
            cell += c;
    }
    cells << cell.trimmed();
    return cells;
}

bool startsWithCaseless(const QByteArray &text, const char *prefix)
{
    return text.left(qsizetype(qstrlen(prefix))).toLower() == prefix;
}

} // namespace

QString epochCsvProblem(const QByteArray &body, const QString &contentType)
{
    QByteArray start = body.left(64 * 1024);
    if (start.startsWith("\xEF\xBB\xBF")) start.remove(0, 3); // UTF-8 byte order mark
    start = start.trimmed();
    const QString type = contentType.trimmed().toLower();
    if (type.startsWith(QLatin1String("text/html")) ||
        type.startsWith(QLatin1String("application/xhtml")) ||
        startsWithCaseless(start, "<!doctype") || startsWithCaseless(start, "<html"))
        return QStringLiteral("the server sent a web page instead of a CSV file (a login or "
                              "error page, or has the address moved?)");
    if (start.isEmpty()) return QStringLiteral("the server sent an empty file");
    const qsizetype end = start.indexOf('\n');
    const QStringList cells = headerCells(end < 0 ? start : start.left(end));
    auto has = [&cells](const char *name) {
        return std::any_of(cells.begin(), cells.end(), [name](const QString &cell) {
            return cell.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
        });
    };
    if ((has("Model") || has("System")) && has("Publication date")) return {};
    return QStringLiteral("the file is not an Epoch AI export: its first line names no "
                          "'Model' (or 'System') and 'Publication date' columns");
}

} // namespace app
