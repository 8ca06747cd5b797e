// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery store's .meta sidecar (original path, title, time of the copy): the
// format it has always had, copies left by older versions, and damaged sidecars.
#include "app/document/document.h"
#include "app/document/recovery.h"
#include "core/io/json_format.h"
#include "tests/app/gui_test_util.h"
#include "tests/support/synthetic_dataset.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoCommand>

#include <gtest/gtest.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// A copy as a crashed instance leaves it: the dataset and, unless `meta` is null, its
// sidecar; no lock is held. Returns the copy's path.
QString leaveCopy(const QString &folder, const QString &name, const QByteArray &meta)
{
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/recovery-") + name + QStringLiteral(".ce.json");
    writeAll(path, QByteArray::fromStdString(
                       compute::writeDatasetJson(testing_support::syntheticDataset(4, 7))));
    if (!meta.isNull()) writeAll(path + QStringLiteral(".meta"), meta);
    return path;
}

TEST(RecoveryStore, TheSidecarIsTheJsonQJsonDocumentWroteByteForByte)
{
    QTemporaryDir dir;
    const QString original = QStringLiteral("/home/mé/Données — 2024/data.ce.json");
    app::Document document;
    document.reset(testing_support::syntheticDataset(5), original);
    app::RecoveryStore store(&document, dir.filePath(QStringLiteral("recovery")));
    document.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    ASSERT_TRUE(store.writeNow());

    const QByteArray meta = readAll(store.ownPath() + QStringLiteral(".meta"));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(meta, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << meta.constData();
    const QJsonObject object = json.object();
    EXPECT_EQ(object.size(), 3);
    EXPECT_EQ(object.value(QStringLiteral("original_path")).toString(), original);
    EXPECT_EQ(object.value(QStringLiteral("title")).toString(), document.displayName());
    const QDateTime savedAt =
        QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODate);
    EXPECT_GE(savedAt, before);
    EXPECT_LE(savedAt, QDateTime::currentDateTimeUtc().addSecs(1));
    EXPECT_EQ(meta, json.toJson(QJsonDocument::Indented)) << "the layout changed";
}

TEST(RecoveryStore, ACopyLeftByAnOlderVersionIsFoundWithItsPathTitleAndTime)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    QJsonObject meta;
    meta[QStringLiteral("original_path")] = QStringLiteral("/data/Überblick.ce.json");
    meta[QStringLiteral("title")] = QStringLiteral("Überblick.ce.json");
    meta[QStringLiteral("saved_at")] = QStringLiteral("2024-03-05T06:07:08Z");
    const QString path = leaveCopy(folder, QStringLiteral("old"), QJsonDocument(meta).toJson());

    app::Document document;
    app::RecoveryStore store(&document, folder);
    const auto orphans = store.orphans();
    ASSERT_EQ(orphans.size(), 1);
    EXPECT_EQ(orphans.front().recoveryPath, path);
    EXPECT_EQ(orphans.front().originalPath, QStringLiteral("/data/Überblick.ce.json"));
    EXPECT_EQ(orphans.front().title, QStringLiteral("Überblick.ce.json"));
    EXPECT_EQ(orphans.front().savedAt, QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8), Qt::UTC));
    auto restored = store.load(orphans.front());
    ASSERT_TRUE(restored.ok()) << restored.errorText();
    EXPECT_TRUE(restored.value() == testing_support::syntheticDataset(4, 7));
}

// A damaged or missing sidecar costs the labels, never the copy: it is still offered,
// dated by the copy's own modification time.
TEST(RecoveryStore, ADamagedOrMissingSidecarStillOffersTheCopy)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    leaveCopy(folder, QStringLiteral("a-not-json"), "{\"title\": \"cut off");
    leaveCopy(folder, QStringLiteral("b-array"), "[\"original_path\", \"title\"]");
    leaveCopy(folder, QStringLiteral("c-wrong-types"),
              "{\"original_path\": 5, \"title\": null, \"saved_at\": [2024]}");
    leaveCopy(folder, QStringLiteral("d-empty"), "");
    leaveCopy(folder, QStringLiteral("e-missing"), QByteArray());

    app::Document document;
    app::RecoveryStore store(&document, folder);
    const auto orphans = store.orphans();
    ASSERT_EQ(orphans.size(), 5);
    for (const app::RecoveryStore::Found &found : orphans) {
        EXPECT_TRUE(found.originalPath.isEmpty()) << found.recoveryPath.toStdString();
        EXPECT_TRUE(found.title.isEmpty()) << found.recoveryPath.toStdString();
        EXPECT_EQ(found.savedAt, QFileInfo(found.recoveryPath).lastModified())
            << found.recoveryPath.toStdString();
        EXPECT_TRUE(store.load(found).ok()) << found.recoveryPath.toStdString();
    }
}

} // namespace
