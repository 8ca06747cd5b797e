// SPDX-License-Identifier: GPL-3.0-or-later
// The native JSON loader on arbitrary bytes: never crashes; an error names the source;
// what loads saves and loads back to the same dataset and the same bytes.
#include "core/io/json_format.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto loaded = compute::readDatasetJson(bytes, "fuzz.json");
    if (!loaded.ok()) {
        FUZZ_CHECK(!loaded.errors().empty());
        for (const compute::Error &e : loaded.errors())
            FUZZ_CHECK((e.where + e.message).find("fuzz.json") != std::string::npos);
        return 0;
    }
    const std::string saved = compute::writeDatasetJson(*loaded);
    auto reloaded = compute::readDatasetJson(saved, "saved.json");
    FUZZ_CHECK(reloaded.ok());
    FUZZ_CHECK(*reloaded == *loaded);
    FUZZ_CHECK(compute::writeDatasetJson(*reloaded) == saved);
    return 0;
}
