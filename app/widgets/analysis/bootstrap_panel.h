// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/stats/bootstrap.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace app {

// The era's doubling time bootstrapped as in Sevilla et al. 2022 (core/bootstrap.h),
// its 95% interval beside the Student t one. A run takes ~20 ms for 1,000 resamples of
// 3,000 runs, so it runs on the GUI thread, but only while the tab is visible and a
// moment after the last change (typing a seed, dragging an era boundary).
class BootstrapPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit BootstrapPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    QSpinBox *resamplesBox() const { return m_resamples; }
    QLineEdit *seedEdit() const { return m_seed; }
    QCheckBox *jitterBox() const { return m_jitter; }
    compute::BootstrapOptions options() const;
    // The last result shown; `isStale()` while inputs changed since.
    const compute::BootstrapResult &result() const { return m_result; }
    bool isStale() const { return m_stale; }
    // Runs now, visible or not.
    void runNow();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void schedule();
    void display(const compute::BootstrapResult &result);

    AnalysisEra m_era;
    compute::BootstrapResult m_result;
    bool m_stale = true;
    QTimer *m_timer;
    QSpinBox *m_resamples;
    QLineEdit *m_seed;
    QCheckBox *m_jitter;
    QLabel *m_tDoubling;
    QLabel *m_tCi;
    QLabel *m_tSlope;
    QLabel *m_tSlopeCi;
    QLabel *m_bootDoubling;
    QLabel *m_bootCi;
    QLabel *m_bootSlope;
    QLabel *m_bootSlopeCi;
    QLabel *m_status;
};

} // namespace app
