// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <QDockWidget>
#include <QString>

class QTextBrowser;
class QTimer;

namespace app {

class Document;
class ViewState;

// Everything about one run as HTML (every user text escaped): its fields, each
// estimate with its inputs, FLOP and pfs-days, the primary marked, every other one
// checked against the primary (ratio, implied utilization, a warning past 3x), and
// the sources as links (http, https and mailto only).
QString runDetailsHtml(const compute::TrainingRun &run);

// Shows the first selected run (in dataset order) of ViewState::selection(), with
// "N runs selected" above it when there are several, or a hint when none is.
class RunDetailsDock : public QDockWidget {
    Q_OBJECT

public:
    RunDetailsDock(Document *document, ViewState *view, QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    // Index into dataset().runs of the run shown; -1 when none.
    int shownRun() const { return m_shownRun; }

public slots:
    // Rebuilds the text now (document edits are otherwise coalesced to the next
    // event loop pass).
    void refresh();

private:
    Document *m_document;
    ViewState *m_view;
    QTextBrowser *m_browser;
    QTimer *m_refreshTimer;
    int m_shownRun = -1;
    QString m_shownId;
};

} // namespace app
