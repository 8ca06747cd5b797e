// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/number_format.h"

#include <QLocale>

#include <cmath>

namespace app {

QString significant(double value, int digits)
{
    return QLocale::c().toString(value, 'g', digits);
}

QString fixed(double value, int decimals)
{
    return QLocale::c().toString(value, 'f', decimals);
}

QString scientific(double value, int decimals)
{
    // Qt writes at least two exponent digits ("1.86e+03").
    return QLocale::c()
        .toString(value, 'e', decimals)
        .replace(QStringLiteral("e+0"), QStringLiteral("e+"))
        .replace(QStringLiteral("e-0"), QStringLiteral("e-"));
}

QString compact(double value)
{
    if (value != 0 && (std::fabs(value) >= 1e5 || std::fabs(value) < 1e-3))
        return scientific(value, 2);
    return significant(value, 4);
}

} // namespace app
