// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace compute {

// Writes runs as CSV with Epoch AI's column names, so the file opens in a spreadsheet
// and imports back into Compute Explorer (or anything that reads Epoch's exports).
// `runIndices` selects and orders the runs; empty means all.
std::string writeRunsCsv(const Dataset &dataset, const std::vector<std::size_t> &runIndices = {});

} // namespace compute
