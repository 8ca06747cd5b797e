// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/training_run.h"

#include "core/util/text_util.h"

#include <algorithm>
#include <cmath>

namespace compute {

std::string_view confidenceKey(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Unknown:
        return "";
    case Confidence::Confident:
        return "confident";
    case Confidence::Likely:
        return "likely";
    case Confidence::Speculative:
        return "speculative";
    }
    return "";
}

std::optional<Confidence> confidenceFromText(std::string_view text)
{
    const std::string key = normalizedKey(text);
    if (key.empty() || key == "unknown") return Confidence::Unknown;
    if (key == "confident") return Confidence::Confident;
    if (key == "likely") return Confidence::Likely;
    if (key == "speculative") return Confidence::Speculative;
    return std::nullopt;
}

const ComputeEstimate *TrainingRun::primaryEstimate() const
{
    return primary < estimates.size() ? &estimates[primary] : nullptr;
}

std::optional<double> TrainingRun::flop() const
{
    const ComputeEstimate *estimate = primaryEstimate();
    if (!estimate) return std::nullopt;
    const double value = estimate->flop();
    if (!std::isfinite(value) || value <= 0) return std::nullopt;
    return value;
}

bool TrainingRun::hasTag(std::string_view tag) const
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

} // namespace compute
