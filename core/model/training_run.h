// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/compute_estimate.h"
#include "core/model/date.h"
#include "core/model/run_fields.h"
#include "core/model/source_list.h"
#include "core/model/tag_list.h"
#include "core/util/shared_text.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// How sure the estimate is, in Epoch AI's vocabulary.
enum class Confidence : std::uint8_t { Unknown, Confident, Likely, Speculative };
std::string_view confidenceKey(Confidence confidence); // "", "confident", ...
std::optional<Confidence> confidenceFromText(std::string_view text);

// Tags with a meaning to the app.
inline constexpr std::string_view kTagFrontier = "frontier";

// One training run (a "system" in OpenAI's words, a "model" in Epoch's): a value type.
struct TrainingRun {
    std::string id; // stable within a dataset
    std::string name;
    // Texts that repeat from run to run, held once (SharedText).
    SharedText organization;
    SharedText domain;
    std::optional<Date> date;
    std::uint32_t primary = 0; // index into estimates (beside the date: no padding)
    std::vector<ComputeEstimate> estimates;
    std::optional<double> parameters;
    SourceList sources;
    SharedText notes;
    TagList tags;
    // The compute is only known to be at most this: drawn as such, never fitted.
    bool upperBound = false;
    Confidence confidence = Confidence::Unknown;
    // Every other column of Epoch AI's exports: dataset size, cost, power, hardware, ...
    RunFields fields;

    const ComputeEstimate *primaryEstimate() const;
    // Training compute of the primary estimate; nullopt without a valid estimate.
    std::optional<double> flop() const;
    bool hasTag(std::string_view tag) const;
    // Has a date and a finite, positive compute: can be drawn on the chart.
    bool isPlottable() const { return date.has_value() && flop().has_value(); }
    // Plottable and a point estimate: can enter a trend fit.
    bool isFittable() const { return !upperBound && isPlottable(); }

    bool operator==(const TrainingRun &) const = default;
};

} // namespace compute
