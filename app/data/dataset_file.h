// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/epoch_import.h"
#include "core/model/dataset.h"
#include "core/util/result.h"

#include <QString>

#include <functional>
#include <optional>

namespace app {

// What opening a file gave: the dataset, and for a CSV import the import report.
struct LoadedDataset {
    compute::Dataset dataset;
    std::optional<compute::ImportReport> importReport;
};

enum class FileKind { NativeJson, EpochCsv };

// By extension (.csv -> Epoch CSV, anything else -> native JSON).
FileKind fileKindOf(const QString &path);

// Reads a native .json dataset or imports an Epoch .csv export. Paths starting with
// ":/" are bundled resources. Errors name the file. A file that changes while it is
// read is read again, and refused if it keeps changing. `progress` gets the fraction
// done (reading, then a CSV's import) and may cancel by returning false: an error
// while reading, an empty dataset with importReport->cancelled set while importing.
compute::Result<LoadedDataset> loadDataset(const QString &path,
                                           const std::function<bool(double)> &progress = {});

// Loads a bundled dataset by key ("openai", "epoch").
compute::Result<LoadedDataset> loadBundledDataset(const QString &key);

// Saves a dataset in the native format, durably (writeFileDurably).
std::optional<QString> saveDataset(const QString &path, const compute::Dataset &dataset);
// Saves runs as an Epoch AI CSV (compute::writeRunsCsv), durably; `runIndices` empty: all.
std::optional<QString> saveRunsCsv(const QString &path, const compute::Dataset &dataset,
                                   const std::vector<std::size_t> &runIndices = {});

} // namespace app
