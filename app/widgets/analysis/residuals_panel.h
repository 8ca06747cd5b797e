// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/stats/residuals.h"

#include <QPointF>

#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace app {

// How far each run of the era lies from its trend (core/residuals.h), plotted against
// date in orders of magnitude or as studentized z, outliers (|z| > 2) in red; hovering a
// point names the run, and the outliers can be marked on the chart.
class ResidualsPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit ResidualsPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    static QString markLabel(); // "Residual outliers (|z| > 2)"

    QCustomPlot *plot() const { return m_plot; }
    QCheckBox *markBox() const { return m_mark; }
    const compute::ResidualReport &report() const { return m_report; }
    QSet<QString> outlierIds() const;
    // The residual nearest to `pixel` (plot widget coordinates) within a few pixels.
    std::optional<std::size_t> residualAt(const QPointF &pixel) const;
    // The name of the run under `pixel`, as the hover tooltip shows it; empty if none.
    QString nameAt(const QPointF &pixel) const;

private:
    void redraw();
    void updateMarks();
    void onMouseMove(QMouseEvent *event);
    bool showsZ() const;
    double valueOf(const compute::Residual &r) const;

    compute::ResidualReport m_report;
    QComboBox *m_scale;
    QCustomPlot *m_plot;
    QLabel *m_summary;
    QCheckBox *m_mark;
    compute::Quantity m_y = compute::Quantity::Compute; // the era's y
};

} // namespace app
