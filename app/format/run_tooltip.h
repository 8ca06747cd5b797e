// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <QString>

namespace app {

// Rich text for a run: name, organization, date, compute in FLOP and pfs-days, the
// primary method with its inputs, and the first source as a link.
QString runTooltip(const compute::TrainingRun &run);

// "operations: 1.5e+09 FLOP/example × 3 × 1.2e+06 examples × 90 epochs" and the like.
QString describeInputs(const compute::ComputeEstimate &estimate);

} // namespace app
