// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/influence.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace app {

// Core's leave-one-out influence of an era's runs as a table, most influential first
// (compute::sortByInfluence): rank, run, the doubling time without the run and how much
// it moves. SortRole gives numbers, so a proxy sorts every column by value.
class InfluenceTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { RankColumn, RunColumn, WithoutColumn, ChangeColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RunIdRole, RunIndexRole };

    struct Row {
        int rank = 0; // 1 = most influential
        std::size_t runIndex = 0;
        QString runId;
        QString name;
        std::optional<double> withoutMonths;
        std::optional<double> changeMonths;
    };

    explicit InfluenceTableModel(QObject *parent = nullptr);

    // Entries in the order given (already sorted by influence); names and ids from the
    // dataset, by runIndex.
    void setRows(std::vector<Row> rows);
    const std::vector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Row> m_rows;
};

} // namespace app
