// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/net/kept_download.h"

#include "app/data/atomic_file.h"
#include "app/data/provenance_sidecar.h"
#include "app/net/epoch_csv_check.h"
#include "core/util/sha256.h"

#include <QFile>
#include <QFileInfo>

namespace app {

compute::DatasetProvenance provenanceOf(const DownloadResult &download)
{
    compute::DatasetProvenance provenance;
    provenance.url = download.url.toString().toStdString();
    const QDateTime at = download.finishedAt.toUTC();
    provenance.downloadedAt = at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString();
    provenance.sha256 = compute::sha256Hex(std::string_view(
        download.body.constData(), static_cast<std::size_t>(download.body.size())));
    // The data is as old as the server says it is; without a word from it, as old as
    // the download.
    const QDateTime vintage = download.lastModified.isValid() ? download.lastModified.toUTC() : at;
    provenance.vintage = vintage.date().toString(Qt::ISODate).toStdString();
    return provenance;
}

std::optional<QString> keepDownload(const DownloadResult &download, const QString &path,
                                    compute::DatasetProvenance *kept)
{
    if (!download.ok()) return download.error;
    if (const QString problem = epochCsvProblem(download.body, download.contentType);
        !problem.isEmpty())
        return problem;
    const QString sidecar = provenanceSidecarPath(path);
    if (QFileInfo(sidecar).isDir())
        return QStringLiteral("%1: cannot be written: it is a folder").arg(sidecar);

    // The copy the download replaces, to put back if the sidecar cannot be written.
    std::optional<QByteArray> previous;
    if (QFileInfo(path).isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("%1: cannot be replaced: %2").arg(path, file.errorString());
        previous = file.readAll();
    }
    if (auto error = writeFileDurably(path, download.body)) return error;
    const compute::DatasetProvenance provenance = provenanceOf(download);
    const QString finalUrl = download.finalUrl.toString();
    if (auto error = writeProvenanceSidecar(path, provenance, download.body.size(), finalUrl)) {
        if (previous)
            writeFileDurably(path, *previous);
        else
            QFile::remove(path);
        return error;
    }
    if (kept) *kept = provenance;
    return std::nullopt;
}

} // namespace app
