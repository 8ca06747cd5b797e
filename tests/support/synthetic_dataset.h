// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace testing_support {

// A dataset of `runs` plausible training runs, 1950-2025, compute growing about
// 0.5 OOM/year with noise, every estimate method represented, three era schemes.
// Deterministic for a given seed (benchmarks and stress tests).
compute::Dataset syntheticDataset(std::size_t runs, std::uint32_t seed = 42);

// An Epoch-style CSV export (header of the 2025 "Notable AI Models" file, quoted
// fields with commas, hardware columns on some rows) with `rows` rows.
std::string syntheticEpochCsv(std::size_t rows, std::uint32_t seed = 42);
// The same text handed to `write` in pieces of about a megabyte, so that a file of a
// million rows is written without being held in memory.
void syntheticEpochCsv(std::size_t rows, std::uint32_t seed,
                       const std::function<void(std::string_view)> &write);

// The same runs with every one of the 42 columns of the 2025 Notable AI Models export
// filled (about 470 bytes a row): categories, countries and accessibility drawn from
// short lists as they repeat in Epoch's data, names, titles, links and authors unique to
// the row, numbers written as Epoch writes them ("512.0"). Handed to `write` in pieces.
void syntheticEveryColumnCsv(std::size_t rows, std::uint32_t seed,
                             const std::function<void(std::string_view)> &write);

} // namespace testing_support
