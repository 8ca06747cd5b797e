// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_migrations.h"

#include "core/io/internal/run_fields_json.h"

#include "core/io/internal/era_json.h"
#include "core/io/json_format.h"
#include "core/io/published_schemes.h"
#include "core/util/text_util.h"

#include <nlohmann/json.hpp>

#include <set>

namespace compute {

using nlohmann::json;

namespace {

// v0 -> v1: a run's single "compute_flop" becomes a reported estimate,
// "publication_date" becomes "date", "source_url" a source, ids are derived from
// names, and the top-level "eras" list becomes the scheme "Eras". A v0 field of the
// wrong type is reported under its v0 name, where the user will look for it.
Errors migrate0To1(json &root, const std::string &sourceName)
{
    Errors errors;
    std::set<std::string> used;
    if (auto runs = root.find("runs"); runs != root.end() && runs->is_array()) {
        for (std::size_t i = 0; i < runs->size(); ++i) {
            json &run = (*runs)[i];
            if (!run.is_object()) continue;
            const std::string at = sourceName + ": runs[" + std::to_string(i) + "].";
            if (!run.contains("id") && run.contains("name") && run["name"].is_string()) {
                std::string id = slugify(run["name"].get<std::string>());
                for (int n = 2; used.count(id); ++n)
                    id = slugify(run["name"].get<std::string>()) + "-" + std::to_string(n);
                run["id"] = id;
            }
            if (run.contains("id") && run["id"].is_string())
                used.insert(run["id"].get<std::string>());
            if (auto date = run.find("publication_date"); date != run.end()) {
                run["date"] = *date;
                run.erase("publication_date");
            }
            if (auto flop = run.find("compute_flop"); flop != run.end()) {
                if (flop->is_number())
                    run["estimates"] = json::array({{{"method", "reported"}, {"value", *flop}}});
                else if (!flop->is_null())
                    errors.push_back(
                        {at + "compute_flop",
                         std::string("expected a number (FLOP), got ") + flop->type_name()});
                run.erase("compute_flop");
            }
            if (auto url = run.find("source_url"); url != run.end()) {
                if (url->is_string() && !url->get<std::string>().empty())
                    run["sources"] = json::array({{{"url", *url}}});
                else if (!url->is_string() && !url->is_null())
                    errors.push_back({at + "source_url",
                                      std::string("expected a string, got ") + url->type_name()});
                run.erase("source_url");
            }
        }
    }
    if (auto eras = root.find("eras"); eras != root.end()) {
        root["era_schemes"] = json::array({{{"name", "Eras"}, {"eras", *eras}}});
        root.erase("eras");
    }
    if (auto title = root.find("title"); title != root.end()) {
        root["metadata"] = {{"title", *title}};
        root.erase("title");
    }
    return errors;
}

// "Sevilla et al. 2022: three eras" as version 1 bundled it and added to every Epoch
// import: three date ranges over every run, which is not what the paper fitted.
json version1Sevilla2022Scheme()
{
    return json::parse(R"({"name": "Sevilla et al. 2022: three eras",
        "description": "Sevilla, Heim, Ho, Besiroglu, Hobbhahn, Villalobos (2022), 'Compute Trends Across Three Eras of Machine Learning', arXiv:2202.05924. Their large-scale era fits only large-scale models (about 10-100x above the trend); here it is a date range, so it fits every run from September 2015 unless the view is filtered.",
        "eras": [{"name": "Pre-deep-learning era", "to": "2010-01-01", "color": "#7f7f7f"},
                 {"name": "Deep learning era", "from": "2010-01-01", "color": "#1f77b4"},
                 {"name": "Large-scale era", "from": "2015-09-01", "color": "#d62728"}]})");
}

// v1 -> v2: eras may now carry a rule and a published figure; an era without a rule holds
// every run of its dates, as before. The one change of meaning is Sevilla et al.'s scheme:
// left as version 1 wrote it, it becomes the paper's (core/io/published_schemes.h);
// edited, it is kept under "<name> (edited)" and the paper's is added after it.
void migrate1To2(json &root)
{
    auto schemes = root.find("era_schemes");
    if (schemes == root.end() || !schemes->is_array()) return;
    const json old = version1Sevilla2022Scheme();
    const json &name = old["name"];
    for (std::size_t i = 0; i < schemes->size(); ++i) {
        json &scheme = (*schemes)[i];
        if (!scheme.is_object() || scheme.value("name", json()) != name) continue;
        json paper = json::parse(eraSchemeToJson(sevilla2022Eras()).dump());
        if (scheme == old) {
            scheme = std::move(paper);
            return;
        }
        std::set<std::string> names;
        for (const json &s : *schemes)
            if (s.is_object() && s.contains("name") && s["name"].is_string())
                names.insert(s["name"].get<std::string>());
        std::string renamed = name.get<std::string>() + " (edited)";
        for (int n = 2; names.count(renamed); ++n)
            renamed = name.get<std::string>() + " (edited " + std::to_string(n) + ")";
        scheme["name"] = renamed;
        schemes->insert(schemes->begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(paper));
        return; // scheme names are unique
    }
}

// v2 -> v3: runs keep every column of Epoch's exports in "fields", "extra" and
// "csv_cells" (core/io/internal/run_fields_json.h). A run of version 2 had its chips,
// their number, the training time and the utilization only inside a hardware estimate:
// they become its fields, so that they can be charted like any other quantity.
void migrate2To3(json &root)
{
    auto runs = root.find("runs");
    if (runs == root.end() || !runs->is_array()) return;
    for (json &run : *runs) {
        if (!run.is_object() || run.contains("fields")) continue;
        auto estimates = run.find("estimates");
        if (estimates == run.end() || !estimates->is_array()) continue;
        for (const json &e : *estimates) {
            if (!e.is_object() || e.value("method", json()) != "hardware") continue;
            json fields = json::object();
            auto copy = [&](const char *from, std::string_view to) {
                if (auto v = e.find(from); v != e.end() && (v->is_number() || v->is_string()))
                    fields[std::string(to)] = *v;
            };
            copy("device", fieldJsonKey(RunText::TrainingHardware));
            copy("device_count", fieldJsonKey(RunNumber::HardwareQuantity));
            copy("training_hours", fieldJsonKey(RunNumber::TrainingHours));
            copy("utilization", fieldJsonKey(RunNumber::Utilization));
            if (!fields.empty()) run["fields"] = std::move(fields);
            break;
        }
    }
}

} // namespace

