// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/unplottable_dialog.h"

#include "app/models/run_table_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace app {
namespace {

// Unplottable runs only, and only the columns that say which run and what it lacks.
class UnplottableRuns : public QSortFilterProxyModel {
public:
    UnplottableRuns(RunTableModel *source, QObject *parent)
        : QSortFilterProxyModel(parent), m_source(source)
    {
        setSourceModel(source);
        setSortRole(RunTableModel::SortRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &) const override
    {
        const compute::TrainingRun *run = m_source->runAt(sourceRow);
        return run && !run->isPlottable();
    }
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &) const override
    {
        return sourceColumn == RunTableModel::NameColumn ||
               sourceColumn == RunTableModel::OrganizationColumn ||
               sourceColumn == RunTableModel::MissingColumn;
    }

private:
    RunTableModel *m_source;
};

} // namespace

UnplottableDialog::UnplottableDialog(Document *document, ViewState *view, QWidget *parent)
    : QDialog(parent), m_model(new RunTableModel(document, view, this)),
      m_rows(new UnplottableRuns(m_model, this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("unplottableDialog"));
    setWindowTitle(tr("Runs Not Plotted"));
    m_summary->setWordWrap(true);

    m_table->setModel(m_rows);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 260);
    m_table->setColumnWidth(1, 160);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(RunTableModel::RunIndexRole).toInt());
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter belongs to the table (activate the run), not to the Close button.
    for (QAbstractButton *button : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(button)) push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_rows, signal, this, &UnplottableDialog::updateSummary);
    connect(m_rows, &QAbstractItemModel::modelReset, this, &UnplottableDialog::updateSummary);
    updateSummary();
    resize(560, 420);
}

void UnplottableDialog::updateSummary()
{
    m_summary->setText(tr("Runs without a usable publication date or training compute: %1. "
                          "The chart cannot draw them; double-click one or press Enter to "
                          "edit it.")
                           .arg(m_rows->rowCount()));
}

} // namespace app
