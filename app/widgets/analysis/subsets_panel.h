// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"

class QLabel;
class QSpinBox;
class QTableView;

namespace app {

class SubsetTableModel;

// Does the era's doubling time hold when the runs are chosen differently? One row per
// subset of core's subsetSensitivity, with the N of "top N at publication" adjustable.
class SubsetsPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit SubsetsPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    SubsetTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *topNBox() const { return m_topN; }

private:
    void recompute();

    AnalysisEra m_era;
    SubsetTableModel *m_model;
    QTableView *m_table;
    QSpinBox *m_topN;
    QLabel *m_note;
};

} // namespace app
