// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace compute {

// The quantity a paper published for an era's trend.
enum class PublishedQuantity {
    DoublingTimeMonths,  // Sevilla et al. 2022, OpenAI 2018
    GrowthFactorPerYear, // Epoch AI 2024: "4-5x per year"
};
std::string_view publishedQuantityKey(PublishedQuantity quantity); // "doubling_time_months", ...
std::optional<PublishedQuantity> publishedQuantityFromKey(std::string_view key);

// What a paper published for an era, as the paper gives it, so that the recomputed fit
// can be set beside it. Missing parts are missing in the paper.
struct PublishedFigure {
    PublishedQuantity quantity = PublishedQuantity::DoublingTimeMonths;
    double value = 0;
    // The published interval, each end missing when the paper gives none. A range the
    // paper states without a confidence level (Epoch's "4-5x") has no ciLevel.
    std::optional<double> ciLow{};
    std::optional<double> ciHigh{};
    std::optional<double> ciLevel{}; // 0.95, 0.90
    std::optional<std::size_t> n{};  // runs the paper fitted
    std::string dataVintage{};       // the data the paper used: "2022-02", "2024-05"
    std::string source{};            // "Sevilla et al. 2022, arXiv:2202.05924"
    std::string table{};             // "Table 2"
    std::string note{};              // how the figure was read from the paper, when not plain

    bool operator==(const PublishedFigure &) const = default;
};

// Problems (value not positive and finite, ends out of order, level not in (0, 1)),
// located under `where`.
Errors validatePublishedFigure(const PublishedFigure &figure, const std::string &where);

} // namespace compute
