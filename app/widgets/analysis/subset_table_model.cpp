// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/subset_table_model.h"

#include "app/format/analysis_format.h"

namespace app {

SubsetTableModel::SubsetTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SubsetTableModel::setSubsets(std::vector<compute::SubsetFit> subsets)
{
    beginResetModel();
    m_subsets = std::move(subsets);
    endResetModel();
}

int SubsetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_subsets.size());
}

int SubsetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubsetTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const compute::SubsetFit &subset = m_subsets[static_cast<std::size_t>(index.row())];
    const compute::TrendFit &fit = subset.fit;
    if (role == Qt::ToolTipRole && !fit.ok()) return QString::fromStdString(fit.statusMessage());
    if (role == Qt::TextAlignmentRole && index.column() != SubsetColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case SubsetColumn:
        return QString::fromStdString(subset.label);
    case CountColumn:
        return static_cast<qulonglong>(fit.n);
    case DoublingColumn:
        if (!subset.enoughData()) return tr("not enough data");
        if (!fit.ok()) return QString::fromStdString(fit.statusMessage());
        return formatNumber3(fit.doublingTimeMonths());
    case CiColumn:
        return fit.ok() ? formatInterval(fit.doublingTimeMonthsCi95()) : QString();
    case GrowthColumn:
        return fit.ok() ? QStringLiteral("×") + formatNumber3(fit.growthFactorPerYear())
                        : QString();
    }
    return {};
}

QVariant SubsetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case SubsetColumn:
        return tr("Subset");
    case CountColumn:
        return tr("n");
    case DoublingColumn:
        return tr("Doubling (months)");
    case CiColumn:
        return tr("95% CI (months)");
    case GrowthColumn:
        return tr("Growth / yr");
    }
    return {};
}

} // namespace app
