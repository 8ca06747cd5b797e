// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>

#include <vector>

namespace app {

class Document;
class ViewState;

// The runs of the Document as table rows, row = index into dataset().runs. Nothing is
// copied: every cell is read from the dataset when asked for.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        OrganizationColumn,
        DomainColumn,
        DateColumn,
        ComputeColumn,
        MethodColumn,
        SourceColumn,
        MissingColumn, // why a run is not plotted ("no date"); empty for plotted runs
        // Every other field Epoch AI records; hidden until the user shows them.
        ParametersColumn,
        DatasetSizeColumn,
        TrainingTimeColumn,
        HardwareColumn,
        HardwareQuantityColumn,
        UtilizationColumn,
        CostColumn,
        PowerColumn,
        ChipHoursColumn,
        EpochsColumn,
        BatchSizeColumn,
        FinetuneComputeColumn,
        CitationsColumn,
        OrganizationCategoryColumn,
        CountryColumn,
        AccessibilityColumn,
        ConfidenceColumn,
        FrontierColumn,
        NotabilityColumn,
        BaseModelColumn,
        ColumnCount
    };
    // The columns shown at first; the others the user shows from the header's menu.
    static bool shownByDefault(int column) { return column < MissingColumn; }
    // A name for a column that stays the same across versions (settings): "name",
    // "dataset-size", ...; -1 for an unknown key.
    static QString columnKey(int column);
    static int columnOfKey(const QString &key);
    enum Role {
        // Numbers for Date (days since 1970), Compute (FLOP) and the other quantities;
        // invalid without a value. Text columns give their display text.
        SortRole = Qt::UserRole + 1,
        RunIdRole,    // QString
        RunIndexRole, // int, index into dataset().runs
    };

    RunTableModel(Document *document, ViewState *view, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Document *document() const { return m_document; }
    // The run of a row; nullptr outside the rows.
    const compute::TrainingRun *runAt(int row) const;
    // Rows of the runs with these ids (ids not in the dataset are skipped), ascending.
    std::vector<int> rowsOfRuns(const QSet<QString> &ids) const;

    // "1.86e+03" (always scientific), with "≤ " for an upper bound.
    static QString computeText(double flop, bool upperBound, compute::ComputeUnit units);
    // "No date", "No compute", "No date or compute"; empty for a plottable run.
    static QString missingText(const compute::TrainingRun &run);

private:
    QString displayText(const compute::TrainingRun &run, int column) const;
    QVariant sortValue(const compute::TrainingRun &run, int column) const;
    void resetRows();

    Document *m_document;
    ViewState *m_view;
    // The Document signals after an edit is done; this count lags it by one edit so
    // that begin/end row calls see the row count they expect.
    int m_rows = 0;
};

} // namespace app
