// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace app {

// Keys are log10 of a quantity (the x of a log-log chart, core's Axes::point): ticks on
// whole powers of ten, labelled "10⁹", every second or fifth one when there are many.
class PowerTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override;
};

// "10⁹", "10⁻³": a power of ten with a superscript exponent.
QString powerOfTenLabel(int exponent);

} // namespace app
