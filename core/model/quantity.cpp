// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/quantity.h"

#include <cmath>

namespace compute {
namespace {

struct QuantityInfo {
    Quantity quantity;
    std::string_view key;
    std::string_view title;
    std::string_view unit;
};

constexpr std::array<QuantityInfo, kQuantities.size()> kInfo = {{
    {Quantity::Date, "date", "Publication date", ""},
    {Quantity::Compute, "compute", "Training compute", "FLOP"},
    {Quantity::Parameters, "parameters", "Parameters", "parameters"},
    {Quantity::DatasetSize, "dataset-size", "Training dataset size", "datapoints"},
    {Quantity::Cost, "cost", "Training compute cost", "USD"},
    {Quantity::TrainingTime, "training-time", "Training time", "hours"},
    {Quantity::HardwareQuantity, "hardware-quantity", "Hardware quantity", "chips"},
    {Quantity::Power, "power", "Training power draw", "W"},
    {Quantity::ChipHours, "chip-hours", "Training chip-hours", "chip-hours"},
    {Quantity::TokensPerParameter, "tokens-per-parameter", "Training datapoints per parameter",
     "datapoints per parameter"},
    {Quantity::ComputePerParameter, "compute-per-parameter", "Training compute per parameter",
     "FLOP per parameter"},
}};

const QuantityInfo &info(Quantity quantity)
{
    return kInfo[static_cast<std::size_t>(quantity)];
}

std::optional<double> positive(std::optional<double> value)
{
    if (value && std::isfinite(*value) && *value > 0) return value;
    return std::nullopt;
}

std::optional<double> ratio(std::optional<double> a, std::optional<double> b)
{
    if (!a || !b) return std::nullopt;
    return positive(*a / *b);
}

} // namespace

std::string_view quantityKey(Quantity quantity)
{
    return info(quantity).key;
}

std::optional<Quantity> quantityFromKey(std::string_view key)
{
    for (const QuantityInfo &i : kInfo)
        if (i.key == key) return i.quantity;
    return std::nullopt;
}

std::string_view quantityTitle(Quantity quantity)
{
    return info(quantity).title;
}

std::string_view quantityUnit(Quantity quantity)
{
    return info(quantity).unit;
}

std::string quantityKeyList(bool withDate)
{
    std::string out;
    for (const QuantityInfo &i : kInfo) {
        if (i.quantity == Quantity::Date && !withDate) continue;
        if (!out.empty()) out += ", ";
        out += i.key;
    }
    return out;
}

std::optional<double> quantityValue(const TrainingRun &run, Quantity quantity)
{
    const RunFields &f = run.fields;
    switch (quantity) {
    case Quantity::Date:
        if (!run.date) return std::nullopt;
        return run.date->yearsSinceEpoch();
    case Quantity::Compute:
        return positive(run.flop());
    case Quantity::Parameters:
        return positive(run.parameters);
    case Quantity::DatasetSize:
        return positive(f.number(RunNumber::DatasetSize));
    case Quantity::Cost:
        return positive(f.number(RunNumber::Cost));
    case Quantity::TrainingTime:
        return positive(f.number(RunNumber::TrainingHours));
    case Quantity::HardwareQuantity:
        return positive(f.number(RunNumber::HardwareQuantity));
    case Quantity::Power:
        return positive(f.number(RunNumber::PowerDraw));
    case Quantity::ChipHours:
        return positive(f.number(RunNumber::ChipHours));
    case Quantity::TokensPerParameter:
        return ratio(positive(f.number(RunNumber::DatasetSize)), positive(run.parameters));
    case Quantity::ComputePerParameter:
        return ratio(positive(run.flop()), positive(run.parameters));
    }
    return std::nullopt;
}

std::optional<std::pair<double, double>> Axes::point(const TrainingRun &run) const
{
    const auto yValue = quantityValue(run, y);
    if (!yValue || y == Quantity::Date) return std::nullopt;
    const auto xValue = quantityValue(run, x);
    if (!xValue) return std::nullopt;
    return std::make_pair(dated() ? *xValue : std::log10(*xValue), std::log10(*yValue));
}

} // namespace compute
