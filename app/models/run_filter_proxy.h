// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace app {

class RunTableModel;
class ViewState;

// The rows of a RunTableModel that ViewState::filter() accepts, decided by
// compute::RunFilter::accepts: the function the chart uses, so table and chart never
// disagree about which runs the filter keeps.
//
// Runs without a usable date or compute are accepted too by default (showUnplottable):
// the table lists every run the filter accepts, including the ones the chart cannot
// draw. With showUnplottable off the rows are exactly the chart's points.
//
// Sorting uses RunTableModel::SortRole: numbers for Date and Compute, and runs without
// a value sort last in either order.
class RunFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    RunFilterProxy(RunTableModel *source, ViewState *view, QObject *parent = nullptr);

    bool showUnplottable() const { return m_showUnplottable; }
    void setShowUnplottable(bool show);

    // Keeps only the runs marked in `members` (by dataset index: the runs of one era's
    // fit, TrendModel::members); nullopt keeps every run the filter accepts. The table
    // only: the chart and the fits ignore it.
    void setEraMembers(std::optional<std::vector<bool>> members);
    bool filtersByEra() const { return m_eraMembers.has_value(); }

    // The proxy index (column 0) of the run with this id; invalid when filtered out.
    QModelIndex indexOfRun(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RunTableModel *m_source;
    ViewState *m_view;
    bool m_showUnplottable = true;
    std::optional<std::vector<bool>> m_eraMembers;
};

} // namespace app
