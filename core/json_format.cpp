#include "core/json_format.h"

#include "core/json_migrations.h"
#include "core/version.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace compute {

using nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace {

std::string join(const std::string &path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Walks a parsed document and collects every problem with its JSON path, so a
// user sees all of them at once rather than one per attempt.
class Reader {
public:
    explicit Reader(std::string sourceName) : m_source(std::move(sourceName)) {}

    Errors &errors() { return m_errors; }
    void fail(const std::string &path, const std::string &message)
    {
        m_errors.push_back({m_source + ": " + path, message});
    }

    // Reports keys of `object` that are not in `known` (typos would otherwise be lost
    // on the next save).
    void checkKeys(const json &object, const std::string &path,
                   std::initializer_list<std::string_view> known)
    {
        for (const auto &item : object.items()) {
            bool found = false;
            for (std::string_view k : known)
                found = found || item.key() == k;
            if (!found) fail(join(path, item.key()), "unknown field");
        }
    }

    const json *field(const json &object, const char *key)
    {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    std::string string(const json &object, const std::string &path, const char *key,
                       bool required = false)
    {
        const json *value = field(object, key);
        if (!value) {
            if (required) fail(join(path, key), "missing (expected a string)");
            return {};
        }
        if (!value->is_string()) {
            fail(join(path, key), std::string("expected a string, got ") + value->type_name());
            return {};
        }
        return value->get<std::string>();
    }

    std::optional<double> number(const json &object, const std::string &path, const char *key,
                                 bool required = false)
    {
        const json *value = field(object, key);
        if (!value) {
            if (required) fail(join(path, key), "missing (expected a number)");
            return std::nullopt;
        }
        if (!value->is_number()) {
            fail(join(path, key), std::string("expected a number, got ") + value->type_name());
            return std::nullopt;
        }
        const double d = value->get<double>();
        if (!std::isfinite(d)) {
            fail(join(path, key), "expected a finite number");
            return std::nullopt;
        }
        return d;
    }

    double numberOr(const json &object, const std::string &path, const char *key, double fallback)
    {
        return number(object, path, key).value_or(fallback);
    }

    bool boolean(const json &object, const std::string &path, const char *key)
    {
        const json *value = field(object, key);
        if (!value) return false;
        if (!value->is_boolean()) {
            fail(join(path, key), std::string("expected true or false, got ") + value->type_name());
            return false;
        }
        return value->get<bool>();
    }

    std::optional<Date> date(const json &object, const std::string &path, const char *key)
    {
        const std::string text = string(object, path, key);
        if (text.empty()) return std::nullopt;
        auto parsed = Date::fromIso(text);
        if (!parsed)
            fail(join(path, key),
                 "'" + text + "' is not a date (expected yyyy-mm-dd, yyyy-mm or yyyy)");
        return parsed;
    }

    const json *array(const json &object, const std::string &path, const char *key)
    {
        const json *value = field(object, key);
        if (!value) return nullptr;
        if (!value->is_array()) {
            fail(join(path, key), std::string("expected an array, got ") + value->type_name());
            return nullptr;
        }
        return value;
    }

    bool isObject(const json &value, const std::string &path)
    {
        if (value.is_object()) return true;
        fail(path, std::string("expected an object, got ") + value.type_name());
        return false;
    }

    std::vector<std::string> strings(const json &object, const std::string &path, const char *key)
    {
        std::vector<std::string> out;
        if (const json *list = array(object, path, key)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const json &item = (*list)[i];
                if (item.is_string())
                    out.push_back(item.get<std::string>());
                else
                    fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string");
            }
        }
        return out;
    }

private:
    std::string m_source;
    Errors m_errors;
};

std::optional<ComputeEstimate> readEstimate(Reader &r, const json &e, const std::string &path)
{
    if (!r.isObject(e, path)) return std::nullopt;
    const std::string key = r.string(e, path, "method", true);
    const auto method = methodFromKey(key);
    if (!method) {
        if (!key.empty())
            r.fail(path + ".method", "unknown method '" + key +
                                         "' (expected operations, hardware, parameters-tokens "
                                         "or reported)");
        return std::nullopt;
    }
    ComputeEstimate estimate;
    estimate.note = r.string(e, path, "note");
    switch (*method) {
    case EstimateMethod::Operations: {
        r.checkKeys(e, path,
                    {"method", "note", "forward_flop_per_example", "backward_forward_ratio",
                     "examples_per_epoch", "epochs"});
        OperationsInputs in;
        in.forwardFlopPerExample = r.numberOr(e, path, "forward_flop_per_example", 0);
        in.backwardForwardRatio = r.numberOr(e, path, "backward_forward_ratio", 2);
        in.examplesPerEpoch = r.numberOr(e, path, "examples_per_epoch", 0);
        in.epochs = r.numberOr(e, path, "epochs", 1);
        estimate.inputs = in;
        break;
    }
    case EstimateMethod::Hardware: {
        r.checkKeys(e, path,
                    {"method", "note", "device", "number_format", "device_count",
                     "peak_flops_per_device", "training_hours", "time_unit", "utilization",
                     "adjustment"});
        HardwareInputs in;
        in.device = r.string(e, path, "device");
        const std::string format = r.string(e, path, "number_format");
        if (!format.empty()) {
            if (auto f = numberFormatFromKey(format))
                in.numberFormat = *f;
            else
                r.fail(path + ".number_format", "unknown number format '" + format + "'");
        }
        in.deviceCount = r.numberOr(e, path, "device_count", 0);
        in.peakFlopsPerDevice = r.numberOr(e, path, "peak_flops_per_device", 0);
        in.trainingHours = r.numberOr(e, path, "training_hours", 0);
        const std::string unit = r.string(e, path, "time_unit");
        if (unit == "hours")
            in.timeUnit = TimeUnit::Hours;
        else if (unit.empty() || unit == "days")
            in.timeUnit = TimeUnit::Days;
        else
            r.fail(path + ".time_unit", "expected \"hours\" or \"days\"");
        in.utilization = r.numberOr(e, path, "utilization", 0.33);
        in.adjustment = r.numberOr(e, path, "adjustment", 1);
        estimate.inputs = in;
        break;
    }
    case EstimateMethod::ParametersTokens: {
        r.checkKeys(e, path, {"method", "note", "parameters", "tokens"});
        ParametersTokensInputs in;
        in.parameters = r.numberOr(e, path, "parameters", 0);
        in.tokens = r.numberOr(e, path, "tokens", 0);
        estimate.inputs = in;
        break;
    }
    case EstimateMethod::Reported: {
        r.checkKeys(e, path, {"method", "note", "value", "unit"});
        ReportedInputs in;
        in.value = r.numberOr(e, path, "value", 0);
        const std::string unit = r.string(e, path, "unit");
        if (unit == "pfs-days")
            in.unit = ComputeUnit::PfsDays;
        else if (unit.empty() || unit == "flop")
            in.unit = ComputeUnit::Flop;
        else
            r.fail(path + ".unit", "expected \"flop\" or \"pfs-days\"");
        estimate.inputs = in;
        break;
    }
    }
    return estimate;
}

std::optional<TrainingRun> readRun(Reader &r, const json &j, const std::string &path)
{
    if (!r.isObject(j, path)) return std::nullopt;
    r.checkKeys(j, path,
                {"id", "name", "organization", "domain", "date", "estimates", "primary",
                 "parameters", "sources", "notes", "tags", "upper_bound", "confidence"});
    TrainingRun run;
    run.id = r.string(j, path, "id", true);
    run.name = r.string(j, path, "name", true);
    run.organization = r.string(j, path, "organization");
    run.domain = r.string(j, path, "domain");
    run.date = r.date(j, path, "date");
    run.notes = r.string(j, path, "notes");
    run.tags = r.strings(j, path, "tags");
    run.upperBound = r.boolean(j, path, "upper_bound");
    run.parameters = r.number(j, path, "parameters");
    const std::string confidence = r.string(j, path, "confidence");
    if (auto c = confidenceFromText(confidence))
        run.confidence = *c;
    else
        r.fail(path + ".confidence", "expected confident, likely, speculative or unknown");
    if (const json *primary = r.field(j, "primary")) {
        if (!primary->is_number_unsigned())
            r.fail(path + ".primary", "expected an index (a whole number of 0 or more)");
        else
            run.primary = primary->get<std::size_t>();
    }
    if (const json *sources = r.array(j, path, "sources")) {
        for (std::size_t i = 0; i < sources->size(); ++i) {
            const std::string at = path + ".sources[" + std::to_string(i) + "]";
            if (!r.isObject((*sources)[i], at)) continue;
            r.checkKeys((*sources)[i], at, {"title", "url"});
            run.sources.push_back(
                {r.string((*sources)[i], at, "title"), r.string((*sources)[i], at, "url")});
        }
    }
    if (const json *estimates = r.array(j, path, "estimates")) {
        for (std::size_t i = 0; i < estimates->size(); ++i) {
            auto e =
                readEstimate(r, (*estimates)[i], path + ".estimates[" + std::to_string(i) + "]");
            if (e) run.estimates.push_back(std::move(*e));
        }
    }
    return run;
}

EraScheme readScheme(Reader &r, const json &j, const std::string &path)
{
    EraScheme scheme;
    if (!r.isObject(j, path)) return scheme;
    r.checkKeys(j, path, {"name", "description", "eras"});
    scheme.name = r.string(j, path, "name", true);
    scheme.description = r.string(j, path, "description");
    if (const json *eras = r.array(j, path, "eras")) {
        for (std::size_t i = 0; i < eras->size(); ++i) {
            const std::string at = path + ".eras[" + std::to_string(i) + "]";
            const json &e = (*eras)[i];
            if (!r.isObject(e, at)) continue;
            r.checkKeys(e, at, {"name", "from", "to", "color"});
            Era era;
            era.name = r.string(e, at, "name", true);
            era.from = r.date(e, at, "from");
            era.to = r.date(e, at, "to");
            const std::string color = r.string(e, at, "color");
            if (!color.empty()) era.color = color;
            scheme.eras.push_back(std::move(era));
        }
    }
    return scheme;
}

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

ordered_json runToJson(const TrainingRun &run)
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
    if (!run.tags.empty()) j["tags"] = run.tags;
    if (!run.notes.empty()) j["notes"] = run.notes;
    return j;
}

ordered_json schemeToJson(const EraScheme &scheme)
{
    ordered_json j;
    j["name"] = scheme.name;
    if (!scheme.description.empty()) j["description"] = scheme.description;
    ordered_json eras = ordered_json::array();
    for (const Era &era : scheme.eras) {
        ordered_json e;
        e["name"] = era.name;
        if (era.from) e["from"] = era.from->toIso();
        if (era.to) e["to"] = era.to->toIso();
        e["color"] = era.color;
        eras.push_back(std::move(e));
    }
    j["eras"] = std::move(eras);
    return j;
}

// The JSON path at which parsing stopped ("runs[3].name"), found by parsing again
// with a callback that follows objects and arrays. Only run after a failure, so the
// common case pays nothing for it.
std::string pathWhereParsingStops(std::string_view bytes)
{
    struct Level {
        bool isArray = false;
        std::size_t index = 0; // elements of an array completed so far
        std::string key;       // last key read in an object
    };
    std::vector<Level> levels;
    auto track = [&](int, json::parse_event_t event, json &parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
            levels.push_back({false, 0, {}});
            break;
        case json::parse_event_t::array_start:
            levels.push_back({true, 0, {}});
            break;
        case json::parse_event_t::key:
            levels.back().key = parsed.get<std::string>();
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            levels.pop_back();
            [[fallthrough]];
        case json::parse_event_t::value:
            if (!levels.empty() && levels.back().isArray) ++levels.back().index;
            break;
        }
        return true;
    };
    try {
        const json discarded = json::parse(bytes.begin(), bytes.end(), track);
    } catch (const json::exception &) {
    }
    std::string path;
    for (const Level &level : levels) {
        if (path.size() > 120) { // "[0][0][0]..." of a pathological nesting
            path += "...";
            break;
        }
        if (level.isArray)
            path += "[" + std::to_string(level.index) + "]";
        else if (!level.key.empty())
            path += (path.empty() ? "" : ".") + level.key;
    }
    return path;
}

