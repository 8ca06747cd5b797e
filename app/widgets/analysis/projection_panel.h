// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/stats/projection.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace app {

class NumberEdit;

// Where the era's trend goes: the date it reaches a compute and the compute it gives at
// a date, each with the 95% interval of the trend line and of a single new run
// (core/projection.h), and the projection fan on the chart (ChartOverlays).
class ProjectionPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit ProjectionPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    // The inputs, for tests and the dock.
    NumberEdit *targetEdit() const { return m_target; }
    QComboBox *unitBox() const { return m_unit; }
    QDateEdit *dateEdit() const { return m_date; }
    QCheckBox *showOnChartBox() const { return m_show; }
    QSpinBox *yearBox() const { return m_year; }
    // The answers last shown.
    const compute::DateProjection &dateProjection() const { return m_dateProjection; }
    const compute::ComputeProjection &computeProjection() const { return m_computeProjection; }
    QString dateText() const;
    QString computeText() const;

private:
    void recompute();
    void updateOverlay();
    // Labels the fields with the chart's y quantity; the unit box is compute's.
    void showQuantity();
    compute::ComputeUnit unit() const;

    AnalysisEra m_era;
    compute::Quantity m_y = compute::Quantity::Compute;
    QLabel *m_targetLabel;
    QLabel *m_atLabel;
    QGroupBox *m_atGroup;
    NumberEdit *m_target;
    QLabel *m_targetProblem;
    QComboBox *m_unit;
    QLabel *m_reachDate;
    QLabel *m_reachMean;
    QLabel *m_reachPrediction;
    QDateEdit *m_date;
    QLabel *m_atValue;
    QLabel *m_atMean;
    QLabel *m_atPrediction;
    QCheckBox *m_show;
    QSpinBox *m_year;
    compute::DateProjection m_dateProjection;
    compute::ComputeProjection m_computeProjection;
};

} // namespace app
