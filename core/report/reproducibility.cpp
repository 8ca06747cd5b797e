// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/reproducibility.h"

#include "core/io/json_format.h"
#include "core/report/fit_json.h"
#include "core/util/sha256.h"
#include "core/util/version.h"

namespace compute {

std::string datasetContentHash(const Dataset &dataset)
{
    std::string bytes = writeDatasetJson(dataset);
    // The writer puts "app_version" on a line of its own near the top.
    const std::string key = "\n  \"app_version\":";
    const std::size_t at = bytes.find(key);
    if (at != std::string::npos) {
        const std::size_t end = bytes.find('\n', at + 1);
        bytes.erase(at + 1, end == std::string::npos ? std::string::npos : end - at);
    }
    return sha256Hex(bytes);
}

std::string reproducibilityJson(const Dataset &dataset, const FigureProvenance &figure)
{
    using fit_json::ordered_json;
    ordered_json root;
    root["software"] = kAppName;
    root["app_version"] = kAppVersion;
    ordered_json data;
    data["title"] = dataset.metadata.title;
    data["runs"] = dataset.runs.size();
    data["content_sha256"] = datasetContentHash(dataset);
    data["content_hash_of"] = "the dataset in the native JSON format without its app_version line";
    // The vintage of downloaded data, next to the hash of what the figure was made from;
    // null for data that was not downloaded through the app.
    const DatasetProvenance &p = dataset.metadata.provenance;
    auto orNull = [](const std::string &text) {
        return text.empty() ? ordered_json(nullptr) : ordered_json(text);
    };
    data["data_vintage"] = orNull(p.vintage);
    data["downloaded_from"] = orNull(p.url);
    data["downloaded_at"] = orNull(p.downloadedAt);
    data["download_sha256"] = orNull(p.sha256);
    root["dataset"] = std::move(data);
    root["era_scheme"] =
        figure.eraScheme.empty() ? ordered_json(nullptr) : ordered_json(figure.eraScheme);
    root["units"] = figure.units == ComputeUnit::Flop ? "flop" : "pfs-days";
    root["include_hidden"] = figure.includeHidden;
    root["method"] = "ordinary least squares of log10(FLOP) on years since 1970-01-01 "
                     "(days / 365.25); 95% intervals from Student t with n - 2 degrees of freedom";
    ordered_json eras = ordered_json::array();
    for (const EraFit &fit : figure.fits)
        eras.push_back(fit_json::eraFit(fit));
    root["eras"] = std::move(eras);
    return fit_json::dump(root);
}

} // namespace compute
