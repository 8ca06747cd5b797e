// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/era_json.h"

namespace compute {
namespace {

using ordered_json = nlohmann::ordered_json;
using Index = JsonTree::Index;

// [low, high], each a number or null (an open end). Pre: the node is an array.
std::optional<ZScoreBand> readBand(JsonFieldReader &r, const JsonTree &t, Index node,
                                   const JsonPath &path)
{
    if (t.size(node) != 2) {
        r.fail(path, "expected [low, high], each a number or null");
        return std::nullopt;
    }
    ZScoreBand band;
    std::size_t i = 0;
    for (Index e = t.begin(node); e != t.end(node); e = t.next(e), ++i) {
        if (t.type(e) == JsonTree::Type::Null) continue;
        if (!t.isNumber(e)) {
            r.fail(path.at(i), "expected a number or null (an open end)");
            continue;
        }
        (i == 0 ? band.low : band.high) = t.number(e);
    }
    return band;
}

EraRule readRule(JsonFieldReader &r, const JsonObject &j)
{
    r.checkKeys(j, {"label", "tag", "domains", "organizations", "confidences", "run_ids", "top_n",
                    "record_setters", "z_band", "exclude_low_outliers", "z_window_years"});
    EraRule rule;
    rule.label = r.string(j, "label");
    rule.tag = r.string(j, "tag");
    rule.domains = r.strings(j, "domains");
    rule.organizations = r.strings(j, "organizations");
    const std::vector<std::string> confidences = r.strings(j, "confidences");
    for (std::size_t i = 0; i < confidences.size(); ++i) {
        if (auto c = confidenceFromText(confidences[i]))
            rule.confidences.push_back(*c);
        else
            r.fail(j.path.key("confidences").at(i),
                   "expected confident, likely, speculative or unknown");
    }
    rule.runIds = r.strings(j, "run_ids");
    if (const Index top = r.field(j, "top_n"); top != JsonTree::npos) {
        if (j.tree.type(top) != JsonTree::Type::Unsigned || j.tree.unsignedNumber(top) == 0)
            r.fail(j.path, "top_n", "expected a whole number above 0");
        else
            rule.topN = static_cast<std::size_t>(j.tree.unsignedNumber(top));
    }
    rule.recordSetters = r.boolean(j, "record_setters");
    if (const Index band = r.array(j, "z_band"); band != JsonTree::npos)
        rule.zBand = readBand(r, j.tree, band, j.path.key("z_band"));
    rule.excludeLowOutliers = r.boolean(j, "exclude_low_outliers");
    rule.zWindowYears = r.numberOr(j, "z_window_years", kDefaultZWindowYears);
    return rule;
}

PublishedFigure readPublished(JsonFieldReader &r, const JsonObject &j)
{
    r.checkKeys(
        j, {"quantity", "value", "ci", "ci_level", "n", "data_vintage", "source", "table", "note"});
    PublishedFigure figure;
    const std::string_view quantity = r.stringView(j, "quantity", true);
    if (auto q = publishedQuantityFromKey(quantity))
        figure.quantity = *q;
    else if (!quantity.empty())
        r.fail(j.path, "quantity", "expected doubling_time_months or growth_factor_per_year");
    figure.value = r.number(j, "value", true).value_or(0);
    if (const Index ci = r.array(j, "ci"); ci != JsonTree::npos) {
        if (auto band = readBand(r, j.tree, ci, j.path.key("ci"))) {
            figure.ciLow = band->low;
            figure.ciHigh = band->high;
        }
    }
    figure.ciLevel = r.number(j, "ci_level");
    if (const Index n = r.field(j, "n"); n != JsonTree::npos) {
        if (j.tree.type(n) != JsonTree::Type::Unsigned)
            r.fail(j.path, "n", "expected a whole number of runs");
        else
            figure.n = static_cast<std::size_t>(j.tree.unsignedNumber(n));
    }
    figure.dataVintage = r.string(j, "data_vintage");
    figure.source = r.string(j, "source");
    figure.table = r.string(j, "table");
    figure.note = r.string(j, "note");
    return figure;
}

Era readEra(JsonFieldReader &r, const JsonObject &object)
{
    r.checkKeys(object, {"name", "from", "to", "color", "rule", "published"});
    Era era;
    era.name = r.string(object, "name", true);
    era.from = r.date(object, "from");
    era.to = r.date(object, "to");
    const std::string_view color = r.stringView(object, "color");
    if (!color.empty()) era.color = color;
    if (const Index rule = r.field(object, "rule"); rule != JsonTree::npos) {
        const JsonPath at = object.path.key("rule");
        if (r.isObject(object.tree, rule, at)) era.rule = readRule(r, {object.tree, rule, at});
    }
    if (const Index published = r.field(object, "published"); published != JsonTree::npos) {
        const JsonPath at = object.path.key("published");
        if (r.isObject(object.tree, published, at))
            era.published = readPublished(r, {object.tree, published, at});
    }
    return era;
}

ordered_json orNull(const std::optional<double> &value)
{
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json ruleToJson(const EraRule &rule)
{
    ordered_json j = ordered_json::object();
    if (!rule.label.empty()) j["label"] = rule.label;
    if (!rule.tag.empty()) j["tag"] = rule.tag;
    if (!rule.domains.empty()) j["domains"] = rule.domains;
    if (!rule.organizations.empty()) j["organizations"] = rule.organizations;
    if (!rule.confidences.empty()) {
        ordered_json list = ordered_json::array();
        for (Confidence c : rule.confidences)
            list.push_back(c == Confidence::Unknown ? std::string("unknown")
                                                    : std::string(confidenceKey(c)));
        j["confidences"] = std::move(list);
    }
    if (!rule.runIds.empty()) j["run_ids"] = rule.runIds;
    if (rule.topN) j["top_n"] = *rule.topN;
    if (rule.recordSetters) j["record_setters"] = true;
    if (rule.zBand) j["z_band"] = {orNull(rule.zBand->low), orNull(rule.zBand->high)};
    if (rule.excludeLowOutliers) j["exclude_low_outliers"] = true;
    if (rule.zWindowYears != kDefaultZWindowYears) j["z_window_years"] = rule.zWindowYears;
    return j;
}

ordered_json publishedToJson(const PublishedFigure &figure)
{
    ordered_json j;
    j["quantity"] = std::string(publishedQuantityKey(figure.quantity));
    j["value"] = figure.value;
    if (figure.ciLow || figure.ciHigh) j["ci"] = {orNull(figure.ciLow), orNull(figure.ciHigh)};
    if (figure.ciLevel) j["ci_level"] = *figure.ciLevel;
    if (figure.n) j["n"] = *figure.n;
    if (!figure.dataVintage.empty()) j["data_vintage"] = figure.dataVintage;
    if (!figure.source.empty()) j["source"] = figure.source;
    if (!figure.table.empty()) j["table"] = figure.table;
    if (!figure.note.empty()) j["note"] = figure.note;
    return j;
}

} // namespace

EraScheme readEraScheme(JsonFieldReader &r, const JsonTree &t, Index node, const JsonPath &path)
{
    EraScheme scheme;
    if (!r.isObject(t, node, path)) return scheme;
    const JsonObject j{t, node, path};
    r.checkKeys(j, {"name", "description", "eras"});
    scheme.name = r.string(j, "name", true);
    scheme.description = r.string(j, "description");
    if (const Index eras = r.array(j, "eras"); eras != JsonTree::npos) {
        const JsonPath erasPath = path.key("eras");
        std::size_t i = 0;
        for (Index e = t.begin(eras); e != t.end(eras); e = t.next(e), ++i) {
            const JsonPath at = erasPath.at(i);
            if (r.isObject(t, e, at)) scheme.eras.push_back(readEra(r, {t, e, at}));
        }
    }
    return scheme;
}

ordered_json eraSchemeToJson(const EraScheme &scheme)
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
        if (era.rule != EraRule{}) e["rule"] = ruleToJson(era.rule);
        if (era.published) e["published"] = publishedToJson(*era.published);
        eras.push_back(std::move(e));
    }
    j["eras"] = std::move(eras);
    return j;
}

} // namespace compute
