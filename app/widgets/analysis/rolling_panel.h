// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"
#include "core/model/published_figure.h"
#include "core/stats/rolling.h"

#include <QPointF>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QMouseEvent;
class QShowEvent;

namespace app {

// How the trend moves over time (core/stats/rolling.h): the era's runs fitted in a window
// of W years that slides a month at a time (or grows from the era's start), drawn as the
// growth per year or the doubling time of each window with its 95% band, beside the
// whole era's fit. Hovering a point names its window. The windows are fitted while the
// tab is shown (a window scans the era's runs: O(windows x runs)).
class RollingPanel : public AnalysisPanel {
    Q_OBJECT

public:
    explicit RollingPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    void setEra(const AnalysisEra &era) override;
    QString unsuitableFor(const compute::Axes &axes) const override;

    void setWindowYears(double years);
    void setExpanding(bool expanding);
    void setQuantity(compute::PublishedQuantity quantity);

    QCustomPlot *plot() const { return m_plot; }
    QLabel *summary() const { return m_summary; }
    const std::vector<compute::RollingWindow> &windows() const { return m_windows; }
    // The value drawn for a window, and its 95% interval; missing when the window has no
    // fit (fewer than 3 runs, no spread) or, for the doubling time, when it does not grow.
    std::optional<double> valueOf(const compute::RollingWindow &window) const;
    compute::Interval intervalOf(const compute::RollingWindow &window) const;
    // The plot's key (a date, as the chart's x axis) of a window: its middle.
    static double keyOf(const compute::RollingWindow &window);
    // The window under `pixel` (plot widget coordinates), within a few pixels of its point.
    std::optional<std::size_t> windowAt(const QPointF &pixel) const;
    // What the hover tooltip says about window `index`.
    QString describeWindow(std::size_t index) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void redraw();
    void onMouseMove(QMouseEvent *event);
    compute::PublishedQuantity quantity() const;

    AnalysisEra m_era;
    std::vector<compute::RollingWindow> m_windows;
    QDoubleSpinBox *m_years;
    QCheckBox *m_expanding;
    QComboBox *m_quantity;
    QCustomPlot *m_plot;
    QLabel *m_summary;
    bool m_stale = false; // an era came while the tab was hidden
};

} // namespace app
