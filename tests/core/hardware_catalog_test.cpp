// SPDX-License-Identifier: GPL-3.0-or-later
// The accelerator catalog: lookups across spellings, and located errors in its JSON.
#include "core/io/hardware_catalog_json.h"
#include "tests/core/test_paths.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace compute;

namespace {

const char *const kCatalogJson = R"({"accelerators": [
  {"id": "nvidia-v100-sxm2", "name": "NVIDIA Tesla V100 SXM2", "manufacturer": "NVIDIA",
   "released": "2017-05-10", "aliases": ["NVIDIA V100", "NVIDIA Tesla V100 DGXS 32 GB"],
   "source": "NVIDIA V100 datasheet", "note": "Tensor cores: FP16 with FP32 accumulate",
   "default_format": "tensor-fp16",
   "peak_flops": {"fp64": 7.8e12, "fp32": 15.7e12, "tensor-fp16": 125e12}},
  {"id": "google-tpu-v3", "name": "Google TPU v3", "source": "Google Cloud documentation",
   "default_format": "tensor-fp16", "peak_flops": {"tensor-fp16": 123e12}}
]})";

HardwareCatalog parsed(const char *json)
{
    auto catalog = readHardwareCatalogJson(json, "catalog.json");
    if (!catalog) ADD_FAILURE() << catalog.errorText();
    return catalog ? std::move(catalog).value() : HardwareCatalog{};
}

TEST(HardwareCatalog, ReadsEveryFieldOfAnEntry)
{
    const HardwareCatalog catalog = parsed(kCatalogJson);
    ASSERT_EQ(catalog.accelerators().size(), 2u);
    const Accelerator &v100 = catalog.accelerators()[0];
    EXPECT_EQ(v100.id, "nvidia-v100-sxm2");
    EXPECT_EQ(v100.name, "NVIDIA Tesla V100 SXM2");
    EXPECT_EQ(v100.manufacturer, "NVIDIA");
    EXPECT_EQ(v100.released, "2017-05-10");
    EXPECT_EQ(v100.aliases,
              (std::vector<std::string>{"NVIDIA V100", "NVIDIA Tesla V100 DGXS 32 GB"}));
    EXPECT_EQ(v100.source, "NVIDIA V100 datasheet");
    EXPECT_EQ(v100.note, "Tensor cores: FP16 with FP32 accumulate");
    EXPECT_EQ(v100.defaultFormat, NumberFormat::TensorFP16);
    EXPECT_EQ(v100.peak(NumberFormat::FP64), 7.8e12);
    EXPECT_EQ(v100.peak(NumberFormat::FP32), 15.7e12);
    EXPECT_EQ(v100.peak(NumberFormat::TensorFP16), 125e12);
    EXPECT_EQ(v100.peak(NumberFormat::INT8), std::nullopt);
}

TEST(HardwareCatalog, FindsByIdNameAndAliasIgnoringCaseSpacesAndPunctuation)
{
    const HardwareCatalog catalog = parsed(kCatalogJson);
    const Accelerator *v100 = &catalog.accelerators()[0];
    EXPECT_EQ(catalog.find("nvidia-v100-sxm2"), v100);
    EXPECT_EQ(catalog.find("NVIDIA Tesla V100 SXM2"), v100);
    EXPECT_EQ(catalog.find("nvidia tesla v100-sxm2"), v100);
    EXPECT_EQ(catalog.find("NVIDIA V100"), v100);
    EXPECT_EQ(catalog.find("Nvidia Tesla V100 (DGXS, 32GB)"), v100);
    EXPECT_EQ(catalog.find("  NVIDIA_V100  "), v100);
    EXPECT_EQ(catalog.find("google tpu V3"), &catalog.accelerators()[1]);
}

TEST(HardwareCatalog, DoesNotGuessAtPartialNames)
{
    const HardwareCatalog catalog = parsed(kCatalogJson);
    EXPECT_EQ(catalog.find("V100"), nullptr);
    EXPECT_EQ(catalog.find("NVIDIA V100 PCIe"), nullptr);
    EXPECT_EQ(catalog.find("Google TPU v4"), nullptr);
    EXPECT_EQ(catalog.find(""), nullptr);
    EXPECT_EQ(catalog.find("---"), nullptr);
}

