// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/published_comparison.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <optional>
#include <vector>

namespace app {

// Each era of a scheme beside what its paper published (core/stats/published_comparison.h):
// the published figure, our least-squares fit with its t interval, whether the published
// value lies inside it, the paper's own method (jittered bootstrap) on our runs, n here
// and in the paper, and why the data differ. An era without a published figure shows
// its fit alone.
class PublishedTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        EraColumn,
        PublishedColumn,
        FitColumn,
        InsideColumn,
        PapersMethodColumn,
        NColumn,
        WhyColumn,
        ColumnCount
    };

    struct Row {
        QString era;
        QColor color;
        QString rule; // describeRule, for the tooltip
        compute::TrendFit fit;
        // Set when the era carries a published figure; its bootstrap fields are empty
        // until bootstrapped.
        std::optional<compute::PublishedComparison> comparison;
        bool bootstrapPending = false;
        QString why; // dataDifference()
    };

    explicit PublishedTableModel(QObject *parent = nullptr);

    void setRows(std::vector<Row> rows);
    // Fills in the bootstrap of row `row` (the paper's method, computed later).
    void setBootstrap(int row, const compute::PublishedComparison &comparison);
    const std::vector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;

    std::vector<Row> m_rows;
};

} // namespace app
