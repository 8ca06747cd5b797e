// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace layering {

// One `#include` line of a source file under core/ or app/.
struct Include {
    std::string file; // relative to the source root: "app/widgets/era_dock.cpp"
    int line = 0;
    std::string text;   // the line as written
    std::string target; // what is included: "app/dialogs/breakpoint_dialog.h", "QString"
    bool quoted = false;
};

// The folder a file or a quoted include belongs to, as the rules name it: the room of
// core ("core/model", "core/io/internal"), the first folder under app ("app/widgets",
// also for app/widgets/analysis/...), "app" for the files directly in app/. Empty for
// anything else.
std::string folderOf(const std::string &path);

// Every include of every C++ file (.h, .cpp, .h.in) under root/core and root/app.
std::vector<Include> includesUnder(const std::filesystem::path &root,
                                   std::size_t *filesScanned = nullptr);

// What breaks the layering, one line each, naming file and line:
// - core includes app or Qt;
// - a core room includes a room above it (util < model < io and io/internal;
//   model < stats < report; report may include io; io/internal not io);
// - app/document includes app/controllers, app/dialogs, app/widgets, or a QtWidgets
//   dialog, widget or message box;
// - app/models includes app/chart;
// - two folders include each other (app/document and app/commands excepted).
std::vector<std::string> layeringProblems(const std::vector<Include> &includes);

} // namespace layering
