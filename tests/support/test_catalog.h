// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/hardware_catalog.h"

namespace testing_support {

// A small hardware catalog for tests and benchmarks: NVIDIA V100, A100 and H100 SXM5,
// Google TPU v3 and v4 with their dense peaks from the vendors' datasheets (tensor
// FP16/BF16 the default format). Deliberately small: rows on other chips must show up
// as unknown hardware. Loaded once; a catalog that does not load throws.
const compute::HardwareCatalog &testCatalog();

} // namespace testing_support
