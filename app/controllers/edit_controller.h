// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace app {

class Document;
class ViewState;

// Edit > Add, Edit, Duplicate, Delete runs and the utilization what-if: each opens the
// form or asks what it must, then pushes one undo command on the Document.
class EditController : public QObject {
    Q_OBJECT

public:
    EditController(Document *document, ViewState *view, QWidget *window);

    bool addRun();
    bool editRun(int runIndex);
    bool editSelected(); // the first selected run
    // Both act on the selected runs; false when nothing is selected.
    bool duplicateSelected();
    bool deleteSelected();
    // Asks for a utilization (0.33 by default) and re-estimates every hardware estimate.
    bool reestimateUtilization();
    bool reestimateUtilization(double utilization); // no dialog

signals:
    void message(const QString &text);

private:
    std::vector<std::size_t> selectedIndices() const;

    Document *m_document;
    ViewState *m_view;
    QWidget *m_window;
};

} // namespace app
