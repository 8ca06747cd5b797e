// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/hardware_catalog.h"
#include "core/util/result.h"

#include <string>
#include <string_view>

namespace compute {

// Reads a hardware catalog (resources/hardware/accelerators.json): an object whose
// "accelerators" array holds one object per accelerator. Every problem is reported at
// once, located as in datasets ("accelerators.json: accelerators[3].peak_flops.fp32: ...").
Result<HardwareCatalog> readHardwareCatalogJson(std::string_view text,
                                                const std::string &sourceName);

} // namespace compute
