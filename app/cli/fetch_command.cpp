// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/fetch_command.h"

#include "app/cli/command_line.h"
#include "app/data/provenance_sidecar.h"
#include "app/net/download.h"
#include "app/net/epoch_sources.h"
#include "app/net/kept_download.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace app {

int runFetch(const CommandLine &command, QTextStream &out, QTextStream &err)
{
    QString problem;
    const QUrl url = fetchAddress(command.fetchSource, &problem);
    if (!url.isValid()) {
        err << "compute-explorer: --fetch " << problem << "\n";
        return kExitUsage;
    }
    // What can be known before downloading is checked first: a download that cannot
    // be kept is time lost.
    const QFileInfo info(command.output);
    if (!info.absoluteDir().exists()) {
        err << "compute-explorer: " << command.output << ": cannot be written: the folder "
            << info.absolutePath() << " does not exist\n";
        return kExitBadData;
    }
    if (info.isDir()) {
        err << "compute-explorer: " << command.output << ": cannot be written: it is a folder\n";
        return kExitBadData;
    }
    const DownloadResult download = downloadNow(url, DownloadLimits::fromEnvironment());
    compute::DatasetProvenance provenance;
    if (const auto error = keepDownload(download, command.output, &provenance)) {
        err << "compute-explorer: " << url.toDisplayString() << ": " << *error
            << "; nothing was changed\n";
        return kExitBadData;
    }
    out << "Wrote " << command.output << " (" << download.body.size() << " bytes from "
        << download.finalUrl.toDisplayString() << ", SHA-256 "
        << QString::fromStdString(provenance.sha256) << ")\n";
    out << "Wrote " << provenanceSidecarPath(command.output) << "\n";
    return kExitOk;
}

} // namespace app
