// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/unit_format.h"

#include <QObject>

namespace app {

QString unitName(compute::ComputeUnit unit)
{
    return unit == compute::ComputeUnit::Flop ? QStringLiteral("FLOP") : QStringLiteral("pfs-days");
}

QString computeAxisLabel(compute::ComputeUnit unit)
{
    return unit == compute::ComputeUnit::Flop
               ? QStringLiteral("Training compute (FLOP)")
               : QStringLiteral("Training compute (petaflop/s-days)");
}

QString quantityAxisLabel(compute::Quantity quantity, compute::ComputeUnit unit)
{
    if (quantity == compute::Quantity::Compute) return computeAxisLabel(unit);
    const QString title = QString::fromStdString(std::string(compute::quantityTitle(quantity)));
    const QString words = QString::fromStdString(std::string(compute::quantityUnit(quantity)));
    if (words.isEmpty() || quantity == compute::Quantity::Parameters) return title;
    return QStringLiteral("%1 (%2)").arg(title, words);
}

QString computeColumnTitle(compute::ComputeUnit unit)
{
    return QObject::tr("Compute (%1)").arg(unitName(unit));
}

} // namespace app
