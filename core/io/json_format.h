// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/util/result.h"

#include <string>
#include <string_view>

namespace compute {

// The native file format (.json). Version history:
//   0  pre-release: runs with a single "compute_flop", "publication_date" and one
//      top-level list of "eras"; no "schema_version" (or 0).
//   1  estimates with their inputs, era schemes, metadata, "app_version".
//   2  an era may carry a membership "rule" and the "published" figure of its paper; the
//      old date-range "Sevilla et al. 2022: three eras" becomes the paper's (json_migrations).
//   3  runs keep every column of Epoch's exports: "fields" (dataset size, cost, power, ...),
//      "extra" (columns the app does not know) and "csv_cells" (the CSV's own spelling of a
//      cell); metadata "csv_columns" (the CSV's header). A hardware estimate's chips, their
//      number, hours and utilization become fields of a version 2 run.
inline constexpr int kSchemaVersion = 3;
// No migration after this version changes the runs, so the runs of a file written at it
// or later are read as they stream by (no DOM of 100,000 runs).
inline constexpr int kRunsUnchangedSinceVersion = 3;

// Reads a native dataset. Older schema versions are migrated step by step; newer
// ones are refused. Every problem is reported with "<sourceName>: <json path>".
// The result is also validated (Dataset::validate).
Result<Dataset> readDatasetJson(std::string_view bytes, const std::string &sourceName);

// Writes the native format: the same dataset always gives the same bytes. Runs are
// one per line so that datasets kept in version control diff well.
std::string writeDatasetJson(const Dataset &dataset);

} // namespace compute
