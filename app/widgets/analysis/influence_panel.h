// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/stats/influence.h"

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace app {

class InfluenceTableModel;

// Leave-one-out influence of the era's runs (core/influence.h): how far the doubling
// time moves without each run, most influential first; the top k can be marked on the
// chart, and a double click selects the run.
class InfluencePanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit InfluencePanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    static QString markLabel(); // "Most influential (leave-one-out)"

    InfluenceTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QCheckBox *markBox() const { return m_mark; }
    QSpinBox *topKBox() const { return m_topK; }
    const compute::LeaveOneOut &leaveOneOut() const { return m_result; }
    // Ids of the k most influential runs (those whose removal changes the doubling time).
    QSet<QString> mostInfluential() const;
    // Selects the run of a table row (a row of the view, after sorting).
    void selectRow(int viewRow);

private:
    void updateMarks();

    compute::LeaveOneOut m_result;
    QLabel *m_summary;
    InfluenceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QCheckBox *m_mark;
    QSpinBox *m_topK;
};

} // namespace app
