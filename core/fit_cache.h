#pragma once

#include "core/run_selection.h"
#include "core/trend_fit.h"

#include <cstdint>
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

    // The same runs selectFitPoints() picks, from the cached values.
    FitPoints points(const Era &era) const;
    TrendFit fit(const Era &era) const;

    std::size_t plottedCount() const;   // plottable and accepted
    std::size_t unplottableCount() const; // no date or no compute (any filter)

private:
    enum : std::uint8_t { kPlottable = 1, kFittable = 2, kAccepted = 4 };
    void assign(const Dataset &dataset, const RunFilter &filter, std::size_t index);

    std::vector<double> m_x;
    std::vector<double> m_y;
    std::vector<std::uint8_t> m_flags;
};

} // namespace compute
