// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_migrations.h"

#include "core/io/json_format.h"
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
    }
    root["schema_version"] = kSchemaVersion;
    return {};
}

} // namespace compute
