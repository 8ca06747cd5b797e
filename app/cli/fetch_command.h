// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTextStream;

namespace app {

struct CommandLine;

// --fetch KEY|URL --out FILE: downloads, checks that the body is an Epoch CSV, and
// writes FILE (the bytes served) and FILE.json (URL, download time, SHA-256); nothing
// else, and nothing at all when the download fails (exit kExitBadData with one line on
// `err`). Needs an application object for its event loop, not a window.
int runFetch(const CommandLine &command, QTextStream &out, QTextStream &err);

} // namespace app
