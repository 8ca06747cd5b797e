// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"
#include "core/util/text_util.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace compute {

// A way to sort runs into kinds: what the chart's colours and the category filters
// show. Every category has the value "" for a run that records none.
enum class RunCategory : std::uint8_t {
    Domain,               // the run's first domain
    OrganizationCategory, // Industry, Academia, ... (Epoch AI's "Organization categorization")
    Country,              // of the organization
    Accessibility,        // model accessibility: Open weights (unrestricted), API access, ...
    Confidence,           // Confident, Likely, Speculative
    EstimationMethod,     // of the primary compute estimate
    Frontier,             // Frontier, Not frontier
};
inline constexpr std::array<RunCategory, 7> kRunCategories = {
    RunCategory::Domain,        RunCategory::OrganizationCategory, RunCategory::Country,
    RunCategory::Accessibility, RunCategory::Confidence,           RunCategory::EstimationMethod,
    RunCategory::Frontier};

// The command line's name: "domain", "organization-category", "country",
// "accessibility", "confidence", "method", "frontier".
std::string_view categoryKey(RunCategory category);
std::optional<RunCategory> categoryFromKey(std::string_view key);
// "Domain", "Organization category", ... for menus and the legend's heading.
std::string_view categoryTitle(RunCategory category);
// Every name, "domain, organization-category, ...", for messages and --help.
std::string categoryKeyList();

// Epoch AI's word for a confidence: "Confident", "Likely", "Speculative"; "" when unknown.
std::string_view confidenceTitle(Confidence confidence);

// The run's cell for a category as recorded, trimmed; "" when it has none. A fixed
// spelling for the categories the app keeps as codes ("Likely", "Counting operations",
// "Frontier" or "Not frontier").
std::string_view categoryCell(const TrainingRun &run, RunCategory category);
// Epoch AI lists several organization categories or countries in one cell
// ("United States of America,China"); the other categories hold one value.
bool categoryIsList(RunCategory category);

// Calls f(value) for each of the run's values, trimmed, in order; once with "" for a
// run without any.
template <typename F> void forEachCategoryValue(const TrainingRun &run, RunCategory category, F &&f)
{
    const std::string_view cell = categoryCell(run, category);
    if (cell.empty() || !categoryIsList(category)) {
        f(cell);
        return;
    }
    bool any = false;
    forEachTrimmedPart(cell, ',', [&](std::string_view value) {
        any = true;
        f(value);
    });
    if (!any) f(std::string_view());
}
// The value a run is coloured by: its first; "" when it has none.
std::string categoryValue(const TrainingRun &run, RunCategory category);
// One of the run's values is `value` ("" matches a run without any).
bool categoryHas(const TrainingRun &run, RunCategory category, std::string_view value);

} // namespace compute
