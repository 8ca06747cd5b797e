// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/dataset_diff.h"

#include "core/util/text_util.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace compute {

std::string_view runFieldKey(RunField field)
{
    switch (field) {
    case RunField::Name:
        return "name";
    case RunField::Date:
        return "date";
    case RunField::Compute:
        return "compute";
    case RunField::Estimates:
        return "estimates";
    case RunField::UpperBound:
        return "upper_bound";
    case RunField::Domain:
        return "domain";
    case RunField::Organization:
        return "organization";
    case RunField::Tags:
        return "tags";
    case RunField::Confidence:
        return "confidence";
    case RunField::Id:
        return "id";
    case RunField::DatePrecision:
        return "date_precision";
    case RunField::Parameters:
        return "parameters";
    case RunField::Sources:
        return "sources";
    case RunField::Notes:
        return "notes";
    case RunField::EstimateNotes:
        return "estimate_notes";
    }
    return "";
}

bool isSignificant(RunField field)
{
    return field <= RunField::Confidence;
}

std::size_t DatasetDiff::changedCount() const
{
    return static_cast<std::size_t>(std::count_if(matches.begin(), matches.end(),
                                                  [](const RunMatch &m) { return m.changed(); }));
}

std::string runNameKey(std::string_view name)
{
    std::string key = normalizedKey(name);
    return key.empty() ? toLower(trimmed(name)) : key;
}

namespace {

std::size_t levenshtein(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

double keySimilarity(std::string_view a, std::string_view b)
{
    const std::size_t longer = std::max(a.size(), b.size());
    if (longer == 0) return 1;
    return 1.0 - static_cast<double>(levenshtein(a, b)) / static_cast<double>(longer);
}

bool sameCompute(std::optional<double> a, std::optional<double> b)
{
    if (!a || !b) return a.has_value() == b.has_value();
    return std::abs(*a - *b) <= 1e-9 * std::max(std::abs(*a), std::abs(*b));
}

// The estimates differ in what they compute beyond the primary's FLOP figure, which
// RunField::Compute already shows: another method, another count, another primary, or
// a change to an estimate that is not the primary.
bool estimatesDifferBeyondCompute(const TrainingRun &a, const TrainingRun &b)
{
    if (a.estimates.size() != b.estimates.size() || a.primary != b.primary) return true;
    for (std::size_t i = 0; i < a.estimates.size(); ++i) {
        const ComputeEstimate &x = a.estimates[i];
        const ComputeEstimate &y = b.estimates[i];
        if (x.method() != y.method()) return true;
        if (i != a.primary && x.inputs != y.inputs) return true;
    }
    return false;
}

bool sameEstimateInputs(const TrainingRun &a, const TrainingRun &b)
{
    if (a.estimates.size() != b.estimates.size() || a.primary != b.primary) return false;
    for (std::size_t i = 0; i < a.estimates.size(); ++i)
        if (a.estimates[i].inputs != b.estimates[i].inputs) return false;
    return true;
}

bool sameEstimateNotes(const TrainingRun &a, const TrainingRun &b)
{
    if (a.estimates.size() != b.estimates.size()) return false;
    for (std::size_t i = 0; i < a.estimates.size(); ++i)
        if (a.estimates[i].note != b.estimates[i].note) return false;
    return true;
}

bool sameDay(const std::optional<Date> &a, const std::optional<Date> &b)
{
    if (!a || !b) return a.has_value() == b.has_value();
    return a->daysSinceEpoch() == b->daysSinceEpoch();
}

bool sameParameters(std::optional<double> a, std::optional<double> b)
{
    if (!a || !b) return a.has_value() == b.has_value();
    return *a == *b || (std::isnan(*a) && std::isnan(*b));
}

} // namespace

double nameSimilarity(std::string_view a, std::string_view b)
{
    return keySimilarity(runNameKey(a), runNameKey(b));
}

std::vector<RunField> changedFields(const TrainingRun &a, const TrainingRun &b)
{
    std::vector<RunField> fields;
    auto check = [&](bool differs, RunField field) {
        if (differs) fields.push_back(field);
    };
    const bool computeDiffers = !sameCompute(a.flop(), b.flop());
    check(a.name != b.name, RunField::Name);
    check(!sameDay(a.date, b.date), RunField::Date);
    check(computeDiffers, RunField::Compute);
    check(!sameEstimateInputs(a, b) && (!computeDiffers || estimatesDifferBeyondCompute(a, b)),
          RunField::Estimates);
    check(a.upperBound != b.upperBound, RunField::UpperBound);
    check(a.domain != b.domain, RunField::Domain);
    check(a.organization != b.organization, RunField::Organization);
    check(a.tags != b.tags, RunField::Tags);
    check(a.confidence != b.confidence, RunField::Confidence);
    check(a.id != b.id, RunField::Id);
    check(sameDay(a.date, b.date) && a.date && a.date->precision() != b.date->precision(),
          RunField::DatePrecision);
    check(!sameParameters(a.parameters, b.parameters), RunField::Parameters);
    check(a.sources != b.sources, RunField::Sources);
    check(a.notes != b.notes, RunField::Notes);
    check(!sameEstimateNotes(a, b), RunField::EstimateNotes);
    return fields;
}

namespace {

constexpr std::int64_t kUndated = std::numeric_limits<std::int64_t>::min();

std::int64_t dayOf(const TrainingRun &run)
{
    return run.date ? run.date->daysSinceEpoch() : kUndated;
}

// The name key and day of each run of one dataset, and which runs share both.
struct Side {
    std::vector<std::string> keys;
    std::vector<std::int64_t> days;
    std::vector<bool> taken; // matched, or a duplicate

