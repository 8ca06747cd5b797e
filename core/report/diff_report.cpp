// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/diff_report.h"

#include "core/report/fit_json.h"

namespace compute {
namespace {

using fit_json::optionalDate;
using fit_json::optionalNumber;
using fit_json::ordered_json;

std::string_view matchKey(MatchStage stage)
{
    switch (stage) {
    case MatchStage::Exact:
        return "exact";
    case MatchStage::DateMoved:
        return "date_moved";
    case MatchStage::Renamed:
        return "renamed";
    }
    return "";
}

// A run in the added or removed list.
ordered_json runEntry(const TrainingRun &run)
{
    ordered_json j;
    j["name"] = run.name;
    j["date"] = optionalDate(run.date);
    j["organization"] = run.organization;
    j["compute"] = optionalNumber(run.flop());
    return j;
}

ordered_json stringList(const std::vector<std::string> &list)
{
    ordered_json j = ordered_json::array();
    for (const std::string &s : list)
        j.push_back(s);
    return j;
}

// A field's value in the JSON: numbers in FLOP, dates in ISO, missing values null.
ordered_json fieldValue(const TrainingRun &run, RunField field)
{
    switch (field) {
    case RunField::Name:
        return run.name;
    case RunField::Date:
        return optionalDate(run.date);
    case RunField::Compute:
        return optionalNumber(run.flop());
    case RunField::Estimates: {
        ordered_json list = ordered_json::array();
        for (std::size_t i = 0; i < run.estimates.size(); ++i) {
            const ComputeEstimate &e = run.estimates[i];
            list.push_back({{"method", methodKey(e.method())},
                            {"flop", optionalNumber(e.flop())},
                            {"primary", i == run.primary}});
        }
        return list;
    }
    case RunField::UpperBound:
        return run.upperBound;
    case RunField::Domain:
        return run.domain;
    case RunField::Organization:
        return run.organization;
    case RunField::Tags:
        return stringList(run.tags.toVector());
    case RunField::Confidence:
        return run.confidence == Confidence::Unknown ? ordered_json(nullptr)
                                                     : ordered_json(confidenceKey(run.confidence));
    case RunField::Id:
        return run.id;
    case RunField::DatePrecision:
        return run.date ? ordered_json(precisionKey(run.date->precision())) : ordered_json(nullptr);
    case RunField::Parameters:
        return optionalNumber(run.parameters);
    case RunField::Sources: {
        ordered_json list = ordered_json::array();
        for (const Source &s : run.sources)
            list.push_back({{"title", s.title}, {"url", s.url}});
        return list;
    }
    case RunField::Notes:
        return run.notes;
    case RunField::EstimateNotes: {
        ordered_json list = ordered_json::array();
        for (const ComputeEstimate &e : run.estimates)
            list.push_back(e.note);
        return list;
    }
    }
    return nullptr;
}

ordered_json changedEntry(const TrainingRun &before, const TrainingRun &after,
                          const RunMatch &match, bool allFields)
{
    ordered_json j;
    j["name"] = after.name;
    j["date"] = optionalDate(after.date);
    j["old_name"] = before.name;
    j["old_date"] = optionalDate(before.date);
    j["match"] = matchKey(match.stage);
    j["uncertain"] = match.uncertain();
    const auto oldFlop = before.flop(), newFlop = after.flop();
    j["compute_ratio"] =
        optionalNumber(oldFlop && newFlop ? std::optional(*newFlop / *oldFlop) : std::nullopt);
    ordered_json fields = ordered_json::object();
    auto put = [&](RunField field) {
        fields[std::string(runFieldKey(field))] = {{"old", fieldValue(before, field)},
                                                   {"new", fieldValue(after, field)}};
    };
    for (RunField field : match.significant)
        put(field);
    if (allFields)
        for (RunField field : match.other)
            put(field);
    j["fields"] = std::move(fields);
    return j;
}

// The run a change is about, as the moved_by list names it: NEW's for an added or changed
// run, OLD's for a removed one.
const TrainingRun &changedRun(const Dataset &before, const Dataset &after, const DatasetDiff &diff,
                              const DiffChange &change)
{
    switch (change.kind) {
    case DiffChange::Kind::Added:
        return after.runs[diff.added[change.index]];
    case DiffChange::Kind::Removed:
        return before.runs[diff.removed[change.index]];
    case DiffChange::Kind::Changed:
        break;
    }
    return after.runs[diff.matches[change.index].newIndex];
}

std::string_view changeKey(DiffChange::Kind kind)
{
    switch (kind) {
    case DiffChange::Kind::Added:
        return "added";
    case DiffChange::Kind::Removed:
        return "removed";
    case DiffChange::Kind::Changed:
        return "changed";
    }
    return "";
}

ordered_json movedEntry(const Dataset &before, const Dataset &after, const DatasetDiff &diff,
                        const TrendFit &fit, const ChangeEffect &effect)
{
    const TrainingRun &run = changedRun(before, after, diff, effect.change);
    const TrendFit &without = effect.without;
    const bool both = fit.ok() && without.ok();
    ordered_json j;
    j["change"] = changeKey(effect.change.kind);
    j["name"] = run.name;
    j["date"] = optionalDate(run.date);
    j["n_without"] = without.n;
    j["doubling_time_months_without"] =
        optionalNumber(without.ok() ? std::optional(without.doublingTimeMonths()) : std::nullopt);
    j["moved_doubling_time_months"] =
        optionalNumber(both ? std::optional(fit.doublingTimeMonths() - without.doublingTimeMonths())
                            : std::nullopt);
    j["moved_slope_log10_per_year"] =
        optionalNumber(both ? std::optional(fit.slope - without.slope) : std::nullopt);
    return j;
}

ordered_json summary(const Dataset &before, const Dataset &after, const DatasetDiff &diff)
{
    std::size_t uncertain = 0, otherOnly = 0;
    for (const RunMatch &m : diff.matches) {
        uncertain += m.uncertain();
        otherOnly += !m.changed() && !m.other.empty();
    }
    std::size_t oldDuplicates = 0, newDuplicates = 0;
    for (const DuplicateGroup &g : diff.duplicates)
        (g.inNew ? newDuplicates : oldDuplicates) += g.indices.size();
    ordered_json j;
    j["old_runs"] = before.runs.size();
    j["new_runs"] = after.runs.size();
    j["matched"] = diff.matches.size();
    j["added"] = diff.added.size();
    j["removed"] = diff.removed.size();
    j["changed"] = diff.changedCount();
    j["uncertain"] = uncertain;
    j["other_changes_only"] = otherOnly;
    j["old_duplicate_runs"] = oldDuplicates;
    j["new_duplicate_runs"] = newDuplicates;
    return j;
}

} // namespace

std::string diffReportJson(const Dataset &before, const Dataset &after, const DatasetDiff &diff,
                           const std::vector<EraDiffFit> &fits, bool allFields)
{
    ordered_json root;
    root["summary"] = summary(before, after, diff);
    ordered_json added = ordered_json::array();
    for (std::size_t j : diff.added)
        added.push_back(runEntry(after.runs[j]));
    root["added"] = std::move(added);
    ordered_json removed = ordered_json::array();
    for (std::size_t i : diff.removed)
        removed.push_back(runEntry(before.runs[i]));
    root["removed"] = std::move(removed);
    ordered_json changed = ordered_json::array();
    for (const RunMatch &m : diff.matches)
        if (m.changed() || (allFields && !m.other.empty()))
            changed.push_back(
                changedEntry(before.runs[m.oldIndex], after.runs[m.newIndex], m, allFields));
    root["changed"] = std::move(changed);
    ordered_json duplicates = ordered_json::array();
    for (const DuplicateGroup &g : diff.duplicates) {
        const TrainingRun &run = (g.inNew ? after : before).runs[g.indices.front()];
        duplicates.push_back({{"dataset", g.inNew ? "new" : "old"},
                              {"name", run.name},
                              {"date", optionalDate(run.date)},
                              {"count", g.indices.size()}});
    }
    root["duplicates"] = std::move(duplicates);
    ordered_json counts = ordered_json::object();
    for (const auto &[field, count] : diff.otherFieldCounts)
        counts[std::string(runFieldKey(field))] = count;
    root["other_field_counts"] = std::move(counts);
    ordered_json fitList = ordered_json::array();
    for (const EraDiffFit &f : fits) {
        ordered_json j;
        fit_json::putEra(j, f.era);
        j["before"] = fit_json::eraFit({f.era, f.before});
        j["after"] = fit_json::eraFit({f.era, f.after});
        ordered_json moved = ordered_json::array();
        for (const ChangeEffect &effect : f.movedBy)
            moved.push_back(movedEntry(before, after, diff, f.after, effect));
        j["moved_by"] = std::move(moved);
        fitList.push_back(std::move(j));
    }
    root["fits"] = std::move(fitList);
    return fit_json::dump(root);
}

} // namespace compute
