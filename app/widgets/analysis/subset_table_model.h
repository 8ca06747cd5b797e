// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/subsets.h"

#include <QAbstractTableModel>

#include <vector>

namespace app {

// Core's subset sensitivity of an era as a table: one row per subset (all runs, each
// domain, top N at publication, record-setters, ...) with its n, doubling time, 95%
// interval and growth per year; "not enough data" for subsets of fewer than 3 runs.
class SubsetTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { SubsetColumn, CountColumn, DoublingColumn, CiColumn, GrowthColumn, ColumnCount };

    explicit SubsetTableModel(QObject *parent = nullptr);

    void setSubsets(std::vector<compute::SubsetFit> subsets);
    const std::vector<compute::SubsetFit> &subsets() const { return m_subsets; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<compute::SubsetFit> m_subsets;
};

} // namespace app
