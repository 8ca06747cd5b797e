// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace compute {

// log10(2): a slope in orders of magnitude per year doubles in kLog10Of2 / slope years,
// and a factor of 2 either way is +-kLog10Of2 in log10.
inline constexpr double kLog10Of2 = 0.30102999566398119521;

// A sum of squared deviations at or below this fraction of its scale is rounding, not
// spread: dates identical up to rounding fit no slope, and a split of the points that
// improves a fit by less does not count.
inline constexpr double kNoSpreadTolerance = 1e-12;

} // namespace compute
