// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace compute {

// One petaflop/s-day: 1e15 operations per second for 86,400 seconds (OpenAI 2018).
inline constexpr double kFlopPerPfsDay = 1e15 * 86400.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kDaysPerYear = 365.25;   // Julian year, the x unit of fits
inline constexpr double kDaysPerMonth = 30.4375; // 365.25 / 12

enum class ComputeUnit { Flop, PfsDays };

inline constexpr double flopToPfsDays(double flop)
{
    return flop / kFlopPerPfsDay;
}
inline constexpr double pfsDaysToFlop(double pfsDays)
{
    return pfsDays * kFlopPerPfsDay;
}
inline constexpr double toUnit(double flop, ComputeUnit unit)
{
    return unit == ComputeUnit::Flop ? flop : flopToPfsDays(flop);
}
inline constexpr double fromUnit(double value, ComputeUnit unit)
{
    return unit == ComputeUnit::Flop ? value : pfsDaysToFlop(value);
}

} // namespace compute
