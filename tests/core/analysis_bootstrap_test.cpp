// SPDX-License-Identifier: GPL-3.0-or-later
// The bootstrap: reproducible for a seed, and equal to a brute-force replay of the same
// resamples (materialised, refitted with fitTrend, percentiles taken here).
#include "core/stats/bootstrap.h"
#include "core/stats/trend_fit.h"
#include "tests/core/analysis_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace compute;

namespace {

using analysis_fixtures::Points;

Points noisyEra()
{
    return analysis_fixtures::noisyEra(30, 3, 0.6, 0.5);
}

// Percentile by linear interpolation between order statistics (numpy's default).
double percentileOf(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const double h = (static_cast<double>(values.size()) - 1) * p;
    const std::size_t lo = static_cast<std::size_t>(h);
    if (lo + 1 >= values.size()) return values.back();
    return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
}

struct Replay {
    std::vector<double> slopes; // of the resamples whose fit is ok
    std::size_t skipped = 0;
};

// The resamples drawn as bootstrap.h documents, each built and refitted in full.
Replay replay(const Points &p, const BootstrapOptions &options)
{
    BootstrapSampler sampler(options.seed);
    Replay r;
    const std::size_t n = p.x.size();
    for (std::size_t b = 0; b < options.resamples; ++b) {
        std::vector<double> x, y;
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t i = sampler.index(static_cast<std::uint32_t>(n));
            x.push_back(p.x[i]);
            y.push_back(p.y[i] + (options.jitter ? sampler.jitterLog10() : 0.0));
        }
        const TrendFit fit = fitTrend(x, y);
        if (fit.ok())
            r.slopes.push_back(fit.slope);
        else
            ++r.skipped;
    }
    return r;
}

constexpr double kMonthsPerSlope = 12.0 * 0.301029995663981195213738894724493;

} // namespace

TEST(Bootstrap, SameSeedGivesTheSameAnswerAndAnotherSeedDoesNot)
{
    const Points p = noisyEra();
    BootstrapOptions options;
    options.seed = 12345;
    const BootstrapResult a = bootstrapTrend(p.x, p.y, options);
    const BootstrapResult b = bootstrapTrend(p.x, p.y, options);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.slopes, b.slopes);
    EXPECT_EQ(*a.slopeCi95.low, *b.slopeCi95.low);
    options.seed = 54321;
    const BootstrapResult c = bootstrapTrend(p.x, p.y, options);
    EXPECT_NE(a.slopes, c.slopes);
    EXPECT_EQ(a.requested, 1000u); // Sevilla et al.'s B by default
    EXPECT_EQ(a.used, 1000u);
    EXPECT_EQ(a.seed, 12345u);
}

TEST(Bootstrap, PlainBootstrapEqualsBruteForceReplayOfTheSameResamples)
{
    const Points p = noisyEra();
    BootstrapOptions options;
    options.seed = 99;
    options.resamples = 500;
    const BootstrapResult result = bootstrapTrend(p.x, p.y, options);
    const Replay brute = replay(p, options);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.used, brute.slopes.size());
    EXPECT_EQ(result.skipped, 0u);
    std::vector<double> sorted = brute.slopes;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i)
        EXPECT_NEAR(result.slopes[i], sorted[i], 1e-11);
    EXPECT_NEAR(*result.slopeCi95.low, percentileOf(brute.slopes, 0.025), 1e-11);
    EXPECT_NEAR(*result.slopeCi95.high, percentileOf(brute.slopes, 0.975), 1e-11);
    EXPECT_NEAR(result.slopeMedian, percentileOf(brute.slopes, 0.5), 1e-11);
    // Doubling times: the image of the slope's percentiles.
    ASSERT_TRUE(result.doublingTimeMonthsCi95.low && result.doublingTimeMonthsCi95.high);
    EXPECT_NEAR(*result.doublingTimeMonthsCi95.low, kMonthsPerSlope / *result.slopeCi95.high,
                1e-12);
    EXPECT_NEAR(*result.doublingTimeMonthsCi95.high, kMonthsPerSlope / *result.slopeCi95.low,
                1e-12);
    EXPECT_NEAR(*result.doublingTimeMonthsMedian, kMonthsPerSlope / result.slopeMedian, 1e-12);
    // And the interval is a plausible one around the fit's slope.
    const TrendFit fit = fitTrend(p.x, p.y);
    EXPECT_LT(*result.slopeCi95.low, fit.slope);
    EXPECT_GT(*result.slopeCi95.high, fit.slope);
}

TEST(Bootstrap, JitteredBootstrapEqualsBruteForceReplayWithTheSameFactors)
{
    const Points p = noisyEra();
    BootstrapOptions options;
    options.seed = 7;
    options.resamples = 300;
    options.jitter = true;
    const BootstrapResult result = bootstrapTrend(p.x, p.y, options);
    const Replay brute = replay(p, options);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.jitter);
    EXPECT_NEAR(*result.slopeCi95.low, percentileOf(brute.slopes, 0.025), 1e-11);
    EXPECT_NEAR(*result.slopeCi95.high, percentileOf(brute.slopes, 0.975), 1e-11);
    options.jitter = false;
    EXPECT_NE(bootstrapTrend(p.x, p.y, options).slopes, result.slopes);
}

