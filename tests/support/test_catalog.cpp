// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_catalog.h"

#include "core/io/hardware_catalog_json.h"

#include <stdexcept>
#include <utility>

namespace testing_support {
namespace {

const char *const kCatalogJson = R"({"accelerators": [
  {"id": "nvidia-v100", "name": "NVIDIA V100", "manufacturer": "NVIDIA",
   "aliases": ["NVIDIA Tesla V100 DGXS 32 GB", "NVIDIA Tesla V100 DGXS 16 GB"],
   "source": "NVIDIA V100 datasheet", "default_format": "tensor-fp16",
   "peak_flops": {"fp64": 7.8e12, "fp32": 15.7e12, "tensor-fp16": 125e12}},
  {"id": "nvidia-a100", "name": "NVIDIA A100", "manufacturer": "NVIDIA",
   "aliases": ["NVIDIA A100 SXM4 40 GB", "NVIDIA A100 SXM4 80 GB"],
   "source": "NVIDIA A100 datasheet", "default_format": "tensor-fp16",
   "peak_flops": {"fp32": 19.5e12, "tf32": 156e12, "tensor-fp16": 312e12}},
  {"id": "nvidia-h100-sxm5", "name": "NVIDIA H100 SXM5 80GB", "manufacturer": "NVIDIA",
   "source": "NVIDIA H100 datasheet", "default_format": "tensor-fp16",
   "peak_flops": {"fp32": 66.9e12, "tf32": 494.7e12, "tensor-fp16": 989.4e12}},
  {"id": "google-tpu-v3", "name": "Google TPU v3", "manufacturer": "Google",
   "source": "Google Cloud TPU documentation", "default_format": "tensor-fp16",
   "peak_flops": {"tensor-fp16": 123e12}},
  {"id": "google-tpu-v4", "name": "Google TPU v4", "manufacturer": "Google",
   "source": "Google Cloud TPU documentation", "default_format": "tensor-fp16",
   "peak_flops": {"tensor-fp16": 275e12}}
]})";

} // namespace

const compute::HardwareCatalog &testCatalog()
{
    static const compute::HardwareCatalog instance = [] {
        auto parsed = compute::readHardwareCatalogJson(kCatalogJson, "test catalog");
        if (!parsed) throw std::runtime_error(parsed.errorText());
        return std::move(parsed).value();
    }();
    return instance;
}

} // namespace testing_support
