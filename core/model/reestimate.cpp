// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/reestimate.h"

namespace compute {

std::size_t setHardwareUtilization(std::vector<TrainingRun> &runs, double utilization)
{
    std::size_t changed = 0;
    for (TrainingRun &run : runs)
        for (ComputeEstimate &estimate : run.estimates)
            if (auto *hw = std::get_if<HardwareInputs>(&estimate.inputs);
                hw && hw->utilization != utilization) {
                hw->utilization = utilization;
                ++changed;
            }
    return changed;
}

std::size_t countHardwareEstimates(const std::vector<TrainingRun> &runs)
{
    std::size_t n = 0;
    for (const TrainingRun &run : runs)
        for (const ComputeEstimate &estimate : run.estimates)
            n += std::holds_alternative<HardwareInputs>(estimate.inputs);
    return n;
}

} // namespace compute
