// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <cstdint>
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
class FitCache {
public:
    void rebuild(const Dataset &dataset, const RunFilter &filter);
    // Keep in step with the dataset after one run changed, was inserted or was removed.
    void updateRun(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void insertRun(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void removeRun(std::size_t index);

    std::size_t size() const { return m_x.size(); }
    bool isFittable(std::size_t i) const { return m_flags[i] & kFittable; }
    bool isPlottable(std::size_t i) const { return m_flags[i] & kPlottable; }
    bool isAccepted(std::size_t i) const { return m_flags[i] & kAccepted; }
    double x(std::size_t i) const { return m_x[i]; }
    double log10Flop(std::size_t i) const { return m_y[i]; }
    double flop(std::size_t i) const { return m_flop[i]; }
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

    std::size_t plottedCount() const;     // plottable and accepted
    std::size_t unplottableCount() const; // no date or no compute (any filter)

private:
    enum : std::uint8_t { kPlottable = 1, kFittable = 2, kAccepted = 4 };
    void assign(const Dataset &dataset, const RunFilter &filter, std::size_t index);
    void eraseFromOrder(std::size_t index);
    void insertIntoOrder(std::size_t index);
    void sortOrder();
    // Calls f(x, y) for each run fit(era) uses, in dataset order.
    template <typename F> void forEachFitPoint(const Era &era, F &&f) const;

    std::vector<double> m_x;
    std::vector<double> m_y;
    std::vector<double> m_flop;
    std::vector<std::uint8_t> m_method;
    std::vector<std::uint16_t> m_domain;
    std::vector<std::string> m_domainNames;
    std::unordered_map<std::string, std::uint16_t> m_domainIndex;
    std::vector<std::uint32_t> m_order;
    std::vector<std::uint8_t> m_flags;
};

} // namespace compute
