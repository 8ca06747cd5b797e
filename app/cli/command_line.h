// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/model/quantity.h"
#include "core/model/units.h"
#include "core/stats/run_selection.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTextStream;

namespace app {

// What the user asked the binary to do. Everything but Gui runs without a window.
struct CommandLine {
    enum class Mode { Gui, Fit, Project, Rolling, Export, Save, Fetch, Diff, Version, Help };
    Mode mode = Mode::Gui;
    QString file;        // dataset to open (.json or .csv); empty: the bundled default
    QString bundled;     // --bundled KEY
    QString output;      // --export OUT / --save OUT / --fetch ... --out FILE
    QString fetchSource; // --fetch KEY|URL
    QString diffOld;     // --diff OLD NEW: OLD (NEW is `file` or `bundled`)
    QString eraScheme;
    std::optional<compute::Date> from;
    std::optional<compute::Date> to;
    bool includeHidden = false; // --all
    int width = 1200;
    int height = 800;
    double scale = 2.0;
    compute::ComputeUnit units = compute::ComputeUnit::Flop;
    bool unitsGiven = false;
    std::vector<double> projectTo;            // --project-to VALUE, in `units`, as given
    std::vector<compute::Date> projectAt;     // --project-at DATE
    bool sidecar = false;                     // --sidecar: --export also writes OUT.json
    QString style = QStringLiteral("report"); // --style: app/export/figure_style
    bool members = false;                     // --members: --fit lists each era's runs
    int rollingMonths = 0;                    // --rolling W: W years in months
    bool expanding = false;                   // --expanding: rolling windows grow
    bool allFields = false;                   // --all-fields: --diff lists every field
    compute::Axes axes;                       // --y NAME, --x NAME (compute against date)
    QStringList domains;                      // --domain D: only runs of these domains
    // --only CATEGORY=VALUE: only runs with one of these values (per category).
    std::vector<compute::RunFilter::Choice> only;
    compute::RunCategory colorBy = compute::RunCategory::Domain; // --color-by CATEGORY
};

struct ParsedCommandLine {
    std::optional<CommandLine> command;
    QString error; // a usage error (exit code 2) when command is empty
};

// Parses argv (without the program name). Never exits the process.
ParsedCommandLine parseCommandLine(const QStringList &arguments);

QString helpText();

// Exit codes of the command-line modes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadData = 1;
inline constexpr int kExitUsage = 2;

// Runs a non-GUI mode: prints results on `out`, one line per problem on `err`, and
// returns the exit code. Export needs a QApplication (offscreen is fine).
int runCommand(const CommandLine &command, QTextStream &out, QTextStream &err);

} // namespace app
