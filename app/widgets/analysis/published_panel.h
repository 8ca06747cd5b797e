// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/stats/bootstrap.h"

#include <cstdint>

class QLabel;
class QTableView;
class QTimer;

namespace app {

class PublishedTableModel;

// Published against recomputed: for the open dataset and the current scheme, each era's
// published figure beside our least-squares fit and the paper's own method (a jittered
// bootstrap, core/stats/published_comparison.h), n here and in the paper, and why the
// data differ. The fits show at once; the bootstraps (O(B n) each) run on a worker
// thread while the tab is visible, a moment after the last change.
class PublishedPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit PublishedPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    PublishedTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *headerLabel() const { return m_header; }
    QLabel *detailLabel() const { return m_detail; }
    // The paper's method: B = 1000, each compute jittered, a fixed seed.
    compute::BootstrapOptions bootstrapOptions() const { return m_options; }

    // Refits every era and bootstraps on this thread, now (tests; visible or not).
    void runNow();
    // A bootstrap runs on the worker thread, or waits to run.
    bool isComputing() const { return m_pending; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshFits();
    void startBootstraps(bool here);
    void showDetail();

    PublishedTableModel *m_model;
    QTableView *m_table;
    QLabel *m_header;
    QLabel *m_detail;
    QLabel *m_method;
    QTimer *m_timer;
    compute::BootstrapOptions m_options;
    std::uint64_t m_generation = 0;
    bool m_pending = false;
    bool m_suitable = true; // the chart shows compute against the date
};

} // namespace app
