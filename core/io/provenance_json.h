// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The small JSON kept beside a downloaded file (FILE.json next to FILE): where and when
// it was downloaded and the SHA-256 of its bytes, so that opening FILE later gives the
// dataset its provenance, and anyone can check the file with `sha256sum`.

#include "core/model/provenance.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace compute {

// {"software":"Compute Explorer","app_version":"0.1.0","url":...,"downloaded_at":...,
//  "sha256":...,"bytes":N,"vintage":...[,"final_url":...]}; `finalUrl` (where the
// redirects ended) is written only when it differs from provenance.url.
std::string writeProvenanceJson(const DatasetProvenance &provenance, std::uint64_t bytes,
                                const std::string &finalUrl = {});

// Reads a sidecar written by writeProvenanceJson. "url", "downloaded_at" and "sha256" are
// required; other keys are ignored (a later version may add some). A missing "vintage"
// is the day of "downloaded_at".
Result<DatasetProvenance> readProvenanceJson(std::string_view text, const std::string &sourceName);

} // namespace compute
