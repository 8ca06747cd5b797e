// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/hardware_catalog_json.h"

#include "core/io/internal/json_document.h"
#include "core/io/internal/json_field_reader.h"

#include <optional>
#include <utility>
#include <vector>

namespace compute {
namespace {

using Index = JsonTree::Index;

constexpr const char *kFormatKeys = "fp64, fp32, fp16, tf32, tensor-fp16 or int8";

std::string unknownFormat(std::string_view key)
{
    return "unknown number format '" + std::string(key) + "' (expected " + kFormatKeys + ")";
}

// The peaks of "peak_flops" into `a`; false when there is no object of them to read.
bool readPeaks(JsonFieldReader &r, const JsonObject &entry, Accelerator &a)
{
    const JsonTree &t = entry.tree;
    const Index peaks = r.field(entry, "peak_flops");
    if (peaks == JsonTree::npos || t.type(peaks) != JsonTree::Type::Object || t.size(peaks) == 0) {
        r.fail(entry.path, "peak_flops", "expected an object of format -> FLOP/s");
        return false;
    }
    const JsonPath path = entry.path.key("peak_flops");
    for (Index m = t.begin(peaks); m != t.end(peaks); m = t.next(m)) {
        const std::string_view key = t.key(m);
        const auto format = numberFormatFromKey(key);
        if (!format) {
            r.fail(path, key, unknownFormat(key));
            continue;
        }
        if (!t.isNumber(m)) {
            r.fail(path, key, std::string("expected a positive number, got ") + t.typeName(m));
            continue;
        }
        const double value = t.number(m); // finite: the parser refuses 1e999
        if (!(value > 0)) {
            r.fail(path, key, "expected a positive number");
            continue;
        }
        a.peakFlops[*format] = value;
    }
    return true;
}

// An entry, or nullopt when it has no peaks (the catalog is refused either way when
// anything was reported).
std::optional<Accelerator> readAccelerator(JsonFieldReader &r, const JsonObject &entry,
                                           const HardwareCatalog &earlier)
{
    const JsonTree &t = entry.tree;
    Accelerator a;
    a.id = r.string(entry, "id", true);
    a.name = r.string(entry, "name", true);
    a.manufacturer = r.string(entry, "manufacturer");
    a.released = r.string(entry, "released");
    a.source = r.string(entry, "source", true);
    a.note = r.string(entry, "note");
    const Index aliases = r.field(entry, "aliases");
    if (aliases != JsonTree::npos && t.type(aliases) != JsonTree::Type::Array)
        r.fail(entry.path, "aliases",
               std::string("expected an array of strings, got ") + t.typeName(aliases));
    else
        a.aliases = r.strings(entry, "aliases");
    if (!readPeaks(r, entry, a)) return std::nullopt;

    const std::string_view defaultFormat = r.stringView(entry, "default_format", true);
    if (const auto f = numberFormatFromKey(defaultFormat)) {
        a.defaultFormat = *f;
        if (!a.peak(*f)) r.fail(entry.path, "default_format", "has no peak_flops entry");
    } else if (!defaultFormat.empty()) {
        r.fail(entry.path, "default_format", unknownFormat(defaultFormat));
    }

    // Every spelling must lead to one accelerator; say which field repeats which.
    auto unique = [&](const JsonPath &at, const std::string &spelling) {
        if (const Accelerator *other = earlier.find(spelling))
            r.fail(at, "'" + spelling + "' is already used by " + other->id);
    };
    unique(entry.path.key("id"), a.id);
    unique(entry.path.key("name"), a.name);
    const JsonPath aliasesPath = entry.path.key("aliases");
    for (std::size_t k = 0; k < a.aliases.size(); ++k)
        unique(aliasesPath.at(k), a.aliases[k]);
    return a;
}

} // namespace

Result<HardwareCatalog> readHardwareCatalogJson(std::string_view text,
                                                const std::string &sourceName)
{
    Result<nlohmann::json> parsed = parseJson(text, sourceName);
    if (!parsed) return parsed.errors();
    JsonTree tree;
    appendJson(tree, parsed.value());
    const Index entries =
        tree.type(0) == JsonTree::Type::Object ? tree.find(0, "accelerators") : JsonTree::npos;
    if (entries == JsonTree::npos || tree.type(entries) != JsonTree::Type::Array)
        return Error{sourceName, "expected an object with an array \"accelerators\""};

    HardwareCatalog catalog;
    JsonFieldReader r(sourceName);
    const JsonPath top;
    const JsonPath list = top.key("accelerators");
    std::size_t i = 0;
    for (Index e = tree.begin(entries); e != tree.end(entries); e = tree.next(e), ++i) {
        const JsonPath at = list.at(i);
        if (!r.isObject(tree, e, at)) continue;
        if (auto accelerator = readAccelerator(r, {tree, e, at}, catalog))
            catalog.add(std::move(*accelerator));
    }
    if (!r.errors().empty()) return std::move(r.errors());
    return catalog;
}

} // namespace compute
