// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/power_ticker.h"

#include <cmath>

namespace app {

QString powerOfTenLabel(int exponent)
{
    static const QChar kDigits[] = {QChar(0x2070), QChar(0x00B9), QChar(0x00B2), QChar(0x00B3),
                                    QChar(0x2074), QChar(0x2075), QChar(0x2076), QChar(0x2077),
                                    QChar(0x2078), QChar(0x2079)};
    QString label = QStringLiteral("10");
    if (exponent < 0) label += QChar(0x207B);
    const QString digits = QString::number(std::abs(exponent));
    for (QChar c : digits)
        label += kDigits[c.digitValue()];
    return label;
}

double PowerTicker::getTickStep(const QCPRange &range)
{
    const double span = range.size();
    for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0})
        if (span / step <= 8) return step;
    return 100.0;
}

int PowerTicker::getSubTickCount(double tickStep)
{
    return tickStep == 1.0 ? 0 : static_cast<int>(tickStep) - 1;
}

QString PowerTicker::getTickLabel(double tick, const QLocale &, QChar, int)
{
    return powerOfTenLabel(static_cast<int>(std::lround(tick)));
}

} // namespace app
