// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/command_line.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace app {

// One command-line option: how it is spelled, whether it takes a value, how --help
// shows it and what it does to the CommandLine. The parser, the help text and the
// rules between options all read the one table, cliOptions(), so a new option is one
// entry there (plus the CommandLine field it fills and the mode that reads it).
struct CliOption {
    enum class Section {
        Modes,        // --help lists it under "Modes"
        Options,      // under "Options"
        WithPrevious, // its synopsis is part of the entry before (--from DATE --to DATE)
    };
    using Apply = QString (*)(CommandLine &command, const QString &spelling, const QString &value);

    // (Every member has an initializer so the table's designated initializers may
    // leave any of them out without a -Wmissing-field-initializers warning.)

    QStringList names{}; // without dashes; a one-letter name is spelled -x, others --name
    QString valueName{}; // empty: a flag, else it takes exactly one non-empty value
    // A mode option sets CommandLine::mode; a second, different mode is a usage error.
    std::optional<CommandLine::Mode> mode{};
    // An option only meaningful in one mode ("--sidecar goes with --export").
    std::optional<CommandLine::Mode> onlyIn{};
    Section section = Section::Options;
    QString synopsis{}; // as --help shows it; empty: "--name VALUENAME"
    QString help{};     // its second and later lines are indented under the first
    // Stores `value` (empty for a flag) in `command`; returns a usage error or an empty
    // string. `spelling` is the option as given (--from, -h), for the message. May be
    // null for a mode option that only sets the mode.
    Apply apply = nullptr;
};

// Every option, in the order --help lists them.
const std::vector<CliOption> &cliOptions();

} // namespace app
