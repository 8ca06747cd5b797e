// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace app {

class Document;
class RunTableModel;
class ViewState;

// The runs the chart cannot draw (no usable date or compute), whatever the filter, with
// what each one lacks. Live: fixing a run removes it from the list. Double click or
// Enter on a row emits runActivated.
class UnplottableDialog : public QDialog {
    Q_OBJECT

public:
    UnplottableDialog(Document *document, ViewState *view, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QSortFilterProxyModel *rows() const { return m_rows; }

signals:
    // Index into dataset().runs.
    void runActivated(int datasetRunIndex);

private:
    void updateSummary();

    RunTableModel *m_model;
    QSortFilterProxyModel *m_rows;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace app
