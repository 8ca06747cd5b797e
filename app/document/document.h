// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace app {

// Owns the dataset being explored, its undo stack, file path and modified state.
// Every change goes through the edit functions below, and only undo commands call
// them; views listen to the fine-grained signals.
class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);

    const compute::Dataset &dataset() const { return m_dataset; }
    QUndoStack *undoStack() { return &m_undoStack; }

    // Replaces everything (open, new, revert): clears the undo stack, marks clean.
    void reset(compute::Dataset dataset, const QString &filePath);

    QString filePath() const { return m_filePath; }
    // File name for the title bar; "Untitled" or the bundled title without a path.
    QString displayName() const;
    void setFilePath(const QString &path);
    bool isModified() const { return !m_undoStack.isClean(); }
    // After a successful save.
    void markSaved(const QString &path);
    // After restoring a recovery copy: unsaved until the next save.
    void markUnsaved();

    // Edits, for undo commands only.
    void insertRun(std::size_t index, compute::TrainingRun run);
    compute::TrainingRun takeRun(std::size_t index);
    void replaceRun(std::size_t index, compute::TrainingRun run);
    // Bulk replacement of all runs (import, what-if re-estimation): one signal.
    void replaceAllRuns(std::vector<compute::TrainingRun> runs);
    void replaceEraSchemes(std::vector<compute::EraScheme> schemes);
    void setEra(std::size_t scheme, std::size_t era, const compute::Era &value);
    void setMetadata(const compute::DatasetMetadata &metadata);

signals:
    void datasetReset();
    void runInserted(std::size_t index);
    void runRemoved(std::size_t index);
    void runChanged(std::size_t index);
    void runsReset();
    void eraSchemesChanged();
    void eraChanged(std::size_t scheme, std::size_t era);
    void metadataChanged();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    compute::Dataset m_dataset;
    QUndoStack m_undoStack;
    QString m_filePath;
};

} // namespace app
