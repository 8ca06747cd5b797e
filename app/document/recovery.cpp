// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/document/recovery.h"

#include "app/data/atomic_file.h"
#include "app/document/document.h"
#include "core/io/json_format.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace app {
namespace {

constexpr int kDefaultIntervalMs = 15000;
const QString kSuffix = QStringLiteral(".ce.json");

QString sidecarOf(const QString &recoveryPath)
{
    return recoveryPath + QStringLiteral(".meta");
}

QString lockOf(const QString &recoveryPath)
{
    return recoveryPath + QStringLiteral(".lock");
}

// The .meta sidecar: {"original_path", "saved_at", "title"}, all strings, indented by
// four and ending in a newline (the layout QJsonDocument wrote before, so old and new
// copies read alike).
QByteArray metaJson(const QString &originalPath, const QString &title, const QDateTime &savedAt)
{
    const nlohmann::json meta = {
        {"original_path", originalPath.toStdString()},
        {"saved_at", savedAt.toString(Qt::ISODate).toStdString()},
        {"title", title.toStdString()},
    };
    return QByteArray::fromStdString(
               meta.dump(4, ' ', false, nlohmann::json::error_handler_t::replace)) +
           '\n';
}

// A field of a sidecar; empty when the sidecar is not JSON, not an object, or the
// field is missing or not a string (a damaged sidecar costs the labels, not the copy).
QString metaField(const nlohmann::json &meta, const char *key)
{
    if (!meta.is_object()) return {};
    const auto field = meta.find(key);
    if (field == meta.end() || !field->is_string()) return {};
    return QString::fromStdString(field->get<std::string>());
}

} // namespace

RecoveryStore::RecoveryStore(Document *document, const QString &folder, QObject *parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    m_folder = folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                         QStringLiteral("/recovery")
                   : folder;
    QDir().mkpath(m_folder);
    m_path = m_folder + QStringLiteral("/recovery-") +
             QUuid::createUuid().toString(QUuid::WithoutBraces) + kSuffix;
    m_lock = std::make_unique<QLockFile>(lockOf(m_path));
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never age
    m_lock->tryLock(0);

    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RecoveryStore::writeNow);
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (modified)
            m_timer->start();
        else {
            m_timer->stop();
            discard();
        }
    });
    // Every edit restarts nothing: the timer writes at most once per interval.
}

RecoveryStore::~RecoveryStore()
{
    // A clean shutdown leaves nothing to recover (the window asked about unsaved
    // changes before it got here).
    discard();
    if (m_lock) m_lock->unlock();
}

void RecoveryStore::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

bool RecoveryStore::writeNow()
{
    if (!m_document->isModified()) return true;
    const std::string text = compute::writeDatasetJson(m_document->dataset());
    if (writeFileDurably(m_path, QByteArray(text.data(), static_cast<qsizetype>(text.size()))))
        return false;
    const QByteArray meta = metaJson(m_document->filePath(), m_document->displayName(),
                                     QDateTime::currentDateTimeUtc());
    return !writeFileDurably(sidecarOf(m_path), meta).has_value();
}

void RecoveryStore::discard()
{
    QFile::remove(m_path);
    QFile::remove(sidecarOf(m_path));
}

QList<RecoveryStore::Found> RecoveryStore::orphans() const
{
    QList<Found> found;
    const QDir dir(m_folder);
    for (const QString &name :
         dir.entryList({QStringLiteral("recovery-*") + kSuffix}, QDir::Files)) {
        const QString path = dir.filePath(name);
        if (path == m_path) continue;
        // Another instance still running holds the lock: its copy is not an orphan.
        QLockFile lock(lockOf(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0)) continue;
        lock.unlock();
        Found f;
        f.recoveryPath = path;
        QFile metaFile(sidecarOf(path));
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = metaFile.readAll();
            const auto meta = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
            f.originalPath = metaField(meta, "original_path");
            f.title = metaField(meta, "title");
            f.savedAt = QDateTime::fromString(metaField(meta, "saved_at"), Qt::ISODate);
        }
        if (!f.savedAt.isValid()) f.savedAt = QFileInfo(path).lastModified();
        found << f;
    }
    return found;
}

compute::Result<compute::Dataset> RecoveryStore::load(const Found &found) const
{
    QFile file(found.recoveryPath);
    if (!file.open(QIODevice::ReadOnly))
        return compute::Error{found.recoveryPath.toStdString(), "cannot be opened"};
    const QByteArray bytes = file.readAll();
    return compute::readDatasetJson(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
        found.recoveryPath.toStdString());
}

void RecoveryStore::forget(const Found &found) const
{
    QFile::remove(found.recoveryPath);
    QFile::remove(sidecarOf(found.recoveryPath));
    QFile::remove(lockOf(found.recoveryPath));
}

} // namespace app
