// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// Number formats an accelerator's peak throughput is quoted in.
enum class NumberFormat : std::uint8_t { FP64, FP32, FP16, TF32, TensorFP16, INT8 };

inline constexpr NumberFormat kAllNumberFormats[] = {NumberFormat::FP64,       NumberFormat::FP32,
                                                     NumberFormat::FP16,       NumberFormat::TF32,
                                                     NumberFormat::TensorFP16, NumberFormat::INT8};

std::string_view numberFormatKey(NumberFormat format);   // "fp32", "tensor-fp16", ...
std::string_view numberFormatLabel(NumberFormat format); // "FP32", "Tensor FP16/BF16", ...
std::optional<NumberFormat> numberFormatFromKey(std::string_view key);
// Also understands Epoch's "Numerical format" cells ("FP32", "BF16", "TF16", "FP16"...).
std::optional<NumberFormat> numberFormatFromText(std::string_view text);

// One accelerator (GPU, TPU chip) with its dense peak throughput per format.
struct Accelerator {
    std::string id;           // stable key used in datasets: "nvidia-v100-sxm2"
    std::string name;         // "NVIDIA Tesla V100 SXM2 16 GB"
    std::string manufacturer; // "NVIDIA"
    std::string released;     // ISO date or year, as the source gives it
    std::map<NumberFormat, double> peakFlops;
    NumberFormat defaultFormat = NumberFormat::FP32; // what training typically used
    std::vector<std::string> aliases; // other spellings (Epoch's "Training hardware")
    std::string source;               // where the figures come from
    std::string note;

    std::optional<double> peak(NumberFormat format) const;
};

// The accelerators the hardware estimate can pick from (the app loads
// resources/hardware/accelerators.json with readHardwareCatalogJson, core/io).
class HardwareCatalog {
public:
    // Appends an accelerator. A spelling (id, name or alias) that an earlier accelerator
    // already has keeps finding that one: check with find() first to refuse it.
    void add(Accelerator accelerator);

    const std::vector<Accelerator> &accelerators() const { return m_accelerators; }
    // Looks up by id, then by name or alias ignoring case, spaces and punctuation.
    const Accelerator *find(std::string_view idOrName) const;

private:
    std::vector<Accelerator> m_accelerators;
    std::map<std::string, std::size_t> m_index; // normalised id/name/alias -> position
};

} // namespace compute
