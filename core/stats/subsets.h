// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Subset sensitivity: does an era's doubling time hold up when the runs are chosen
// differently? The era's fit is repeated on: all runs, each domain, the top N by
// compute at their publication date, the record-setters, the runs whose estimate is not
// speculative, and the runs tagged "frontier" (when any is).

#include "core/model/dataset.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace compute {

enum class SubsetKind {
    All,
    Domain,               // one per domain present in the era (an empty domain too)
    TopAtPublication,     // see frontierAtPublication()
    RecordSetters,        // see recordSetters()
    ExcludingSpeculative, // Confidence::Speculative left out; Unknown, Likely, Confident kept
    TaggedFrontier,       // runs tagged kTagFrontier; listed only when the era has any
};

struct SubsetOptions {
    std::size_t topN = 10; // Epoch AI's "running top 10" (2024)
};

struct SubsetFit {
    SubsetKind kind = SubsetKind::All;
    std::string label;  // "All runs", "Domain: Vision", "Top 10 at publication date", ...
    std::string domain; // the domain of a Domain subset (may be empty), else empty
    // Fit of the subset's runs. With fewer than 3 runs its status is NotEnoughData and
    // statusMessage() reads "not enough data: 1 run, a fit needs at least 3".
    TrendFit fit;
    std::vector<std::size_t> runIndices; // into dataset.runs, in dataset order
    bool enoughData() const { return fit.n >= 3; }
};

// The subsets of the runs `era` fits (selectFitPoints: filter-accepted, fittable, dated
// inside the era), in the order of SubsetKind, domains by name. Who is "top N" or a
// "record-setter" is judged against every fittable run the filter accepts, whatever its
// era: a 2013 run is not a record if a 2011 run had more compute.
std::vector<SubsetFit> subsetSensitivity(const Dataset &dataset, const Era &era,
                                         const RunFilter &filter = {},
                                         const SubsetOptions &options = {});

// For each point (x: years since 1970, y: log10 FLOP; any order): in the top N by
// compute at its publication date, i.e. fewer than `topN` points dated on or before it
// have strictly more compute. Ties in compute do not push a run out. O(n log n).
std::vector<bool> frontierAtPublication(std::span<const double> x, std::span<const double> y,
                                        std::size_t topN);

// For each point: a record-setter, i.e. strictly more compute than every point dated
// strictly earlier (the earliest points are records; runs on one date do not compete).
std::vector<bool> recordSetters(std::span<const double> x, std::span<const double> y);

} // namespace compute