TEST(Bootstrap, ExactExponentialWithoutJitterHasACollapsedInterval)
{
    std::vector<double> x, y;
    for (int i = 0; i < 20; ++i) {
        x.push_back(42.0 + 0.37 * i);
        y.push_back(-5.0 + 0.5 * x.back());
    }
    const BootstrapResult plain = bootstrapTrend(x, y);
    ASSERT_TRUE(plain.ok());
    EXPECT_NEAR(*plain.slopeCi95.low, 0.5, 1e-10);
    EXPECT_NEAR(*plain.slopeCi95.high, 0.5, 1e-10);
    BootstrapOptions jitter;
    jitter.jitter = true;
    const BootstrapResult jittered = bootstrapTrend(x, y, jitter);
    EXPECT_GT(*jittered.slopeCi95.high - *jittered.slopeCi95.low, 0.01); // factor-2 noise shows
}

TEST(Bootstrap, ResamplesOnASingleDateAreCountedAndSkipped)
{
    // Two of three runs share a date: a resample of only those two has no slope.
    const Points p{{45, 45, 46}, {18, 18.5, 19.5}};
    BootstrapOptions options;
    options.seed = 5;
    const BootstrapResult result = bootstrapTrend(p.x, p.y, options);
    const Replay brute = replay(p, options);
    ASSERT_TRUE(result.ok());
    EXPECT_GT(result.skipped, 200u); // (2/3)^3 + (1/3)^3 = 1/3 of the resamples
    EXPECT_EQ(result.skipped, brute.skipped);
    EXPECT_EQ(result.used + result.skipped, result.requested);
    EXPECT_NEAR(*result.slopeCi95.low, percentileOf(brute.slopes, 0.025), 1e-11);
    EXPECT_NEAR(*result.slopeCi95.high, percentileOf(brute.slopes, 0.975), 1e-11);
}

TEST(Bootstrap, TooLittleDataIsAStatusNotANumber)
{
    const std::vector<double> x2 = {42, 43}, y2 = {18, 19};
    const BootstrapResult two = bootstrapTrend(x2, y2);
    EXPECT_EQ(two.status, BootstrapStatus::NotEnoughData);
    EXPECT_FALSE(two.slopeCi95.low.has_value());
    EXPECT_NE(two.message.find("not enough data"), std::string::npos);
    const std::vector<double> same = {45, 45, 45}, y3 = {18, 19, 20};
    EXPECT_EQ(bootstrapTrend(same, y3).status, BootstrapStatus::NoDateSpread);
    BootstrapOptions none;
    none.resamples = 0;
    const std::vector<double> x3 = {42, 43, 44};
    const BootstrapResult empty = bootstrapTrend(x3, y3, none);
    EXPECT_EQ(empty.status, BootstrapStatus::NoUsableResample);
    EXPECT_FALSE(empty.doublingTimeMonthsMedian.has_value());
}

TEST(Bootstrap, SlopeIntervalIncludingZeroLeavesTheDoublingTimeUnbounded)
{
    const std::vector<double> x = {40, 41, 42, 43, 44, 45},
                              y = {20.0, 22.0, 19.5, 21.8, 19.9, 20.6};
    const BootstrapResult result = bootstrapTrend(x, y);
    ASSERT_TRUE(result.ok());
    ASSERT_LT(*result.slopeCi95.low, 0.0);
    ASSERT_GT(*result.slopeCi95.high, 0.0);
    EXPECT_FALSE(result.doublingTimeMonthsCi95.low || result.doublingTimeMonthsCi95.high);
}

TEST(BootstrapSampler, DrawsAreMultiplyShiftsOfHalfWordsOfMt19937_64)
{
    // The documented stream, rebuilt from the engine directly: high half, then low half.
    std::mt19937_64 engine(2024);
    std::vector<std::uint32_t> words;
    for (int k = 0; k < 2000; ++k) {
        const std::uint64_t r = engine();
        words.push_back(static_cast<std::uint32_t>(r >> 32));
        words.push_back(static_cast<std::uint32_t>(r));
    }
    BootstrapSampler sampler(2024);
    std::size_t next = 0;
    for (std::uint32_t n : {1u, 2u, 3u, 15u, 3000u, 65537u}) {
        for (int k = 0; k < 300; ++k) {
            // floor(w n / 2^32); none of these draws falls in the (rare) rejection zone.
            const std::uint64_t expected = (std::uint64_t{words[next++]} * n) >> 32;
            EXPECT_EQ(sampler.index(n), expected) << n << " draw " << k;
        }
        // A jitter takes the next word: (2 w / 2^32 - 1) log10(2).
        const double u = static_cast<double>(words[next++]) / 4294967296.0;
        EXPECT_DOUBLE_EQ(sampler.jitterLog10(), (2 * u - 1) * std::log10(2.0));
    }
}

TEST(BootstrapSampler, IndicesAreUniformAndJitterSpansHalfToTwo)
{
    BootstrapSampler sampler(1);
    std::vector<int> counts(7, 0);
    for (int k = 0; k < 70000; ++k)
        ++counts[sampler.index(7)];
    for (int c : counts)
        EXPECT_NEAR(c, 10000, 400); // 4 standard deviations
    double lowest = 1, highest = -1;
    for (int k = 0; k < 20000; ++k) {
        const double j = sampler.jitterLog10();
        lowest = std::min(lowest, j);
        highest = std::max(highest, j);
    }
    EXPECT_GE(lowest, -std::log10(2.0));
    EXPECT_LT(highest, std::log10(2.0));
    EXPECT_LT(lowest, -0.29);
    EXPECT_GT(highest, 0.29);
}
