// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace app {

class CompareController;
class Document;
class Comparison;
class ComparisonFitsModel;
class ComparisonTableModel;
class MovedByModel;
class ViewState;

// The comparison of the open dataset with an older vintage (File > Compare With...): a
// summary line, the table of changes (filtered by kind, sorted by any column), each era's
// fit before and after, and for the era selected there the changes that moved it most.
// Selecting a run that the open dataset has selects it in the document, so the chart,
// the runs table and the details follow.
class CompareDock : public QDockWidget {
    Q_OBJECT

public:
    CompareDock(Comparison *comparison, CompareController *controller, Document *document,
                ViewState *view, QWidget *parent = nullptr);

    // File > Compare With... and Clear Comparison, for the menu.
    QAction *compareAction() const { return m_compareAction; }
    QAction *clearAction() const { return m_clearAction; }

    QLabel *summaryLabel() const { return m_summary; }
    QComboBox *kindFilter() const { return m_kind; }
    QTableView *changesTable() const { return m_changes; }
    QTableView *fitsTable() const { return m_fits; }
    QTableView *movedByTable() const { return m_movedBy; }
    ComparisonTableModel *changesModel() const { return m_changesModel; }
    ComparisonFitsModel *fitsModel() const { return m_fitsModel; }
    MovedByModel *movedByModel() const { return m_movedByModel; }

    // The era whose movers are listed (a row of the fits table); -1 when none.
    int currentEra() const;
    void setCurrentEra(int era);

private:
    void showResult();
    void updateSummary();
    void showMovers();
    void selectRunOf(const QModelIndex &index, int role);

    Comparison *m_comparison;
    Document *m_document;
    ViewState *m_view;
    QAction *m_compareAction;
    QAction *m_clearAction;
    QLabel *m_summary;
    QComboBox *m_kind;
    QTableView *m_changes;
    QTableView *m_fits;
    QLabel *m_movedTitle;
    QTableView *m_movedBy;
    ComparisonTableModel *m_changesModel;
    QSortFilterProxyModel *m_changesProxy;
    ComparisonFitsModel *m_fitsModel;
    MovedByModel *m_movedByModel;
};

} // namespace app
