// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/published_schemes.h"
#include "core/model/dataset.h"

#include <string>

namespace compute {

// Epoch AI's credit line and license (CC BY 4.0), shown on every figure of its data.
inline constexpr const char *kEpochCitation =
    "Data: Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning', CC BY 4.0";

// What an Epoch export lacks and a dataset of its rows should carry: the credit and
// license in the metadata (when none is set) and the Epoch-based schemes, Sevilla et al.
// 2022's three eras then Epoch's 2024 4-5x per year (each when the dataset has no scheme
// of that name).
void addEpochDefaults(Dataset &dataset, const std::string &title);

} // namespace compute
