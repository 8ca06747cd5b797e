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

QString computeColumnTitle(compute::ComputeUnit unit)
{
    return QObject::tr("Compute (%1)").arg(unitName(unit));
}

} // namespace app
