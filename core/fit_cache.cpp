#include "core/fit_cache.h"

#include <cmath>

namespace compute {

void FitCache::assign(const Dataset &dataset, const RunFilter &filter, std::size_t i)
{
    const TrainingRun &run = dataset.runs[i];
    const std::optional<double> flop = run.flop();
    std::uint8_t flags = 0;
    if (run.date && flop) {
        flags |= kPlottable;
        if (!run.upperBound) flags |= kFittable;
        m_x[i] = run.date->yearsSinceEpoch();
        m_y[i] = std::log10(*flop);
    } else {
        m_x[i] = 0;
        m_y[i] = 0;
    }
    if (filter.accepts(dataset, run)) flags |= kAccepted;
    m_flags[i] = flags;
}

void FitCache::rebuild(const Dataset &dataset, const RunFilter &filter)
{
    const std::size_t n = dataset.runs.size();
    m_x.assign(n, 0);
    m_y.assign(n, 0);
    m_flags.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) assign(dataset, filter, i);
}

void FitCache::updateRun(const Dataset &dataset, const RunFilter &filter, std::size_t index)
{
    assign(dataset, filter, index);
}

void FitCache::insertRun(const Dataset &dataset, const RunFilter &filter, std::size_t index)
{
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_x.insert(m_x.begin() + at, 0);
    m_y.insert(m_y.begin() + at, 0);
    m_flags.insert(m_flags.begin() + at, 0);
    assign(dataset, filter, index);
}

void FitCache::removeRun(std::size_t index)
{
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_x.erase(m_x.begin() + at);
    m_y.erase(m_y.begin() + at);
    m_flags.erase(m_flags.begin() + at);
}

FitPoints FitCache::points(const Era &era) const
{
    // Era bounds as x values: from <= date < to in days is from <= x < to in x, since
    // x is days / 365.25 (monotonic).
    const double lo = era.from ? era.from->yearsSinceEpoch() : -INFINITY;
    const double hi = era.to ? era.to->yearsSinceEpoch() : INFINITY;
    FitPoints p;
    constexpr std::uint8_t kWanted = kFittable | kAccepted;
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        if ((m_flags[i] & kWanted) != kWanted || m_x[i] < lo || m_x[i] >= hi) continue;
        p.x.push_back(m_x[i]);
        p.y.push_back(m_y[i]);
        p.runIndex.push_back(i);
    }
    return p;
}

TrendFit FitCache::fit(const Era &era) const
{
    const double lo = era.from ? era.from->yearsSinceEpoch() : -INFINITY;
    const double hi = era.to ? era.to->yearsSinceEpoch() : INFINITY;
    constexpr std::uint8_t kWanted = kFittable | kAccepted;
    // Running sums about a fixed origin; no allocation on the hot path.
    FitAccumulator sums;
    for (std::size_t i = 0; i < m_x.size(); ++i)
        if ((m_flags[i] & kWanted) == kWanted && m_x[i] >= lo && m_x[i] < hi)
            sums.add(m_x[i], m_y[i]);
    return sums.fit();
}

std::size_t FitCache::plottedCount() const
{
    std::size_t n = 0;
    for (std::uint8_t f : m_flags) n += (f & (kPlottable | kAccepted)) == (kPlottable | kAccepted);
    return n;
}

std::size_t FitCache::unplottableCount() const
{
    std::size_t n = 0;
    for (std::uint8_t f : m_flags) n += !(f & kPlottable);
    return n;
}

} // namespace compute
