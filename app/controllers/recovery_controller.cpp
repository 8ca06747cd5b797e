// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/recovery_controller.h"

#include "app/controllers/file_controller.h"
#include "app/document/document.h"

#include <QLocale>
#include <QMessageBox>

namespace app {

RecoveryController::RecoveryController(Document *document, RecoveryStore *store,
                                       FileController *files, QWidget *window)
    : QObject(window), m_document(document), m_store(store), m_files(files), m_window(window)
{
    m_ask = [this](const RecoveryStore::Found &found) {
        const QString what = found.title.isEmpty() ? tr("an unsaved dataset") : found.title;
        const auto answer = QMessageBox::question(
            m_window, tr("Restore unsaved work?"),
            tr("Compute Explorer did not close properly. Unsaved changes to %1 from %2 were kept. "
               "Restore them?")
                .arg(what, QLocale().toString(found.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Discard, QMessageBox::Yes);
        return answer == QMessageBox::Yes  ? Answer::Restore
               : answer == QMessageBox::No ? Answer::Later
                                           : Answer::Discard;
    };
}

void RecoveryController::offerRecovery()
{
    const auto orphans = m_store->orphans();
    for (const RecoveryStore::Found &found : orphans) {
        const Answer answer = m_ask(found);
        if (answer == Answer::Later) continue; // ask again next time
        if (answer == Answer::Restore) {
            auto dataset = m_store->load(found);
            if (!dataset) {
                m_files->showErrors(tr("The recovery copy cannot be read"), dataset.errors());
                continue;
            }
            m_document->reset(std::move(dataset).value(), found.originalPath);
            m_document->markUnsaved();
            // Now this instance keeps it; if it cannot, the old copy stays for next time.
            if (!m_store->writeNow()) break;
        }
        m_store->forget(found);
        if (answer == Answer::Restore) break; // one window, one document
    }
}

} // namespace app
