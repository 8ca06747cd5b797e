// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/compute_estimate.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace app {

struct LabelledEstimate {
    QString label; // "Hardware time"
    compute::ComputeEstimate estimate;
};

// The run form's consistency check of several estimates, as text. Every estimate given
// must be valid; core's compareEstimates does the arithmetic.
struct EstimateComparison {
    // One line per estimate, in the order given: "Primary estimate." or
    // "0.86× the primary (Reported); implied utilization 0.28".
    QStringList lines;
    // Per estimate: it differs from the primary by more than 3x.
    std::vector<bool> disagreesWithPrimary;
    // "Hardware time: 4.955e+17 FLOP = 0.005735 pfs-days (primary)", one line each.
    QString summary;
    // Every pair that differs by more than 3x, named; empty when all agree.
    QString warning;
};

EstimateComparison compareWithPrimary(const std::vector<LabelledEstimate> &estimates,
                                      std::size_t primary);

} // namespace app
