// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace app {

// Replaces `path` with `bytes` so that after a crash or power loss at any moment the
// file is either the complete old one or the complete new one:
//   write a temporary file in the same folder, fsync it, rename it over `path`,
//   fsync the folder (so the rename itself is on disk).
// QSaveFile does the first three (never writing in place); the folder fsync is what
// it leaves out. The file keeps the permissions of the one it replaces (a new one
// gets 0666 less the umask); through a symbolic link, the file it points to is
// replaced. On failure `path` is untouched, no temporary file is left, and the error
// names the path and the reason. A file we may not write is refused, not replaced.
std::optional<QString> writeFileDurably(const QString &path, const QByteArray &bytes);

} // namespace app
