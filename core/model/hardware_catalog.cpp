// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/hardware_catalog.h"

#include "core/util/text_util.h"

#include <utility>

namespace compute {

std::string_view numberFormatKey(NumberFormat format)
{
    switch (format) {
    case NumberFormat::FP64:
        return "fp64";
    case NumberFormat::FP32:
        return "fp32";
    case NumberFormat::FP16:
        return "fp16";
    case NumberFormat::TF32:
        return "tf32";
    case NumberFormat::TensorFP16:
        return "tensor-fp16";
    case NumberFormat::INT8:
        return "int8";
    }
    return "fp32";
}

std::string_view numberFormatLabel(NumberFormat format)
{
    switch (format) {
    case NumberFormat::FP64:
        return "FP64";
    case NumberFormat::FP32:
        return "FP32";
    case NumberFormat::FP16:
        return "FP16";
    case NumberFormat::TF32:
        return "TF32 (tensor)";
    case NumberFormat::TensorFP16:
        return "FP16/BF16 (tensor)";
    case NumberFormat::INT8:
        return "INT8";
    }
    return "FP32";
}

std::optional<NumberFormat> numberFormatFromKey(std::string_view key)
{
    for (NumberFormat f : kAllNumberFormats)
        if (numberFormatKey(f) == key) return f;
    return std::nullopt;
}

std::optional<NumberFormat> numberFormatFromText(std::string_view text)
{
    const std::string t = normalizedKey(text);
    if (t.empty()) return std::nullopt;
    if (auto key = numberFormatFromKey(text)) return key;
    if (t == "fp64") return NumberFormat::FP64;
    if (t == "fp32") return NumberFormat::FP32;
    if (t == "tf32") return NumberFormat::TF32;
    if (t == "int8") return NumberFormat::INT8;
    // Epoch writes FP16/BF16 training on tensor hardware as "FP16", "BF16" or "TF16".
    if (t == "fp16" || t == "bf16" || t == "tf16" || t == "fp16bf16" || t == "tensorfp16")
        return NumberFormat::TensorFP16;
    return std::nullopt;
}

std::optional<double> Accelerator::peak(NumberFormat format) const
{
    const auto it = peakFlops.find(format);
    if (it == peakFlops.end()) return std::nullopt;
    return it->second;
}

void HardwareCatalog::add(Accelerator accelerator)
{
    const std::size_t position = m_accelerators.size();
    m_accelerators.push_back(std::move(accelerator));
    const Accelerator &a = m_accelerators.back();
    auto index = [&](const std::string &spelling) {
        std::string key = normalizedKey(spelling);
        if (!key.empty()) m_index.emplace(std::move(key), position); // the first one keeps it
    };
    index(a.id);
    index(a.name);
    for (const std::string &alias : a.aliases)
        index(alias);
}

const Accelerator *HardwareCatalog::find(std::string_view idOrName) const
{
    const auto it = m_index.find(normalizedKey(idOrName));
    return it == m_index.end() ? nullptr : &m_accelerators[it->second];
}

} // namespace compute
