// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/net/download.h"
#include "core/model/provenance.h"

#include <QString>

#include <optional>

namespace app {

// Where and when a finished download came from, and the SHA-256 of its bytes.
compute::DatasetProvenance provenanceOf(const DownloadResult &download);

// Keeps a successful download of an Epoch CSV: its bytes, exactly as served, at
// `path`, and its provenance in the sidecar beside it (provenanceSidecarPath), both
// written durably. The body is checked first (epochCsvProblem). On any failure
// nothing is changed: a partial download or a web page never replaces a good copy,
// and when the sidecar cannot be written the file written before it is put back as
// it was. Returns why it failed; on success `kept` (when given) gets the provenance
// written.
std::optional<QString> keepDownload(const DownloadResult &download, const QString &path,
                                    compute::DatasetProvenance *kept = nullptr);

} // namespace app
