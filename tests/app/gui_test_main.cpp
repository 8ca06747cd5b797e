// SPDX-License-Identifier: GPL-3.0-or-later
// main() for the GUI tests: an offscreen QApplication (no display needed, also when
// ctest lists the tests), then GoogleTest.
#include "app/main_window.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

namespace {

// A modal dialog nobody answers would hang the test until ctest's timeout (the message
// box of a recovery offer did, in CI). One left open for 20 s fails the test, says what
// it asked and is closed, so the test goes on and ends.
void watchForUnansweredDialogs()
{
    auto *timer = new QTimer(qApp);
    auto seenFor = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, qApp, [seenFor] {
        QWidget *modal = QApplication::activeModalWidget();
        // A progress dialog closes itself when its work ends (a slow machine may take long).
        if (!modal || qobject_cast<QProgressDialog *>(modal)) {
            *seenFor = 0;
            return;
        }
        if (++*seenFor < 20) return;
        *seenFor = 0;
        QStringList texts;
        for (const QLabel *label : modal->findChildren<QLabel *>())
            if (!label->text().isEmpty()) texts << label->text();
        ADD_FAILURE() << "a modal dialog was left open for 20 s: '"
                      << modal->windowTitle().toStdString()
                      << "': " << texts.join(QStringLiteral(" | ")).toStdString();
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
    });
    timer->start(1000);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QDir::tempPath().toUtf8() + "/runtime-compute-explorer-tests";
        QDir().mkpath(QString::fromUtf8(dir));
        QFile::setPermissions(QString::fromUtf8(dir), QFileDevice::ReadOwner |
                                                          QFileDevice::WriteOwner |
                                                          QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    // Each test process has a home of its own: Qt's test mode keeps its data (the recovery
    // copies of unsaved work) under the home folder, and a copy one test leaves behind
    // must not be offered to a window another test opens.
    const QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    QApplication application(argc, argv);
    app::MainWindow::setUpApplication();
    // Tests never read or write the user's settings, nor each other's: ctest runs test
    // processes in parallel, and a setting one writes (the export dialog's remembered size)
    // must not reach another.
    QStandardPaths::setTestModeEnabled(true);
    const QTemporaryDir settingsFolder;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsFolder.path());
    watchForUnansweredDialogs();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
