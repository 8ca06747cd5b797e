// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/run_commands.h"

#include "app/commands/change_value_command.h"
#include "app/document/document.h"

#include <algorithm>

namespace app {

AddRunsCommand::AddRunsCommand(Document *document, std::vector<std::size_t> positions,
                               std::vector<compute::TrainingRun> runs, const QString &text,
                               QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_positions(std::move(positions)),
      m_runs(std::move(runs))
{
}

void AddRunsCommand::redo()
{
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        m_document->insertRun(m_positions[i], m_runs[i]);
}

void AddRunsCommand::undo()
{
    for (std::size_t i = m_runs.size(); i-- > 0;)
        m_document->takeRun(m_positions[i]);
}

RemoveRunsCommand::RemoveRunsCommand(Document *document, std::vector<std::size_t> indices,
                                     QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_indices(std::move(indices))
{
    std::sort(m_indices.begin(), m_indices.end());
    m_indices.erase(std::unique(m_indices.begin(), m_indices.end()), m_indices.end());
    setText(
        m_indices.size() == 1
            ? QObject::tr("Delete %1")
                  .arg(QString::fromStdString(document->dataset().runs.at(m_indices.front()).name))
            : QObject::tr("Delete %n runs", nullptr, static_cast<int>(m_indices.size())));
}

void RemoveRunsCommand::redo()
{
    m_removed.clear();
    // From the back so earlier indices stay valid.
    for (std::size_t i = m_indices.size(); i-- > 0;)
        m_removed.push_back(m_document->takeRun(m_indices[i]));
    std::reverse(m_removed.begin(), m_removed.end());
}

void RemoveRunsCommand::undo()
{
    for (std::size_t i = 0; i < m_indices.size(); ++i)
        m_document->insertRun(m_indices[i], m_removed[i]);
    m_removed.clear();
}

std::unique_ptr<QUndoCommand> makeEditRunCommand(Document *document, std::size_t index,
                                                 compute::TrainingRun edited)
{
    const QString text = QObject::tr("Edit %1").arg(QString::fromStdString(edited.name));
    return std::make_unique<ChangeValueCommand<compute::TrainingRun>>(
        [document, index] { return document->dataset().runs.at(index); },
        [document, index](compute::TrainingRun run) {
            document->replaceRun(index, std::move(run));
        },
        std::move(edited), text);
}

std::unique_ptr<QUndoCommand> makeReplaceAllRunsCommand(Document *document,
                                                        std::vector<compute::TrainingRun> runs,
                                                        const QString &text)
{
    return std::make_unique<ChangeValueCommand<std::vector<compute::TrainingRun>>>(
        [document] { return document->dataset().runs; },
        [document](std::vector<compute::TrainingRun> all) {
            document->replaceAllRuns(std::move(all));
        },
        std::move(runs), text);
}

} // namespace app
