// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/quantity.h"
#include "core/stats/era_membership.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace compute {

// The x (years since 1970) and log10 FLOP of every run, and whether the current
// filter accepts it, kept next to the dataset so that refitting after a one-run edit
// is a pass over doubles (no log10, no string work) and an edit updates one entry.
//
// Eras with a rule (core/model/era_rule.h) also need which runs the rule holds. The
// rule population (core/stats/era_membership.h: Z-scores, running top N, records) is
// computed when such an era first asks and kept until a date, a compute or the filter
// changes; each rule's members are kept until a run changes. A dragged era boundary or a
// new rule therefore costs a pass over the runs, not a new population. A rule reads the
// runs (tags, domains, ...) of the dataset the cache was last built or updated from,
// which must still be alive, at the same address, when a fit asks. Const methods fill
// these caches: a FitCache is for one thread.
//
// The cache holds the coordinates of one pair of axes (compute against date unless
// set otherwise): x is years since 1970 or the log10 of the x quantity, y the log10 of
// the y quantity. Eras still take runs by their date, and rules still judge a run's
// compute against the other runs', whatever the axes.
class FitCache {
public:
    const Axes &axes() const { return m_axes; }
    // With the axes of the last rebuild.
    void rebuild(const Dataset &dataset, const RunFilter &filter);
    void rebuild(const Dataset &dataset, const RunFilter &filter, const Axes &axes)
    {
        m_axes = axes;
        rebuild(dataset, filter);
    }
    // Keep in step with the dataset after one run changed, was inserted or was removed.
    void updateRun(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void insertRun(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void removeRun(std::size_t index);

    std::size_t size() const { return m_x.size(); }
    bool isFittable(std::size_t i) const { return m_flags[i] & kFittable; }
    bool isPlottable(std::size_t i) const { return m_flags[i] & kPlottable; }
    bool isAccepted(std::size_t i) const { return m_flags[i] & kAccepted; }
    // The coordinates on the axes (see the class comment) and the y value itself.
    double x(std::size_t i) const { return m_x[i]; }
    double log10Flop(std::size_t i) const { return m_y[i]; }
    double flop(std::size_t i) const { return m_flop[i]; }
    // Years since 1970 of a plottable run, whatever the axes.
    double date(std::size_t i) const { return m_axes.dated() ? m_x[i] : m_date[i]; }
    bool isUpperBound(std::size_t i) const
    {
        return (m_flags[i] & (kPlottable | kFittable)) == kPlottable;
    }
    // The primary estimate's method (Reported when there is none).
    EstimateMethod method(std::size_t i) const { return static_cast<EstimateMethod>(m_method[i]); }
    // Domains interned to small numbers, so drawing code groups runs without strings.
    std::uint16_t domainIndex(std::size_t i) const { return m_domain[i]; }
    // Asks the CPU to fetch run i's values ahead of use: walks in date order read the
    // arrays in scattered order, and their cache misses are what such walks cost.
    void prefetch(std::size_t i) const
    {
#if defined(__GNUC__)
        if (i >= m_x.size()) return;
        __builtin_prefetch(&m_x[i]);
        __builtin_prefetch(&m_y[i]);
        __builtin_prefetch(&m_flop[i]);
        __builtin_prefetch(&m_flags[i]);
        __builtin_prefetch(&m_domain[i]);
        __builtin_prefetch(&m_method[i]);
#else
        (void)i;
#endif
    }
    const std::string &domainName(std::uint16_t index) const
    {
        return m_domainNames[index];
    }
    // Indices of the plottable runs in ascending x (date), kept up to date in O(n)
    // per edit so a chart can be drawn without sorting.
    const std::vector<std::uint32_t> &dateOrder() const
    {
        return m_order;
    }

    // The same runs selectFitPoints() picks, from the cached values.
    FitPoints points(const Era &era) const;
    TrendFit fit(const Era &era) const;
    // Smallest and largest x of the runs fit(era) uses; nullopt when there are none.
    std::optional<std::pair<double, double>> xRange(const Era &era) const;
    // fit(era) and xRange(era) in one pass over the runs.
    struct RangedFit {
        TrendFit fit;
        std::optional<std::pair<double, double>> xRange;
    };
    RangedFit rangedFit(const Era &era) const;
    // rangedFit() of several eras in one pass (what a chart with ticked eras needs).
    std::vector<RangedFit> rangedFits(std::span<const Era> eras) const;
    // For each run: whether it enters fit(era) (the chart marks the runs of a fit, the
    // table filters by era). A run may be in several eras.
    std::vector<bool> members(const Era &era) const;
    // Each run's Z-score against the rule population (core/stats/z_scores.h); NaN for a
    // run outside it (undated, no compute, an upper bound or not accepted by the filter).
    std::vector<double> zScores(double windowYears = kDefaultZWindowYears) const;

    std::size_t plottedCount() const;     // plottable and accepted
    std::size_t unplottableCount() const; // no date or no compute (any filter)

private:
    // kInPopulation: dated, with compute, not an upper bound (what rules compare runs in).
    enum : std::uint8_t { kPlottable = 1, kFittable = 2, kAccepted = 4, kInPopulation = 8 };
    void assign(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void eraseFromOrder(std::size_t index);
    void insertIntoOrder(std::size_t index);
    void sortOrder();
    // Calls f(i, x, y) for each run fit(era) uses, in dataset order.
    template <typename F> void forEachFitPoint(const Era &era, F &&f) const;
    // The fittable, accepted runs in date order and what rules ask of them.
    struct Population {
        std::vector<std::uint32_t> index; // cache index of each point
        RulePopulation rules;
    };
    Population &population() const;
    // By cache index, whether `rule` holds the run (dates aside); null for the rule that
    // holds every run. Valid until the next edit or the next call that trims the list.
    const std::uint8_t *membership(const EraRule &rule) const;
    void trimMemberships() const;
    void invalidateRules(bool population) const;
    double populationX(std::size_t i) const
    {
        return m_axes == Axes{} ? m_x[i] : m_date[i];
    }
    double populationY(std::size_t i) const
    {
        return m_axes == Axes{} ? m_y[i] : m_logFlop[i];
    }

    Axes m_axes;
    std::vector<double> m_x;
    std::vector<double> m_y;
    // Only when the axes are not compute against date: each run's date (years) and
    // log10 compute, for eras and rules.
    std::vector<double> m_date;
    std::vector<double> m_logFlop;
    std::vector<double> m_flop;
    std::vector<std::uint8_t> m_method;
    std::vector<std::uint16_t> m_domain;
    std::vector<std::string> m_domainNames;
    std::unordered_map<std::string, std::uint16_t> m_domainIndex;
    std::vector<std::uint32_t> m_order;
    std::vector<std::uint8_t> m_flags;
    const Dataset *m_dataset = nullptr; // the last rebuild() or update's, for rules
    mutable std::optional<Population> m_population;
    struct Membership {
        EraRule rule;
        std::vector<std::uint8_t> in;
    };
    mutable std::deque<Membership> m_memberships; // a deque: pointers into it stay valid
};

} // namespace compute
