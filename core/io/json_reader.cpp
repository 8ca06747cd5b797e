// SPDX-License-Identifier: GPL-3.0-or-later
// Reading of the native format (core/io/json_format.h): parse, migrate, read, validate.
#include "core/io/internal/era_json.h"
#include "core/io/internal/json_document.h"
#include "core/io/internal/json_field_reader.h"
#include "core/io/internal/run_fields_json.h"
#include "core/io/json_format.h"
#include "core/io/json_migrations.h"

#include <iterator>

namespace compute {

namespace {

using Index = JsonTree::Index;

std::optional<ComputeEstimate> readEstimate(JsonFieldReader &r, const JsonTree &t, Index node,
                                            const JsonPath &path)
{
    if (!r.isObject(t, node, path)) return std::nullopt;
    const JsonObject e{t, node, path};
    const std::string_view key = r.stringView(e, "method", true);
    const auto method = methodFromKey(key);
    if (!method) {
        if (!key.empty())
            r.fail(path, "method",
                   "unknown method '" + std::string(key) +
                       "' (expected operations, hardware, parameters-tokens or reported)");
        return std::nullopt;
    }
    ComputeEstimate estimate;
    estimate.note = r.string(e, "note");
    switch (*method) {
    case EstimateMethod::Operations: {
        r.checkKeys(e, {"method", "note", "forward_flop_per_example", "backward_forward_ratio",
                        "examples_per_epoch", "epochs"});
        OperationsInputs in;
        in.forwardFlopPerExample = r.numberOr(e, "forward_flop_per_example", 0);
        in.backwardForwardRatio = r.numberOr(e, "backward_forward_ratio", 2);
        in.examplesPerEpoch = r.numberOr(e, "examples_per_epoch", 0);
        in.epochs = r.numberOr(e, "epochs", 1);
        estimate.inputs = in;
        break;
    }
    case EstimateMethod::Hardware: {
        r.checkKeys(e, {"method", "note", "device", "number_format", "device_count",
                        "peak_flops_per_device", "training_hours", "time_unit", "utilization",
                        "adjustment"});
        HardwareInputs in;
        in.device = r.string(e, "device");
        const std::string_view format = r.stringView(e, "number_format");
        if (!format.empty()) {
            if (auto f = numberFormatFromKey(format))
                in.numberFormat = *f;
            else
                r.fail(path, "number_format",
                       "unknown number format '" + std::string(format) + "'");
        }
        in.deviceCount = r.numberOr(e, "device_count", 0);
        in.peakFlopsPerDevice = r.numberOr(e, "peak_flops_per_device", 0);
        in.trainingHours = r.numberOr(e, "training_hours", 0);
        const std::string_view unit = r.stringView(e, "time_unit");
        if (unit == "hours")
            in.timeUnit = TimeUnit::Hours;
        else if (unit.empty() || unit == "days")
            in.timeUnit = TimeUnit::Days;
        else
            r.fail(path, "time_unit", "expected \"hours\" or \"days\"");
        in.utilization = r.numberOr(e, "utilization", 0.33);
        in.adjustment = r.numberOr(e, "adjustment", 1);
        estimate.inputs = std::move(in);
        break;
    }
    case EstimateMethod::ParametersTokens: {
        r.checkKeys(e, {"method", "note", "parameters", "tokens"});
        ParametersTokensInputs in;
        in.parameters = r.numberOr(e, "parameters", 0);
        in.tokens = r.numberOr(e, "tokens", 0);
        estimate.inputs = in;
        break;
    }
    case EstimateMethod::Reported: {
        r.checkKeys(e, {"method", "note", "value", "unit"});
        ReportedInputs in;
        in.value = r.numberOr(e, "value", 0);
        const std::string_view unit = r.stringView(e, "unit");
        if (unit == "pfs-days")
            in.unit = ComputeUnit::PfsDays;
        else if (unit.empty() || unit == "flop")
            in.unit = ComputeUnit::Flop;
        else
            r.fail(path, "unit", "expected \"flop\" or \"pfs-days\"");
        estimate.inputs = in;
        break;
    }
    }
    return estimate;
}

std::optional<TrainingRun> readRun(JsonFieldReader &r, const JsonTree &t, Index node,
                                   const JsonPath &path)
{
    if (!r.isObject(t, node, path)) return std::nullopt;
    const JsonObject j{t, node, path};
    r.checkKeys(j, {"id", "name", "organization", "domain", "date", "estimates", "primary",
                    "parameters", "sources", "notes", "tags", "upper_bound", "confidence", "fields",
                    "extra", "csv_cells"});
    TrainingRun run;
    run.id = r.string(j, "id", true);
    run.name = r.string(j, "name", true);
    run.organization = r.string(j, "organization");
    run.domain = r.string(j, "domain");
    run.date = r.date(j, "date");
    run.notes = r.string(j, "notes");
    run.tags = r.strings(j, "tags");
    run.upperBound = r.boolean(j, "upper_bound");
    run.parameters = r.number(j, "parameters");
    if (auto c = confidenceFromText(r.stringView(j, "confidence")))
        run.confidence = *c;
    else
        r.fail(path, "confidence", "expected confident, likely, speculative or unknown");
    if (const Index primary = r.field(j, "primary"); primary != JsonTree::npos) {
        if (t.type(primary) != JsonTree::Type::Unsigned)
            r.fail(path, "primary", "expected an index (a whole number of 0 or more)");
        else
            run.primary = static_cast<std::size_t>(t.unsignedNumber(primary));
    }
    if (const Index sources = r.array(j, "sources"); sources != JsonTree::npos) {
        const JsonPath sourcesPath = path.key("sources");
        std::size_t i = 0;
        for (Index s = t.begin(sources); s != t.end(sources); s = t.next(s), ++i) {
            const JsonPath at = sourcesPath.at(i);
            if (!r.isObject(t, s, at)) continue;
            const JsonObject source{t, s, at};
            r.checkKeys(source, {"title", "url"});
            run.sources.emplace_back(r.string(source, "title"), r.string(source, "url"));
        }
    }
    if (const Index estimates = r.array(j, "estimates"); estimates != JsonTree::npos) {
        const JsonPath estimatesPath = path.key("estimates");
        run.estimates.reserve(t.size(estimates));
        std::size_t i = 0;
        for (Index e = t.begin(estimates); e != t.end(estimates); e = t.next(e), ++i) {
            if (auto estimate = readEstimate(r, t, e, estimatesPath.at(i)))
                run.estimates.push_back(std::move(*estimate));
        }
    }
    readRunFields(r, j, run);
    return run;
}

DatasetProvenance readProvenance(JsonFieldReader &r, const JsonObject &object)
{
    r.checkKeys(object, {"url", "downloaded_at", "sha256", "vintage"});
    DatasetProvenance provenance;
    provenance.url = r.string(object, "url");
    provenance.downloadedAt = r.string(object, "downloaded_at");
    provenance.sha256 = r.string(object, "sha256");
    provenance.vintage = r.string(object, "vintage");
    return provenance;
}

void readMetadata(JsonFieldReader &r, const JsonObject &meta, DatasetMetadata &metadata)
{
    r.checkKeys(meta, {"title", "description", "license", "citation", "source_url", "hidden_tags",
                       "provenance", "csv_columns"});
    metadata.title = r.string(meta, "title");
    metadata.description = r.string(meta, "description");
    metadata.license = r.string(meta, "license");
    metadata.citation = r.string(meta, "citation");
    metadata.sourceUrl = r.string(meta, "source_url");
    metadata.hiddenTags = r.strings(meta, "hidden_tags");
    metadata.csvColumns = r.strings(meta, "csv_columns");
    // Optional (absent from files written before downloads were kept with their origin).
    if (const auto node = r.field(meta, "provenance"); node != JsonTree::npos) {
        const JsonPath at = meta.path.key("provenance");
        if (r.isObject(meta.tree, node, at))
            metadata.provenance = readProvenance(r, {meta.tree, node, at});
    }
}

} // namespace

Result<Dataset> readDatasetJson(std::string_view bytes, const std::string &sourceName)
{
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error{sourceName, "is empty (expected a JSON object with \"runs\")"};

    // Runs of a current file are read while the parser streams them (no DOM of 100,000
    // runs); their errors wait in runReader to be reported after those of the top level.
    Dataset dataset;
    JsonFieldReader runReader(sourceName);
    const JsonPath top;
    const JsonPath runsPath = top.key("runs");
    auto readStreamedRun = [&](const JsonTree &tree, std::size_t i) {
        if (i == 0) {
            dataset.runs.clear();
            runReader.errors().clear();
        }
        if (auto run = readRun(runReader, tree, 0, runsPath.at(i)))
            dataset.runs.push_back(std::move(*run));
    };
    Result<JsonDocument> parsed = parseJsonDocument(
        bytes, sourceName, {kRunsUnchangedSinceVersion, kSchemaVersion}, readStreamedRun);
    if (!parsed) return parsed.errors();
    JsonDocument &document = parsed.value();
    if (!document.runsStreamed) {
        dataset.runs.clear();
        runReader.errors().clear();
    }
    if (!document.root.is_object())
        return Error{sourceName, std::string("expected a JSON object at the top level, got ") +
                                     document.root.type_name()};
    if (Errors errors = migrateToCurrent(document.root, sourceName); !errors.empty()) return errors;

    JsonTree tree;
    appendJson(tree, document.root);
    JsonFieldReader r(sourceName);
    const JsonObject root{tree, 0, top};
    r.checkKeys(root, {"schema_version", "app_version", "metadata", "era_schemes", "runs"});
    (void)r.stringView(root, "app_version");
    if (const Index meta = r.field(root, "metadata"); meta != JsonTree::npos) {
        const JsonPath at = top.key("metadata");
        if (r.isObject(tree, meta, at)) readMetadata(r, {tree, meta, at}, dataset.metadata);
    }
    if (const Index schemes = r.array(root, "era_schemes"); schemes != JsonTree::npos) {
        const JsonPath schemesPath = top.key("era_schemes");
        std::size_t i = 0;
        for (Index s = tree.begin(schemes); s != tree.end(schemes); s = tree.next(s), ++i)
            dataset.eraSchemes.push_back(readEraScheme(r, tree, s, schemesPath.at(i)));
    }
    if (const Index runs = r.array(root, "runs"); runs != JsonTree::npos) {
        Errors &runErrors = runReader.errors();
        r.errors().insert(r.errors().end(), std::make_move_iterator(runErrors.begin()),
                          std::make_move_iterator(runErrors.end()));
        dataset.runs.reserve(dataset.runs.size() + tree.size(runs));
        std::size_t i = 0;
        for (Index run = tree.begin(runs); run != tree.end(runs); run = tree.next(run), ++i) {
            if (auto read = readRun(r, tree, run, runsPath.at(i)))
                dataset.runs.push_back(std::move(*read));
        }
    } else if (r.field(root, "runs") == JsonTree::npos) {
        r.fail(runsPath, "missing (expected an array of training runs)");
    }
    if (!r.errors().empty()) return std::move(r.errors());

    Errors invalid = dataset.validate();
    if (!invalid.empty()) {
        for (Error &e : invalid)
            e.where = sourceName + ": " + e.where;
        return invalid;
    }
    return dataset;
}

} // namespace compute
