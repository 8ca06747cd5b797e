// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a figure was made from, written next to it (`--export OUT --sidecar` writes
// OUT.json) so that anyone can tell which data and which fits it shows.

#include "core/model/dataset.h"
#include "core/model/units.h"
#include "core/stats/run_selection.h"

#include <string>
#include <vector>

namespace compute {

// SHA-256 (hex) of the dataset's native JSON (writeDatasetJson) without its
// "app_version" line: the same data hashes alike whichever version wrote it. A file
// the app saved can be checked with:  grep -v '^  "app_version"' data.json | sha256sum
std::string datasetContentHash(const Dataset &dataset);

// The settings of the figure the metadata describes.
struct FigureProvenance {
    std::string eraScheme;    // the scheme drawn; empty for a --from/--to range or none
    std::vector<EraFit> fits; // every era drawn, with its fit
    ComputeUnit units = ComputeUnit::Flop;
    bool includeHidden = false;
};

// The sidecar JSON:
// {"software":"Compute Explorer","app_version":"0.1.0",
//  "dataset":{"title","runs","content_sha256","content_hash_of","data_vintage",
//             "downloaded_from","downloaded_at","download_sha256"},  (the last four from
//             metadata.provenance: null when the data was not downloaded)
//  "era_scheme":name|null,"units":"flop"|"pfs-days","include_hidden":bool,
//  "method":"<how the fits were made>",
//  "eras":[{<the keys of --fit: era, from, to, n, status, slope_log10_per_year, ...>}]}
std::string reproducibilityJson(const Dataset &dataset, const FigureProvenance &figure);

} // namespace compute
