// SPDX-License-Identifier: GPL-3.0-or-later
// Date parsers on arbitrary text: never crash; what they accept is a valid date whose
// ISO form reads back as the same date.
#include "core/model/date.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void checkDate(const compute::Date &date)
{
    FUZZ_CHECK(date.isValid());
    const auto again = compute::Date::fromIso(date.toIso());
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == date);
    FUZZ_CHECK(compute::Date::fromDaysSinceEpoch(date.daysSinceEpoch()).toIso().substr(0, 4) ==
               date.toIso().substr(0, 4));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (auto date = compute::Date::fromIso(text)) checkDate(*date);
    if (auto date = compute::parseFlexibleDate(text)) checkDate(*date);
    return 0;
}
