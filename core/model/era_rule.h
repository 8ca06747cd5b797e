// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"
#include "core/util/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace compute {

// W of the Z-score rules when none is given: Sevilla et al. 2022 (App. A) compare a model
// with the models published within 1.5 years of it (their Table 5 caption says 2).
inline constexpr double kDefaultZWindowYears = 1.5;
// Sevilla et al.'s low-compute outliers have a Z-score below this.
inline constexpr double kLowOutlierZ = -2.0;

// Z-scores low <= Z < high; a missing end is open.
struct ZScoreBand {
    std::optional<double> low;
    std::optional<double> high;

    bool contains(double z) const { return (!low || z >= *low) && (!high || z < *high); }
    bool operator==(const ZScoreBand &) const = default;
};

// Which runs of an era's date range enter its fit. Every condition that is set must hold
// (they combine with AND); an empty list or an unset condition does not narrow. The
// default rule holds every run. The conditions on the run itself are matchesRun(); those
// that compare it with other runs (running top N, record-setters, Z-scores) are judged
// against the population core/stats/era_membership.h defines.
struct EraRule {
    // What the members are called in the rule's description ("large-scale runs"); empty:
    // the description names only the conditions.
    std::string label{};
    std::string tag{};                          // the run carries this tag
    std::vector<std::string> domains{};         // its domain (or a "domain:X" tag) is one of these
    std::vector<std::string> organizations{};   // one of its organizations is one of these
    std::vector<Confidence> confidences{};      // its confidence is one of these
    std::vector<std::string> runIds{};          // it is one of these runs
    std::optional<std::size_t> topN{};          // in the running top N by compute at publication
    bool recordSetters = false;                 // set a compute record when published
    std::optional<ZScoreBand> zBand{};          // its log-compute Z-score lies in the band
    bool excludeLowOutliers = false;            // its Z-score is not below kLowOutlierZ
    double zWindowYears = kDefaultZWindowYears; // W of the Z-scores (zBand, excludeLowOutliers)

    // No condition at all: every run of the era's dates (how eras behaved before rules).
    bool isAllRuns() const;
    // Some condition compares the run with other runs (top N, records, Z-scores).
    bool dependsOnOtherRuns() const { return topN.has_value() || recordSetters || usesZScores(); }
    bool usesZScores() const { return zBand.has_value() || excludeLowOutliers; }
    // Some condition is on the run alone (matchesRun() is true for every run otherwise).
    bool hasRunConditions() const
    {
        return !tag.empty() || !domains.empty() || !organizations.empty() || !confidences.empty() ||
               !runIds.empty();
    }
    // The conditions on the run alone: tag, domains, organizations, confidences, run ids.
    // Domains and organizations compare ASCII letters without case; a run's organization
    // field may list several, separated by commas (as Epoch AI's exports do).
    bool matchesRun(const TrainingRun &run) const;

    bool operator==(const EraRule &) const = default;
};

// The rule in words, for fit annotations and reports: "all runs", "large-scale runs,
// Z ≥ 0.76", "running top 10 by compute", "all runs, low outliers excluded (Z < -2)".
std::string describeRule(const EraRule &rule);

// Problems of a rule (W not positive, an empty band, top 0), located under `where`.
Errors validateRule(const EraRule &rule, const std::string &where);

} // namespace compute
