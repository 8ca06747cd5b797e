// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/document/recovery.h"

#include <QObject>

#include <functional>

class QWidget;

namespace app {

class Document;
class FileController;

// At start-up, offers to restore the unsaved work a crashed session left (the
// RecoveryStore's orphans), one copy after another until one is restored.
class RecoveryController : public QObject {
    Q_OBJECT

public:
    RecoveryController(Document *document, RecoveryStore *store, FileController *files,
                       QWidget *window);

    // Restore it, ask again at the next start, or throw the copy away.
    enum class Answer { Restore, Later, Discard };
    // A restored copy becomes the document, unsaved, kept by this instance's store from
    // then on; its file path is the one it was saved to, if any.
    void offerRecovery();

    // How the question is asked; a message box by default. Tests replace it.
    void setAsk(std::function<Answer(const RecoveryStore::Found &found)> ask)
    {
        m_ask = std::move(ask);
    }

private:
    Document *m_document;
    RecoveryStore *m_store;
    FileController *m_files;
    QWidget *m_window;
    std::function<Answer(const RecoveryStore::Found &found)> m_ask;
};

} // namespace app
