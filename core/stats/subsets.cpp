// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/subsets.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <queue>

namespace compute {
namespace {

// Indices of the points ordered by x (stable), for passes date by date.
std::vector<std::size_t> byDate(std::span<const double> x, std::size_t n)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    return order;
}

// Calls visit(begin, end) for each run of equal x in `order`.
template <typename Visit>
void forEachDate(std::span<const double> x, const std::vector<std::size_t> &order, Visit visit)
{
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && x[order[end]] == x[order[begin]])
            ++end;
        visit(begin, end);
        begin = end;
    }
}

SubsetFit fitOf(SubsetKind kind, std::string label, const FitPoints &pool,
                const std::vector<std::size_t> &members)
{
    SubsetFit subset;
    subset.kind = kind;
    subset.label = std::move(label);
    std::vector<double> x, y;
    x.reserve(members.size());
    y.reserve(members.size());
    for (std::size_t p : members) {
        x.push_back(pool.x[p]);
        y.push_back(pool.y[p]);
        subset.runIndices.push_back(pool.runIndex[p]);
    }
    subset.fit = fitTrend(x, y);
    return subset;
}

} // namespace

std::vector<bool> frontierAtPublication(std::span<const double> x, std::span<const double> y,
                                        std::size_t topN)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<bool> in(n, false);
    if (topN == 0) return in;
    const std::vector<std::size_t> order = byDate(x, n);
    // The topN largest computes dated on or before the current date; its smallest is
    // the topN-th largest, and a run is in when that is not more than its own compute.
    std::priority_queue<double, std::vector<double>, std::greater<>> top;
    forEachDate(x, order, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            const double v = y[order[k]];
            if (top.size() < topN)
                top.push(v);
            else if (v > top.top()) {
                top.pop();
                top.push(v);
            }
        }
        for (std::size_t k = begin; k < end; ++k)
            in[order[k]] = top.size() < topN || top.top() <= y[order[k]];
    });
    return in;
}

std::vector<bool> recordSetters(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<bool> in(n, false);
    const std::vector<std::size_t> order = byDate(x, n);
    double record = -INFINITY;
    forEachDate(x, order, [&](std::size_t begin, std::size_t end) {
        double best = record;
        for (std::size_t k = begin; k < end; ++k) {
            in[order[k]] = y[order[k]] > record;
            best = std::max(best, y[order[k]]);
        }
        record = best;
    });
    return in;
}

std::vector<SubsetFit> subsetSensitivity(const Dataset &dataset, const Era &era,
                                         const RunFilter &filter, const SubsetOptions &options)
{
    // Every fittable, accepted run of any date: the field a run competes with.
    const FitPoints pool = selectFitPoints(dataset, Era{}, filter);
    const std::vector<bool> top = frontierAtPublication(pool.x, pool.y, options.topN);
    const std::vector<bool> records = recordSetters(pool.x, pool.y);

    std::vector<std::size_t> inEra; // pool positions dated inside the era
    for (std::size_t p = 0; p < pool.runIndex.size(); ++p)
        if (era.contains(*dataset.runs[pool.runIndex[p]].date)) inEra.push_back(p);
    auto runOf = [&](std::size_t p) -> const TrainingRun & {
        return dataset.runs[pool.runIndex[p]];
    };
    auto where = [&](auto predicate) {
        std::vector<std::size_t> members;
        for (std::size_t p : inEra)
            if (predicate(p)) members.push_back(p);
        return members;
    };

    std::vector<SubsetFit> subsets;
    subsets.push_back(fitOf(SubsetKind::All, "All runs", pool, inEra));
    std::map<std::string, std::vector<std::size_t>> domains; // sorted by name
    for (std::size_t p : inEra)
        domains[runOf(p).domain].push_back(p);
    for (const auto &[domain, members] : domains) {
        subsets.push_back(fitOf(SubsetKind::Domain,
                                "Domain: " + (domain.empty() ? std::string("(none)") : domain),
                                pool, members));
        subsets.back().domain = domain;
    }
    subsets.push_back(fitOf(SubsetKind::TopAtPublication,
                            "Top " + std::to_string(options.topN) + " at publication date", pool,
                            where([&](std::size_t p) { return top[p]; })));
    subsets.push_back(fitOf(SubsetKind::RecordSetters, "Record-setters", pool,
                            where([&](std::size_t p) { return records[p]; })));
    subsets.push_back(fitOf(
        SubsetKind::ExcludingSpeculative, "Excluding speculative estimates", pool,
        where([&](std::size_t p) { return runOf(p).confidence != Confidence::Speculative; })));
    const std::vector<std::size_t> tagged =
        where([&](std::size_t p) { return runOf(p).hasTag(kTagFrontier); });
    if (!tagged.empty())
        subsets.push_back(fitOf(SubsetKind::TaggedFrontier, "Tagged frontier", pool, tagged));
    return subsets;
}

} // namespace compute
