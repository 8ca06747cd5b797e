// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/internal/json_tree.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace compute {

// A native file as parsed: what migrations and the reader of the top level need.
struct JsonDocument {
    // The top-level value; when it is an object, "runs" is an empty array if the runs
    // were streamed.
    nlohmann::json root;
    // Every run went to the callback. When false, whatever the callback got is void
    // and the runs are in root["runs"].
    bool runsStreamed = false;
};

// The schema versions whose runs no migration changes, first to last: the runs of a file
// at one of them can be read as they stream by.
struct StreamedVersions {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    bool contains(std::uint64_t version) const { return version >= first && version <= last; }
};

// Gets each run of "runs" as it is read. The text may be parsed more than once: a run
// of index 0 starts the runs afresh.
using JsonRunCallback = std::function<void(const JsonTree &run, std::size_t index)>;

// Parses a native file with nlohmann's SAX parser so that no DOM of a large file is
// built: a file at a schema version of `streamed` (no migration changes its runs) has
// each element of "runs" handed to `onRun` as soon as it is read.
// Bytes that are not JSON give one error located by JSON path, and by line and column
// for syntax errors.
Result<JsonDocument> parseJsonDocument(std::string_view bytes, const std::string &sourceName,
                                       StreamedVersions streamed, const JsonRunCallback &onRun);

// Parses any JSON text (a small file read whole), with the errors of parseJsonDocument.
Result<nlohmann::json> parseJson(std::string_view bytes, const std::string &sourceName);

} // namespace compute
