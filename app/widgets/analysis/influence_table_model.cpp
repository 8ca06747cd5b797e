// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/influence_table_model.h"

#include "app/format/analysis_format.h"

#include <limits>

namespace app {
namespace {

// A missing number sorts after every number (in ascending order).
QVariant sortValue(const std::optional<double> &value)
{
    return value ? *value : std::numeric_limits<double>::infinity();
}

QString signedMonths(const std::optional<double> &value)
{
    if (!value) return QStringLiteral("–");
    return (*value > 0 ? QStringLiteral("+") : QString()) + formatNumber3(value);
}

} // namespace

InfluenceTableModel::InfluenceTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void InfluenceTableModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int InfluenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InfluenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InfluenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == RunIdRole) return row.runId;
    if (role == RunIndexRole) return static_cast<qulonglong>(row.runIndex);
    if (role == Qt::TextAlignmentRole && index.column() != RunColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RankColumn:
            return row.rank;
        case RunColumn:
            return row.name;
        case WithoutColumn:
            return formatNumber3(row.withoutMonths);
        case ChangeColumn:
            return signedMonths(row.changeMonths);
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case RankColumn:
            return row.rank;
        case RunColumn:
            return row.name.toLower();
        case WithoutColumn:
            return sortValue(row.withoutMonths);
        case ChangeColumn:
            return sortValue(row.changeMonths);
        }
    }
    return {};
}

QVariant InfluenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return tr("1 = moves the doubling time most when left out");
        case WithoutColumn:
            return tr("Doubling time of the era's other runs, in months");
        case ChangeColumn:
            return tr("Doubling time without the run minus with it, in months");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn:
        return tr("#");
    case RunColumn:
        return tr("Run");
    case WithoutColumn:
        return tr("Doubling without (months)");
    case ChangeColumn:
        return tr("Change (months)");
    }
    return {};
}

} // namespace app
