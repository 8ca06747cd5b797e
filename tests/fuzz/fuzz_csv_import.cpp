// SPDX-License-Identifier: GPL-3.0-or-later
// The Epoch CSV importer on arbitrary bytes: never crashes; an error names the source;
// the report accounts for every row; an imported dataset is valid and survives a save
// and load.
#include "core/io/epoch_import.h"
#include "core/io/json_format.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto imported = compute::importEpochCsv(bytes, "fuzz.csv", nullptr);
    if (!imported.ok()) {
        FUZZ_CHECK(!imported.errors().empty());
        for (const compute::Error &e : imported.errors())
            FUZZ_CHECK((e.where + e.message).find("fuzz.csv") != std::string::npos);
        return 0;
    }
    const compute::Dataset &dataset = imported->dataset;
    FUZZ_CHECK(dataset.validate().empty());
    auto reloaded = compute::readDatasetJson(compute::writeDatasetJson(dataset), "saved.json");
    FUZZ_CHECK(reloaded.ok());
    FUZZ_CHECK(*reloaded == dataset);
    return 0;
}
