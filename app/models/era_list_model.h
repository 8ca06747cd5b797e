// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/era.h"
#include "core/stats/trend_fit.h"

#include <QAbstractTableModel>

#include <vector>

namespace app {

class TrendModel;
class ViewState;

// The eras of the current scheme as a table: a checkbox (fit shown), colour swatch and
// name; from; to; the era's fit (n and doubling time). Follows TrendModel::changed, so
// a boundary being dragged shows live. Ticking goes to the ViewState; a rename is only
// requested (the era controller turns it into an undo command).
class EraListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, FromColumn, ToColumn, FitColumn, ColumnCount };

    EraListModel(TrendModel *trends, ViewState *view, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void renameRequested(int era, const QString &name);

private:
    void refresh();

    TrendModel *m_trends;
    ViewState *m_view;
    std::vector<compute::Era> m_eras;
    std::vector<compute::TrendFit> m_fits;
};

} // namespace app
