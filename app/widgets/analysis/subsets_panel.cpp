// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/subsets_panel.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/widgets/analysis/subset_table_model.h"
#include "core/stats/subsets.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace app {

SubsetsPanel::SubsetsPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent), m_model(new SubsetTableModel(this))
{
    m_topN = new QSpinBox(this);
    m_topN->setObjectName(QStringLiteral("subsetsTopN"));
    m_topN->setRange(1, 1000);
    m_topN->setValue(10);
    m_topN->setToolTip(tr("A run is in the top N when fewer than N runs dated on or before it "
                          "had more compute (Epoch AI's running top 10)"));
    auto *form = new QFormLayout;
    form->addRow(tr("Top N at publication date, N:"), m_topN);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("subsetsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SubsetTableModel::SubsetColumn,
                                                      QHeaderView::Stretch);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("subsetsNote"));
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    connect(m_topN, &QSpinBox::valueChanged, this, &SubsetsPanel::recompute);
}

QString SubsetsPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsComputeAgainstDate(tr("The subsets analysis (top N, record-setters)"), axes);
}

void SubsetsPanel::setEra(const AnalysisEra &era)
{
    m_era = era;
    recompute();
}

void SubsetsPanel::recompute()
{
    if (!m_era.valid()) {
        m_model->setSubsets({});
        m_note->setText(tr("Choose an era."));
        return;
    }
    compute::SubsetOptions options;
    options.topN = static_cast<std::size_t>(m_topN->value());
    m_model->setSubsets(compute::subsetSensitivity(m_context.document->dataset(), *m_era.era,
                                                   m_context.view->filter(), options));
    m_note->setText(tr("Top N and record-setters are judged against every run the filter "
                       "shows, whatever its era."));
}

} // namespace app
