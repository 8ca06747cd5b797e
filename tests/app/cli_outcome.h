// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the command line in this process, as main() would, and keeps what it printed.

#include "app/cli/command_line.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace cli_testing {

struct CliOutcome {
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliOutcome run(const QStringList &arguments)
{
    CliOutcome outcome;
    const app::ParsedCommandLine parsed = app::parseCommandLine(arguments);
    if (!parsed.command) {
        outcome.exitCode = app::kExitUsage;
        outcome.err = parsed.error;
        return outcome;
    }
    QTextStream out(&outcome.out);
    QTextStream err(&outcome.err);
    outcome.exitCode = app::runCommand(*parsed.command, out, err);
    out.flush();
    err.flush();
    return outcome;
}

} // namespace cli_testing
