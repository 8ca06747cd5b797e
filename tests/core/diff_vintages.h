// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-made vintages of a dataset for the comparison tests (tests/core/dataset_diff_test.cpp,
// diff_fits_test.cpp): runs built field by field, so every change between two vintages is
// one the test made.

#include "core/model/dataset.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace diff_vintages {

inline compute::TrainingRun run(std::string name, std::optional<compute::Date> date, double flop,
                                std::string organization = "Lab")
{
    compute::TrainingRun r;
    r.id = name;
    r.name = std::move(name);
    r.date = date;
    r.organization = std::move(organization);
    r.domain = "Language";
    if (flop > 0) r.estimates.push_back(compute::ComputeEstimate::reported(flop));
    return r;
}

inline compute::Date day(int year, int month, int d)
{
    return compute::Date(year, month, d);
}

// The run named `name` in `dataset` (the test fails loudly on a typo).
inline compute::TrainingRun &named(compute::Dataset &dataset, const std::string &name)
{
    for (compute::TrainingRun &r : dataset.runs)
        if (r.name == name) return r;
    throw std::logic_error("no run named " + name);
}

} // namespace diff_vintages
