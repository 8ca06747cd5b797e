// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/fit_cache.h"

#include <algorithm>
#include <cmath>

namespace compute {

void FitCache::assign(const Dataset &dataset, const RunFilter &filter, std::size_t i)
{
    const TrainingRun &run = dataset.runs[i];
    const std::optional<double> flop = run.flop();
    std::uint8_t flags = 0;
    if (run.date && flop && !run.upperBound) flags |= kInPopulation;
    if (m_axes == Axes{}) {
        if (run.date && flop) {
            flags |= kPlottable;
            if (!run.upperBound) flags |= kFittable;
            m_x[i] = run.date->yearsSinceEpoch();
            m_y[i] = std::log10(*flop);
            m_flop[i] = *flop;
        } else {
            m_x[i] = m_y[i] = m_flop[i] = 0;
        }
    } else {
        // Against another quantity a run needs no date to be drawn; eras are ranges of
        // dates, so it is fitted only with one.
        const auto point = m_axes.point(run);
        m_date[i] = run.date ? run.date->yearsSinceEpoch() : 0;
        m_logFlop[i] = flop ? std::log10(*flop) : 0;
        if (point) {
            flags |= kPlottable;
            if (run.date && !(run.upperBound && m_axes.boundsMatter())) flags |= kFittable;
            m_x[i] = point->first;
            m_y[i] = point->second;
            m_flop[i] = std::pow(10.0, point->second);
        } else {
            m_x[i] = m_y[i] = m_flop[i] = 0;
        }
    }
    if (filter.accepts(dataset, run)) flags |= kAccepted;
    m_flags[i] = flags;
    const ComputeEstimate *primary = run.primaryEstimate();
    m_method[i] = static_cast<std::uint8_t>(primary ? primary->method() : EstimateMethod::Reported);
    auto [it, inserted] = m_domainIndex.try_emplace(run.domain, 0);
    if (inserted) {
        // Beyond 65,535 distinct domains the rest share the last index (drawn alike).
        it->second = static_cast<std::uint16_t>(std::min<std::size_t>(m_domainNames.size(), 65535));
        if (m_domainNames.size() < 65536) m_domainNames.push_back(run.domain);
    }
    m_domain[i] = it->second;
}

void FitCache::rebuild(const Dataset &dataset, const RunFilter &filter)
{
    m_dataset = &dataset;
    invalidateRules(true);
    const std::size_t n = dataset.runs.size();
    m_x.assign(n, 0);
    m_y.assign(n, 0);
    m_flop.assign(n, 0);
    m_date.assign(m_axes == Axes{} ? 0 : n, 0);
    m_logFlop.assign(m_axes == Axes{} ? 0 : n, 0);
    m_flags.assign(n, 0);
    m_method.assign(n, 0);
    m_domain.assign(n, 0);
    m_domainNames.clear();
    m_domainIndex.clear();
    for (std::size_t i = 0; i < n; ++i)
        assign(dataset, filter, i);
    sortOrder();
}

void FitCache::sortOrder()
{
    m_order.clear();
    for (std::size_t i = 0; i < m_x.size(); ++i)
        if (m_flags[i] & kPlottable) m_order.push_back(static_cast<std::uint32_t>(i));
    std::stable_sort(m_order.begin(), m_order.end(),
                     [this](std::uint32_t a, std::uint32_t b) { return m_x[a] < m_x[b]; });
}

void FitCache::eraseFromOrder(std::size_t index)
{
    const auto it = std::find(m_order.begin(), m_order.end(), static_cast<std::uint32_t>(index));
    if (it != m_order.end()) m_order.erase(it);
}

void FitCache::insertIntoOrder(std::size_t index)
{
    if (!(m_flags[index] & kPlottable)) return;
    const double x = m_x[index];
    const auto it =
        std::upper_bound(m_order.begin(), m_order.end(), x,
                         [this](double value, std::uint32_t i) { return value < m_x[i]; });
    m_order.insert(it, static_cast<std::uint32_t>(index));
}

void FitCache::updateRun(const Dataset &dataset, const RunFilter &filter, std::size_t index)
{
    m_dataset = &dataset;
    const double date = populationX(index), logFlop = populationY(index);
    const std::uint8_t flags = m_flags[index];
    eraseFromOrder(index);
    assign(dataset, filter, index);
    insertIntoOrder(index);
    // A new name or tag changes what a rule holds, not the population the rules compare
    // runs with: only a date, a compute, or what the filter accepts does.
    constexpr std::uint8_t kIn = kInPopulation | kAccepted;
    const bool wasIn = (flags & kIn) == kIn;
    const bool isIn = (m_flags[index] & kIn) == kIn;
    invalidateRules(wasIn != isIn ||
                    (isIn && (date != populationX(index) || logFlop != populationY(index))));
}

void FitCache::insertRun(const Dataset &dataset, const RunFilter &filter, std::size_t index)
{
    m_dataset = &dataset;
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_x.insert(m_x.begin() + at, 0);
    m_y.insert(m_y.begin() + at, 0);
    m_flop.insert(m_flop.begin() + at, 0);
    if (m_axes != Axes{}) {
        m_date.insert(m_date.begin() + at, 0);
        m_logFlop.insert(m_logFlop.begin() + at, 0);
    }
    m_flags.insert(m_flags.begin() + at, 0);
    m_method.insert(m_method.begin() + at, 0);
    m_domain.insert(m_domain.begin() + at, 0);
    for (std::uint32_t &i : m_order)
        if (i >= index) ++i;
    assign(dataset, filter, index);
    insertIntoOrder(index);
    invalidateRules(true);
}

void FitCache::removeRun(std::size_t index)
{
    invalidateRules(true);
    eraseFromOrder(index);
    for (std::uint32_t &i : m_order)
        if (i > index) --i;
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_x.erase(m_x.begin() + at);
    m_y.erase(m_y.begin() + at);
    m_flop.erase(m_flop.begin() + at);
    if (m_axes != Axes{}) {
        m_date.erase(m_date.begin() + at);
        m_logFlop.erase(m_logFlop.begin() + at);
    }
    m_flags.erase(m_flags.begin() + at);
    m_method.erase(m_method.begin() + at);
    m_domain.erase(m_domain.begin() + at);
}

void FitCache::invalidateRules(bool population) const
{
    if (population) m_population.reset();
    m_memberships.clear();
}

FitCache::Population &FitCache::population() const
{
    if (!m_population) {
        Population p;
        std::vector<double> x, y;
        constexpr std::uint8_t kWanted = kInPopulation | kAccepted;
        if (m_axes == Axes{}) {
            for (std::uint32_t i : m_order) {
                if ((m_flags[i] & kWanted) != kWanted) continue;
                p.index.push_back(i);
                x.push_back(m_x[i]);
                y.push_back(m_y[i]);
            }
        } else { // the order is by x, not date: sorted here, as the rules need
            for (std::uint32_t i = 0; i < m_flags.size(); ++i)
                if ((m_flags[i] & kWanted) == kWanted) p.index.push_back(i);
            std::stable_sort(
                p.index.begin(), p.index.end(),
                [this](std::uint32_t a, std::uint32_t b) { return m_date[a] < m_date[b]; });
            for (std::uint32_t i : p.index) {
                x.push_back(m_date[i]);
                y.push_back(m_logFlop[i]);
            }
        }
        p.rules = RulePopulation(std::move(x), std::move(y));
        m_population = std::move(p);
    }
    return *m_population;
}

void FitCache::trimMemberships() const
{
    // Each edit of a rule in the window adds one; a long session must not keep them all.
    constexpr std::size_t kKept = 32;
    if (m_memberships.size() > kKept) m_memberships.clear();
}

const std::uint8_t *FitCache::membership(const EraRule &rule) const
{
    if (rule.isAllRuns()) return nullptr;
    for (const Membership &m : m_memberships)
        if (m.rule == rule) return m.in.data();
    Population &p = population();
    const std::vector<std::uint8_t> accepted = p.rules.acceptedBy(rule);
    const bool onTheRun = rule.hasRunConditions();
    std::vector<std::uint8_t> in(m_x.size(), 0);
    for (std::size_t k = 0; k < p.index.size(); ++k) {
        if (!accepted[k]) continue;
        const std::uint32_t i = p.index[k];
        if (onTheRun && !rule.matchesRun(m_dataset->runs[i])) continue;
        in[i] = 1;
    }
    m_memberships.push_back({rule, std::move(in)});
    return m_memberships.back().in.data();
}

template <typename F> void FitCache::forEachFitPoint(const Era &era, F &&f) const
{
    trimMemberships();
    const std::uint8_t *in = membership(era.rule);
    // Era bounds as x values: from <= date < to in days is from <= x < to in x, since
    // x is days / 365.25 (monotonic).
    const double lo = era.from ? era.from->yearsSinceEpoch() : -INFINITY;
    const double hi = era.to ? era.to->yearsSinceEpoch() : INFINITY;
    constexpr std::uint8_t kWanted = kFittable | kAccepted;
    const double *date = m_axes.dated() ? m_x.data() : m_date.data();
    for (std::size_t i = 0; i < m_x.size(); ++i)
        if ((m_flags[i] & kWanted) == kWanted && (!in || in[i]) && date[i] >= lo && date[i] < hi)
            f(i, m_x[i], m_y[i]);
}

FitPoints FitCache::points(const Era &era) const
{
    FitPoints p;
    forEachFitPoint(era, [&p](std::size_t i, double x, double y) {
        p.x.push_back(x);
        p.y.push_back(y);
        p.runIndex.push_back(i);
    });
    return p;
}

TrendFit FitCache::fit(const Era &era) const
{
    // Running sums about a fixed origin; no allocation on the hot path.
    FitAccumulator sums;
    forEachFitPoint(era, [&sums](std::size_t, double x, double y) { sums.add(x, y); });
    return sums.fit();
}

std::optional<std::pair<double, double>> FitCache::xRange(const Era &era) const
{
    double first = INFINITY, last = -INFINITY;
    forEachFitPoint(era, [&](std::size_t, double x, double) {
        first = std::min(first, x);
        last = std::max(last, x);
    });
    if (first > last) return std::nullopt;
    return std::make_pair(first, last);
}

FitCache::RangedFit FitCache::rangedFit(const Era &era) const
{
    return rangedFits(std::span<const Era>(&era, 1)).front();
}

std::vector<FitCache::RangedFit> FitCache::rangedFits(std::span<const Era> eras) const
{
    struct Pass {
        double lo, hi;
        const std::uint8_t *in; // null: every run of the dates
        FitAccumulator sums;
        double first = INFINITY, last = -INFINITY;
    };
    trimMemberships();
    std::vector<Pass> passes;
    passes.reserve(eras.size());
    for (const Era &era : eras)
        passes.push_back({era.from ? era.from->yearsSinceEpoch() : -INFINITY,
                          era.to ? era.to->yearsSinceEpoch() : INFINITY,
                          membership(era.rule),
                          {}});
    constexpr std::uint8_t kWanted = kFittable | kAccepted;
    // The same runs, in the same order, as forEachFitPoint() per era: the sums, and so
    // the fits, are identical to fit(era).
    const double *date = m_axes.dated() ? m_x.data() : m_date.data();
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        if ((m_flags[i] & kWanted) != kWanted) continue;
        const double x = m_x[i], y = m_y[i], d = date[i];
        for (Pass &p : passes) {
            if (d < p.lo || d >= p.hi || (p.in && !p.in[i])) continue;
            p.sums.add(x, y);
            p.first = std::min(p.first, x);
            p.last = std::max(p.last, x);
        }
    }
    std::vector<RangedFit> fits;
    fits.reserve(passes.size());
    for (const Pass &p : passes) {
        RangedFit result{p.sums.fit(), std::nullopt};
        if (p.first <= p.last) result.xRange = std::make_pair(p.first, p.last);
        fits.push_back(std::move(result));
    }
    return fits;
}

std::vector<bool> FitCache::members(const Era &era) const
{
    std::vector<bool> in(m_x.size(), false);
    forEachFitPoint(era, [&in](std::size_t i, double, double) { in[i] = true; });
    return in;
}

std::vector<double> FitCache::zScores(double windowYears) const
{
    std::vector<double> z(m_x.size(), NAN);
    Population &p = population();
    const std::vector<double> &scores = p.rules.zScores(windowYears);
    for (std::size_t k = 0; k < p.index.size(); ++k)
        z[p.index[k]] = scores[k];
    return z;
}

std::size_t FitCache::plottedCount() const
{
    std::size_t n = 0;
    for (std::uint8_t f : m_flags)
        n += (f & (kPlottable | kAccepted)) == (kPlottable | kAccepted);
    return n;
}

std::size_t FitCache::unplottableCount() const
{
    std::size_t n = 0;
    for (std::uint8_t f : m_flags)
        n += !(f & kPlottable);
    return n;
}

} // namespace compute
