// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <QUndoCommand>

#include <memory>
#include <vector>

namespace app {

class Document;

// Inserts runs at the given final positions (ascending); undo removes them again.
class AddRunsCommand : public QUndoCommand {
public:
    AddRunsCommand(Document *document, std::vector<std::size_t> positions,
                   std::vector<compute::TrainingRun> runs, const QString &text,
                   QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<std::size_t> m_positions;
    std::vector<compute::TrainingRun> m_runs;
};

// Removes the runs at the given indices; undo puts each back where it was.
class RemoveRunsCommand : public QUndoCommand {
public:
    RemoveRunsCommand(Document *document, std::vector<std::size_t> indices,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<std::size_t> m_indices; // ascending, unique
    std::vector<compute::TrainingRun> m_removed;
};

// Replaces one run with an edited copy.
std::unique_ptr<QUndoCommand> makeEditRunCommand(Document *document, std::size_t index,
                                                 compute::TrainingRun edited);
// Replaces every run at once (import with replacements, re-estimation what-ifs).
std::unique_ptr<QUndoCommand> makeReplaceAllRunsCommand(Document *document,
                                                        std::vector<compute::TrainingRun> runs,
                                                        const QString &text);

} // namespace app
