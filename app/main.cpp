// SPDX-License-Identifier: GPL-3.0-or-later
// Compute Explorer: the executable. Chooses between the command-line modes, which
// never open a window, and the GUI.
#include "app/cli/command_line.h"
#include "app/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const app::ParsedCommandLine parsed = app::parseCommandLine(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parsed.command) {
        err << "compute-explorer: " << parsed.error << "\nTry 'compute-explorer --help'.\n";
        return app::kExitUsage;
    }
    const app::CommandLine &command = *parsed.command;

    if (command.mode == app::CommandLine::Mode::Gui) {
        QApplication application(argc, argv);
        app::MainWindow::setUpApplication();
        app::MainWindow window;
        window.openInitial(command);
        window.show();
        // For measuring start-up (README, benchmarks): paint once, report, quit.
        if (qEnvironmentVariableIsSet("COMPUTE_EXPLORER_EXIT_AFTER_FIRST_PAINT")) {
            QApplication::processEvents();
            window.repaint();
            err << "first paint after " << sinceStart.elapsed() << " ms in main()\n";
            return 0;
        }
        return QApplication::exec();
    }
    if (command.mode == app::CommandLine::Mode::Export) {
        // Rendering needs a GUI application; without a display use the offscreen
        // platform rather than aborting (no window is ever shown).
        if (!hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The arguments are parsed already; Qt would take --style NAME for a widget style.
        int programOnly = 1;
        QApplication application(programOnly, argv);
        return app::runCommand(command, out, err);
    }
    // The settings (--fetch reads the addresses set in the window) are the window's.
    QCoreApplication::setOrganizationName(QStringLiteral("compute-explorer"));
    QCoreApplication::setApplicationName(QStringLiteral("compute-explorer"));
    QCoreApplication application(argc, argv);
    return app::runCommand(command, out, err);
}
