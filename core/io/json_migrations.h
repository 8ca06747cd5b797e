// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace compute {

// Brings a parsed native document up to kSchemaVersion in place, one version step
// at a time. Refuses documents written by a newer version of the app.
Errors migrateToCurrent(nlohmann::json &root, const std::string &sourceName);

} // namespace compute
