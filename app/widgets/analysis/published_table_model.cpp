// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/published_table_model.h"

#include "app/format/fit_format.h"
#include "app/format/published_format.h"

#include <QBrush>

namespace app {
namespace {

const QString kMissing = QStringLiteral("–");

QString yesNo(const std::optional<bool> &inside)
{
    if (!inside) return kMissing;
    return *inside ? PublishedTableModel::tr("yes") : PublishedTableModel::tr("no");
}

} // namespace

PublishedTableModel::PublishedTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PublishedTableModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void PublishedTableModel::setBootstrap(int row, const compute::PublishedComparison &comparison)
{
    if (row < 0 || row >= rowCount()) return;
    Row &r = m_rows[static_cast<std::size_t>(row)];
    if (!r.comparison) return;
    r.comparison->bootstrap = comparison.bootstrap;
    r.comparison->bootstrapMedian = comparison.bootstrapMedian;
    r.comparison->bootstrapCi95 = comparison.bootstrapCi95;
    r.comparison->insideBootstrapCi95 = comparison.insideBootstrapCi95;
    r.bootstrapPending = false;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int PublishedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PublishedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PublishedTableModel::text(const Row &row, int column) const
{
    const auto &c = row.comparison;
    const auto quantity =
        c ? c->published.quantity : compute::PublishedQuantity::DoublingTimeMonths;
    switch (column) {
    case EraColumn:
        return row.era;
    case PublishedColumn:
        return c ? formatPublishedFigure(c->published) : tr("none published");
    case FitColumn:
        if (!row.fit.ok()) return QString::fromStdString(row.fit.statusMessage());
        return c ? formatQuantityWithInterval(quantity, c->fitValue, c->fitCi95)
                 : formatQuantityWithInterval(
                       quantity, compute::slopeAs(quantity, row.fit.slope),
                       compute::slopeIntervalAs(quantity, row.fit.slopeCiLow, row.fit.slopeCiHigh));
    case InsideColumn:
        return c ? yesNo(c->insideFitCi95) : kMissing;
    case PapersMethodColumn:
        if (!c) return kMissing;
        if (row.bootstrapPending) return tr("computing…");
        if (!c->bootstrap.ok()) return QString::fromStdString(c->bootstrap.message);
        return formatQuantityWithInterval(quantity, c->bootstrapMedian, c->bootstrapCi95);
    case NColumn:
        return c && c->published.n ? QStringLiteral("%1 / %2").arg(row.fit.n).arg(*c->published.n)
                                   : QStringLiteral("%1 / –").arg(row.fit.n);
    case WhyColumn:
        return row.why;
    }
    return {};
}

QString PublishedTableModel::toolTip(const Row &row, int column) const
{
    const auto &c = row.comparison;
    switch (column) {
    case EraColumn:
        return tr("Runs: %1").arg(row.rule);
    case PublishedColumn:
        if (!c) return tr("The scheme gives no published figure for this era");
        return publishedSource(c->published) +
               (c->published.note.empty()
                    ? QString()
                    : QStringLiteral("\n") + QString::fromStdString(c->published.note));
    case FitColumn:
        return describeFit(row.fit);
    case InsideColumn:
        if (!c || !c->insideFitCi95) return {};
        return tr("The published value lies %1 our 95% t interval; %2 the paper's method's "
                  "95% interval on our runs")
            .arg(*c->insideFitCi95 ? tr("inside") : tr("outside"),
                 !c->insideBootstrapCi95   ? tr("not known for")
                 : *c->insideBootstrapCi95 ? tr("inside")
                                           : tr("outside"));
    case PapersMethodColumn:
        if (!c || !c->bootstrap.ok()) return {};
        return tr("Median [2.5%, 97.5%] of %1 resamples (%2 used), each compute jittered by a "
                  "factor in [1/2, 2]; seed %3")
            .arg(c->bootstrap.requested)
            .arg(c->bootstrap.used)
            .arg(c->bootstrap.seed);
    case NColumn:
        return tr("Runs fitted here / in the paper");
    case WhyColumn:
        return row.why;
    }
    return {};
}

QVariant PublishedTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == EraColumn) return row.color;
        break;
    case Qt::ForegroundRole:
        // A published value outside our interval is the thing to look at.
        if (index.column() == InsideColumn && row.comparison &&
            row.comparison->insideFitCi95 == false)
            return QBrush(QColor(0xb0, 0x30, 0x20));
        break;
    default:
        break;
    }
    return {};
}

QVariant PublishedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PublishedColumn:
            return tr("The figure and interval the paper published for the era");
        case FitColumn:
            return tr("Least squares on the runs of the era here, with the Student t 95% "
                      "interval");
        case InsideColumn:
            return tr("Does the published value lie inside our 95% t interval?");
        case PapersMethodColumn:
            return tr("The paper's method on the runs here: bootstrap of 1,000 resamples, "
                      "each compute jittered by a factor in [1/2, 2] (Sevilla et al. 2022, "
                      "App. A); median [95% interval]");
        case NColumn:
            return tr("Runs fitted here / in the paper");
        case WhyColumn:
            return tr("The data the paper used against the data here");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case EraColumn:
        return tr("Era");
    case PublishedColumn:
        return tr("Published");
    case FitColumn:
        return tr("Recomputed (OLS, 95% t)");
    case InsideColumn:
        return tr("Inside?");
    case PapersMethodColumn:
        return tr("Paper's method (bootstrap)");
    case NColumn:
        return tr("n here / paper");
    case WhyColumn:
        return tr("Why the data differ");
    }
    return {};
}

} // namespace app
