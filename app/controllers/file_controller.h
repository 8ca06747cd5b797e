// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/data/dataset_file.h"
#include "core/model/dataset.h"

#include <QObject>
#include <QStringList>

#include <functional>

#include <vector>

class QWidget;

namespace app {

class Document;
class ViewState;

// File > New, Open, Open Recent, Open Bundled, Save, Save As, Import and Export CSV:
// every dialog and message a file operation needs, on top of the Document. The current
// document is never touched by a file that fails to load, and is marked saved only
// after a successful write.
class FileController : public QObject {
    Q_OBJECT

public:
    FileController(Document *document, ViewState *view, QWidget *window);

    // Each asks about unsaved changes first; false when cancelled or failed.
    bool newDocument();
    bool open(const QString &path);
    bool openBundled(const QString &key);
    bool openWithDialog();
    bool save();
    bool saveAs();
    bool saveTo(const QString &path); // no dialog: the tests' and the recovery's path
    // Save / Discard / Cancel when the document has unsaved changes; true to go on.
    bool maybeSave();

    // Merges an Epoch CSV into the open dataset as one undoable command. Runs with the
    // same name and date as an existing run are duplicates: `replaceDuplicates` says
    // what to do with them (the GUI asks). Returns false when the file failed to load.
    bool importCsv(const QString &path, bool replaceDuplicates);
    bool importCsvWithDialog();
    // Writes the runs (all, or the ones shown under the current filter) as CSV.
    bool exportCsv(const QString &path, bool visibleOnly);
    bool exportCsvWithDialog();

    QStringList recentFiles() const;
    void clearRecentFiles();

    // Shows a located error message (file, row or path, field) in a dialog.
    void showErrors(const QString &title, const compute::Errors &errors);
    // Loads on a worker thread with progress; shows the errors (failureTitle gets the
    // file name as %1). nullopt when it failed or the user cancelled. The document is
    // not touched.
    std::optional<LoadedDataset> load(const QString &path, const QString &failureTitle);
    // Asks for a dataset file to read (native JSON or Epoch CSV) in a file dialog titled
    // `title`, starting in the last folder used; empty when cancelled.
    QString askForDataset(const QString &title);

    // How the controller talks to the user; message boxes by default. Tests (and any
    // non-interactive use) replace them.
    enum class SaveAnswer { Save, Discard, Cancel };
    struct Prompts {
        std::function<void(const QString &title, const QString &text)> warn;
        std::function<SaveAnswer(const QString &documentName)> askToSave;
    };
    void setPrompts(Prompts prompts) { m_prompts = std::move(prompts); }

signals:
    void recentFilesChanged();
    // After an import: its report, for the status bar.
    void importFinished(const QString &summary);

private:
    void mergeImport(LoadedDataset loaded, const QString &name, bool replaceDuplicates);
    void addRecent(const QString &path);
    QString dialogFolder() const;

    Document *m_document;
    ViewState *m_view;
    QWidget *m_window;
    Prompts m_prompts;
};

// Which imported runs duplicate existing ones (same name, case-insensitive, and same
// date): pairs of (imported index, existing index).
std::vector<std::pair<std::size_t, std::size_t>> findDuplicates(const compute::Dataset &existing,
                                                                const compute::Dataset &imported);

} // namespace app
