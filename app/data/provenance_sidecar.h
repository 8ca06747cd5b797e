// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/provenance.h"
#include "core/util/result.h"

#include <QString>

#include <optional>
#include <string_view>

namespace app {

// The sidecar kept beside a downloaded file: `path` + ".json" (notable.csv.json), in the
// format of compute::writeProvenanceJson.
QString provenanceSidecarPath(const QString &path);

// What the sidecar of `path` says: nullopt when there is none, else the provenance or
// why it cannot be read.
std::optional<compute::Result<compute::DatasetProvenance>>
readProvenanceSidecar(const QString &path);

// The provenance of the file at `path`, whose bytes have the SHA-256 `sha256Hex` (64
// lowercase hex digits): its sidecar's, when it has one that describes these very bytes. Otherwise
// nullopt, and when a sidecar is there but does not apply (unreadable, or the file was changed
// after it was downloaded) a warning saying so is added to `warnings`.
std::optional<compute::DatasetProvenance>
provenanceOfFile(const QString &path, const std::string &sha256Hex, compute::Errors &warnings);

// Writes the sidecar of `path` durably (writeFileDurably); `size` is the file's size in
// bytes and `finalUrl` where the redirects ended.
std::optional<QString> writeProvenanceSidecar(const QString &path,
                                              const compute::DatasetProvenance &provenance,
                                              qint64 size, const QString &finalUrl);

} // namespace app
