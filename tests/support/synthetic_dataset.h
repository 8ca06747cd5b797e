#pragma once

#include "core/dataset.h"

#include <cstdint>
#include <string>

namespace testing_support {

// A dataset of `runs` plausible training runs, 1950-2025, compute growing about
// 0.5 OOM/year with noise, every estimate method represented, three era schemes.
// Deterministic for a given seed (benchmarks and stress tests).
compute::Dataset syntheticDataset(std::size_t runs, std::uint32_t seed = 42);

// An Epoch-style CSV export (header of the 2025 "Notable AI Models" file, quoted
// fields with commas, hardware columns on some rows) with `rows` rows.
std::string syntheticEpochCsv(std::size_t rows, std::uint32_t seed = 42);

} // namespace testing_support
