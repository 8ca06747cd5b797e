// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <QAbstractTableModel>

#include <vector>

namespace app {

// The sources of the run being edited in the run form (title, URL), editable in place.
// It holds the form's working copy, not the document's runs.
class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Url, ColumnCount };

    explicit SourceTableModel(QObject *parent = nullptr);

    const std::vector<compute::Source> &sources() const { return m_sources; }
    void setSources(std::vector<compute::Source> sources);
    // Appends an empty source and returns its row.
    int appendSource();
    void removeSource(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<compute::Source> m_sources;
};

} // namespace app