Errors migrateToCurrent(json &root, const std::string &sourceName)
{
    int version = 0;
    if (auto v = root.find("schema_version"); v != root.end()) {
        if (!v->is_number_integer() || (!v->is_number_unsigned() && v->get<long long>() < 0))
            return {{sourceName + ": schema_version", "expected a whole number of 0 or more"}};
        // Unsigned, so that 2^63 and above read as "newer" rather than negative.
        const auto number = v->get<unsigned long long>();
        if (number > static_cast<unsigned long long>(kSchemaVersion)) {
            std::string writer = "a newer version";
            if (auto app = root.find("app_version"); app != root.end() && app->is_string())
                writer = "version " + app->get<std::string>();
            return {{sourceName + ": schema_version",
                     "this file uses format version " + std::to_string(number) + ", written by " +
                         writer +
                         " of Compute Explorer; this version reads format versions up to " +
                         std::to_string(kSchemaVersion) + ". Please update Compute Explorer."}};
        }
        version = static_cast<int>(number);
    }
    if (version == 0) {
        if (Errors errors = migrate0To1(root, sourceName); !errors.empty()) return errors;
        version = 1;
    }
    if (version == 1) migrate1To2(root);
    if (version <= 2) migrate2To3(root);
    root["schema_version"] = kSchemaVersion;
    return {};
}

} // namespace compute
