// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/document/document.h"

#include <QFileInfo>

namespace app {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

void Document::reset(compute::Dataset dataset, const QString &filePath)
{
    m_undoStack.clear();
    m_dataset = std::move(dataset);
    m_undoStack.setClean();
    setFilePath(filePath);
    emit datasetReset();
    emit modifiedChanged(false);
}

QString Document::displayName() const
{
    if (m_filePath.isEmpty()) {
        const QString title = QString::fromStdString(m_dataset.metadata.title);
        return title.isEmpty() ? tr("Untitled") : title;
    }
    return QFileInfo(m_filePath).fileName();
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath) return;
    m_filePath = path;
    emit filePathChanged(path);
}

void Document::markSaved(const QString &path)
{
    setFilePath(path);
    m_undoStack.setClean();
}

void Document::markUnsaved()
{
    m_undoStack.resetClean();
    emit modifiedChanged(true);
}

void Document::insertRun(std::size_t index, compute::TrainingRun run)
{
    index = std::min(index, m_dataset.runs.size());
    m_dataset.runs.insert(m_dataset.runs.begin() + static_cast<std::ptrdiff_t>(index),
                          std::move(run));
    emit runInserted(index);
}

compute::TrainingRun Document::takeRun(std::size_t index)
{
    compute::TrainingRun run = std::move(m_dataset.runs.at(index));
    m_dataset.runs.erase(m_dataset.runs.begin() + static_cast<std::ptrdiff_t>(index));
    emit runRemoved(index);
    return run;
}

void Document::replaceRun(std::size_t index, compute::TrainingRun run)
{
    m_dataset.runs.at(index) = std::move(run);
    emit runChanged(index);
}

void Document::replaceAllRuns(std::vector<compute::TrainingRun> runs)
{
    m_dataset.runs = std::move(runs);
    emit runsReset();
}

void Document::replaceEraSchemes(std::vector<compute::EraScheme> schemes)
{
    m_dataset.eraSchemes = std::move(schemes);
    emit eraSchemesChanged();
}

void Document::setEra(std::size_t scheme, std::size_t era, const compute::Era &value)
{
    m_dataset.eraSchemes.at(scheme).eras.at(era) = value;
    emit eraChanged(scheme, era);
}

void Document::setMetadata(const compute::DatasetMetadata &metadata)
{
    m_dataset.metadata = metadata;
    emit metadataChanged();
}

} // namespace app
