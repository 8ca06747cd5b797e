// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/edit_controller.h"

#include "app/commands/run_commands.h"
#include "app/data/bundled_data.h"
#include "app/dialogs/run_form_dialog.h"
#include "app/document/document.h"
#include "app/document/view_state.h"
#include "core/model/reestimate.h"
#include "core/model/run_id_allocator.h"

#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>

namespace app {

EditController::EditController(Document *document, ViewState *view, QWidget *window)
    : QObject(window), m_document(document), m_view(view), m_window(window)
{
}

std::vector<std::size_t> EditController::selectedIndices() const
{
    std::vector<std::size_t> indices;
    const auto &runs = m_document->dataset().runs;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (m_view->isSelected(QString::fromStdString(runs[i].id))) indices.push_back(i);
    return indices;
}

bool EditController::addRun()
{
    RunFormDialog dialog(hardwareCatalog(), datasetDomains(m_document->dataset()), m_window);
    dialog.offerChoicesFrom(m_document->dataset());
    if (dialog.exec() != QDialog::Accepted) return false;
    compute::TrainingRun run = dialog.run();
    run.id = m_document->dataset().uniqueRunId(run.name);
    const QString id = QString::fromStdString(run.id);
    const std::size_t at = m_document->dataset().runs.size();
    m_document->undoStack()->push(new AddRunsCommand(
        m_document, {at}, {run}, tr("Add %1").arg(QString::fromStdString(run.name))));
    m_view->setSelection({id});
    return true;
}

bool EditController::editRun(int runIndex)
{
    const auto &runs = m_document->dataset().runs;
    if (runIndex < 0 || runIndex >= static_cast<int>(runs.size())) return false;
    const compute::TrainingRun original = runs[static_cast<std::size_t>(runIndex)];
    RunFormDialog dialog(hardwareCatalog(), datasetDomains(m_document->dataset()), m_window);
    dialog.offerChoicesFrom(m_document->dataset());
    dialog.setRun(original);
    if (dialog.exec() != QDialog::Accepted) return false;
    compute::TrainingRun edited = dialog.run();
    if (edited == original) return false; // nothing changed: no empty undo step
    m_document->undoStack()->push(
        makeEditRunCommand(m_document, static_cast<std::size_t>(runIndex), std::move(edited))
            .release());
    return true;
}

bool EditController::editSelected()
{
    const auto indices = selectedIndices();
    if (indices.empty()) {
        emit message(tr("Select a run to edit (click it on the chart or in the table)."));
        return false;
    }
    return editRun(static_cast<int>(indices.front()));
}

bool EditController::duplicateSelected()
{
    const auto indices = selectedIndices();
    if (indices.empty()) return false;
    compute::RunIdAllocator ids(m_document->dataset());
    std::vector<std::size_t> positions;
    std::vector<compute::TrainingRun> copies;
    QSet<QString> selection;
    // Each copy goes right after its original; positions are final indices, ascending.
    for (std::size_t k = 0; k < indices.size(); ++k) {
        compute::TrainingRun copy = m_document->dataset().runs[indices[k]];
        copy.name += " (copy)";
        copy.id = ids.allocate(copy.name);
        selection.insert(QString::fromStdString(copy.id));
        positions.push_back(indices[k] + 1 + k);
        copies.push_back(std::move(copy));
    }
    const QString text =
        copies.size() == 1
            ? tr("Duplicate %1")
                  .arg(QString::fromStdString(m_document->dataset().runs[indices[0]].name))
            : tr("Duplicate %n runs", nullptr, static_cast<int>(copies.size()));
    m_document->undoStack()->push(
        new AddRunsCommand(m_document, positions, std::move(copies), text));
    m_view->setSelection(selection);
    return true;
}

bool EditController::deleteSelected()
{
    const auto indices = selectedIndices();
    if (indices.empty()) return false;
    m_view->setSelection({});
    m_document->undoStack()->push(new RemoveRunsCommand(m_document, indices));
    emit message(
        tr("Deleted %n runs (Undo brings them back).", nullptr, static_cast<int>(indices.size())));
    return true;
}

bool EditController::reestimateUtilization()
{
    const std::size_t count = compute::countHardwareEstimates(m_document->dataset().runs);
    if (count == 0) {
        QMessageBox::information(m_window, tr("Re-estimate at utilization"),
                                 tr("No run of this dataset has a hardware estimate."));
        return false;
    }
    bool ok = false;
    const double u = QInputDialog::getDouble(
        m_window, tr("Re-estimate at utilization"),
        tr("Utilization for all %n hardware estimates (OpenAI assumed 0.33 for GPUs; Epoch "
           "recommends 0.3 for language models, 0.4 otherwise):",
           nullptr, static_cast<int>(count)),
        0.33, 0.01, 1.0, 2, &ok, Qt::WindowFlags(), 0.01);
    return ok && reestimateUtilization(u);
}

bool EditController::reestimateUtilization(double utilization)
{
    std::vector<compute::TrainingRun> runs = m_document->dataset().runs;
    const std::size_t changed = compute::setHardwareUtilization(runs, utilization);
    if (changed == 0) return false;
    const QString u = QLocale().toString(utilization, 'g', 3);
    m_document->undoStack()->push(
        makeReplaceAllRunsCommand(m_document, std::move(runs),
                                  tr("Re-estimate at utilization %1").arg(u))
            .release());
    emit message(tr("%n hardware estimates re-estimated at utilization %1; fits updated.", nullptr,
                    static_cast<int>(changed))
                     .arg(u));
    return true;
}

} // namespace app
