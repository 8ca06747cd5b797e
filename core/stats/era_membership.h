// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which runs an era holds: those of its dates that its rule (core/model/era_rule.h)
// holds. The conditions that compare a run with other runs (running top N, record-setters,
// Z-scores) compare it with the population: every fittable run (dated, with compute, not
// an upper bound) that the current filter accepts, whatever its date. A filter therefore
// changes who is large-scale; an era's dates do not.

#include "core/model/dataset.h"
#include "core/stats/run_selection.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace compute {

// The population's points with what the rules ask of them, each computed on first use
// and kept (per W, per N).
class RulePopulation {
public:
    RulePopulation() = default;
    // x (years since 1970) and y (log10 FLOP) of every point, in any order.
    RulePopulation(std::vector<double> x, std::vector<double> y);

    std::size_t size() const { return m_x.size(); }
    const std::vector<double> &x() const { return m_x; }
    const std::vector<double> &y() const { return m_y; }
    const std::vector<double> &zScores(double windowYears);   // core/stats/z_scores.h
    const std::vector<bool> &topAtPublication(std::size_t n); // frontierAtPublication()
    const std::vector<bool> &recordSetters();
    // For each point: whether it meets the conditions of `rule` that compare it with the
    // population (1) or not (0); every point for a rule without such conditions.
    std::vector<std::uint8_t> acceptedBy(const EraRule &rule);

private:
    std::vector<double> m_x, m_y;
    std::vector<std::pair<double, std::vector<double>>> m_zScores;
    std::vector<std::pair<std::size_t, std::vector<bool>>> m_top;
    std::optional<std::vector<bool>> m_records;
};

// Selects the runs of eras of one dataset under one filter. The population is built
// once, when an era with such a rule first asks, and shared by the eras after it.
class EraSelector {
public:
    // Both must outlive the selector. Points are given on `axes`; the rules judge runs
    // by their compute and date whatever the axes.
    EraSelector(const Dataset &dataset, const RunFilter &filter, const Axes &axes = {});

    // The runs that enter the fit of `era`: accepted by the filter, fittable, dated
    // inside the era and held by its rule; in dataset order.
    FitPoints points(const Era &era);
    // For each run of the dataset: whether it is one of points(era).
    std::vector<bool> members(const Era &era);

private:
    const Dataset &m_dataset;
    const RunFilter &m_filter;
    Axes m_axes;
    // The population, in dataset order: the runs' indices, and their x and y (on date
    // and compute) held by m_population alone, not copied.
    std::optional<std::vector<std::size_t>> m_pool;
    RulePopulation m_population;
};

} // namespace compute
