// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What changed between two vintages of a dataset (File > Compare With..., --diff): the runs
// added, removed and changed, matched by name and date with a tolerant fallback.

#include "core/model/dataset.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A field of a run that a comparison looks at. The significant ones are what the chart or a
// fit uses (dates and compute, what rules read: tags, domain, organization, confidence);
// the others are only counted, unless all fields are asked for.
enum class RunField {
    Name,
    Date, // the day it stands for (a change of precision alone is DatePrecision)
    Compute,
    Estimates, // methods and inputs beyond what the compute change shows
    UpperBound,
    Domain,
    Organization,
    Tags,
    Confidence,
    // not significant
    Id,
    DatePrecision,
    Parameters,
    Sources,
    Notes,
    EstimateNotes,
};

std::string_view runFieldKey(RunField field); // "name", "date", "compute", "upper_bound", ...
bool isSignificant(RunField field);

// How a match was found.
enum class MatchStage {
    Exact,     // same name key, same day (or both undated)
    DateMoved, // same name key, dates within kDateToleranceDays (or one undated)
    Renamed,   // same organization, dates within kRenameDays, similar names
};

// Tolerances of the fallback stages.
inline constexpr int kDateToleranceDays = 731;   // two years: a corrected date
inline constexpr int kRenameDays = 31;           // a renamed run keeps (about) its date
inline constexpr double kRenameSimilarity = 0.8; // nameSimilarity() of a rename

// One run of the old dataset matched with one of the new.
struct RunMatch {
    std::size_t oldIndex = 0;
    std::size_t newIndex = 0;
    MatchStage stage = MatchStage::Exact;
    std::vector<RunField> significant; // changed fields the chart or a fit uses
    std::vector<RunField> other;       // other changed fields

    bool uncertain() const { return stage != MatchStage::Exact; }
    bool changed() const { return !significant.empty(); }
};

// Runs that share a name key and a date within one file: reported, never matched.
struct DuplicateGroup {
    bool inNew = false;               // in the new dataset, else in the old
    std::vector<std::size_t> indices; // into that dataset's runs, ascending
};

struct DatasetDiff {
    std::vector<RunMatch> matches;    // every matched pair, by old index
    std::vector<std::size_t> added;   // indices into the new dataset's runs
    std::vector<std::size_t> removed; // indices into the old dataset's runs
    std::vector<DuplicateGroup> duplicates;
    // For each field that is not significant: in how many matched runs it changed.
    std::map<RunField, std::size_t> otherFieldCounts;

    std::size_t changedCount() const;
};

// The key runs are matched by: normalizedKey() of the name (ASCII letters and digits, lower
// case), or the lower-cased trimmed name when that leaves nothing (a name in another script).
std::string runNameKey(std::string_view name);

// 1 - Levenshtein distance / length of the longer, over the two names' runNameKey()s:
// 1 for the same key, 0 for nothing in common.
double nameSimilarity(std::string_view a, std::string_view b);

// The fields in which two runs differ, significant ones first, in RunField order.
std::vector<RunField> changedFields(const TrainingRun &before, const TrainingRun &after);

// Matches the runs of `before` with those of `after` in three stages, each one to one and
// each only among runs the stages before left unmatched:
//  1. the same name key and the same day (or both undated);
//  2. the same name key, dates at most kDateToleranceDays apart or one of them undated:
//     a corrected date (uncertain); the closest dates first;
//  3. the same organization (not empty; compared without case), both dated at most
//     kRenameDays apart, nameSimilarity() >= kRenameSimilarity: a rename (uncertain); the
//     most similar names first.
// Runs whose name key and day occur more than once in one dataset are listed in
// `duplicates` and take part in no stage (nor in added or removed).
DatasetDiff diffDatasets(const Dataset &before, const Dataset &after);

} // namespace compute
