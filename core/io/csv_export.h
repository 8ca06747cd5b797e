// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace compute {

// Writes runs as CSV, so the file opens in a spreadsheet and imports back into Compute
// Explorer (or anything that reads Epoch's exports). Data imported from an Epoch CSV is
// written with that file's columns, names and order, every cell as it was unless the run
// was edited since; other data with the columns of Epoch's current export (Notable AI
// Models) and the app's own "Numerical format", "Upper bound" and "Notes". A run that
// needs "Upper bound" or "Notes" where the source had no such column gets it added.
// `runIndices` selects and orders the runs; empty means all.
std::string writeRunsCsv(const Dataset &dataset, const std::vector<std::size_t> &runIndices = {});

} // namespace compute
