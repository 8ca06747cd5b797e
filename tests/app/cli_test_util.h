// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Running the command line in-process, as main() would, for the command-line tests.

#include "app/cli/command_line.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <gtest/gtest.h>

#include <initializer_list>

namespace cli_test {

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

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

inline QStringList args(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace cli_test
