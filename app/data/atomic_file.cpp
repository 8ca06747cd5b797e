// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/atomic_file.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace app {
namespace {

QString failure(const QString &path, const char *what, const QString &reason)
{
    return QStringLiteral("%1: cannot be written (%2: %3)")
        .arg(path, QString::fromUtf8(what), reason);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The rename QSaveFile does is a change to the folder, which is on disk only once the
// folder itself is flushed. A folder that cannot be opened or flushed does not fail
// the save: the file is complete either way, only the rename might not survive a
// power loss (as everywhere on such file systems).
void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

std::optional<QString> writeFileDurably(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QStringLiteral("%1: cannot be written: the folder %2 does not exist")
            .arg(path, info.absolutePath());
    if (info.isDir()) return QStringLiteral("%1: cannot be written: it is a folder").arg(path);
    if (info.exists() && !info.isWritable())
        return QStringLiteral("%1: cannot be written: the file is not writable").arg(path);

    QSaveFile file(path);
    // Writing in place when no temporary file can be made would lose atomicity: a
    // folder we cannot create files in is an error instead.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return failure(path, "creating a temporary file", file.errorString());
    // On every early return below the QSaveFile is destroyed uncommitted, which
    // removes the temporary file and leaves `path` as it was.
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failure(path, "writing", file.errorString());
    // commit() syncs too, but ignores a failed sync; a file that may not be on disk
    // must not replace one that is.
    if (::fsync(file.handle()) != 0) return failure(path, "flushing to disk", systemError(errno));
    if (!file.commit()) return failure(path, "replacing the file", file.errorString());

    // QSaveFile replaces the target of a symbolic link, so flush the folder the file
    // really is in.
    const QString written = QFileInfo(path).canonicalFilePath();
    syncFolder(written.isEmpty() ? info.absolutePath() : QFileInfo(written).absolutePath());
    return std::nullopt;
}

} // namespace app
