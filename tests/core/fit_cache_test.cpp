// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/fit_cache.h"

#include "core/stats/run_selection.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace {

std::vector<compute::Era> erasOf(const compute::Dataset &dataset)
{
    std::vector<compute::Era> eras;
    for (const compute::EraScheme &scheme : dataset.eraSchemes)
        eras.insert(eras.end(), scheme.eras.begin(), scheme.eras.end());
    return eras;
}

void expectSameFit(const compute::TrendFit &a, const compute::TrendFit &b)
{
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.n, b.n);
    EXPECT_EQ(a.slope, b.slope);
    EXPECT_EQ(a.intercept, b.intercept);
    EXPECT_EQ(a.rSquared, b.rSquared);
    EXPECT_EQ(a.slopeStdError, b.slopeStdError);
}

TEST(FitCache, FitsEqualCoresFitOfTheSameRuns)
{
    const compute::Dataset dataset = testing_support::syntheticDataset(2000, 7);
    compute::RunFilter filter;
    filter.domains = {"Language", "Vision", "Games"};
    compute::FitCache cache;
    cache.rebuild(dataset, filter);
    for (const compute::Era &era : erasOf(dataset)) {
        const compute::TrendFit core = compute::fitEra(dataset, era, filter);
        const compute::TrendFit cached = cache.fit(era);
        ASSERT_TRUE(core.ok()) << era.name;
        EXPECT_EQ(cached.n, core.n) << era.name;
        EXPECT_NEAR(cached.slope, core.slope, 1e-12 * std::fabs(core.slope)) << era.name;
        EXPECT_NEAR(cached.rSquared, core.rSquared, 1e-12) << era.name;
    }
}

TEST(FitCache, RangedFitsOfManyErasInOnePassEqualEachErasFitAndRange)
{
    const compute::Dataset dataset = testing_support::syntheticDataset(5000, 3);
    compute::FitCache cache;
    cache.rebuild(dataset, {});
    const std::vector<compute::Era> eras = erasOf(dataset);
    ASSERT_GE(eras.size(), 4u);
    const auto together = cache.rangedFits(eras);
    ASSERT_EQ(together.size(), eras.size());
    for (std::size_t e = 0; e < eras.size(); ++e) {
        SCOPED_TRACE(eras[e].name);
        // The same runs added in the same order: bit for bit the same sums.
        expectSameFit(together[e].fit, cache.fit(eras[e]));
        const auto range = cache.xRange(eras[e]);
        ASSERT_TRUE(range && together[e].xRange);
        EXPECT_EQ(*together[e].xRange, *range);
        // The range is that of the runs core selects.
        const compute::FitPoints points = compute::selectFitPoints(dataset, eras[e], {});
        EXPECT_EQ(range->first, *std::min_element(points.x.begin(), points.x.end()));
        EXPECT_EQ(range->second, *std::max_element(points.x.begin(), points.x.end()));
    }
    EXPECT_TRUE(cache.rangedFits({}).empty());
}

TEST(FitCache, AnEraWithoutRunsHasNoRange)
{
    const compute::Dataset dataset = testing_support::syntheticDataset(100, 1);
    compute::FitCache cache;
    cache.rebuild(dataset, {});
    compute::Era empty{"Future", compute::Date(2100, 1, 1), std::nullopt, "#000000"};
    const auto ranged = cache.rangedFit(empty);
    EXPECT_FALSE(ranged.xRange);
    EXPECT_FALSE(ranged.fit.ok());
    EXPECT_EQ(ranged.fit.n, 0u);
}

TEST(FitCache, EditsKeepItEqualToARebuiltCache)
{
    compute::Dataset dataset = testing_support::syntheticDataset(800, 11);
    compute::RunFilter filter;
    filter.domains = {"Language", "Vision", "Speech", "Games", "Biology"};
    compute::FitCache cache;
    cache.rebuild(dataset, filter);
    std::mt19937 rng(5);
    for (int step = 0; step < 300; ++step) {
        const std::size_t i = rng() % dataset.runs.size();
        compute::TrainingRun run = dataset.runs[i];
        switch (step % 4) {
        case 0:
            run.date = compute::Date::fromDaysSinceEpoch(static_cast<std::int64_t>(rng() % 20000));
            break;
        case 1:
            run.estimates = {compute::ComputeEstimate::reported(std::pow(10.0, 10 + rng() % 15))};
            break;
        case 2:
            run.domain = step % 8 == 2 ? "Robotics" : "Language";
            break;
        default:
            run.date.reset();
            break;
        }
        if (step % 50 == 49) {
            dataset.runs.erase(dataset.runs.begin() + static_cast<std::ptrdiff_t>(i));
            cache.removeRun(i);
        } else if (step % 50 == 48) {
            dataset.runs.insert(dataset.runs.begin() + static_cast<std::ptrdiff_t>(i), run);
            cache.insertRun(dataset, filter, i);
        } else {
            dataset.runs[i] = run;
            cache.updateRun(dataset, filter, i);
        }
    }
    compute::FitCache fresh;
    fresh.rebuild(dataset, filter);
    ASSERT_EQ(cache.size(), fresh.size());
    EXPECT_EQ(cache.plottedCount(), fresh.plottedCount());
    for (const compute::Era &era : erasOf(dataset))
        expectSameFit(cache.fit(era), fresh.fit(era));
    // The date order lists the same runs in ascending date.
    std::vector<std::uint32_t> a = cache.dateOrder(), b = fresh.dateOrder();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 1; k < a.size(); ++k)
        EXPECT_LE(cache.x(a[k - 1]), cache.x(a[k]));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b);
}

} // namespace
