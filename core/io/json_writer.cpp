// SPDX-License-Identifier: GPL-3.0-or-later
// Writing of the native format (core/io/json_format.h): deterministic bytes, one run per line.
#include "core/io/json_format.h"

#include "core/io/internal/era_json.h"
#include "core/io/internal/run_fields_json.h"

#include "core/util/version.h"

#include <nlohmann/json.hpp>

namespace compute {

using ordered_json = nlohmann::ordered_json;

namespace {

ordered_json estimateToJson(const ComputeEstimate &estimate)
{
    ordered_json j;
    j["method"] = std::string(methodKey(estimate.method()));
    std::visit(
        [&](const auto &in) {
            using T = std::decay_t<decltype(in)>;
            if constexpr (std::is_same_v<T, OperationsInputs>) {
                j["forward_flop_per_example"] = in.forwardFlopPerExample;
                j["backward_forward_ratio"] = in.backwardForwardRatio;
                j["examples_per_epoch"] = in.examplesPerEpoch;
                j["epochs"] = in.epochs;
            } else if constexpr (std::is_same_v<T, HardwareInputs>) {
                if (!in.device.empty()) j["device"] = in.device;
                j["number_format"] = std::string(numberFormatKey(in.numberFormat));
                j["device_count"] = in.deviceCount;
                j["peak_flops_per_device"] = in.peakFlopsPerDevice;
                j["training_hours"] = in.trainingHours;
                j["time_unit"] = in.timeUnit == TimeUnit::Hours ? "hours" : "days";
                j["utilization"] = in.utilization;
                if (in.adjustment != 1) j["adjustment"] = in.adjustment;
            } else if constexpr (std::is_same_v<T, ParametersTokensInputs>) {
                j["parameters"] = in.parameters;
                j["tokens"] = in.tokens;
            } else {
                j["value"] = in.value;
                j["unit"] = in.unit == ComputeUnit::Flop ? "flop" : "pfs-days";
            }
        },
        estimate.inputs);
    if (!estimate.note.empty()) j["note"] = estimate.note;
    return j;
}

ordered_json runToJson(const TrainingRun &run, const epoch::HeaderPlan &plan)
{
    ordered_json j;
    j["id"] = run.id;
    j["name"] = run.name;
    if (!run.organization.empty()) j["organization"] = run.organization;
    if (!run.domain.empty()) j["domain"] = run.domain;
    if (run.date) j["date"] = run.date->toIso();
    if (run.parameters) j["parameters"] = *run.parameters;
    if (run.upperBound) j["upper_bound"] = true;
    if (run.confidence != Confidence::Unknown)
        j["confidence"] = std::string(confidenceKey(run.confidence));
    if (run.primary != 0) j["primary"] = run.primary;
    if (!run.estimates.empty()) {
        ordered_json estimates = ordered_json::array();
        for (const ComputeEstimate &e : run.estimates)
            estimates.push_back(estimateToJson(e));
        j["estimates"] = std::move(estimates);
    }
    if (!run.sources.empty()) {
        ordered_json sources = ordered_json::array();
        for (const Source &s : run.sources) {
            ordered_json source;
            if (!s.title.empty()) source["title"] = s.title;
            if (!s.url.empty()) source["url"] = s.url;
            sources.push_back(std::move(source));
        }
        j["sources"] = std::move(sources);
    }
    if (!run.tags.empty()) j["tags"] = run.tags.toVector();
    if (!run.notes.empty()) j["notes"] = run.notes;
    putRunFields(j, run, plan);
    return j;
}

std::string dump(const ordered_json &j)
{
    // Invalid UTF-8 (from a mis-encoded CSV, say) is replaced rather than aborting a save.
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

std::string writeDatasetJson(const Dataset &dataset)
{
    ordered_json meta;
    const DatasetMetadata &m = dataset.metadata;
    if (!m.title.empty()) meta["title"] = m.title;
    if (!m.description.empty()) meta["description"] = m.description;
    if (!m.license.empty()) meta["license"] = m.license;
    if (!m.citation.empty()) meta["citation"] = m.citation;
    if (!m.sourceUrl.empty()) meta["source_url"] = m.sourceUrl;
    if (!m.hiddenTags.empty()) meta["hidden_tags"] = m.hiddenTags;
    if (!m.provenance.empty()) {
        // Optional and last, so that a dataset without it is written as before.
        const DatasetProvenance &p = m.provenance;
        ordered_json provenance = ordered_json::object();
        if (!p.url.empty()) provenance["url"] = p.url;
        if (!p.downloadedAt.empty()) provenance["downloaded_at"] = p.downloadedAt;
        if (!p.sha256.empty()) provenance["sha256"] = p.sha256;
        if (!p.vintage.empty()) provenance["vintage"] = p.vintage;
        meta["provenance"] = std::move(provenance);
    }
    if (!m.csvColumns.empty()) meta["csv_columns"] = m.csvColumns;
    if (meta.is_null()) meta = ordered_json::object();

    std::string out;
    out.reserve(256 + dataset.runs.size() * 320);
    out += "{\n  \"schema_version\": " + std::to_string(kSchemaVersion) + ",\n";
    out += "  \"app_version\": " + dump(ordered_json(std::string(kAppVersion))) + ",\n";
    std::string metaText = meta.dump(2, ' ', false, ordered_json::error_handler_t::replace);
    for (std::size_t pos = metaText.find('\n'); pos != std::string::npos;
         pos = metaText.find('\n', pos + 3))
        metaText.replace(pos, 1, "\n  ");
    out += "  \"metadata\": " + metaText;
    out += ",\n  \"era_schemes\": [";
    for (std::size_t i = 0; i < dataset.eraSchemes.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += dump(eraSchemeToJson(dataset.eraSchemes[i]));
    }
    out += dataset.eraSchemes.empty() ? "],\n" : "\n  ],\n";
    const epoch::HeaderPlan plan = epoch::planHeader(m.csvColumns);
    out += "  \"runs\": [";
    for (std::size_t i = 0; i < dataset.runs.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += dump(runToJson(dataset.runs[i], plan));
    }
    out += dataset.runs.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace compute