TEST(HardwareCatalog, NumberFormatsReadEpochsCellsAndOurKeys)
{
    EXPECT_EQ(numberFormatFromText("BF16"), NumberFormat::TensorFP16);
    EXPECT_EQ(numberFormatFromText("FP16"), NumberFormat::TensorFP16); // Epoch: tensor FP16
    EXPECT_EQ(numberFormatFromText("fp16"), NumberFormat::FP16);       // our key: plain FP16
    EXPECT_EQ(numberFormatFromText("TF32"), NumberFormat::TF32);
    EXPECT_EQ(numberFormatFromText(" FP32 "), NumberFormat::FP32);
    EXPECT_EQ(numberFormatFromText("tensor-fp16"), NumberFormat::TensorFP16);
    EXPECT_EQ(numberFormatFromText("FP8"), std::nullopt);
    EXPECT_EQ(numberFormatFromText(""), std::nullopt);
    for (NumberFormat f : kAllNumberFormats) {
        EXPECT_EQ(numberFormatFromKey(numberFormatKey(f)), f);
        EXPECT_EQ(numberFormatFromText(numberFormatKey(f)), f);
    }
}

// The errors of a catalog that must not load, one "where: message" per line.
std::string errorsOf(const std::string &json)
{
    std::optional<Result<HardwareCatalog>> catalog;
    try {
        catalog.emplace(readHardwareCatalogJson(json, "catalog.json"));
    } catch (const std::exception &e) {
        ADD_FAILURE() << "exception escaped: " << e.what();
        return {};
    }
    if (catalog->ok()) {
        ADD_FAILURE() << "the catalog loaded";
        return {};
    }
    return catalog->errorText();
}

// One valid entry with `change` spliced in as its last fields.
std::string entry(const std::string &change)
{
    return R"({"id": "x", "name": "X", "source": "datasheet", "default_format": "fp32",
               "peak_flops": {"fp32": 1e13})" +
           (change.empty() ? std::string() : ", " + change) + "}";
}

std::string catalogOf(const std::string &entries)
{
    return R"({"accelerators": [)" + entries + "]}";
}

TEST(HardwareCatalog, MalformedEntriesAreLocatedByTheirJsonPath)
{
    // nlohmann keeps the last of duplicate keys, so `change` overrides a field.
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": null)"))),
              "catalog.json: accelerators[0].peak_flops: expected an object of format -> FLOP/s");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": {})"))),
              "catalog.json: accelerators[0].peak_flops: expected an object of format -> FLOP/s");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": {"fp32": 1e13, "fp8": 2e15})"))),
              "catalog.json: accelerators[0].peak_flops.fp8: unknown number format 'fp8' "
              "(expected fp64, fp32, fp16, tf32, tensor-fp16 or int8)");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": {"fp32": -1})"))),
              "catalog.json: accelerators[0].peak_flops.fp32: expected a positive number\n"
              "catalog.json: accelerators[0].default_format: has no peak_flops entry");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": {"fp32": "19.5 TFLOPS"})"))),
              "catalog.json: accelerators[0].peak_flops.fp32: expected a positive number, got "
              "string\n"
              "catalog.json: accelerators[0].default_format: has no peak_flops entry");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("default_format": "bf16")"))),
              "catalog.json: accelerators[0].default_format: unknown number format 'bf16' "
              "(expected fp64, fp32, fp16, tf32, tensor-fp16 or int8)");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("default_format": "int8")"))),
              "catalog.json: accelerators[0].default_format: has no peak_flops entry");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("id": null)"))),
              "catalog.json: accelerators[0].id: missing (expected a string)");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("source": 3)"))),
              "catalog.json: accelerators[0].source: expected a string, got number");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("aliases": "X2")"))),
              "catalog.json: accelerators[0].aliases: expected an array of strings, got string");
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("aliases": ["X2", 2])"))),
              "catalog.json: accelerators[0].aliases[1]: expected a string");
    EXPECT_EQ(errorsOf(catalogOf(entry("") + R"(, "V100")")),
              "catalog.json: accelerators[1]: expected an object, got string");
}

TEST(HardwareCatalog, AliasCollisionsNameBothEntries)
{
    const std::string second = R"({"id": "y", "name": "Y", "aliases": ["Why", "x"],
        "source": "datasheet", "default_format": "fp32", "peak_flops": {"fp32": 2e13}})";
    EXPECT_EQ(errorsOf(catalogOf(entry("") + ", " + second)),
              "catalog.json: accelerators[1].aliases[1]: 'x' is already used by x");
    // The same id twice, and spellings that differ only in punctuation, collide too.
    EXPECT_EQ(errorsOf(catalogOf(entry("") + ", " + entry(R"("name": "X 2")"))),
              "catalog.json: accelerators[1].id: 'x' is already used by x");
    EXPECT_EQ(errorsOf(catalogOf(entry("") + ", " + entry(R"("id": "x-2", "name": "x")"))),
              "catalog.json: accelerators[1].name: 'x' is already used by x");
    // Within one entry, repeating a spelling is harmless.
    EXPECT_TRUE(
        readHardwareCatalogJson(catalogOf(entry(R"("aliases": ["X", "x"])")), "c.json").ok());
}

