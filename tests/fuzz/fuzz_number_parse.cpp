// SPDX-License-Identifier: GPL-3.0-or-later
// The number parser on arbitrary text: never crashes; what it accepts is finite and
// its shortest form reads back as exactly the same double.
#include "core/util/number_parse.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto value = compute::parseNumber(text);
    if (!value) return 0;
    FUZZ_CHECK(std::isfinite(*value));
    const auto again = compute::parseNumber(compute::formatNumber(*value));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *value);
    FUZZ_CHECK(!compute::formatSignificant(*value, 3).empty());
    return 0;
}