// A located error for bytes that nlohmann::json refused: the JSON path reached and,
// for syntax errors, the line and column.
Error parseFailure(std::string_view bytes, const std::string &sourceName, const json::exception &e)
{
    std::string where = pathWhereParsingStops(bytes);
    std::string what = e.what(); // "[json.exception.parse_error.101] parse error at ...: ..."
    if (const auto *syntax = dynamic_cast<const json::parse_error *>(&e)) {
        const std::size_t offset = std::min<std::size_t>(syntax->byte, bytes.size());
        const std::string_view before = bytes.substr(0, offset > 0 ? offset - 1 : 0);
        const auto newlines = std::count(before.begin(), before.end(), '\n');
        const std::size_t lineStart = before.rfind('\n');
        const std::size_t column =
            before.size() - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
        where += (where.empty() ? "" : ", ") + std::string("line ") + std::to_string(newlines + 1) +
                 ", column " + std::to_string(column);
        // After "parse error at line 1, column 5: " comes what was expected.
        if (const auto colon = what.find(": "); colon != std::string::npos)
            what = "not valid JSON: " + what.substr(colon + 2);
    } else if (const auto bracket = what.find("] "); bracket != std::string::npos) {
        what = what.substr(bracket + 2);
        if (e.id == 406) what += " (expected a number within the range of a double, ~1.8e308)";
    }
    return {where.empty() ? sourceName : sourceName + ": " + where, what};
}