TEST(HardwareCatalog, EveryProblemIsReportedAtOnce)
{
    const std::string text =
        errorsOf(catalogOf(entry(R"("peak_flops": null)") + ", " +
                           entry(R"("id": "z", "name": "Z", "default_format": "fp64")")));
    EXPECT_EQ(text,
              "catalog.json: accelerators[0].peak_flops: expected an object of format -> "
              "FLOP/s\ncatalog.json: accelerators[1].default_format: has no peak_flops entry");
}

TEST(HardwareCatalog, DocumentsThatAreNotACatalogAreRefused)
{
    EXPECT_EQ(errorsOf(R"([{"id": "x"}])"),
              "catalog.json: expected an object with an array \"accelerators\"");
    EXPECT_EQ(errorsOf(R"({"accelerator": []})"),
              "catalog.json: expected an object with an array \"accelerators\"");
    EXPECT_EQ(errorsOf(R"({"accelerators": {}})"),
              "catalog.json: expected an object with an array \"accelerators\"");
    // Syntax errors are located as in datasets: JSON path reached, line and column.
    const std::string truncated = errorsOf(R"({"accelerators": [)");
    EXPECT_EQ(
        truncated.rfind("catalog.json: accelerators[0], line 1, column 18: not valid JSON: ", 0),
        0u)
        << truncated;
    EXPECT_NE(truncated.find("unexpected end of input"), std::string::npos) << truncated;
    const std::string empty = errorsOf("");
    EXPECT_EQ(empty.rfind("catalog.json: line 1, column 1: not valid JSON: ", 0), 0u) << empty;
}

TEST(HardwareCatalog, OverflowingNumberIsAnErrorNotAnException)
{
    EXPECT_EQ(errorsOf(catalogOf(entry(R"("peak_flops": {"fp32": 1e999})"))),
              "catalog.json: accelerators[0].peak_flops.fp32: number overflow parsing '1e999' "
              "(expected a number within the range of a double, ~1.8e308)");
}

TEST(HardwareCatalog, EmptyCatalogLoadsAndFindsNothing)
{
    const HardwareCatalog catalog = parsed(R"({"accelerators": []})");
    EXPECT_TRUE(catalog.accelerators().empty());
    EXPECT_EQ(catalog.find("NVIDIA V100"), nullptr);
}

TEST(HardwareCatalog, BundledCatalogLoadsAndKnowsEpochsCommonSpellings)
{
    const auto bundled = readHardwareCatalogJson(
        testing_paths::readSource("resources/hardware/accelerators.json"), "accelerators.json");
    ASSERT_TRUE(bundled.ok()) << bundled.errorText();
    // The most frequent "Training hardware" cells of Epoch's 2025 exports.
    const std::pair<const char *, const char *> spellings[] = {
        {"NVIDIA A100", "nvidia-a100"},
        {"NVIDIA H100 SXM5 80GB", "nvidia-h100-sxm5"},
        {"NVIDIA V100", "nvidia-v100-sxm2"},
        {"NVIDIA Tesla V100 DGXS 32 GB", "nvidia-v100-sxm2"},
        {"NVIDIA A100 SXM4 80 GB", "nvidia-a100-sxm4-80gb"},
        {"NVIDIA A100 SXM4 40 GB", "nvidia-a100-sxm4-40gb"},
        {"Google TPU v3", "google-tpu-v3"},
        {"Google TPU v4", "google-tpu-v4"},
    };
    for (const auto &[spelling, id] : spellings) {
        const Accelerator *found = bundled->find(spelling);
        ASSERT_NE(found, nullptr) << spelling;
        EXPECT_EQ(found->id, id) << spelling;
        EXPECT_TRUE(found->peak(found->defaultFormat)) << id;
    }
    // Dense tensor peaks from the datasheets: V100 125 TFLOP/s, A100 312 TFLOP/s.
    EXPECT_EQ(bundled->find("NVIDIA V100")->peak(NumberFormat::TensorFP16), 125e12);
    EXPECT_EQ(bundled->find("NVIDIA A100")->peak(NumberFormat::TensorFP16), 312e12);
}

} // namespace
