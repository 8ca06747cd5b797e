// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/run_filter_proxy.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/models/run_table_model.h"

namespace app {

RunFilterProxy::RunFilterProxy(RunTableModel *source, ViewState *view, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source), m_view(view)
{
    setSourceModel(source);
    setSortRole(RunTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(view, &ViewState::filterChanged, this, &RunFilterProxy::invalidateFilter);
}

void RunFilterProxy::setShowUnplottable(bool show)
{
    if (show == m_showUnplottable) return;
    m_showUnplottable = show;
    invalidateFilter();
}

void RunFilterProxy::setEraMembers(std::optional<std::vector<bool>> members)
{
    if (members == m_eraMembers) return;
    m_eraMembers = std::move(members);
    invalidateFilter();
}

QModelIndex RunFilterProxy::indexOfRun(const QString &id) const
{
    const std::ptrdiff_t row = m_source->document()->dataset().indexOfRun(id.toStdString());
    if (row < 0) return {};
    return mapFromSource(m_source->index(static_cast<int>(row), 0));
}

bool RunFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid()) return false;
    const compute::TrainingRun *run = m_source->runAt(sourceRow);
    if (!run) return false;
    if (!m_showUnplottable && !run->isPlottable()) return false;
    if (m_eraMembers) {
        const auto row = static_cast<std::size_t>(sourceRow);
        if (row >= m_eraMembers->size() || !(*m_eraMembers)[row]) return false;
    }
    return m_view->filter().accepts(m_source->document()->dataset(), *run);
}

bool RunFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const bool lMissing =
        !l.isValid() || (l.typeId() == QMetaType::QString && l.toString().isEmpty());
    const bool rMissing =
        !r.isValid() || (r.typeId() == QMetaType::QString && r.toString().isEmpty());
    // The view reverses lessThan for a descending sort; answer so that runs without a
    // value end up last either way.
    if (lMissing != rMissing) return lMissing == (sortOrder() == Qt::DescendingOrder);
    if (lMissing) return false; // equal: the stable sort keeps their order
    if (l.typeId() == QMetaType::Double && r.typeId() == QMetaType::Double)
        return l.toDouble() < r.toDouble();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace app
