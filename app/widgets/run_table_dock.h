// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QAction;
class QComboBox;
class QHBoxLayout;
class QItemSelection;
class QLabel;
class QMenu;
class QTableView;
class QTimer;

namespace app {

class Document;
class RunFilterBar;
class RunFilterProxy;
class RunTableModel;
class TrendModel;
class ViewState;

// The runs as a sortable table under a filter bar. The table lists every run
// ViewState::filter() accepts (also those without a date or compute, which the chart
// cannot draw; they are in italics). Its selection and ViewState::selection() follow
// each other; rows leaving the table through filtering or removal do not deselect runs.
class RunTableDock : public QDockWidget {
    Q_OBJECT

public:
    RunTableDock(Document *document, ViewState *view, QWidget *parent = nullptr);

    RunTableModel *model() const { return m_model; }
    RunFilterProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    RunFilterBar *filterBar() const { return m_filterBar; }
    // Find (Ctrl+F): shows the dock and focuses the search field. It is added to the
    // dock with window scope; a window may also list it in a menu.
    QAction *findAction() const { return m_findAction; }
    // Offers "In the fit of: <era>" over the table, from the eras of the current scheme
    // (a run may be in several). Without it the table has no era filter.
    void setTrendModel(TrendModel *trends);
    QComboBox *eraFilterBox() const { return m_eraBox; }
    // Shows only the runs of era `era`'s fit; -1 shows all.
    void setEraFilter(int era);

    // The columns shown (RunTableModel::Column): the first eight but Missing unless the
    // user chose others, from the header's context menu or the Columns button. The
    // choice is kept in the settings ("runTable/columns", by column key).
    bool isColumnShown(int column) const;
    void setColumnShown(int column, bool shown);
    // One checkable action per column; built when opened.
    QMenu *columnsMenu() const { return m_columnsMenu; }

public slots:
    void focusSearch();

signals:
    // Double click or Enter on a row: the run's index in dataset().runs.
    void runActivated(int datasetRunIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void writeSelection();
    void readSelection(bool scroll);
    void updateCount();
    void refreshEraFilter();
    void rebuildColumnsMenu();
    void restoreColumns();

    ViewState *m_view;
    RunTableModel *m_model;
    RunFilterProxy *m_proxy;
    RunFilterBar *m_filterBar;
    QTableView *m_table;
    QLabel *m_count;
    QAction *m_findAction;
    TrendModel *m_trends = nullptr;
    QComboBox *m_eraBox = nullptr;
    QHBoxLayout *m_bottomRow = nullptr;
    QTimer *m_eraTimer = nullptr;
    QMenu *m_columnsMenu = nullptr;
    bool m_syncing = false;      // copying a selection one way: ignore the echo
    bool m_rowsChanging = false; // the proxy adds or drops rows: not the user's selection
};

} // namespace app
