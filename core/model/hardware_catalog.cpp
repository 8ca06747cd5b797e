// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/hardware_catalog.h"

#include "core/util/text_util.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace compute {

using nlohmann::json;

namespace {
constexpr const char *kFormatKeys = "fp64, fp32, fp16, tf32, tensor-fp16 or int8";
}

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

Result<HardwareCatalog> HardwareCatalog::fromJson(std::string_view text,
                                                  const std::string &sourceName)
{
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception &e) { // parse_error; out_of_range for 1e999
        return Error{sourceName, std::string("not valid JSON: ") + e.what()};
    }
    const auto entries = root.find("accelerators");
    if (!root.is_object() || entries == root.end() || !entries->is_array())
        return Error{sourceName, "expected an object with an array \"accelerators\""};

    HardwareCatalog catalog;
    Errors errors;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const json &entry = (*entries)[i];
        const std::string where = sourceName + ": accelerators[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            errors.push_back({where, "expected an object"});
            continue;
        }
        Accelerator a;
        auto str = [&](const char *key, std::string &out, bool required) {
            const auto it = entry.find(key);
            if (it == entry.end() || it->is_null()) {
                if (required) errors.push_back({where + "." + key, "missing (expected a string)"});
                return;
            }
            if (!it->is_string())
                errors.push_back({where + "." + key, "expected a string"});
            else
                out = it->get<std::string>();
        };
        str("id", a.id, true);
        str("name", a.name, true);
        str("manufacturer", a.manufacturer, false);
        str("released", a.released, false);
        str("source", a.source, true);
        str("note", a.note, false);
        if (auto it = entry.find("aliases"); it != entry.end()) {
            if (!it->is_array())
                errors.push_back({where + ".aliases", "expected an array of strings"});
            else
                for (std::size_t k = 0; k < it->size(); ++k) {
                    if ((*it)[k].is_string())
                        a.aliases.push_back((*it)[k].get<std::string>());
                    else
                        errors.push_back(
                            {where + ".aliases[" + std::to_string(k) + "]", "expected a string"});
                }
        }
        const auto peaks = entry.find("peak_flops");
        if (peaks == entry.end() || !peaks->is_object() || peaks->empty()) {
            errors.push_back({where + ".peak_flops", "expected an object of format -> FLOP/s"});
            continue;
        }
        for (const auto &[key, value] : peaks->items()) {
            const auto format = numberFormatFromKey(key);
            if (!format) {
                errors.push_back(
                    {where + ".peak_flops." + key,
                     "unknown number format '" + key + "' (expected " + kFormatKeys + ")"});
                continue;
            }
            if (!value.is_number() || !std::isfinite(value.get<double>()) ||
                value.get<double>() <= 0) {
                errors.push_back({where + ".peak_flops." + key, "expected a positive number"});
                continue;
            }
            a.peakFlops[*format] = value.get<double>();
        }
        std::string defaultFormat;
        str("default_format", defaultFormat, true);
        if (const auto f = numberFormatFromKey(defaultFormat)) {
            a.defaultFormat = *f;
            if (!a.peak(*f))
                errors.push_back({where + ".default_format", "has no peak_flops entry"});
        } else if (!defaultFormat.empty()) {
            errors.push_back({where + ".default_format", "unknown number format '" + defaultFormat +
                                                             "' (expected " + kFormatKeys + ")"});
        }

        const std::size_t position = catalog.m_accelerators.size();
        // Every spelling must lead to one accelerator; say which field repeats which.
        std::vector<std::pair<std::string, std::string>> keys{{".id", a.id}, {".name", a.name}};
        for (std::size_t k = 0; k < a.aliases.size(); ++k)
            keys.emplace_back(".aliases[" + std::to_string(k) + "]", a.aliases[k]);
        for (const auto &[field, key] : keys) {
            const std::string normal = normalizedKey(key);
            if (normal.empty()) continue;
            const auto [it, inserted] = catalog.m_index.emplace(normal, position);
            if (!inserted && it->second != position)
                errors.push_back({where + field, "'" + key + "' is already used by " +
                                                     catalog.m_accelerators[it->second].id});
        }
        catalog.m_accelerators.push_back(std::move(a));
    }
    if (!errors.empty()) return errors;
    return catalog;
}

const Accelerator *HardwareCatalog::find(std::string_view idOrName) const
{
    const auto it = m_index.find(normalizedKey(idOrName));
    return it == m_index.end() ? nullptr : &m_accelerators[it->second];
}

} // namespace compute
