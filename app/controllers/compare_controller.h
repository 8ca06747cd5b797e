// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace app {

class Comparison;
class FileController;

// File > Compare With...: asks for an older vintage of the dataset (a native .json or an
// Epoch .csv), loads it on a worker thread as File > Open does, and compares the open
// document with it. A file that fails to load says why, as Open does, and changes
// nothing: neither the document nor a comparison already shown.
class CompareController : public QObject {
    Q_OBJECT

public:
    // Loads and says why a file fails through `files`, which it lives as long as.
    CompareController(Comparison *comparison, FileController *files);

    // Asks for the file, then compareWith(); false when cancelled or it failed.
    bool compareWithDialog();
    // Compares the open document (the newer vintage) with the dataset in `path`.
    bool compareWith(const QString &path);
    // Clear Comparison: takes the comparison off the chart and out of its view.
    void clear();

    // How the controller asks for the older file: a file dialog by default; tests
    // replace it. An empty path is a cancel.
    void setFileChooser(std::function<QString()> choose) { m_choose = std::move(choose); }

signals:
    // For the status bar.
    void message(const QString &text);
    // A comparison started: its view should show.
    void compared();

private:
    Comparison *m_comparison;
    FileController *m_files;
    std::function<QString()> m_choose;
};

} // namespace app
