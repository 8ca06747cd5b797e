// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_category.h"

namespace compute {
namespace {

struct CategoryInfo {
    RunCategory category;
    std::string_view key;
    std::string_view title;
};

constexpr std::array<CategoryInfo, kRunCategories.size()> kInfo = {{
    {RunCategory::Domain, "domain", "Domain"},
    {RunCategory::OrganizationCategory, "organization-category", "Organization category"},
    {RunCategory::Country, "country", "Country"},
    {RunCategory::Accessibility, "accessibility", "Accessibility"},
    {RunCategory::Confidence, "confidence", "Confidence"},
    {RunCategory::EstimationMethod, "method", "Estimation method"},
    {RunCategory::Frontier, "frontier", "Frontier"},
}};

const CategoryInfo &info(RunCategory category)
{
    return kInfo[static_cast<std::size_t>(category)];
}

} // namespace

std::string_view confidenceTitle(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Unknown:
        return "";
    case Confidence::Confident:
        return "Confident";
    case Confidence::Likely:
        return "Likely";
    case Confidence::Speculative:
        return "Speculative";
    }
    return "";
}

std::string_view categoryKey(RunCategory category)
{
    return info(category).key;
}

std::optional<RunCategory> categoryFromKey(std::string_view key)
{
    for (const CategoryInfo &i : kInfo)
        if (i.key == key) return i.category;
    return std::nullopt;
}

std::string_view categoryTitle(RunCategory category)
{
    return info(category).title;
}

std::string categoryKeyList()
{
    std::string list;
    for (const CategoryInfo &i : kInfo) {
        if (!list.empty()) list += ", ";
        list += i.key;
    }
    return list;
}

std::string_view categoryCell(const TrainingRun &run, RunCategory category)
{
    switch (category) {
    case RunCategory::Domain:
        return trimmed(run.domain);
    case RunCategory::OrganizationCategory:
        return trimmed(run.fields.text(RunText::OrganizationCategory));
    case RunCategory::Country:
        return trimmed(run.fields.text(RunText::Country));
    case RunCategory::Accessibility:
        return trimmed(run.fields.text(RunText::Accessibility));
    case RunCategory::Confidence:
        return confidenceTitle(run.confidence);
    case RunCategory::EstimationMethod: {
        const ComputeEstimate *estimate = run.primaryEstimate();
        return estimate ? methodLabel(estimate->method()) : std::string_view();
    }
    case RunCategory::Frontier:
        return run.hasTag(kTagFrontier) ? "Frontier" : "Not frontier";
    }
    return {};
}

bool categoryIsList(RunCategory category)
{
    return category == RunCategory::OrganizationCategory || category == RunCategory::Country;
}

std::string categoryValue(const TrainingRun &run, RunCategory category)
{
    std::string first;
    bool seen = false;
    forEachCategoryValue(run, category, [&](std::string_view value) {
        if (!seen) first = value;
        seen = true;
    });
    return first;
}

bool categoryHas(const TrainingRun &run, RunCategory category, std::string_view value)
{
    bool has = false;
    forEachCategoryValue(run, category, [&](std::string_view v) { has = has || v == value; });
    return has;
}

} // namespace compute
