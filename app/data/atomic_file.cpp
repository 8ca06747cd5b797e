// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/atomic_file.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace app {
namespace {

QString failure(const QString &path, const char *what, int error)
{
    return QStringLiteral("%1: cannot be written (%2: %3)")
        .arg(path, QString::fromUtf8(what), QString::fromLocal8Bit(std::strerror(error)));
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<std::size_t>(size));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

std::optional<QString> writeFileDurably(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    if (!info.absoluteDir().exists())
        return QStringLiteral("%1: cannot be written: the folder %2 does not exist")
            .arg(path, info.absolutePath());
    if (info.isDir()) return QStringLiteral("%1: cannot be written: it is a folder").arg(path);

    mode_t mode = 0644;
    struct stat existing;
    if (::stat(target.constData(), &existing) == 0) mode = existing.st_mode & 07777;

    // mkstemp-style unique name next to the target, so rename() stays in one file system.
    QByteArray temp = folder + "/." + QFile::encodeName(info.fileName()) + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return failure(path, "creating a temporary file", errno);
    auto abandon = [&](const char *what) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.constData());
        return failure(path, what, error);
    };
    if (::fchmod(fd, mode) != 0) return abandon("setting permissions");
    if (!writeAll(fd, bytes.constData(), bytes.size())) return abandon("writing");
    if (::fsync(fd) != 0) return abandon("flushing to disk");
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return failure(path, "closing", error);
    }
    if (::rename(temp.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return failure(path, "replacing the file", error);
    }
    // Make the rename durable too.
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
}

} // namespace app
