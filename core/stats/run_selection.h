// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/quantity.h"
#include "core/model/run_category.h"
#include "core/stats/trend_fit.h"

#include <optional>
#include <string>
#include <vector>

namespace compute {

// What the user narrowed the view to. A default filter shows every run except those
// hidden by the dataset (metadata.hiddenTags).
struct RunFilter {
    std::optional<Date> from; // [from, to)
    std::optional<Date> to;
    std::vector<std::string> domains; // empty: every domain
    // The values kept of the other categories (RunCategory), one entry per category
    // that narrows: a run is kept when one of its values is among them ("" keeps the
    // runs without any). Read and written through values() and setValues().
    struct Choice {
        RunCategory category = RunCategory::Domain;
        std::vector<std::string> values;
        bool operator==(const Choice &) const = default;
    };
    std::vector<Choice> categories;
    std::string searchText; // case-insensitive, in name and organization
    bool includeHidden = false;

    // The values kept of a category (domains for RunCategory::Domain); empty: all.
    const std::vector<std::string> &values(RunCategory category) const;
    void setValues(RunCategory category, std::vector<std::string> values);

    // True when the filter removes runs beyond the dataset's default hiding.
    bool narrows() const;
    bool accepts(const Dataset &dataset, const TrainingRun &run) const;
};

// The points of one fit, parallel arrays; runIndex points into dataset.runs.
struct FitPoints {
    std::vector<double> x; // years since 1970 (or log10 of the x quantity: Axes::point)
    std::vector<double> y; // log10 FLOP (or of the y quantity)
    std::vector<std::size_t> runIndex;

    // Room for n points in each vector: selections count their points first, so that a
    // million-run fit allocates each once at its size.
    void reserve(std::size_t n)
    {
        x.reserve(n);
        y.reserve(n);
        runIndex.reserve(n);
    }
};

// Runs that enter the fit of `era`: accepted by the filter, fittable (dated, finite
// positive compute, not an upper bound), dated inside the era and held by its rule
// (core/stats/era_membership.h; EraSelector shares the work between eras).
// On other axes, a run needs both of their values instead of a compute (an upper-bound
// compute still keeps it out where compute is an axis); a rule still judges the run by
// its compute, so a run without one is in no era that has a rule.
FitPoints selectFitPoints(const Dataset &dataset, const Era &era, const RunFilter &filter,
                          const Axes &axes = {});

TrendFit fitEra(const Dataset &dataset, const Era &era, const RunFilter &filter = {},
                const Axes &axes = {});

struct EraFit {
    Era era;
    TrendFit fit;
};

// The fits of every era of the scheme (one EraSelector for all).
std::vector<EraFit> fitScheme(const Dataset &dataset, const EraScheme &scheme,
                              const RunFilter &filter = {}, const Axes &axes = {});

} // namespace compute
