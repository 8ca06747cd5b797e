// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/file_controller.h"

#include "app/commands/dataset_commands.h"
#include "app/commands/run_commands.h"
#include "app/controllers/background_load.h"
#include "app/data/atomic_file.h"
#include "app/data/bundled_data.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/view_state.h"
#include "core/io/csv_export.h"
#include "core/model/run_id_allocator.h"
#include "core/util/text_util.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <unordered_map>

namespace app {
namespace {

constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("files/recent");
const QString kFolderKey = QStringLiteral("files/lastFolder");
const QString kDatasetFilter = QObject::tr("Compute Explorer datasets (*.ce.json *.json)");
const QString kCsvFilter = QObject::tr("Epoch AI CSV exports (*.csv)");

QString errorText(const compute::Errors &errors)
{
    QStringList lines;
    for (const compute::Error &e : errors)
        lines << QString::fromStdString(e.toString());
    constexpr int kShown = 30;
    if (lines.size() > kShown) {
        const auto more = lines.size() - kShown;
        lines = lines.mid(0, kShown);
        lines << QObject::tr("... and %n more problems", nullptr, static_cast<int>(more));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> findDuplicates(const compute::Dataset &existing,
                                                                const compute::Dataset &imported)
{
    std::unordered_map<std::string, std::size_t> byKey;
    auto keyOf = [](const compute::TrainingRun &run) {
        return compute::toLower(compute::trimmed(run.name)) + '\x1f' +
               (run.date ? run.date->toIso() : std::string());
    };
    for (std::size_t i = 0; i < existing.runs.size(); ++i)
        byKey.emplace(keyOf(existing.runs[i]), i);
    std::vector<std::pair<std::size_t, std::size_t>> duplicates;
    for (std::size_t i = 0; i < imported.runs.size(); ++i)
        if (auto it = byKey.find(keyOf(imported.runs[i])); it != byKey.end())
            duplicates.emplace_back(i, it->second);
    return duplicates;
}

FileController::FileController(Document *document, ViewState *view, QWidget *window)
    : QObject(window), m_document(document), m_view(view), m_window(window)
{
    m_prompts.warn = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Ok, m_window);
        box.setInformativeText(text);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    };
    m_prompts.askToSave = [this](const QString &name) {
        const auto answer = QMessageBox::warning(
            m_window, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? SaveAnswer::Save
               : answer == QMessageBox::Discard ? SaveAnswer::Discard
                                                : SaveAnswer::Cancel;
    };
}

void FileController::showErrors(const QString &title, const compute::Errors &errors)
{
    m_prompts.warn(title, errorText(errors));
}

bool FileController::maybeSave()
{
    if (!m_document->isModified()) return true;
    switch (m_prompts.askToSave(m_document->displayName())) {
    case SaveAnswer::Save:
        return save();
    case SaveAnswer::Discard:
        return true;
    case SaveAnswer::Cancel:
        return false;
    }
    return false;
}

bool FileController::newDocument()
{
    if (!maybeSave()) return false;
    compute::Dataset empty;
    empty.metadata.title = tr("Untitled").toStdString();
    m_document->reset(std::move(empty), QString());
    return true;
}

bool FileController::open(const QString &path)
{
    if (!maybeSave()) return false;
    auto loaded = load(path, tr("Cannot open %1"));
    if (!loaded) return false;
    // A CSV becomes a new, unsaved dataset: Save writes the native format next to it.
    const bool native = fileKindOf(path) == FileKind::NativeJson;
    m_document->reset(std::move(loaded->dataset),
                      native ? QFileInfo(path).absoluteFilePath() : QString());
    addRecent(QFileInfo(path).absoluteFilePath());
    if (loaded->importReport)
        emit importFinished(QString::fromStdString(loaded->importReport->summary()));
    return true;
}

bool FileController::openBundled(const QString &key)
{
    if (!maybeSave()) return false;
    auto loaded = loadBundledDataset(key);
    if (!loaded) {
        showErrors(tr("Cannot open the bundled dataset"), loaded.errors());
        return false;
    }
    m_document->reset(std::move(loaded->dataset), QString());
    return true;
}

QString FileController::dialogFolder() const
{
    const QString last = QSettings().value(kFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString FileController::askForDataset(const QString &title)
{
    return QFileDialog::getOpenFileName(m_window, title, dialogFolder(),
                                        tr("Datasets (*.json *.csv)") + QStringLiteral(";;") +
                                            kDatasetFilter + QStringLiteral(";;") + kCsvFilter);
}

bool FileController::openWithDialog()
{
    const QString path = askForDataset(tr("Open Dataset"));
    return !path.isEmpty() && open(path);
}

bool FileController::saveTo(const QString &path)
{
    if (const auto error = saveDataset(path, m_document->dataset())) {
        m_prompts.warn(
            tr("Cannot save"),
            tr("The dataset was not saved; your changes are still open.\n\n%1").arg(*error));
        return false;
    }
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    addRecent(QFileInfo(path).absoluteFilePath());
    return true;
}

bool FileController::save()
{
    if (m_document->filePath().isEmpty()) return saveAs();
    return saveTo(m_document->filePath());
}

bool FileController::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) {
        QString base = m_document->displayName();
        base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._ -]+")), QStringLiteral(" "));
        suggested =
            dialogFolder() + QLatin1Char('/') + base.simplified() + QStringLiteral(".ce.json");
    }
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Dataset As"), suggested, kDatasetFilter);
    if (path.isEmpty()) return false;
    if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".ce.json");
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    return saveTo(path);
}

std::optional<LoadedDataset> FileController::load(const QString &path, const QString &failureTitle)
{
    auto result = loadWithProgress(path, m_window);
    if (!result) return std::nullopt; // cancelled: nothing changes
    if (!*result) {
        showErrors(failureTitle.arg(QFileInfo(path).fileName()), result->errors());
        return std::nullopt;
    }
    return std::move(*result).value();
}

bool FileController::importCsv(const QString &path, bool replaceDuplicates)
{
    auto loaded = load(path, tr("Cannot import %1"));
    if (!loaded) return false;
    mergeImport(std::move(*loaded), QFileInfo(path).fileName(), replaceDuplicates);
    return true;
}

void FileController::mergeImport(LoadedDataset loaded, const QString &name, bool replaceDuplicates)
{
    const compute::Dataset &current = m_document->dataset();
    compute::Dataset &imported = loaded.dataset;
    const auto duplicates = findDuplicates(current, imported);

    std::vector<compute::TrainingRun> runs = current.runs;
    std::vector<bool> isDuplicate(imported.runs.size(), false);
    for (const auto &[importedIndex, existingIndex] : duplicates) {
        isDuplicate[importedIndex] = true;
        if (replaceDuplicates) {
            compute::TrainingRun replacement = imported.runs[importedIndex];
            replacement.id = runs[existingIndex].id; // keep the id others may refer to
            runs[existingIndex] = std::move(replacement);
        }
    }
    compute::RunIdAllocator ids(current);
    std::size_t added = 0;
    for (std::size_t i = 0; i < imported.runs.size(); ++i) {
        if (isDuplicate[i]) continue;
        compute::TrainingRun run = std::move(imported.runs[i]);
        run.id = ids.allocate(run.name);
        runs.push_back(std::move(run));
        ++added;
    }
    const QString text = tr("Import %1").arg(name);
    QUndoStack *stack = m_document->undoStack();
    // A download's provenance comes along (one undo step with the runs), so that
    // figures name the vintage merged in.
    const bool withProvenance = !imported.metadata.provenance.empty();
    if (withProvenance) stack->beginMacro(text);
    stack->push(makeReplaceAllRunsCommand(m_document, std::move(runs), text).release());
    if (withProvenance) {
        compute::DatasetMetadata metadata = m_document->dataset().metadata;
        metadata.provenance = imported.metadata.provenance;
        stack->push(makeSetMetadataCommand(m_document, std::move(metadata), text).release());
        stack->endMacro();
    }

    QString summary = tr("Imported %1: %2 runs added, %3 duplicates %4")
                          .arg(name)
                          .arg(added)
                          .arg(duplicates.size())
                          .arg(replaceDuplicates ? tr("replaced") : tr("skipped"));
    if (loaded.importReport)
        summary += QStringLiteral(" (") + QString::fromStdString(loaded.importReport->summary()) +
                   QLatin1Char(')');
    emit importFinished(summary);
}

bool FileController::importCsvWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Epoch AI CSV"),
                                                      dialogFolder(), kCsvFilter);
    if (path.isEmpty()) return false;
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    // Load first so the question about duplicates can say how many there are.
    auto loaded = load(path, tr("Cannot import %1"));
    if (!loaded) return false;
    const auto duplicates = findDuplicates(m_document->dataset(), loaded->dataset);
    bool replace = false;
    if (!duplicates.empty()) {
        QMessageBox box(QMessageBox::Question, tr("Duplicate runs"),
                        tr("%n imported runs have the same name and date as runs already in the "
                           "dataset.",
                           nullptr, static_cast<int>(duplicates.size())),
                        QMessageBox::NoButton, m_window);
        box.setInformativeText(tr("Skip them and keep the existing runs, or replace the existing "
                                  "runs with the imported ones?"));
        QPushButton *skip = box.addButton(tr("Skip Duplicates"), QMessageBox::AcceptRole);
        QPushButton *replaceButton =
            box.addButton(tr("Replace Existing"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(skip);
        box.exec();
        if (box.clickedButton() != skip && box.clickedButton() != replaceButton) return false;
        replace = box.clickedButton() == replaceButton;
    }
    const auto report = loaded->importReport;
    mergeImport(std::move(*loaded), QFileInfo(path).fileName(), replace);
    if (report && !report->notPlottable.empty()) {
        QMessageBox::information(
            m_window, tr("Import report"),
            tr("%1\n\nRuns without a usable date or compute are kept in the dataset and listed "
               "in the table (View > Runs Not Plotted); they are not drawn or fitted.")
                .arg(QString::fromStdString(report->summary())));
    }
    return true;
}

bool FileController::exportCsv(const QString &path, bool visibleOnly)
{
    const compute::Dataset &dataset = m_document->dataset();
    std::vector<std::size_t> indices;
    if (visibleOnly) {
        for (std::size_t i = 0; i < dataset.runs.size(); ++i)
            if (m_view->filter().accepts(dataset, dataset.runs[i])) indices.push_back(i);
        if (indices.empty()) {
            m_prompts.warn(tr("Nothing to export"),
                           tr("No run is shown under the current filter."));
            return false;
        }
    }
    if (const auto error = saveRunsCsv(path, dataset, indices)) {
        m_prompts.warn(tr("Cannot export"), *error);
        return false;
    }
    return true;
}

bool FileController::exportCsvWithDialog()
{
    QMessageBox which(QMessageBox::Question, tr("Export CSV"), tr("Export which runs?"),
                      QMessageBox::NoButton, m_window);
    QPushButton *all = which.addButton(tr("All Runs"), QMessageBox::AcceptRole);
    QPushButton *visible = which.addButton(tr("Shown Runs Only"), QMessageBox::AcceptRole);
    which.addButton(QMessageBox::Cancel);
    which.exec();
    if (which.clickedButton() != all && which.clickedButton() != visible) return false;
    const QString base = QFileInfo(m_document->displayName()).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export CSV"),
        dialogFolder() + QLatin1Char('/') + base + QStringLiteral(".csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return false;
    return exportCsv(path, which.clickedButton() == visible);
}

QStringList FileController::recentFiles() const
{
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const QString &f) { return !QFileInfo::exists(f); }),
                files.end());
    return files;
}

void FileController::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
    emit recentFilesChanged();
}

void FileController::addRecent(const QString &path)
{
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings settings;
    settings.setValue(kRecentKey, files);
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    emit recentFilesChanged();
}

} // namespace app
