// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/era_list_model.h"

#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/fit_format.h"
#include "app/format/published_format.h"

#include <QColor>

namespace app {
namespace {

QString dateText(const std::optional<compute::Date> &date)
{
    return date ? QString::fromStdString(date->toIso()) : QString(QChar(0x2026)); // "…"
}

// Our fit, the runs it takes, and the paper's figure with its note when there is one.
QString fitToolTip(const compute::Era &era, const compute::TrendFit &fit)
{
    QString tip = describeFit(fit);
    tip +=
        EraListModel::tr("\nRuns: %1").arg(QString::fromStdString(compute::describeRule(era.rule)));
    if (!era.published) return tip;
    const compute::PublishedFigure &p = *era.published;
    tip += EraListModel::tr("\nPublished: %1").arg(formatPublishedFigure(p));
    if (p.n) tip += EraListModel::tr(", n = %1").arg(*p.n);
    if (const QString source = publishedSource(p); !source.isEmpty())
        tip += QStringLiteral(" (%1)").arg(source);
    if (!p.note.empty()) tip += QStringLiteral("\n") + QString::fromStdString(p.note);
    return tip;
}

} // namespace

EraListModel::EraListModel(TrendModel *trends, ViewState *view, QObject *parent)
    : QAbstractTableModel(parent), m_trends(trends), m_view(view)
{
    // TrendModel::changed covers eras, runs, filter, scheme and ticks.
    connect(trends, &TrendModel::changed, this, &EraListModel::refresh);
    refresh();
}

void EraListModel::refresh()
{
    std::vector<compute::Era> eras = m_trends->eras();
    std::vector<compute::TrendFit> fits;
    fits.reserve(eras.size());
    for (int i = 0; i < static_cast<int>(eras.size()); ++i)
        fits.push_back(m_trends->fit(i));
    if (eras.size() != m_eras.size()) {
        beginResetModel();
        m_eras = std::move(eras);
        m_fits = std::move(fits);
        endResetModel();
        return;
    }
    m_eras = std::move(eras);
    m_fits = std::move(fits);
    if (!m_eras.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int EraListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_eras.size());
}

int EraListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EraListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto row = static_cast<std::size_t>(index.row());
    const compute::Era &era = m_eras[row];
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return QString::fromStdString(era.name);
        if (role == Qt::DecorationRole) return QColor(QString::fromStdString(era.color));
        if (role == Qt::CheckStateRole)
            return m_view->isTicked(index.row()) ? Qt::Checked : Qt::Unchecked;
        // The whole name (the column elides it when the panel is narrow).
        if (role == Qt::ToolTipRole)
            return tr("%1\nTicked: the era's fit is drawn on the chart")
                .arg(QString::fromStdString(era.name));
        break;
    case FromColumn:
    case ToColumn: {
        const auto &date = index.column() == FromColumn ? era.from : era.to;
        if (role == Qt::DisplayRole) return dateText(date);
        if (role == Qt::ToolTipRole)
            return date ? (index.column() == FromColumn ? tr("From this day on")
                                                        : tr("Up to, not including, this day"))
                        : tr("Open: reaches as far as the data");
        break;
    }
    case FitColumn:
        if (role == Qt::DisplayRole) {
            // A paper's figure is about compute against the date.
            const compute::Axes &axes = m_trends->cache().axes();
            if (!axes.dated()) return powerLawSummary(m_fits[row]);
            if (!era.published || axes != compute::Axes{}) return fitSummary(m_fits[row]);
            // The paper's number next to ours.
            return fitSummaryWithPublished(m_fits[row], *era.published);
        }
        if (role == Qt::ToolTipRole) {
            if (!m_trends->cache().axes().dated())
                return describePowerLaw(m_fits[row]) +
                       tr("\nRuns: %1")
                           .arg(QString::fromStdString(compute::describeRule(era.rule)));
            return fitToolTip(era, m_fits[row]);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant EraListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Era");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case FitColumn:
        return tr("Fit");
    default:
        return {};
    }
}

Qt::ItemFlags EraListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return f;
}

bool EraListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() != NameColumn) return false;
    if (role == Qt::CheckStateRole) {
        m_view->setTicked(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    if (role == Qt::EditRole) {
        emit renameRequested(index.row(), value.toString());
        return true;
    }
    return false;
}

} // namespace app
