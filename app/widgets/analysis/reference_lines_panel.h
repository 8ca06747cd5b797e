// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"

#include <QList>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace app {

// Fixed doubling times drawn through one run for comparison: OpenAI's 3.4 months,
// Epoch AI's 4.5x per year, Sevilla et al.'s 6 months, Moore's 24 months (core's
// standardDoublingTimes) and one of the user's, anchored at the selected run or, with
// none selected, at the era's first run. Sets ChartOverlays::referenceLines.
class ReferenceLinesPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit ReferenceLinesPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    const QList<QCheckBox *> &presetBoxes() const { return m_presets; }
    QCheckBox *customBox() const { return m_custom; }
    QDoubleSpinBox *customMonthsBox() const { return m_customMonths; }
    // The run the lines go through; empty when there is none.
    QString anchorRunId() const { return m_anchor; }

private:
    void updateAnchor();
    void updateOverlay();

    AnalysisEra m_era;
    QList<QCheckBox *> m_presets;
    QList<double> m_presetMonths;
    QCheckBox *m_custom;
    QDoubleSpinBox *m_customMonths;
    QLabel *m_anchorLabel;
    QString m_anchor;
};

} // namespace app
