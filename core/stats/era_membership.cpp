// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/era_membership.h"

#include "core/stats/subsets.h"
#include "core/stats/z_scores.h"

namespace compute {

RulePopulation::RulePopulation(std::vector<double> x, std::vector<double> y)
    : m_x(std::move(x)), m_y(std::move(y))
{
}

const std::vector<double> &RulePopulation::zScores(double windowYears)
{
    for (const auto &[w, z] : m_zScores)
        if (w == windowYears) return z;
    m_zScores.emplace_back(windowYears, localZScores(m_x, m_y, windowYears));
    return m_zScores.back().second;
}

const std::vector<bool> &RulePopulation::topAtPublication(std::size_t n)
{
    for (const auto &[count, in] : m_top)
        if (count == n) return in;
    m_top.emplace_back(n, frontierAtPublication(m_x, m_y, n));
    return m_top.back().second;
}

const std::vector<bool> &RulePopulation::recordSetters()
{
    if (!m_records) m_records = compute::recordSetters(m_x, m_y);
    return *m_records;
}

std::vector<std::uint8_t> RulePopulation::acceptedBy(const EraRule &rule)
{
    std::vector<std::uint8_t> in(size(), 1);
    // One condition at a time over every point (each a vector made once and kept).
    if (rule.topN) {
        const std::vector<bool> &top = topAtPublication(*rule.topN);
        for (std::size_t p = 0; p < in.size(); ++p)
            if (!top[p]) in[p] = 0;
    }
    if (rule.recordSetters) {
        const std::vector<bool> &records = recordSetters();
        for (std::size_t p = 0; p < in.size(); ++p)
            if (!records[p]) in[p] = 0;
    }
    if (rule.usesZScores()) {
        const std::vector<double> &z = zScores(rule.zWindowYears);
        for (std::size_t p = 0; p < in.size(); ++p)
            if ((rule.zBand && !rule.zBand->contains(z[p])) ||
                (rule.excludeLowOutliers && z[p] < kLowOutlierZ))
                in[p] = 0;
    }
    return in;
}

EraSelector::EraSelector(const Dataset &dataset, const RunFilter &filter, const Axes &axes)
    : m_dataset(dataset), m_filter(filter), m_axes(axes)
{
}

FitPoints EraSelector::points(const Era &era)
{
    if (era.rule.isAllRuns()) return selectFitPoints(m_dataset, era, m_filter, m_axes);
    if (!m_pool) {
        FitPoints pool = selectFitPoints(m_dataset, Era{}, m_filter);
        m_pool = std::move(pool.runIndex);
        m_population = RulePopulation(std::move(pool.x), std::move(pool.y));
    }
    const std::vector<std::size_t> &pool = *m_pool;
    const std::vector<double> &x = m_population.x(), &y = m_population.y();
    const std::vector<std::uint8_t> accepted = m_population.acceptedBy(era.rule);
    auto in = [&](std::size_t p) {
        const TrainingRun &run = m_dataset.runs[pool[p]];
        return accepted[p] && era.contains(*run.date) && era.rule.matchesRun(run);
    };
    std::size_t count = 0; // counted first (FitPoints::reserve)
    for (std::size_t p = 0; p < pool.size(); ++p)
        count += in(p) ? 1 : 0;
    FitPoints points;
    points.reserve(count);
    for (std::size_t p = 0; p < pool.size(); ++p) {
        if (!in(p)) continue;
        if (m_axes == Axes{}) {
            points.x.push_back(x[p]);
            points.y.push_back(y[p]);
        } else {
            const auto point = m_axes.point(m_dataset.runs[pool[p]]);
            if (!point) continue;
            points.x.push_back(point->first);
            points.y.push_back(point->second);
        }
        points.runIndex.push_back(pool[p]);
    }
    return points;
}

std::vector<bool> EraSelector::members(const Era &era)
{
    std::vector<bool> in(m_dataset.runs.size(), false);
    for (std::size_t i : points(era).runIndex)
        in[i] = true;
    return in;
}

} // namespace compute
