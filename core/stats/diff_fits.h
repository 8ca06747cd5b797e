// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fits of two vintages of a dataset side by side, and how much each change between
// them moved the newer fit (core/model/dataset_diff.h finds the changes).

#include "core/model/dataset_diff.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <span>
#include <vector>

namespace compute {

// One change of a DatasetDiff: an added run, a removed run or a changed match.
struct DiffChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Added;
    // Into diff.added, diff.removed or diff.matches.
    std::size_t index = 0;
};

// The significant changes of a diff: every added, every removed, every changed match (a
// match whose only changes are fields no fit reads moves nothing), in that order.
std::vector<DiffChange> significantChanges(const DatasetDiff &diff);

// What one change did to an era's fit of the new dataset.
struct ChangeEffect {
    DiffChange change;
    // The new dataset's fit with this one change reverted (the added run left out, the
    // removed run put back, the changed run as it was), all other changes kept.
    TrendFit without;
};

struct EraDiffFit {
    Era era;
    TrendFit before; // of the old dataset (as --fit prints it)
    TrendFit after;  // of the new dataset
    // The changes whose reverting changes the new fit (its runs or its line), the largest
    // change of slope first; changes that leave it as it is are not listed.
    std::vector<ChangeEffect> movedBy;
};

// For each era: its fit in `before` and in `after`, and the changes of `diff` (a diff of
// those two datasets) that moved the fit of `after`. Each change is reverted in place in
// one working copy of `after`, refitted through a FitCache and restored.
std::vector<EraDiffFit> diffFits(const Dataset &before, const Dataset &after,
                                 const DatasetDiff &diff, std::span<const Era> eras,
                                 const RunFilter &filter = {});

} // namespace compute
