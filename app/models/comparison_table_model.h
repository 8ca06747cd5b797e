// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/units.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace app {

struct ComparisonResult;

// The changes of a comparison (app/document/comparison.h) as a table, one row each: the
// runs added, removed and changed, then the runs reported as duplicates. SortRole gives
// values, so a proxy sorts every column by value; KindRole ("added", "removed", "changed",
// "duplicate", plus " uncertain" for a tolerant match) lets a proxy filter by kind.
class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        NameColumn,
        DateColumn,
        ChangesColumn,
        RatioColumn,
        UncertainColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, KindRole, RunIdRole };
    enum class Kind { Added, Removed, Changed, Duplicate };

    struct Row {
        Kind kind = Kind::Added;
        QString name;
        QString date; // ISO; empty when undated
        QString changes;
        QString detail; // tooltip: the match, the other fields that changed
        std::optional<double> ratio;
        bool uncertain = false;
        QString runId; // in the open document (when the row's run is in it)
    };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    // Rows of `result` (none for null), compute changes written in `unit`.
    void setResult(std::shared_ptr<const ComparisonResult> result, compute::ComputeUnit unit);
    void setUnits(compute::ComputeUnit unit);
    const std::vector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindName(Kind kind);

private:
    void rebuild();

    std::shared_ptr<const ComparisonResult> m_result;
    compute::ComputeUnit m_unit = compute::ComputeUnit::Flop;
    std::vector<Row> m_rows;
};

} // namespace app
