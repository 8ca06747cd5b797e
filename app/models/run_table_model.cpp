// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/run_table_model.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/number_format.h"
#include "app/format/run_tooltip.h"
#include "app/format/unit_format.h"

#include <QFont>

#include <unordered_set>

namespace app {

RunTableModel::RunTableModel(Document *document, ViewState *view, QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_view(view),
      m_rows(static_cast<int>(document->dataset().runs.size()))
{
    connect(document, &Document::datasetReset, this, &RunTableModel::resetRows);
    connect(document, &Document::runsReset, this, &RunTableModel::resetRows);
    connect(document, &Document::runInserted, this, [this](std::size_t index) {
        const int row = static_cast<int>(index);
        beginInsertRows({}, row, row);
        ++m_rows;
        endInsertRows();
    });
    connect(document, &Document::runRemoved, this, [this](std::size_t index) {
        const int row = static_cast<int>(index);
        beginRemoveRows({}, row, row);
        --m_rows;
        endRemoveRows();
    });
    connect(document, &Document::runChanged, this, [this](std::size_t index) {
        const int row = static_cast<int>(index);
        emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    });
    connect(view, &ViewState::unitsChanged, this, [this] {
        emit headerDataChanged(Qt::Horizontal, ComputeColumn, ComputeColumn);
        if (m_rows > 0)
            emit dataChanged(index(0, ComputeColumn), index(m_rows - 1, ComputeColumn),
                             {Qt::DisplayRole});
    });
}

void RunTableModel::resetRows()
{
    beginResetModel();
    m_rows = static_cast<int>(m_document->dataset().runs.size());
    endResetModel();
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const compute::TrainingRun *RunTableModel::runAt(int row) const
{
    const auto &runs = m_document->dataset().runs;
    // Between a Document edit and the row signals the two counts may differ by one.
    if (row < 0 || row >= m_rows || static_cast<std::size_t>(row) >= runs.size()) return nullptr;
    return &runs[static_cast<std::size_t>(row)];
}

std::vector<int> RunTableModel::rowsOfRuns(const QSet<QString> &ids) const
{
    std::vector<int> rows;
    if (ids.isEmpty()) return rows;
    std::unordered_set<std::string> wanted;
    for (const QString &id : ids)
        wanted.insert(id.toStdString());
    for (int row = 0; row < m_rows; ++row) {
        const compute::TrainingRun *run = runAt(row);
        if (run && wanted.count(run->id)) rows.push_back(row);
    }
    return rows;
}

QString RunTableModel::computeText(double flop, bool upperBound, compute::ComputeUnit units)
{
    const QString text = scientific(compute::toUnit(flop, units), 2);
    return upperBound ? QStringLiteral("≤ ") + text : text;
}

QString RunTableModel::missingText(const compute::TrainingRun &run)
{
    const bool noDate = !run.date.has_value();
    const bool noCompute = !run.flop().has_value();
    if (noDate && noCompute) return tr("No date or compute");
    if (noDate) return tr("No date");
    if (noCompute) return tr("No compute");
    return {};
}

QString RunTableModel::displayText(const compute::TrainingRun &run, int column) const
{
    switch (column) {
    case NameColumn:
        return QString::fromStdString(run.name);
    case OrganizationColumn:
        return QString::fromStdString(run.organization);
    case DomainColumn:
        return QString::fromStdString(run.domain);
    case DateColumn:
        return run.date ? QString::fromStdString(run.date->toIso()) : QString();
    case ComputeColumn: {
        const std::optional<double> flop = run.flop();
        return flop ? computeText(*flop, run.upperBound, m_view->units()) : QString();
    }
    case MethodColumn: {
        const compute::ComputeEstimate *estimate = run.primaryEstimate();
        return estimate ? QString::fromUtf8(compute::methodLabel(estimate->method()).data())
                        : QString();
    }
    case SourceColumn: {
        if (run.sources.empty()) return {};
        const compute::Source &source = run.sources.front();
        return QString::fromStdString(source.title.empty() ? source.url : source.title);
    }
    case MissingColumn:
        return missingText(run);
    default:
        return {};
    }
}

QVariant RunTableModel::sortValue(const compute::TrainingRun &run, int column) const
{
    if (column == DateColumn)
        return run.date ? QVariant(static_cast<double>(run.date->daysSinceEpoch())) : QVariant();
    if (column == ComputeColumn) {
        const std::optional<double> flop = run.flop();
        return flop ? QVariant(*flop) : QVariant();
    }
    return displayText(run, column);
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= ColumnCount) return {};
    const compute::TrainingRun *run = runAt(index.row());
    if (!run) return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*run, index.column());
    case Qt::ToolTipRole:
        return runTooltip(*run);
    case SortRole:
        return sortValue(*run, index.column());
    case RunIdRole:
        return QString::fromStdString(run->id);
    case RunIndexRole:
        return index.row();
    case Qt::TextAlignmentRole:
        if (index.column() == ComputeColumn) return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case Qt::FontRole:
        if (!run->isPlottable()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OrganizationColumn:
        return tr("Organization");
    case DomainColumn:
        return tr("Domain");
    case DateColumn:
        return tr("Date");
    case ComputeColumn:
        return computeColumnTitle(m_view->units());
    case MethodColumn:
        return tr("Method");
    case SourceColumn:
        return tr("Source");
    case MissingColumn:
        return tr("Missing");
    default:
        return {};
    }
}

} // namespace app
