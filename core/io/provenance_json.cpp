// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/provenance_json.h"

#include "core/io/internal/json_document.h"
#include "core/io/internal/json_field_reader.h"
#include "core/util/version.h"

#include <nlohmann/json.hpp>

namespace compute {

std::string writeProvenanceJson(const DatasetProvenance &provenance, std::uint64_t bytes,
                                const std::string &finalUrl)
{
    nlohmann::ordered_json json;
    json["software"] = kAppName;
    json["app_version"] = kAppVersion;
    json["url"] = provenance.url;
    if (!finalUrl.empty() && finalUrl != provenance.url) json["final_url"] = finalUrl;
    json["downloaded_at"] = provenance.downloadedAt;
    json["sha256"] = provenance.sha256;
    json["bytes"] = bytes;
    json["vintage"] = provenance.vintage;
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<DatasetProvenance> readProvenanceJson(std::string_view text, const std::string &sourceName)
{
    Result<nlohmann::json> parsed = parseJson(text, sourceName);
    if (!parsed) return parsed.errors();
    JsonTree tree;
    appendJson(tree, parsed.value());
    if (tree.type(0) != JsonTree::Type::Object)
        return Error{sourceName, "expected a JSON object with \"url\", \"downloaded_at\" and "
                                 "\"sha256\""};
    JsonFieldReader r(sourceName);
    const JsonPath top;
    const JsonObject object{tree, 0, top};
    DatasetProvenance provenance;
    provenance.url = r.string(object, "url", true);
    provenance.downloadedAt = r.string(object, "downloaded_at", true);
    provenance.sha256 = r.string(object, "sha256", true);
    provenance.vintage = r.string(object, "vintage");
    if (provenance.vintage.empty() && isUtcTimestamp(provenance.downloadedAt))
        provenance.vintage = provenance.downloadedAt.substr(0, 10);
    Errors errors = std::move(r.errors());
    for (Error &e : validateProvenance(provenance, sourceName)) {
        // validateProvenance locates under its `where`: "<file>.sha256" reads as a file
        // name, so say "<file>: sha256" instead.
        e.where = sourceName + ": " + e.where.substr(sourceName.size() + 1);
        errors.push_back(std::move(e));
    }
    if (!errors.empty()) return errors;
    return provenance;
}

} // namespace compute
