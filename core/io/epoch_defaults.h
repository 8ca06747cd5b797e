// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <string>

namespace compute {

// Epoch AI's credit line and license (CC BY 4.0), shown on every figure of its data.
inline constexpr const char *kEpochCitation =
    "Data: Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning', CC BY 4.0";

// Sevilla et al. (2022), "Compute Trends Across Three Eras of Machine Learning".
EraScheme sevilla2022Eras();

// What an Epoch export lacks and a dataset of its rows should carry: the credit and
// license in the metadata (when none is set) and Sevilla et al.'s three eras (when the
// dataset has no scheme of that name).
void addEpochDefaults(Dataset &dataset, const std::string &title);

} // namespace compute
