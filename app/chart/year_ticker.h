// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace app {

// Keys are decimal years (1970 + days since 1970-01-01 / 365.25, the x of core's fits
// shifted by 1970). Ticks fall on calendar year or month starts: decades when zoomed
// out, years, then quarters and months when zoomed in; labels say "2012" or
// "Mar 2017". Works the same before 1970.
class YearTicker : public QCPAxisTicker {
public:
    // Decimal-year key of a calendar date, the same mapping the chart uses for runs.
    static double keyOf(int year, int month = 1, int day = 1);

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override;
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override;

private:
    int m_monthStep = 12; // months between ticks for the current range
};

} // namespace app
