// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace app {

// The window's QCustomPlot. It draws each frame into one opaque image (QCustomPlot's
// own buffer is a transparent pixmap blended over a background fill), so a frame
// reaches the screen as a plain copy and the point cloud can blend its markers
// straight into it. Exports use a plain QCustomPlot.
class ChartPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit ChartPlot(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace app
