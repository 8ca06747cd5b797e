// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/hardware_catalog.h"
#include "core/util/result.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

struct ImportOptions {
    // Utilization assumed for a hardware estimate when the row gives none (OpenAI: 0.33).
    double defaultUtilization = 0.33;
    // Called now and then with the fraction of bytes read; return false to cancel (the
    // import then stops at once and gives an empty dataset, report.cancelled set).
    std::function<bool(double)> progress;
    // Rows past the first thousand are read into runs on a thread for each core while the
    // calling thread reads the file on; false reads them all on the calling thread. The
    // dataset and the report are the same either way.
    bool parallel = true;
};

// What an import did, so that nothing is dropped silently.
struct ImportReport {
    std::size_t rows = 0;                     // data rows read (header excluded)
    std::size_t withReportedCompute = 0;      // rows whose compute column holds a figure
    std::size_t computeFromHardware = 0;      // rows without one, estimated from hardware columns
    std::size_t hardwareEstimates = 0;        // hardware estimates built (as primary or check)
    std::size_t withoutDate = 0;              // kept, not plotted: no usable publication date
    std::size_t withoutCompute = 0;           // kept, not plotted: no compute at all
    std::vector<std::size_t> notPlottable;    // indices into the runs of rows kept unplotted
    std::vector<std::string> unknownHardware; // hardware names not in the catalog
    Errors warnings; // cells that could not be read, each located by row and column
    bool cancelled = false;

    // "895 rows: 451 with compute, 444 without compute, 0 without a usable date".
    std::string summary() const;
};

struct ImportResult {
    Dataset dataset;
    ImportReport report;
};

// Imports a CSV export of Epoch AI's database ("Notable AI Models", "All ML Systems",
// or the 2022 "Parameter, Compute and Data Trends" table). Columns are matched by
// name across versions; dates may be ISO, d/m/yyyy, m/yyyy or yyyy. Each row becomes
// a run: its compute as a reported estimate, and, when hardware, quantity and time
// are all given and the hardware is in `catalog`, a hardware estimate as well.
// Fails only when the file is not CSV or lacks a name, date or compute column.
Result<ImportResult> importEpochCsv(std::string_view bytes, const std::string &sourceName,
                                    const HardwareCatalog *catalog,
                                    const ImportOptions &options = {});

// The same import fed a piece at a time, as a file is read, so that the file never sits
// in memory whole: a piece may end anywhere (inside a row, a quoted field or a UTF-8
// character). `expectedBytes`, the file's size when known, drives options.progress.
class EpochCsvStream {
public:
    EpochCsvStream(std::string sourceName, const HardwareCatalog *catalog,
                   ImportOptions options = {}, std::size_t expectedBytes = 0);
    ~EpochCsvStream();
    EpochCsvStream(const EpochCsvStream &) = delete;
    EpochCsvStream &operator=(const EpochCsvStream &) = delete;

    // False once reading can stop: the file is not an export or not CSV, or the import
    // was cancelled. finish() then says which.
    bool feed(std::string_view piece);
    // What importEpochCsv returns for the whole of what was fed.
    Result<ImportResult> finish();

private:
    friend Result<ImportResult> importEpochCsv(std::string_view, const std::string &,
                                               const HardwareCatalog *, const ImportOptions &);
    struct State;
    std::unique_ptr<State> m;
};

} // namespace compute
