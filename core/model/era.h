// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"

#include <optional>
#include <string>
#include <vector>

namespace compute {

// A period with its own trend. A run belongs to an era when from <= date < to; an
// open end (nullopt) reaches as far as the data.
struct Era {
    std::string name;
    std::optional<Date> from;
    std::optional<Date> to;
    std::string color = "#1f77b4"; // "#rrggbb"

    bool contains(const Date &date) const
    {
        return (!from || *from <= date) && (!to || date < *to);
    }
    bool operator==(const Era &) const = default;
};

// A named way of cutting history into eras ("OpenAI 2019: two eras"). Eras may overlap.
struct EraScheme {
    std::string name;
    std::string description;
    std::vector<Era> eras;
    bool operator==(const EraScheme &) const = default;
};

// "#rrggbb" with hex digits.
bool isValidColor(const std::string &color);

} // namespace compute
