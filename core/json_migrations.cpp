#include "core/json_migrations.h"

#include "core/json_format.h"
#include "core/text_util.h"

#include <nlohmann/json.hpp>

#include <set>

namespace compute {

using nlohmann::json;

namespace {

// v0 -> v1: a run's single "compute_flop" becomes a reported estimate,
// "publication_date" becomes "date", "source_url" a source, ids are derived from
// names, and the top-level "eras" list becomes the scheme "Eras".
void migrate0To1(json &root)
{
    std::set<std::string> used;
    if (auto runs = root.find("runs"); runs != root.end() && runs->is_array()) {
        for (json &run : *runs) {
            if (!run.is_object()) continue;
            if (!run.contains("id") && run.contains("name") && run["name"].is_string()) {
                std::string id = slugify(run["name"].get<std::string>());
                for (int n = 2; used.count(id); ++n)
                    id = slugify(run["name"].get<std::string>()) + "-" + std::to_string(n);
                run["id"] = id;
            }
            if (run.contains("id") && run["id"].is_string()) used.insert(run["id"].get<std::string>());
            if (auto date = run.find("publication_date"); date != run.end()) {
                run["date"] = *date;
                run.erase("publication_date");
            }
            if (auto flop = run.find("compute_flop"); flop != run.end()) {
                if (!flop->is_null())
                    run["estimates"] = json::array({{{"method", "reported"}, {"value", *flop}}});
                run.erase("compute_flop");
            }
            if (auto url = run.find("source_url"); url != run.end()) {
                if (url->is_string() && !url->get<std::string>().empty())
                    run["sources"] = json::array({{{"url", *url}}});
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
}

} // namespace

Errors migrateToCurrent(json &root, const std::string &sourceName)
{
    int version = 0;
    if (auto v = root.find("schema_version"); v != root.end()) {
        if (!v->is_number_integer() || v->get<long long>() < 0)
            return {{sourceName + ": schema_version", "expected a whole number of 0 or more"}};
        if (v->get<long long>() > kSchemaVersion) {
            std::string writer = "a newer version";
            if (auto app = root.find("app_version"); app != root.end() && app->is_string())
                writer = "version " + app->get<std::string>();
            return {{sourceName + ": schema_version",
                     "this file uses format version " + std::to_string(v->get<long long>()) +
                         ", written by " + writer +
                         " of Compute Explorer; this version reads format versions up to " +
                         std::to_string(kSchemaVersion) + ". Please update Compute Explorer."}};
        }
        version = static_cast<int>(v->get<long long>());
    }
    if (version == 0) migrate0To1(root);
    root["schema_version"] = kSchemaVersion;
    return {};
}

} // namespace compute
