// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/source_table_model.h"

namespace app {

SourceTableModel::SourceTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SourceTableModel::setSources(std::vector<compute::Source> sources)
{
    beginResetModel();
    m_sources = std::move(sources);
    endResetModel();
}

int SourceTableModel::appendSource()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_sources.emplace_back();
    endInsertRows();
    return row;
}

void SourceTableModel::removeSource(int row)
{
    if (row < 0 || row >= rowCount()) return;
    beginRemoveRows({}, row, row);
    m_sources.erase(m_sources.begin() + row);
    endRemoveRows();
}

int SourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole))
        return {};
    const compute::Source &source = m_sources[static_cast<std::size_t>(index.row())];
    return QString::fromStdString(index.column() == Title ? source.title : source.url);
}

bool SourceTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole) return false;
    compute::Source &source = m_sources[static_cast<std::size_t>(index.row())];
    std::string &field = index.column() == Title ? source.title : source.url;
    // An editor closed without a change gives the text back as it was.
    if (value.toString() == QString::fromStdString(field)) return false;
    const std::string text = value.toString().trimmed().toStdString();
    if (text == field) return false;
    field = text;
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags SourceTableModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    return section == Title ? tr("Title") : tr("URL");
}

} // namespace app
