// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/training_run.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace compute {

// What an axis of the chart or a fit shows: the publication date, or one of the
// quantities Epoch AI tracks (drawn on a log axis).
enum class Quantity : std::uint8_t {
    Date,
    Compute,             // training compute, FLOP (shown in FLOP or petaflop/s-days)
    Parameters,          // parameters
    DatasetSize,         // training dataset size, datapoints
    Cost,                // training compute cost, US dollars of the run's cost year
    TrainingTime,        // training time, hours
    HardwareQuantity,    // chips
    Power,               // training power draw, W
    ChipHours,           // chip-hours
    TokensPerParameter,  // dataset size / parameters
    ComputePerParameter, // compute / parameters, FLOP per parameter
};
inline constexpr std::array<Quantity, 11> kQuantities = {Quantity::Date,
                                                         Quantity::Compute,
                                                         Quantity::Parameters,
                                                         Quantity::DatasetSize,
                                                         Quantity::Cost,
                                                         Quantity::TrainingTime,
                                                         Quantity::HardwareQuantity,
                                                         Quantity::Power,
                                                         Quantity::ChipHours,
                                                         Quantity::TokensPerParameter,
                                                         Quantity::ComputePerParameter};

// The command line's name: "date", "compute", "parameters", "dataset-size", "cost",
// "training-time", "hardware-quantity", "power", "chip-hours", "tokens-per-parameter",
// "compute-per-parameter".
std::string_view quantityKey(Quantity quantity);
std::optional<Quantity> quantityFromKey(std::string_view key);
// "Training compute", "Parameters", "Training dataset size", ... for titles and menus.
std::string_view quantityTitle(Quantity quantity);
// The unit in words: "FLOP", "parameters", "datapoints", "USD", "hours", "chips", "W",
// "chip-hours", "datapoints per parameter", "FLOP per parameter"; "" for the date.
std::string_view quantityUnit(Quantity quantity);
// Every name, "compute, parameters, ...", for messages and --help.
std::string quantityKeyList(bool withDate);

// The run's value of a quantity: finite and positive, or nullopt. The date is given in
// years since 1970-01-01 (the x of every fit).
std::optional<double> quantityValue(const TrainingRun &run, Quantity quantity);

// The two quantities of a chart or a fit. Against the date, a fit is the exponential
// trend of today (doubling time, growth per year); against another quantity it is a
// power law fitted on log-log axes (the slope is the exponent).
struct Axes {
    Quantity y = Quantity::Compute;
    Quantity x = Quantity::Date;
    bool dated() const { return x == Quantity::Date; }
    // The run's coordinates: x in years since 1970 (dated) or log10 of its x value, y
    // the log10 of its y value; nullopt when the run lacks either.
    std::optional<std::pair<double, double>> point(const TrainingRun &run) const;
    // An upper-bound compute is drawn but never fitted: only where compute is an axis.
    bool boundsMatter() const { return x == Quantity::Compute || y == Quantity::Compute; }
    bool operator==(const Axes &) const = default;
};

} // namespace compute
