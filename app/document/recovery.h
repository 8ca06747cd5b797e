// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace app {

class Document;

// Keeps a recovery copy of the document while it has unsaved changes, so a crash
// costs at most a few seconds of work. Each running instance owns one recovery file
// (locked with a QLockFile); a copy whose lock is stale was left by an instance that
// died, and the next start offers to restore it. The copy is removed once the
// document is saved, closed or reverted cleanly.
class RecoveryStore : public QObject {
    Q_OBJECT

public:
    // `folder` defaults to <AppDataLocation>/recovery.
    explicit RecoveryStore(Document *document, const QString &folder = QString(),
                           QObject *parent = nullptr);
    ~RecoveryStore() override;

    // Writes the copy now if the document is modified (also called by the timer).
    // False when it could not be written (the previous copy, if any, is intact).
    bool writeNow();
    // Removes this instance's copy (after a save, or on a clean exit).
    void discard();
    void setInterval(int milliseconds);

    struct Found {
        QString recoveryPath;
        QString originalPath; // empty for a document never saved
        QString title;
        QDateTime savedAt;
    };
    // Copies left behind by instances that are no longer running.
    QList<Found> orphans() const;
    // Loads an orphan; on success the orphan is deleted once the caller calls
    // forget(found).
    compute::Result<compute::Dataset> load(const Found &found) const;
    void forget(const Found &found) const;

    QString folder() const { return m_folder; }
    QString ownPath() const { return m_path; }

private:
    Document *m_document;
    QString m_folder;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer;
};

} // namespace app
