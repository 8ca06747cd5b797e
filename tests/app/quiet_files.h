// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/controllers/file_controller.h"
#include "app/document/document.h"
#include "app/document/view_state.h"

#include <QStringList>

// A FileController that never pops up a dialog: warnings are recorded, and the
// unsaved-changes question gets a fixed answer.
struct QuietFiles {
    app::Document document;
    app::ViewState view;
    app::FileController files{&document, &view, nullptr};
    QStringList warnings;
    app::FileController::SaveAnswer answer = app::FileController::SaveAnswer::Cancel;
    QuietFiles()
    {
        files.setPrompts({[this](const QString &title, const QString &text) {
                              warnings << title + QStringLiteral(": ") + text;
                          },
                          [this](const QString &) { return answer; }});
    }
};
