// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Era schemes in the native format: each era's dates, colour, rule and published figure.
// The rule and the figure are written only when they say something (the rule that holds
// every run is left out), so a scheme of plain date ranges reads as it did in version 1.

#include "core/io/internal/json_field_reader.h"
#include "core/model/era.h"

#include <nlohmann/json.hpp>

namespace compute {

// Reads one element of "era_schemes", reporting every problem through `reader`.
EraScheme readEraScheme(JsonFieldReader &reader, const JsonTree &tree, JsonTree::Index node,
                        const JsonPath &path);

// The element of "era_schemes" that readEraScheme() reads back as `scheme`.
nlohmann::ordered_json eraSchemeToJson(const EraScheme &scheme);

} // namespace compute
