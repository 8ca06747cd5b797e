// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Known relations between two quantities, drawn as reference lines on log-log charts:
// Hoffmann et al. 2022 (Chinchilla): a compute-optimal model of N parameters trains on
// D = 20 N tokens, with C = 6 N D = 120 N^2 FLOP.

#include "core/model/quantity.h"

#include <string>
#include <vector>

namespace compute {

// log10 y = log10Factor + exponent * log10 x, on the axes it was made for.
struct KnownRelation {
    std::string label; // "Chinchilla-optimal: C = 6·N·(20·N)"
    double log10Factor = 0;
    double exponent = 1;
    double log10At(double log10X) const { return log10Factor + exponent * log10X; }
};

// The relations that hold between the two quantities of `axes` (either way round: a
// relation y = a x^b is drawn as x = (y / a)^(1/b) on swapped axes). None against the date.
std::vector<KnownRelation> knownRelations(const Axes &axes);

} // namespace compute
