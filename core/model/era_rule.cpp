// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/era_rule.h"

#include "core/util/number_parse.h"
#include "core/util/text_util.h"

#include <algorithm>
#include <cmath>

namespace compute {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) {
                   return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
               };
               return lower(x) == lower(y);
           });
}

bool anyEqualsIgnoringCase(const std::vector<std::string> &list, std::string_view value)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string &item) { return equalsIgnoringCase(item, value); });
}

bool inDomain(const EraRule &rule, const TrainingRun &run)
{
    if (anyEqualsIgnoringCase(rule.domains, run.domain)) return true;
    // Epoch's importer keeps a run's further domains as "domain:X" tags.
    constexpr std::string_view kPrefix = "domain:";
    return std::any_of(run.tags.begin(), run.tags.end(), [&](std::string_view tag) {
        return tag.starts_with(kPrefix) &&
               anyEqualsIgnoringCase(rule.domains, tag.substr(kPrefix.size()));
    });
}

bool fromOrganization(const EraRule &rule, const TrainingRun &run)
{
    bool found = false;
    forEachTrimmedPart(run.organization, ',', [&](std::string_view organization) {
        found = found || anyEqualsIgnoringCase(rule.organizations, organization);
    });
    return found;
}

std::string joinedWithOr(const std::vector<std::string> &items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
        text += items[i];
    }
    return text;
}

std::string number(double value)
{
    return formatNumber(value); // 0.76, -2, 1.5: as typed
}

std::string describeBand(const ZScoreBand &band)
{
    if (band.low && band.high) return number(*band.low) + " ≤ Z < " + number(*band.high);
    if (band.low) return "Z ≥ " + number(*band.low);
    if (band.high) return "Z < " + number(*band.high);
    return "any Z";
}

} // namespace

bool EraRule::isAllRuns() const
{
    return tag.empty() && domains.empty() && organizations.empty() && confidences.empty() &&
           runIds.empty() && !dependsOnOtherRuns();
}

bool EraRule::matchesRun(const TrainingRun &run) const
{
    if (!tag.empty() && !run.hasTag(tag)) return false;
    if (!domains.empty() && !inDomain(*this, run)) return false;
    if (!organizations.empty() && !fromOrganization(*this, run)) return false;
    if (!confidences.empty() &&
        std::find(confidences.begin(), confidences.end(), run.confidence) == confidences.end())
        return false;
    if (!runIds.empty() && std::find(runIds.begin(), runIds.end(), run.id) == runIds.end())
        return false;
    return true;
}

std::string describeRule(const EraRule &rule)
{
    std::vector<std::string> conditions;
    if (!rule.tag.empty()) conditions.push_back("tagged " + rule.tag);
    if (!rule.domains.empty()) conditions.push_back("domain " + joinedWithOr(rule.domains));
    if (!rule.organizations.empty())
        conditions.push_back("organization " + joinedWithOr(rule.organizations));
    if (!rule.confidences.empty()) {
        std::vector<std::string> keys;
        for (Confidence c : rule.confidences)
            keys.emplace_back(c == Confidence::Unknown ? "unknown" : confidenceKey(c));
        conditions.push_back("confidence " + joinedWithOr(keys));
    }
    if (!rule.runIds.empty())
        conditions.push_back(std::to_string(rule.runIds.size()) +
                             (rule.runIds.size() == 1 ? " listed run" : " listed runs"));
    if (rule.topN)
        conditions.push_back("running top " + std::to_string(*rule.topN) + " by compute");
    if (rule.recordSetters) conditions.push_back("record-setters");
    const std::string window = rule.zWindowYears == kDefaultZWindowYears
                                   ? std::string()
                                   : " (within ±" + number(rule.zWindowYears) + " years)";
    if (rule.zBand) conditions.push_back(describeBand(*rule.zBand) + window);
    // Low outliers are said only when the band does not exclude them already.
    const bool bandExcludesOutliers =
        rule.zBand && rule.zBand->low && *rule.zBand->low >= kLowOutlierZ;
    const bool selects = !conditions.empty();
    if (rule.excludeLowOutliers && !bandExcludesOutliers)
        conditions.push_back("low outliers excluded (Z < " + number(kLowOutlierZ) + ")" +
                             (rule.zBand ? std::string() : window));

    std::string text = !rule.label.empty() ? rule.label : selects ? std::string() : "all runs";
    for (const std::string &condition : conditions)
        text += (text.empty() ? "" : ", ") + condition;
    return text;
}

Errors validateRule(const EraRule &rule, const std::string &where)
{
    Errors errors;
    if (!(std::isfinite(rule.zWindowYears) && rule.zWindowYears > 0))
        errors.push_back({where + ".z_window_years", "expected a number of years above 0"});
    if (rule.topN && *rule.topN == 0)
        errors.push_back({where + ".top_n", "expected a whole number above 0"});
    if (rule.zBand) {
        const ZScoreBand &band = *rule.zBand;
        if ((band.low && !std::isfinite(*band.low)) || (band.high && !std::isfinite(*band.high)))
            errors.push_back({where + ".z_band", "expected finite bounds"});
        else if (band.low && band.high && !(*band.low < *band.high))
            errors.push_back(
                {where + ".z_band", "expected low < high (the band holds low <= Z < high)"});
    }
    for (std::size_t i = 0; i < rule.runIds.size(); ++i)
        if (rule.runIds[i].empty())
            errors.push_back({where + ".run_ids[" + std::to_string(i) + "]", "must not be empty"});
    return errors;
}

} // namespace compute
