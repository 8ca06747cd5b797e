// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis benchmarks: leave-one-out influence and the bootstrap over an era of 3,000
// runs (each should take well under 50 ms: the panels recompute them on edits).
#include "core/stats/bootstrap.h"
#include "core/stats/influence.h"
#include "core/stats/subsets.h"
#include "tests/support/synthetic_dataset.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

struct Era {
    std::vector<double> x, y;
};

Era noisyEra(std::size_t n)
{
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> x(40, 55);
    std::normal_distribution<double> noise(0, 0.7);
    Era era;
    for (std::size_t i = 0; i < n; ++i) {
        era.x.push_back(x(rng));
        era.y.push_back(18 + 0.5 * era.x.back() + noise(rng));
    }
    return era;
}

void BM_LeaveOneOut(benchmark::State &state)
{
    const Era era = noisyEra(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        compute::LeaveOneOut loo = compute::leaveOneOut(era.x, era.y);
        compute::sortByInfluence(loo.entries);
        benchmark::DoNotOptimize(loo);
    }
}
BENCHMARK(BM_LeaveOneOut)->Arg(3000)->Unit(benchmark::kMillisecond);

// Arguments: runs, resamples, jitter (0/1).
void BM_Bootstrap(benchmark::State &state)
{
    const Era era = noisyEra(static_cast<std::size_t>(state.range(0)));
    compute::BootstrapOptions options;
    options.resamples = static_cast<std::size_t>(state.range(1));
    options.jitter = state.range(2) != 0;
    for (auto _ : state) {
        compute::BootstrapResult result = compute::bootstrapTrend(era.x, era.y, options);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1));
}
BENCHMARK(BM_Bootstrap)
    ->Args({3000, 1000, 0})
    ->Args({3000, 1000, 1})
    ->Unit(benchmark::kMillisecond);

// Every subset of the modern era of a synthetic dataset.
void BM_SubsetSensitivity(benchmark::State &state)
{
    const auto dataset =
        testing_support::syntheticDataset(static_cast<std::size_t>(state.range(0)));
    const compute::Era &era = dataset.eraSchemes[0].eras[1];
    for (auto _ : state) {
        auto subsets = compute::subsetSensitivity(dataset, era);
        benchmark::DoNotOptimize(subsets);
    }
}
BENCHMARK(BM_SubsetSensitivity)->Arg(3000)->Unit(benchmark::kMillisecond);

} // namespace