    explicit Side(const Dataset &dataset, bool isNew, std::vector<DuplicateGroup> &duplicates)
    {
        const std::size_t n = dataset.runs.size();
        keys.reserve(n);
        days.reserve(n);
        for (const TrainingRun &run : dataset.runs) {
            keys.push_back(runNameKey(run.name));
            days.push_back(dayOf(run));
        }
        taken.assign(n, false);
        std::unordered_map<std::string, std::vector<std::size_t>> byKeyAndDay;
        for (std::size_t i = 0; i < n; ++i)
            byKeyAndDay[keys[i] + '\x1f' + std::to_string(days[i])].push_back(i);
        std::vector<DuplicateGroup> groups;
        for (auto &[key, indices] : byKeyAndDay) {
            if (indices.size() < 2) continue;
            for (std::size_t i : indices)
                taken[i] = true;
            groups.push_back({isNew, std::move(indices)});
        }
        std::sort(groups.begin(), groups.end(),
                  [](const DuplicateGroup &x, const DuplicateGroup &y) {
                      return x.indices.front() < y.indices.front();
                  });
        duplicates.insert(duplicates.end(), groups.begin(), groups.end());
    }
};

struct Candidate {
    double rank; // lower first
    std::size_t oldIndex;
    std::size_t newIndex;
};

// Accepts the candidates best rank first, each run at most once.
void acceptGreedily(std::vector<Candidate> &candidates, MatchStage stage, Side &before, Side &after,
                    std::vector<RunMatch> &matches)
{
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        return std::tie(x.rank, x.oldIndex, x.newIndex) < std::tie(y.rank, y.oldIndex, y.newIndex);
    });
    for (const Candidate &c : candidates) {
        if (before.taken[c.oldIndex] || after.taken[c.newIndex]) continue;
        before.taken[c.oldIndex] = true;
        after.taken[c.newIndex] = true;
        RunMatch match;
        match.oldIndex = c.oldIndex;
        match.newIndex = c.newIndex;
        match.stage = stage;
        matches.push_back(std::move(match));
    }
}

std::unordered_map<std::string, std::vector<std::size_t>>
untakenByKey(const Side &side, const std::vector<std::string> &keys)
{
    std::unordered_map<std::string, std::vector<std::size_t>> map;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!side.taken[i]) map[keys[i]].push_back(i);
    return map;
}

void matchExact(Side &before, Side &after, std::vector<RunMatch> &matches)
{
    std::unordered_map<std::string, std::size_t> newByKeyAndDay;
    for (std::size_t j = 0; j < after.keys.size(); ++j)
        if (!after.taken[j])
            newByKeyAndDay.emplace(after.keys[j] + '\x1f' + std::to_string(after.days[j]), j);
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < before.keys.size(); ++i) {
        if (before.taken[i]) continue;
        const auto it =
            newByKeyAndDay.find(before.keys[i] + '\x1f' + std::to_string(before.days[i]));
        if (it != newByKeyAndDay.end()) candidates.push_back({0, i, it->second});
    }
    acceptGreedily(candidates, MatchStage::Exact, before, after, matches);
}