std::string dump(const ordered_json &j)
{
    // Invalid UTF-8 (from a mis-encoded CSV, say) is replaced rather than aborting a save.
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

Result<Dataset> readDatasetJson(std::string_view bytes, const std::string &sourceName)
{
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error{sourceName, "is empty (expected a JSON object with \"runs\")"};
    json root;
    try {
        // A UTF-8 byte order mark (Windows editors add one) is skipped by the parser.
        root = json::parse(bytes.begin(), bytes.end());
    } catch (const json::exception &e) {
        return parseFailure(bytes, sourceName, e);
    }
    if (!root.is_object())
        return Error{sourceName, std::string("expected a JSON object at the top level, got ") +
                                     root.type_name()};

    if (Errors errors = migrateToCurrent(root, sourceName); !errors.empty()) return errors;

    Reader r(sourceName);
    const std::string top;
    r.checkKeys(root, top, {"schema_version", "app_version", "metadata", "era_schemes", "runs"});
    (void)r.string(root, top, "app_version");
    Dataset dataset;
    if (const json *meta = r.field(root, "metadata"); meta && r.isObject(*meta, "metadata")) {
        const std::string at = "metadata";
        r.checkKeys(*meta, at,
                    {"title", "description", "license", "citation", "source_url", "hidden_tags"});
        dataset.metadata.title = r.string(*meta, at, "title");
        dataset.metadata.description = r.string(*meta, at, "description");
        dataset.metadata.license = r.string(*meta, at, "license");
        dataset.metadata.citation = r.string(*meta, at, "citation");
        dataset.metadata.sourceUrl = r.string(*meta, at, "source_url");
        dataset.metadata.hiddenTags = r.strings(*meta, at, "hidden_tags");
    }
    if (const json *schemes = r.array(root, top, "era_schemes")) {
        for (std::size_t i = 0; i < schemes->size(); ++i)
            dataset.eraSchemes.push_back(
                readScheme(r, (*schemes)[i], "era_schemes[" + std::to_string(i) + "]"));
    }
    if (const json *runs = r.array(root, top, "runs")) {
        dataset.runs.reserve(runs->size());
        for (std::size_t i = 0; i < runs->size(); ++i) {
            auto run = readRun(r, (*runs)[i], "runs[" + std::to_string(i) + "]");
            if (run) dataset.runs.push_back(std::move(*run));
        }
    } else if (!r.field(root, "runs")) {
        r.fail("runs", "missing (expected an array of training runs)");
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
        out += dump(schemeToJson(dataset.eraSchemes[i]));
    }
    out += dataset.eraSchemes.empty() ? "],\n" : "\n  ],\n";
    out += "  \"runs\": [";
    for (std::size_t i = 0; i < dataset.runs.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += dump(runToJson(dataset.runs[i]));
    }
    out += dataset.runs.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace compute
