// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/model/era_rule.h"
#include "core/model/published_figure.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A period with its own trend: the runs dated from <= date < to that its rule holds (an
// open end reaches as far as the data). The default rule holds every run of the dates.
struct Era {
    std::string name;
    std::optional<Date> from;
    std::optional<Date> to;
    std::string color = "#1f77b4"; // "#rrggbb"
    EraRule rule{};
    // The figure a paper published for this era, when it follows a paper.
    std::optional<PublishedFigure> published{};

    // Dated inside the era (the rule aside).
    bool contains(const Date &date) const
    {
        return (!from || *from <= date) && (!to || date < *to);
    }
    bool operator==(const Era &) const = default;
};

// A named way of cutting history into eras ("OpenAI 2019: two eras"). Eras may overlap,
// in their dates and in their runs.
struct EraScheme {
    std::string name;
    std::string description;
    std::vector<Era> eras;
    bool operator==(const EraScheme &) const = default;
};

// "#rrggbb" with hex digits.
bool isValidColor(const std::string &color);

// The scheme a user means by `text`: the one named exactly so; else the one whose name
// equals it ignoring ASCII case; else the only one whose name starts with it ignoring
// ASCII case. `matches` lists every candidate of the step that decided (several: the text
// is ambiguous and `scheme` is null; none: no scheme fits).
struct SchemeLookup {
    const EraScheme *scheme = nullptr;
    std::vector<std::string> matches;
};
SchemeLookup lookupScheme(std::span<const EraScheme> schemes, std::string_view text);

} // namespace compute