void matchMovedDates(Side &before, Side &after, std::vector<RunMatch> &matches)
{
    const auto newByKey = untakenByKey(after, after.keys);
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < before.keys.size(); ++i) {
        if (before.taken[i]) continue;
        const auto it = newByKey.find(before.keys[i]);
        if (it == newByKey.end()) continue;
        for (std::size_t j : it->second) {
            const std::int64_t a = before.days[i], b = after.days[j];
            double distance = kDateToleranceDays + 1; // one undated: after every dated pair
            if (a != kUndated && b != kUndated) {
                distance = static_cast<double>(a > b ? a - b : b - a);
                if (distance > kDateToleranceDays) continue;
            }
            candidates.push_back({distance, i, j});
        }
    }
    acceptGreedily(candidates, MatchStage::DateMoved, before, after, matches);
}

void matchRenames(const Dataset &dataset0, const Dataset &dataset1, Side &before, Side &after,
                  std::vector<RunMatch> &matches)
{
    auto organizationKeys = [](const Dataset &dataset) {
        std::vector<std::string> keys;
        keys.reserve(dataset.runs.size());
        for (const TrainingRun &run : dataset.runs)
            keys.push_back(toLower(trimmed(run.organization)));
        return keys;
    };
    const std::vector<std::string> oldOrgs = organizationKeys(dataset0);
    const auto newByOrganization = untakenByKey(after, organizationKeys(dataset1));
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < before.keys.size(); ++i) {
        if (before.taken[i] || oldOrgs[i].empty() || before.days[i] == kUndated) continue;
        const auto it = newByOrganization.find(oldOrgs[i]);
        if (it == newByOrganization.end()) continue;
        const std::string &a = before.keys[i];
        for (std::size_t j : it->second) {
            if (after.days[j] == kUndated) continue;
            const std::int64_t gap = std::abs(before.days[i] - after.days[j]);
            if (gap > kRenameDays) continue;
            const std::string &b = after.keys[j];
            // The length gap alone bounds the similarity from above: skip the distance.
            const auto longer = static_cast<double>(std::max(a.size(), b.size()));
            const auto lengthGap = static_cast<double>(a.size() > b.size() ? a.size() - b.size()
                                                                           : b.size() - a.size());
            if (longer > 0 && 1.0 - lengthGap / longer < kRenameSimilarity) continue;
            const double similarity = keySimilarity(a, b);
            if (similarity < kRenameSimilarity) continue;
            // Most similar first, then the closest dates.
            candidates.push_back({-similarity + static_cast<double>(gap) * 1e-6, i, j});
        }
    }
    acceptGreedily(candidates, MatchStage::Renamed, before, after, matches);
}

} // namespace

DatasetDiff diffDatasets(const Dataset &dataset0, const Dataset &dataset1)
{
    DatasetDiff diff;
    Side before(dataset0, false, diff.duplicates);
    Side after(dataset1, true, diff.duplicates);
    matchExact(before, after, diff.matches);
    matchMovedDates(before, after, diff.matches);
    matchRenames(dataset0, dataset1, before, after, diff.matches);
    std::sort(diff.matches.begin(), diff.matches.end(),
              [](const RunMatch &x, const RunMatch &y) { return x.oldIndex < y.oldIndex; });
    for (RunMatch &match : diff.matches) {
        for (RunField field :
             changedFields(dataset0.runs[match.oldIndex], dataset1.runs[match.newIndex])) {
            if (isSignificant(field)) {
                match.significant.push_back(field);
            } else {
                match.other.push_back(field);
                ++diff.otherFieldCounts[field];
            }
        }
    }
    for (std::size_t i = 0; i < before.taken.size(); ++i)
        if (!before.taken[i]) diff.removed.push_back(i);
    for (std::size_t j = 0; j < after.taken.size(); ++j)
        if (!after.taken[j]) diff.added.push_back(j);
    return diff;
}

} // namespace compute
