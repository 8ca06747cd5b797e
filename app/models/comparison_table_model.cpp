// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/comparison_table_model.h"

#include "app/document/comparison.h"
#include "app/format/comparison_format.h"

#include <QStringList>

#include <limits>

namespace app {
namespace {

QString isoOf(const compute::TrainingRun &run)
{
    return run.date ? QString::fromStdString(run.date->toIso()) : QString();
}

QString nameOf(const compute::TrainingRun &run)
{
    return QString::fromStdString(run.name);
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ComparisonTableModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return tr("added");
    case Kind::Removed:
        return tr("removed");
    case Kind::Changed:
        return tr("changed");
    case Kind::Duplicate:
        return tr("duplicate");
    }
    return {};
}

void ComparisonTableModel::setResult(std::shared_ptr<const ComparisonResult> result,
                                     compute::ComputeUnit unit)
{
    m_result = std::move(result);
    m_unit = unit;
    rebuild();
}

void ComparisonTableModel::setUnits(compute::ComputeUnit unit)
{
    if (unit == m_unit) return;
    m_unit = unit;
    rebuild();
}

void ComparisonTableModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_result) {
        const compute::Dataset &before = *m_result->before;
        const compute::Dataset &after = m_result->after;
        const compute::DatasetDiff &diff = m_result->diff;
        for (std::size_t j : diff.added) {
            const compute::TrainingRun &run = after.runs[j];
            Row row{Kind::Added,
                    nameOf(run),
                    isoOf(run),
                    {},
                    tr("Not in the older vintage"),
                    std::nullopt,
                    false,
                    QString::fromStdString(run.id)};
            m_rows.push_back(std::move(row));
        }
        for (std::size_t i : diff.removed) {
            const compute::TrainingRun &run = before.runs[i];
            m_rows.push_back({Kind::Removed,
                              nameOf(run),
                              isoOf(run),
                              {},
                              tr("In the older vintage only; drawn as a ghost where it stood"),
                              std::nullopt,
                              false,
                              QString()});
        }
        for (const compute::RunMatch &m : diff.matches) {
            if (!m.changed()) continue;
            const compute::TrainingRun &old = before.runs[m.oldIndex];
            const compute::TrainingRun &run = after.runs[m.newIndex];
            QString detail = tr("Matched: %1").arg(matchStageName(m.stage));
            if (m.uncertain())
                detail += tr(" (uncertain: was %1, %2)")
                              .arg(nameOf(old), old.date ? isoOf(old) : tr("undated"));
            if (!m.other.empty()) {
                QStringList other;
                for (compute::RunField field : m.other)
                    other << runFieldName(field);
                detail += QLatin1Char('\n') +
                          tr("Also changed: %1").arg(other.join(QStringLiteral(", ")));
            }
            const auto oldFlop = old.flop(), newFlop = run.flop();
            m_rows.push_back(
                {Kind::Changed, nameOf(run), isoOf(run), describeChanges(m, old, run, m_unit),
                 detail, oldFlop && newFlop ? std::optional(*newFlop / *oldFlop) : std::nullopt,
                 m.uncertain(), QString::fromStdString(run.id)});
        }
        for (const compute::DuplicateGroup &g : diff.duplicates) {
            const compute::TrainingRun &run = (g.inNew ? after : before).runs[g.indices.front()];
            const QString where = g.inNew ? tr("the open dataset") : tr("the older vintage");
            m_rows.push_back(
                {Kind::Duplicate, nameOf(run), isoOf(run),
                 tr("%n runs with this name and date in %1", nullptr,
                    static_cast<int>(g.indices.size()))
                     .arg(where),
                 tr("Runs that share a name and a date in one file are reported, not matched"),
                 std::nullopt, false, g.inNew ? QString::fromStdString(run.id) : QString()});
        }
    }
    endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case RunIdRole:
        return row.runId;
    case KindRole:
        return kindName(row.kind) + (row.uncertain ? QStringLiteral(" uncertain") : QString());
    case Qt::ToolTipRole: // the changes in full (the column may cut them), then the match
        return row.changes.isEmpty() ? row.detail : row.changes + QLatin1Char('\n') + row.detail;
    case Qt::TextAlignmentRole:
        if (index.column() == RatioColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindName(row.kind);
        case NameColumn:
            return row.name;
        case DateColumn:
            return row.date.isEmpty() ? QStringLiteral("–") : row.date;
        case ChangesColumn:
            return row.changes;
        case RatioColumn:
            return formatComputeRatio(row.ratio);
        case UncertainColumn:
            return row.uncertain ? tr("uncertain") : QString();
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case KindColumn:
            return static_cast<int>(row.kind);
        case NameColumn:
            return row.name.toLower();
        case DateColumn:
            return row.date;
        case ChangesColumn:
            return row.changes;
        case RatioColumn: // a missing ratio sorts after every number
            return row.ratio ? *row.ratio : std::numeric_limits<double>::infinity();
        case UncertainColumn:
            return row.uncertain;
        }
        return {};
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DateColumn:
            return tr("The open dataset's date (the older vintage's for a removed run)");
        case ChangesColumn:
            return tr("Fields the chart or a fit uses, old → new");
        case RatioColumn:
            return tr("New compute over old");
        case UncertainColumn:
            return tr("Matched by the tolerant fallback: a corrected date or a rename");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Run");
    case DateColumn:
        return tr("Date");
    case ChangesColumn:
        return tr("Changes");
    case RatioColumn:
        return tr("Compute ratio");
    case UncertainColumn:
        return tr("Match");
    }
    return {};
}

} // namespace app
