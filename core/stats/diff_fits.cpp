// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/diff_fits.h"

#include "core/stats/fit_cache.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace compute {

std::vector<DiffChange> significantChanges(const DatasetDiff &diff)
{
    std::vector<DiffChange> changes;
    for (std::size_t i = 0; i < diff.added.size(); ++i)
        changes.push_back({DiffChange::Kind::Added, i});
    for (std::size_t i = 0; i < diff.removed.size(); ++i)
        changes.push_back({DiffChange::Kind::Removed, i});
    for (std::size_t i = 0; i < diff.matches.size(); ++i)
        if (diff.matches[i].changed()) changes.push_back({DiffChange::Kind::Changed, i});
    return changes;
}

namespace {

bool sameFit(const TrendFit &a, const TrendFit &b)
{
    return a.status == b.status && a.n == b.n && a.slope == b.slope && a.intercept == b.intercept;
}

// How far reverting a change moved the slope, for ordering; a change that only moved the
// count (a fit that is not ok) comes after every change of slope.
double slopeShift(const TrendFit &after, const TrendFit &without)
{
    if (!after.ok() || !without.ok()) return -1;
    return std::abs(after.slope - without.slope);
}

} // namespace

std::vector<EraDiffFit> diffFits(const Dataset &before, const Dataset &after,
                                 const DatasetDiff &diff, std::span<const Era> eras,
                                 const RunFilter &filter)
{
    std::vector<EraDiffFit> result;
    result.reserve(eras.size());
    EraSelector beforeSelector(before, filter);
    EraSelector afterSelector(after, filter);
    for (const Era &era : eras) {
        const FitPoints b = beforeSelector.points(era);
        const FitPoints a = afterSelector.points(era);
        result.push_back({era, fitTrend(b.x, b.y), fitTrend(a.x, a.y), {}});
    }

    // The working copy: the new dataset, then one empty (never fitted) slot per removed
    // run, where reverting its removal puts it back.
    Dataset work = after;
    const std::size_t firstSlot = work.runs.size();
    work.runs.resize(firstSlot + diff.removed.size());
    FitCache cache;
    cache.rebuild(work, filter);
    std::vector<TrendFit> cachedAfter;
    cachedAfter.reserve(eras.size());
    for (const Era &era : eras)
        cachedAfter.push_back(cache.fit(era));

    for (const DiffChange &change : significantChanges(diff)) {
        std::size_t slot = 0;
        TrainingRun reverted;
        switch (change.kind) {
        case DiffChange::Kind::Added:
            slot = diff.added[change.index];
            break; // an empty run: not fitted
        case DiffChange::Kind::Removed:
            slot = firstSlot + change.index;
            reverted = before.runs[diff.removed[change.index]];
            break;
        case DiffChange::Kind::Changed: {
            const RunMatch &match = diff.matches[change.index];
            slot = match.newIndex;
            reverted = before.runs[match.oldIndex];
            reverted.id = after.runs[match.newIndex].id; // rules listing run ids name the new
            break;
        }
        }
        std::swap(work.runs[slot], reverted);
        cache.updateRun(work, filter, slot);
        for (std::size_t e = 0; e < eras.size(); ++e) {
            TrendFit without = cache.fit(eras[e]);
            if (!sameFit(without, cachedAfter[e]))
                result[e].movedBy.push_back({change, std::move(without)});
        }
        std::swap(work.runs[slot], reverted);
        cache.updateRun(work, filter, slot);
    }

    for (std::size_t e = 0; e < eras.size(); ++e) {
        const TrendFit &reference = cachedAfter[e];
        std::stable_sort(result[e].movedBy.begin(), result[e].movedBy.end(),
                         [&](const ChangeEffect &x, const ChangeEffect &y) {
                             return slopeShift(reference, x.without) >
                                    slopeShift(reference, y.without);
                         });
    }
    return result;
}

} // namespace compute
