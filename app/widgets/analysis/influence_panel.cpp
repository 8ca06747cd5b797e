// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/influence_panel.h"

#include "app/document/view_state.h"
#include "app/format/analysis_format.h"
#include "app/widgets/analysis/influence_table_model.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace app {

InfluencePanel::InfluencePanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent), m_model(new InfluenceTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("influenceSummary"));
    m_summary->setWordWrap(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InfluenceTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("influenceTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InfluenceTableModel::RankColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(InfluenceTableModel::RunColumn,
                                                      QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click a run to select it"));
    connect(m_table, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { selectRow(index.row()); });

    m_mark = new QCheckBox(tr("Mark the most influential on the chart: top"), this);
    m_mark->setObjectName(QStringLiteral("influenceMark"));
    m_topK = new QSpinBox(this);
    m_topK->setObjectName(QStringLiteral("influenceTopK"));
    m_topK->setRange(1, 100);
    m_topK->setValue(3);
    auto *markRow = new QHBoxLayout;
    markRow->addWidget(m_mark);
    markRow->addWidget(m_topK);
    markRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(markRow);

    connect(m_mark, &QCheckBox::toggled, this, &InfluencePanel::updateMarks);
    connect(m_topK, &QSpinBox::valueChanged, this, &InfluencePanel::updateMarks);
    // Another panel's marks replace these: the box follows.
    connect(context.view, &ViewState::overlaysChanged, this, [this] {
        if (m_mark->isChecked() && !m_context.view->overlays().markedLabel.isEmpty() &&
            !ownsMarks(markLabel()))
            m_mark->setChecked(false);
    });
}

QString InfluencePanel::markLabel()
{
    return tr("Most influential (leave-one-out)");
}

QString InfluencePanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("The influence of each run"), axes);
}

void InfluencePanel::setEra(const AnalysisEra &era)
{
    m_result = era.valid() ? compute::leaveOneOut(era.points) : compute::LeaveOneOut{};
    compute::sortByInfluence(m_result.entries);
    std::vector<InfluenceTableModel::Row> rows;
    rows.reserve(m_result.entries.size());
    for (const compute::InfluenceEntry &entry : m_result.entries)
        rows.push_back({static_cast<int>(rows.size()) + 1, entry.runIndex, runId(entry.runIndex),
                        runName(entry.runIndex), entry.doublingTimeMonthsWithout,
                        entry.doublingTimeMonthsChange});
    m_model->setRows(std::move(rows));

    const compute::TrendFit &full = m_result.full;
    if (!era.valid())
        m_summary->setText(tr("Choose an era."));
    else if (!full.ok())
        m_summary->setText(QString::fromStdString(full.statusMessage()));
    else
        m_summary->setText(tr("Doubling time with all %1 runs: %2 months. Each row: the era "
                              "fitted without that run.")
                               .arg(full.n)
                               .arg(formatNumber3(full.doublingTimeMonths())));
    updateMarks();
}

QSet<QString> InfluencePanel::mostInfluential() const
{
    QSet<QString> ids;
    for (const InfluenceTableModel::Row &row : m_model->rows()) {
        if (ids.size() >= m_topK->value() || !row.changeMonths) break;
        ids.insert(row.runId);
    }
    return ids;
}

void InfluencePanel::selectRow(int viewRow)
{
    const QString id = m_proxy->index(viewRow, 0).data(InfluenceTableModel::RunIdRole).toString();
    if (!id.isEmpty()) m_context.view->setSelection({id});
}

void InfluencePanel::updateMarks()
{
    m_topK->setEnabled(m_mark->isChecked());
    setMarkedRuns(markLabel(), mostInfluential(), m_mark->isChecked());
}

} // namespace app
