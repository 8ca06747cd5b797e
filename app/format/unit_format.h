// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/quantity.h"

#include "core/model/units.h"

#include <QString>

namespace app {

// The names of the compute units as the app writes them.

// "FLOP" or "pfs-days".
QString unitName(compute::ComputeUnit unit);
// The chart's axis: "Training compute (FLOP)" or "Training compute (petaflop/s-days)".
QString computeAxisLabel(compute::ComputeUnit unit);
// An axis title for any quantity: "Publication date", computeAxisLabel() for compute,
// else its title and unit, "Training dataset size (datapoints)".
QString quantityAxisLabel(compute::Quantity quantity, compute::ComputeUnit unit);
// A table's column: "Compute (FLOP)" or "Compute (pfs-days)".
QString computeColumnTitle(compute::ComputeUnit unit);

} // namespace app
