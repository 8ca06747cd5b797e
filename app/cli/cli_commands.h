// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QString>

#include <optional>
#include <vector>

class QTextStream;

namespace app {

struct CommandLine;

// The scheme `text` names (--era-scheme): the one named exactly so, else the only one
// whose name begins so in any case (compute::lookupScheme). Prints the candidates when
// several match, or the schemes there are when none does, and returns null.
const compute::EraScheme *schemeFor(const QString &text, const compute::Dataset &dataset,
                                    QTextStream &err);

// The eras a command works on: --from/--to as one era, else the named scheme, else the
// dataset's first scheme (or one open era). Prints the problem and returns nullopt when
// no scheme or several match the name (schemeFor).
std::optional<std::vector<compute::Era>> erasFor(const CommandLine &command,
                                                 const compute::Dataset &dataset, QTextStream &err);

// The non-GUI modes; each returns an exit code (kExitOk, kExitBadData, kExitUsage).
int runFit(const CommandLine &command, QTextStream &out, QTextStream &err);
// --project-to / --project-at over the eras of erasFor(); prints projectionReportJson.
int runProject(const CommandLine &command, QTextStream &out, QTextStream &err);
// --rolling W: the windows of every run (or of --from/--to), or of each era of the
// scheme; prints rollingReportJson.
int runRolling(const CommandLine &command, QTextStream &out, QTextStream &err);
int runSave(const CommandLine &command, QTextStream &out, QTextStream &err);
int runExport(const CommandLine &command, QTextStream &out, QTextStream &err);
// --diff OLD NEW: compares the two datasets and prints diffReportJson over the eras of
// erasFor() (NEW's schemes).
int runDiff(const CommandLine &command, QTextStream &out, QTextStream &err);

} // namespace app
