// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <vector>

namespace compute {

// What-if: sets the utilization of every hardware estimate to `utilization`. The FLOP
// of those estimates follow from their inputs as always. Returns how many estimates
// changed.
std::size_t setHardwareUtilization(std::vector<TrainingRun> &runs, double utilization);

// How many hardware estimates the runs carry.
std::size_t countHardwareEstimates(const std::vector<TrainingRun> &runs);

} // namespace compute
