// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace app {

// The one way the app writes numbers for people: the C locale (a point, no group
// separators) whatever the user's locale, so a figure reads the same in the table,
// the tooltip, the chart and an exported file.

// `digits` significant digits, trailing zeros dropped: significant(3.4172, 3) is "3.42".
QString significant(double value, int digits);
// Exactly `decimals` decimals: fixed(0.7712, 2) is "0.77".
QString fixed(double value, int decimals);
// `decimals` decimals and an exponent without leading zeros: scientific(1862, 2) is
// "1.86e+3".
QString scientific(double value, int decimals);
// For quantities that span many orders of magnitude (compute, parameters, estimate
// inputs): scientific with 2 decimals from 1e5 up or below 1e-3, else 4 significant
// digits: "3.14e+23", "1536", "0.33".
QString compact(double value);

} // namespace app
