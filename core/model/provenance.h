// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <string>

namespace compute {

// Where and when a dataset was downloaded, so that a figure made from it can say which
// vintage of the data it shows. Empty for data typed in or opened from a file that
// nobody downloaded through the app.
struct DatasetProvenance {
    std::string url;          // the address asked for (a redirect's target is not kept)
    std::string downloadedAt; // UTC, "2025-08-07T12:34:56Z"
    std::string sha256;       // of the bytes as served: 64 lowercase hex digits
    // The date of the data, "YYYY-MM-DD": the server's Last-Modified when it sent one,
    // else the day of the download.
    std::string vintage;

    bool empty() const
    {
        return url.empty() && downloadedAt.empty() && sha256.empty() && vintage.empty();
    }
    bool operator==(const DatasetProvenance &) const = default;
};

// The problems of `provenance`, each located under `where` ("metadata.provenance.sha256");
// an empty field is not a problem (nothing is known about it).
Errors validateProvenance(const DatasetProvenance &provenance, const std::string &where);

// "2025-08-07T12:34:56Z": a UTC time to the second, as downloadedAt holds it.
bool isUtcTimestamp(const std::string &text);

} // namespace compute
