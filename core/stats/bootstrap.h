// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bootstrap of an era's trend, as in Sevilla et al. 2022 (App. A): B resamples of the
// runs drawn with replacement, each refitted by least squares; the 95% interval is the
// 2.5% and 97.5% percentiles of the B slopes. Optionally each drawn compute is jittered
// by a log-uniform factor in [1/2, 2] (their allowance for estimates good to ~2x);
// without jitter it is the plain (pairs) bootstrap.

#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"
#include "core/util/constants.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace compute {

// The random stream of the bootstrap, public so that the exact resamples can be
// replayed (tests do). std::mt19937_64 seeded with the seed; each 64-bit output is used
// as two 32-bit words, its high half first. Draws take words in turn:
//   index(n): Lemire's multiply-shift, floor(w n / 2^32), with his rejection step (a new
//             word when the low half of w n is below 2^32 mod n; odds below n / 2^32),
//             so every index in [0, n) is exactly equally likely; 0 < n < 2^32;
//   jitterLog10(): (2u - 1) log10(2) with u = w / 2^32 in [0, 1): the log10 of a factor
//             log-uniform in [1/2, 2).
// Both mappings are written out rather than taken from <random>'s distributions, whose
// algorithms differ between standard libraries: a seed gives the same answer on every
// platform. Half words keep the cost at one engine call per two draws.
class BootstrapSampler {
public:
    explicit BootstrapSampler(std::uint64_t seed) : m_engine(seed) {}

    std::size_t index(std::uint32_t n)
    {
        std::uint64_t product = std::uint64_t{word()} * n;
        if (static_cast<std::uint32_t>(product) < n) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
            while (static_cast<std::uint32_t>(product) < threshold)
                product = std::uint64_t{word()} * n;
        }
        return static_cast<std::size_t>(product >> 32);
    }
    double jitterLog10()
    {
        const double u = static_cast<double>(word()) * 0x1.0p-32;
        return (2.0 * u - 1.0) * kLog10Of2;
    }

private:
    std::uint32_t word()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const std::uint64_t r = m_engine();
        m_spare = static_cast<std::uint32_t>(r);
        m_hasSpare = true;
        return static_cast<std::uint32_t>(r >> 32);
    }

    std::mt19937_64 m_engine;
    std::uint32_t m_spare = 0;
    bool m_hasSpare = false;
};

struct BootstrapOptions {
    std::size_t resamples = 1000;  // B (Sevilla et al.: 1,000)
    std::uint64_t seed = 20220209; // any fixed seed: the same seed gives the same answer
    bool jitter = false;           // multiply each drawn compute by a factor in [1/2, 2]
};

enum class BootstrapStatus {
    Ok,
    NotEnoughData,    // fewer than 3 points
    NoDateSpread,     // all points on one date
    NoUsableResample, // every resample drew a single date (or B = 0)
};

struct BootstrapResult {
    BootstrapStatus status = BootstrapStatus::NotEnoughData;
    std::string message;       // why not; empty when Ok
    std::size_t n = 0;         // points
    std::size_t requested = 0; // B
    std::size_t used = 0;      // resamples whose fit was ok
    // Resamples whose fit was not ok (all draws on one date: no slope), left out of the
    // percentiles. used + skipped = requested.
    std::size_t skipped = 0;
    std::uint64_t seed = 0;
    bool jitter = false;
    // Percentiles of the used slopes (log10 FLOP per year), linear interpolation between
    // order statistics (Hyndman & Fan type 7, numpy's default). Set when Ok.
    double slopeMedian = 0;
    Interval slopeCi95;
    // The doubling time's, as the image of the slope's: log10(2) / slope in months, the
    // interval from the slope's ends (exact for percentiles, as the map is monotonic).
    // Median missing when the median slope is 0, interval unbounded when the slope's
    // interval includes 0 (as TrendFit::doublingTimeMonthsCi95).
    std::optional<double> doublingTimeMonthsMedian;
    Interval doublingTimeMonthsCi95;
    std::vector<double> slopes; // the used slopes, ascending (for a histogram)

    bool ok() const { return status == BootstrapStatus::Ok; }
};

// Bootstraps the fit of x (years since 1970) and y (log10 FLOP); fewer than 2^32 points.
// O(B n), no allocation per resample. Resample k uses the sampler's outputs after those of
// resamples 0..k-1: for each of its n draws, an index, then (with jitter) that draw's factor.
BootstrapResult bootstrapTrend(std::span<const double> x, std::span<const double> y,
                               const BootstrapOptions &options = {});
inline BootstrapResult bootstrapTrend(const FitPoints &points, const BootstrapOptions &options = {})
{
    return bootstrapTrend(points.x, points.y, options);
}

} // namespace compute
