// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/net/download.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

// A small export in the shape of Epoch AI's CSVs: `runs` rows, the compute of each
// scaled by `vintage` so that two vintages differ.
inline QByteArray epochCsv(int runs = 3, int vintage = 1)
{
    QByteArray csv = "Model,Domain,Organization,Publication date,Training compute (FLOP)\n";
    for (int i = 0; i < runs; ++i)
        csv += "Model " + QByteArray::number(i) + ",Language,Lab " + QByteArray::number(i % 2) +
               ",20" + QByteArray::number(10 + i) + "-06-01," +
               QByteArray::number(1e20 * (i + 1) * vintage, 'g', 6) + "\n";
    return csv;
}

// The SHA-256 as Qt computes it: independent of core/util/sha256.
inline QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) file.write(bytes);
}

// Limits small enough for tests: a short stall timeout, a small cap.
inline app::DownloadLimits testLimits(qint64 maxBytes)
{
    app::DownloadLimits limits;
    limits.timeoutMs = 400;
    limits.maxBytes = maxBytes;
    return limits;
}
