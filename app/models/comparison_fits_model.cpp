// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/comparison_fits_model.h"

#include "app/document/comparison.h"
#include "app/format/comparison_format.h"
#include "app/format/fit_format.h"

namespace app {
namespace {

// How far the doubling time moved from `from` to `to`, when both are fits.
std::optional<double> movedMonths(const compute::TrendFit &from, const compute::TrendFit &to)
{
    if (!from.ok() || !to.ok()) return std::nullopt;
    return to.doublingTimeMonths() - from.doublingTimeMonths();
}

QString whyNoFit(const compute::TrendFit &fit)
{
    return fit.ok() ? describeFit(fit) : QString::fromStdString(fit.statusMessage());
}

} // namespace

ComparisonFitsModel::ComparisonFitsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ComparisonFitsModel::setResult(std::shared_ptr<const ComparisonResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int ComparisonFitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->fits.size());
}

int ComparisonFitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonFitsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const compute::EraDiffFit &f = m_result->fits[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != EraColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == BeforeColumn || index.column() == BeforeNColumn)
            return tr("Older vintage: %1").arg(whyNoFit(f.before));
        if (index.column() == AfterColumn || index.column() == AfterNColumn)
            return tr("Open dataset: %1").arg(whyNoFit(f.after));
        if (index.column() == MovedColumn)
            return tr("Doubling time in the open dataset minus in the older vintage");
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case EraColumn:
        return QString::fromStdString(f.era.name);
    case BeforeColumn:
        return doublingWithInterval(f.before);
    case BeforeNColumn:
        return static_cast<qulonglong>(f.before.n);
    case AfterColumn:
        return doublingWithInterval(f.after);
    case AfterNColumn:
        return static_cast<qulonglong>(f.after.n);
    case MovedColumn:
        return formatMonthsMoved(movedMonths(f.before, f.after));
    }
    return {};
}

QVariant ComparisonFitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BeforeColumn:
            return tr("Doubling time in the older vintage, months, with its 95% interval");
        case BeforeNColumn:
            return tr("Runs the older vintage's fit takes");
        case AfterColumn:
            return tr("Doubling time in the open dataset, months, with its 95% interval");
        case AfterNColumn:
            return tr("Runs the open dataset's fit takes");
        case MovedColumn:
            return tr("Doubling time after minus before");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case EraColumn:
        return tr("Era");
    case BeforeColumn:
        return tr("Before [95%]");
    case BeforeNColumn:
        return tr("n");
    case AfterColumn:
        return tr("After [95%]");
    case AfterNColumn:
        return tr("n");
    case MovedColumn:
        return tr("Moved");
    }
    return {};
}

MovedByModel::MovedByModel(QObject *parent) : QAbstractTableModel(parent) {}

void MovedByModel::setEra(std::shared_ptr<const ComparisonResult> result, int era)
{
    beginResetModel();
    m_result = std::move(result);
    m_era = m_result && era >= 0 && era < static_cast<int>(m_result->fits.size()) ? era : -1;
    endResetModel();
}

int MovedByModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_era < 0) return 0;
    return static_cast<int>(m_result->fits[static_cast<std::size_t>(m_era)].movedBy.size());
}

int MovedByModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MovedByModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const compute::EraDiffFit &f = m_result->fits[static_cast<std::size_t>(m_era)];
    const compute::ChangeEffect &effect = f.movedBy[static_cast<std::size_t>(index.row())];
    const compute::DatasetDiff &diff = m_result->diff;
    // The run the change is about: the open dataset's, or the older one's when removed.
    using Kind = compute::DiffChange::Kind;
    const compute::TrainingRun *run = nullptr;
    QString kind;
    switch (effect.change.kind) {
    case Kind::Added:
        run = &m_result->after.runs[diff.added[effect.change.index]];
        kind = tr("added");
        break;
    case Kind::Removed:
        run = &m_result->before->runs[diff.removed[effect.change.index]];
        kind = tr("removed");
        break;
    case Kind::Changed:
        run = &m_result->after.runs[diff.matches[effect.change.index].newIndex];
        kind = tr("changed");
        break;
    }
    if (role == RunIdRole)
        return effect.change.kind == Kind::Removed ? QString() : QString::fromStdString(run->id);
    if (role == Qt::TextAlignmentRole && index.column() != ChangeColumn &&
        index.column() != RunColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == WithoutColumn)
        return tr("The era's fit with only this change reverted: %1").arg(whyNoFit(effect.without));
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case ChangeColumn:
        return kind;
    case RunColumn:
        return QString::fromStdString(run->name);
    case WithoutColumn:
        return doublingWithInterval(effect.without);
    case WithoutNColumn:
        return static_cast<qulonglong>(effect.without.n);
    case MovedColumn:
        return formatMonthsMoved(movedMonths(effect.without, f.after));
    }
    return {};
}

QVariant MovedByModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == MovedColumn)
        return tr("How far this one change moved the era's doubling time");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case RunColumn:
        return tr("Run");
    case WithoutColumn:
        return tr("Doubling without it");
    case WithoutNColumn:
        return tr("n without");
    case MovedColumn:
        return tr("Moved by");
    }
    return {};
}

} // namespace app
