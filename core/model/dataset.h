// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/era.h"
#include "core/model/provenance.h"
#include "core/model/training_run.h"
#include "core/util/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace compute {

struct DatasetMetadata {
    std::string title;
    std::string description;
    std::string license;  // "CC BY 4.0"
    std::string citation; // the credit line shown on exported figures
    std::string sourceUrl;
    // Runs with any of these tags are left out of the default view and of fits unless
    // asked for (e.g. OpenAI's appendix results that were never on the chart).
    std::vector<std::string> hiddenTags;
    // Where and when the data was downloaded (File > Get Latest Epoch Data, --fetch).
    DatasetProvenance provenance;
    // The header of the CSV the runs came from, names and order as they were, so that the
    // data can be written back as that CSV (`--save OUT.csv`); empty for other data.
    std::vector<std::string> csvColumns;
    bool operator==(const DatasetMetadata &) const = default;
};

// Runs, era schemes and metadata: everything a dataset file holds.
struct Dataset {
    DatasetMetadata metadata;
    std::vector<TrainingRun> runs;
    std::vector<EraScheme> eraSchemes;

    // Every problem, each with its location ("runs[12].date: ..."); empty when valid.
    Errors validate() const;

    const TrainingRun *findRun(std::string_view id) const;
    std::ptrdiff_t indexOfRun(std::string_view id) const; // -1 when absent
    const EraScheme *findScheme(std::string_view name) const;
    // Hidden by default because of metadata.hiddenTags.
    bool isHiddenByDefault(const TrainingRun &run) const;
    // An id not used by any run, derived from `name` ("alexnet", "alexnet-2", ...).
    std::string uniqueRunId(std::string_view name) const;

    bool operator==(const Dataset &) const = default;
};

// Validation of one run, located under `where` ("runs[3]").
Errors validateRun(const TrainingRun &run, const std::string &where);

} // namespace compute
