// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/hardware_catalog.h"
#include "core/model/units.h"
#include "core/util/result.h"
#include "core/util/shared_text.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace compute {

enum class EstimateMethod { Operations, Hardware, ParametersTokens, Reported };

inline constexpr EstimateMethod kAllEstimateMethods[] = {
    EstimateMethod::Operations, EstimateMethod::Hardware, EstimateMethod::ParametersTokens,
    EstimateMethod::Reported};

std::string_view methodKey(EstimateMethod method);   // "operations", "hardware", ...
std::string_view methodLabel(EstimateMethod method); // "Counting operations", ...
std::optional<EstimateMethod> methodFromKey(std::string_view key);

// OpenAI method 1: forward FLOP per example x (1 + backward/forward) x examples x epochs.
// Adds and multiplies count apart, so one multiply-add is 2 FLOP of the forward pass.
struct OperationsInputs {
    double forwardFlopPerExample = 0;
    double backwardForwardRatio = 2; // backward pass ~2x the forward pass (Epoch, BFR)
    double examplesPerEpoch = 0;
    double epochs = 1;
    bool operator==(const OperationsInputs &) const = default;
};

enum class TimeUnit : std::uint8_t { Hours, Days };

// OpenAI method 2: devices x peak FLOP/s per device x training seconds x utilization.
// `adjustment` is an extra multiplier some published estimates apply (OpenAI scaled
// GNMT by sqrt(10 x 100) for data size); it is 1 unless a source says otherwise.
struct HardwareInputs {
    SharedText device; // catalog id, or free text for unlisted chips
    double deviceCount = 0;
    double peakFlopsPerDevice = 0; // FLOP/s, from the catalog or typed in
    double trainingHours = 0;
    TimeUnit timeUnit = TimeUnit::Days;             // how the user entered the time (display only)
    NumberFormat numberFormat = NumberFormat::FP32; // beside timeUnit: both in one word
    double utilization = 0.33;                      // OpenAI's default for GPUs
    double adjustment = 1;
    bool operator==(const HardwareInputs &) const = default;
};

// Dense transformers: C = 6 x N x D (2 FLOP per parameter per token forward, x3).
struct ParametersTokensInputs {
    double parameters = 0;
    double tokens = 0;
    bool operator==(const ParametersTokensInputs &) const = default;
};

// A figure taken as published, in the unit it was published in.
struct ReportedInputs {
    double value = 0;
    ComputeUnit unit = ComputeUnit::Flop;
    bool operator==(const ReportedInputs &) const = default;
};

using EstimateInputs =
    std::variant<OperationsInputs, HardwareInputs, ParametersTokensInputs, ReportedInputs>;

// One way of estimating a run's training compute. The FLOP figure is always derived
// from the inputs, never stored beside them.
struct ComputeEstimate {
    EstimateInputs inputs;
    SharedText note; // where the inputs come from, caveats: repeated across runs

    EstimateMethod method() const { return static_cast<EstimateMethod>(inputs.index()); }
    // Training compute in FLOP computed from the inputs (may be non-finite for bad inputs;
    // validate() says why).
    double flop() const;
    double pfsDays() const { return flopToPfsDays(flop()); }
    // Every input that is missing, non-finite or out of range, located under `where`.
    Errors validate(const std::string &where) const;
    bool isValid() const { return validate({}).empty(); }

    static ComputeEstimate reported(double flop, SharedText note = {});
    bool operator==(const ComputeEstimate &) const = default;
};

double operationsFlop(const OperationsInputs &in);
double hardwareFlop(const HardwareInputs &in);
double parametersTokensFlop(const ParametersTokensInputs &in);

// How a second estimate compares with the primary one (OpenAI computed both "as a
// consistency check"; they aim to agree within a factor of 2-3).
struct Consistency {
    double ratio = 0; // other / primary
    // When exactly one of the two is a hardware estimate: the utilization at which
    // the hardware estimate would equal the other one.
    std::optional<double> impliedUtilization;
    // ratio outside [1/3, 3]
    bool disagrees() const { return ratio > 3.0 || ratio < 1.0 / 3.0; }
};

std::optional<Consistency> compareEstimates(const ComputeEstimate &primary,
                                            const ComputeEstimate &other);

} // namespace compute
