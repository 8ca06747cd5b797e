// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <optional>
#include <vector>

class QTextStream;

namespace app {

struct CommandLine;

// The eras a command works on: --from/--to as one era, else the named scheme, else the
// dataset's first scheme (or one open era). Prints the problem and returns nullopt when
// the named scheme does not exist.
std::optional<std::vector<compute::Era>> erasFor(const CommandLine &command,
                                                 const compute::Dataset &dataset, QTextStream &err);

// The non-GUI modes; each returns an exit code (kExitOk, kExitBadData, kExitUsage).
int runFit(const CommandLine &command, QTextStream &out, QTextStream &err);
// --project-to / --project-at over the eras of erasFor(); prints projectionReportJson.
int runProject(const CommandLine &command, QTextStream &out, QTextStream &err);
int runSave(const CommandLine &command, QTextStream &out, QTextStream &err);
int runExport(const CommandLine &command, QTextStream &out, QTextStream &err);
// --diff OLD NEW: compares the two datasets and prints diffReportJson over the eras of
// erasFor() (NEW's schemes).
int runDiff(const CommandLine &command, QTextStream &out, QTextStream &err);

} // namespace app
