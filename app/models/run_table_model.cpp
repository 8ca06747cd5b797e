// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/run_table_model.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/number_format.h"
#include "app/format/run_tooltip.h"
#include "app/format/unit_format.h"
#include "core/model/run_category.h"

#include <QFont>

#include <unordered_set>

namespace app {
namespace {

using compute::RunNumber;
using compute::RunText;

// What a column after MissingColumn shows: a number of run.fields, a text of them,
// the parameters, or a category.
struct FieldColumn {
    const char *key;
    const char *title;
    enum Kind { Number, Text, Parameters, Category } kind;
    int which; // RunNumber, RunText or RunCategory
};

constexpr FieldColumn kFieldColumns[] = {
    {"parameters", QT_TRANSLATE_NOOP("RunTableModel", "Parameters"), FieldColumn::Parameters, 0},
    {"dataset-size", QT_TRANSLATE_NOOP("RunTableModel", "Dataset size"), FieldColumn::Number,
     int(RunNumber::DatasetSize)},
    {"training-time", QT_TRANSLATE_NOOP("RunTableModel", "Training time (h)"), FieldColumn::Number,
     int(RunNumber::TrainingHours)},
    {"hardware", QT_TRANSLATE_NOOP("RunTableModel", "Hardware"), FieldColumn::Text,
     int(RunText::TrainingHardware)},
    {"hardware-quantity", QT_TRANSLATE_NOOP("RunTableModel", "Chips"), FieldColumn::Number,
     int(RunNumber::HardwareQuantity)},
    {"utilization", QT_TRANSLATE_NOOP("RunTableModel", "Utilization"), FieldColumn::Number,
     int(RunNumber::Utilization)},
    {"cost", QT_TRANSLATE_NOOP("RunTableModel", "Cost (USD)"), FieldColumn::Number,
     int(RunNumber::Cost)},
    {"power", QT_TRANSLATE_NOOP("RunTableModel", "Power (W)"), FieldColumn::Number,
     int(RunNumber::PowerDraw)},
    {"chip-hours", QT_TRANSLATE_NOOP("RunTableModel", "Chip-hours"), FieldColumn::Number,
     int(RunNumber::ChipHours)},
    {"epochs", QT_TRANSLATE_NOOP("RunTableModel", "Epochs"), FieldColumn::Number,
     int(RunNumber::Epochs)},
    {"batch-size", QT_TRANSLATE_NOOP("RunTableModel", "Batch size"), FieldColumn::Number,
     int(RunNumber::BatchSize)},
    {"finetune-compute", QT_TRANSLATE_NOOP("RunTableModel", "Finetune compute (FLOP)"),
     FieldColumn::Number, int(RunNumber::FinetuneCompute)},
    {"citations", QT_TRANSLATE_NOOP("RunTableModel", "Citations"), FieldColumn::Number,
     int(RunNumber::Citations)},
    {"organization-category", QT_TRANSLATE_NOOP("RunTableModel", "Organization category"),
     FieldColumn::Category, int(compute::RunCategory::OrganizationCategory)},
    {"country", QT_TRANSLATE_NOOP("RunTableModel", "Country"), FieldColumn::Category,
     int(compute::RunCategory::Country)},
    {"accessibility", QT_TRANSLATE_NOOP("RunTableModel", "Accessibility"), FieldColumn::Category,
     int(compute::RunCategory::Accessibility)},
    {"confidence", QT_TRANSLATE_NOOP("RunTableModel", "Confidence"), FieldColumn::Category,
     int(compute::RunCategory::Confidence)},
    {"frontier", QT_TRANSLATE_NOOP("RunTableModel", "Frontier"), FieldColumn::Category,
     int(compute::RunCategory::Frontier)},
    {"notability", QT_TRANSLATE_NOOP("RunTableModel", "Notability criteria"), FieldColumn::Text,
     int(RunText::NotabilityCriteria)},
    {"base-model", QT_TRANSLATE_NOOP("RunTableModel", "Base model"), FieldColumn::Text,
     int(RunText::BaseModel)},
};
static_assert(std::size(kFieldColumns) ==
              RunTableModel::ColumnCount - RunTableModel::ParametersColumn);

constexpr const char *kBaseKeys[] = {"name",    "organization", "domain", "date",
                                     "compute", "method",       "source", "missing"};
static_assert(std::size(kBaseKeys) == RunTableModel::ParametersColumn);

const FieldColumn *fieldColumn(int column)
{
    const int at = column - RunTableModel::ParametersColumn;
    return at >= 0 && at < static_cast<int>(std::size(kFieldColumns)) ? &kFieldColumns[at]
                                                                      : nullptr;
}

std::optional<double> numberOf(const compute::TrainingRun &run, const FieldColumn &column)
{
    if (column.kind == FieldColumn::Parameters) return run.parameters;
    if (column.kind == FieldColumn::Number)
        return run.fields.number(static_cast<RunNumber>(column.which));
    return std::nullopt;
}

} // namespace

QString RunTableModel::columnKey(int column)
{
    if (column >= 0 && column < ParametersColumn) return QLatin1String(kBaseKeys[column]);
    const FieldColumn *field = fieldColumn(column);
    return field ? QLatin1String(field->key) : QString();
}

int RunTableModel::columnOfKey(const QString &key)
{
    for (int column = 0; column < ColumnCount; ++column)
        if (columnKey(column) == key) return column;
    return -1;
}

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
        break;
    }
    const FieldColumn *field = fieldColumn(column);
    if (!field) return {};
    switch (field->kind) {
    case FieldColumn::Text:
        return QString::fromUtf8(run.fields.text(static_cast<RunText>(field->which)));
    case FieldColumn::Category:
        return QString::fromUtf8(
            compute::categoryCell(run, static_cast<compute::RunCategory>(field->which)));
    case FieldColumn::Number:
    case FieldColumn::Parameters: {
        const std::optional<double> value = numberOf(run, *field);
        if (!value) return {};
        if (column == UtilizationColumn)
            return QStringLiteral("%1%").arg(significant(*value * 100, 3));
        return compact(*value);
    }
    }
    return {};
}

QVariant RunTableModel::sortValue(const compute::TrainingRun &run, int column) const
{
    if (column == DateColumn)
        return run.date ? QVariant(static_cast<double>(run.date->daysSinceEpoch())) : QVariant();
    if (column == ComputeColumn) {
        const std::optional<double> flop = run.flop();
        return flop ? QVariant(*flop) : QVariant();
    }
    if (const FieldColumn *field = fieldColumn(column);
        field && (field->kind == FieldColumn::Number || field->kind == FieldColumn::Parameters)) {
        const std::optional<double> value = numberOf(run, *field);
        return value ? QVariant(*value) : QVariant();
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
        if (const FieldColumn *field = fieldColumn(index.column());
            index.column() == ComputeColumn || (field && (field->kind == FieldColumn::Number ||
                                                          field->kind == FieldColumn::Parameters)))
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
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
    default: {
        const FieldColumn *field = fieldColumn(section);
        return field ? tr(field->title) : QVariant();
    }
    }
}

} // namespace app
