// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/run_fields_json.h"

#include <algorithm>
#include <array>

namespace compute {
namespace {

constexpr std::array<std::string_view, kRunNumberCount> kNumberKeys = {
    "dataset_size", "training_hours",        "hardware_quantity", "utilization",
    "cost_usd",     "power_draw_w",          "chip_hours",        "epochs",
    "batch_size",   "finetune_compute_flop", "citations"};
constexpr std::array<std::string_view, kRunTextCount> kTextKeys = {
    "dataset_notes",       "training_hardware", "organization_category", "country", "accessibility",
    "notability_criteria", "base_model"};

} // namespace

std::string_view fieldJsonKey(RunNumber which)
{
    return kNumberKeys[static_cast<std::size_t>(which)];
}

std::string_view fieldJsonKey(RunText which)
{
    return kTextKeys[static_cast<std::size_t>(which)];
}

void putRunFields(nlohmann::ordered_json &j, const TrainingRun &run, const epoch::HeaderPlan &plan)
{
    const RunFields &f = run.fields;
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < kRunNumberCount; ++i) {
        const auto which = static_cast<RunNumber>(i);
        if (auto value = f.number(which)) {
            fields[std::string(kNumberKeys[i])] = *value;
            if (which == RunNumber::Cost && f.costYear()) fields["cost_year"] = f.costYear();
        }
    }
    for (std::size_t i = 0; i < kRunTextCount; ++i) {
        const std::string_view text = f.text(static_cast<RunText>(i));
        if (!text.empty()) fields[std::string(kTextKeys[i])] = std::string(text);
    }
    if (!fields.empty()) j["fields"] = std::move(fields);

    std::vector<RunFields::Extra> extras = f.extras();
    if (!extras.empty()) {
        std::sort(extras.begin(), extras.end(),
                  [](const auto &a, const auto &b) { return a.column < b.column; });
        nlohmann::ordered_json extra = nlohmann::ordered_json::object();
        for (const auto &e : extras)
            extra[std::string(e.column)] = std::string(e.value);
        j["extra"] = std::move(extra);
    }

    std::vector<std::string_view> columns = f.sourceCellColumns();
    std::sort(columns.begin(), columns.end());
    nlohmann::ordered_json kept = nlohmann::ordered_json::object();
    for (std::string_view name : columns) {
        const auto column = std::find_if(plan.columns.begin(), plan.columns.end(),
                                         [&](const auto &c) { return c.key == name; });
        if (column == plan.columns.end() || column->role < 0) continue;
        const std::string canonical =
            epoch::canonicalCell(static_cast<epoch::Column>(column->role), run);
        if (const auto text = f.sourceCell(name, canonical)) // else edited since: stale
            kept[std::string(name)] = {*text, canonical};
    }
    if (!kept.empty()) j["csv_cells"] = std::move(kept);
}

void readRunFields(JsonFieldReader &r, const JsonObject &j, TrainingRun &run)
{
    RunFields &f = run.fields;
    const JsonTree &t = j.tree;
    if (const auto node = r.field(j, "fields"); node != JsonTree::npos) {
        const JsonPath at = j.path.key("fields");
        if (r.isObject(t, node, at)) {
            const JsonObject fields{t, node, at};
            r.checkKeys(fields,
                        {"dataset_size", "training_hours", "hardware_quantity", "utilization",
                         "cost_usd", "cost_year", "power_draw_w", "chip_hours", "epochs",
                         "batch_size", "finetune_compute_flop", "citations", "dataset_notes",
                         "training_hardware", "organization_category", "country", "accessibility",
                         "notability_criteria", "base_model"});
            for (std::size_t i = 0; i < kRunNumberCount; ++i)
                f.setNumber(static_cast<RunNumber>(i), r.number(fields, kNumberKeys[i]));
            if (auto year = r.number(fields, "cost_year")) {
                if (*year >= 1900 && *year < 3000 && *year == static_cast<int>(*year))
                    f.setCostYear(static_cast<int>(*year));
                else
                    r.fail(at, "cost_year", "expected a year such as 2023");
            }
            for (std::size_t i = 0; i < kRunTextCount; ++i)
                f.setText(static_cast<RunText>(i), r.stringView(fields, kTextKeys[i]));
        }
    }
    if (const auto node = r.field(j, "extra"); node != JsonTree::npos) {
        const JsonPath at = j.path.key("extra");
        if (r.isObject(t, node, at)) {
            for (auto m = t.begin(node); m != t.end(node); m = t.next(m)) {
                if (t.type(m) != JsonTree::Type::String) {
                    r.fail(at, t.key(m), "expected the cell's text (a string)");
                    continue;
                }
                f.setExtra(t.key(m), t.string(m));
            }
        }
    }
    if (const auto node = r.field(j, "csv_cells"); node != JsonTree::npos) {
        const JsonPath at = j.path.key("csv_cells");
        if (r.isObject(t, node, at)) {
            for (auto m = t.begin(node); m != t.end(node); m = t.next(m)) {
                const bool pair = t.type(m) == JsonTree::Type::Array && t.size(m) == 2 &&
                                  t.type(t.begin(m)) == JsonTree::Type::String &&
                                  t.type(t.next(t.begin(m))) == JsonTree::Type::String;
                if (!pair) {
                    r.fail(at, t.key(m),
                           "expected [the CSV's text, what the app writes] (two strings)");
                    continue;
                }
                f.setSourceCell(t.key(m), t.string(t.begin(m)), t.string(t.next(t.begin(m))));
            }
        }
    }
}

} // namespace compute
