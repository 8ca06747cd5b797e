// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <memory>

namespace app {

struct ComparisonResult;

// Each era's fit in the older vintage and in the open dataset, side by side: doubling
// time with its 95% interval and n, and how far the doubling time moved.
class ComparisonFitsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        EraColumn,
        BeforeColumn,
        BeforeNColumn,
        AfterColumn,
        AfterNColumn,
        MovedColumn,
        ColumnCount
    };

    explicit ComparisonFitsModel(QObject *parent = nullptr);
    void setResult(std::shared_ptr<const ComparisonResult> result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ComparisonResult> m_result;
};

// The changes that moved one era's fit of the open dataset (EraDiffFit::movedBy), the
// largest change of slope first: what the fit would be with that one change reverted.
class MovedByModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ChangeColumn,
        RunColumn,
        WithoutColumn,
        WithoutNColumn,
        MovedColumn,
        ColumnCount
    };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit MovedByModel(QObject *parent = nullptr);
    // Era `era` of `result`; none when out of range.
    void setEra(std::shared_ptr<const ComparisonResult> result, int era);
    int era() const { return m_era; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ComparisonResult> m_result;
    int m_era = -1;
};

} // namespace app
