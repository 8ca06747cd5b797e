// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/compare_controller.h"

#include "app/controllers/file_controller.h"
#include "app/document/comparison.h"

#include <QFileInfo>

namespace app {

CompareController::CompareController(Comparison *comparison, FileController *files)
    : QObject(files), m_comparison(comparison), m_files(files)
{
    m_choose = [this] { return m_files->askForDataset(tr("Compare With an Older Vintage")); };
}

bool CompareController::compareWithDialog()
{
    const QString path = m_choose();
    return !path.isEmpty() && compareWith(path);
}

bool CompareController::compareWith(const QString &path)
{
    // Loaded as Open loads (a worker thread, a progress bar after a moment, the same
    // messages), but into the comparison: the document stays as it is.
    auto loaded = m_files->load(path, tr("Cannot compare with %1"));
    if (!loaded) return false;
    const QString name = QFileInfo(path).fileName();
    m_comparison->compareWith(std::move(loaded->dataset), name);
    emit message(tr("Comparing with %1 (older) ...").arg(name));
    emit compared();
    return true;
}

void CompareController::clear()
{
    if (!m_comparison->isActive()) return;
    m_comparison->clear();
    emit message(tr("Comparison cleared."));
}

} // namespace app
