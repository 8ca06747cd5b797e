// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/compute_estimate.h"

#include <cmath>

namespace compute {

std::string_view methodKey(EstimateMethod method)
{
    switch (method) {
    case EstimateMethod::Operations:
        return "operations";
    case EstimateMethod::Hardware:
        return "hardware";
    case EstimateMethod::ParametersTokens:
        return "parameters-tokens";
    case EstimateMethod::Reported:
        return "reported";
    }
    return "reported";
}

std::string_view methodLabel(EstimateMethod method)
{
    switch (method) {
    case EstimateMethod::Operations:
        return "Counting operations";
    case EstimateMethod::Hardware:
        return "Hardware time";
    case EstimateMethod::ParametersTokens:
        return "6 x parameters x tokens";
    case EstimateMethod::Reported:
        return "Reported";
    }
    return "Reported";
}

std::optional<EstimateMethod> methodFromKey(std::string_view key)
{
    for (EstimateMethod m : kAllEstimateMethods)
        if (methodKey(m) == key) return m;
    return std::nullopt;
}

double operationsFlop(const OperationsInputs &in)
{
    return in.forwardFlopPerExample * (1.0 + in.backwardForwardRatio) * in.examplesPerEpoch *
           in.epochs;
}

double hardwareFlop(const HardwareInputs &in)
{
    return in.deviceCount * in.peakFlopsPerDevice * in.trainingHours * kSecondsPerHour *
           in.utilization * in.adjustment;
}

double parametersTokensFlop(const ParametersTokensInputs &in)
{
    return 6.0 * in.parameters * in.tokens;
}

double ComputeEstimate::flop() const
{
    return std::visit(
        [](const auto &in) -> double {
            using T = std::decay_t<decltype(in)>;
            if constexpr (std::is_same_v<T, OperationsInputs>)
                return operationsFlop(in);
            else if constexpr (std::is_same_v<T, HardwareInputs>)
                return hardwareFlop(in);
            else if constexpr (std::is_same_v<T, ParametersTokensInputs>)
                return parametersTokensFlop(in);
            else
                return fromUnit(in.value, in.unit);
        },
        inputs);
}

namespace {

// "where.field", or just "field" when the caller gave no location.
std::string fieldPath(const std::string &where, const char *field)
{
    return where.empty() ? std::string(field) : where + "." + field;
}

void requirePositive(Errors &errors, const std::string &where, const char *field, double value,
                     const char *what)
{
    if (!std::isfinite(value) || value <= 0)
        errors.push_back(
            {fieldPath(where, field), std::string("expected ") + what + " greater than 0"});
}

} // namespace

Errors ComputeEstimate::validate(const std::string &where) const
{
    Errors errors;
    std::visit(
        [&](const auto &in) {
            using T = std::decay_t<decltype(in)>;
            if constexpr (std::is_same_v<T, OperationsInputs>) {
                requirePositive(errors, where, "forward_flop_per_example", in.forwardFlopPerExample,
                                "a FLOP count");
                if (!std::isfinite(in.backwardForwardRatio) || in.backwardForwardRatio < 0)
                    errors.push_back({fieldPath(where, "backward_forward_ratio"),
                                      "expected a ratio of 0 or more (usually 2)"});
                requirePositive(errors, where, "examples_per_epoch", in.examplesPerEpoch,
                                "a number of examples");
                requirePositive(errors, where, "epochs", in.epochs, "a number of epochs");
            } else if constexpr (std::is_same_v<T, HardwareInputs>) {
                requirePositive(errors, where, "device_count", in.deviceCount,
                                "a number of devices");
                requirePositive(errors, where, "peak_flops_per_device", in.peakFlopsPerDevice,
                                "a peak FLOP/s");
                requirePositive(errors, where, "training_hours", in.trainingHours,
                                "a training time");
                if (!std::isfinite(in.utilization) || in.utilization <= 0 || in.utilization > 1)
                    errors.push_back({fieldPath(where, "utilization"),
                                      "expected a fraction greater than 0 and at most 1"});
                requirePositive(errors, where, "adjustment", in.adjustment, "a multiplier");
            } else if constexpr (std::is_same_v<T, ParametersTokensInputs>) {
                requirePositive(errors, where, "parameters", in.parameters,
                                "a number of parameters");
                requirePositive(errors, where, "tokens", in.tokens, "a number of tokens");
            } else {
                requirePositive(errors, where, "value", in.value, "a compute figure");
            }
        },
        inputs);
    if (errors.empty()) {
        const double result = flop();
        if (!std::isfinite(result) || result <= 0)
            errors.push_back({where, std::string("the inputs multiply to a compute outside "
                                                 "the range of numbers (") +
                                         (result > 0 ? "too large" : "too small") + ")"});
    }
    return errors;
}

ComputeEstimate ComputeEstimate::reported(double flop, SharedText note)
{
    return ComputeEstimate{ReportedInputs{flop, ComputeUnit::Flop}, std::move(note)};
}

std::optional<Consistency> compareEstimates(const ComputeEstimate &primary,
                                            const ComputeEstimate &other)
{
    const double p = primary.flop();
    const double o = other.flop();
    if (!std::isfinite(p) || !std::isfinite(o) || p <= 0 || o <= 0) return std::nullopt;
    Consistency c;
    c.ratio = o / p;
    const auto *hwPrimary = std::get_if<HardwareInputs>(&primary.inputs);
    const auto *hwOther = std::get_if<HardwareInputs>(&other.inputs);
    // Hardware FLOP is linear in utilization: u' = u x target / hardware.
    if (hwPrimary && !hwOther) c.impliedUtilization = hwPrimary->utilization * o / p;
    if (hwOther && !hwPrimary) c.impliedUtilization = hwOther->utilization * p / o;
    return c;
}

} // namespace compute
