// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/compute_estimate.h"
#include "core/model/units.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using namespace compute;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// True when some error is located exactly at `where`.
bool hasErrorAt(const Errors &errors, const std::string &where)
{
    return std::any_of(errors.begin(), errors.end(),
                       [&](const Error &e) { return e.where == where; });
}

std::string describe(const Errors &errors)
{
    std::string text;
    for (const Error &e : errors)
        text += e.toString() + "\n";
    return text;
}

HardwareInputs v100Cluster()
{
    HardwareInputs in;
    in.device = "nvidia-v100-sxm2";
    in.numberFormat = NumberFormat::TensorFP16;
    in.deviceCount = 1000;
    in.peakFlopsPerDevice = 1e14;
    in.trainingHours = 240;
    in.utilization = 0.3;
    return in;
}

} // namespace

// --- Units ---------------------------------------------------------------------------

TEST(Units, OnePetaflopSecondDayIsEightPointSixFourTimesTenToTheNineteen)
{
    EXPECT_EQ(kFlopPerPfsDay, 8.64e19);
    EXPECT_DOUBLE_EQ(flopToPfsDays(8.64e19), 1.0);
    EXPECT_DOUBLE_EQ(pfsDaysToFlop(1860.0), 1.60704e23); // ~GPT-3 scale
    EXPECT_DOUBLE_EQ(toUnit(8.64e21, ComputeUnit::PfsDays), 100.0);
    EXPECT_EQ(toUnit(8.64e21, ComputeUnit::Flop), 8.64e21);
    EXPECT_DOUBLE_EQ(fromUnit(100.0, ComputeUnit::PfsDays), 8.64e21);
    EXPECT_EQ(kDaysPerMonth * 12, kDaysPerYear);
}

// --- FLOP from each method's inputs --------------------------------------------------

TEST(ComputeEstimate, OperationsMultipliesForwardPassByOnePlusRatioExamplesAndEpochs)
{
    // AlexNet-like: 1.45e9 FLOP forward per image (adds and multiplies apart), 1.2e6
    // images, 90 epochs, backward pass twice the forward pass.
    OperationsInputs in{1.45e9, 2.0, 1.2e6, 90};
    const ComputeEstimate estimate{in, {}};
    EXPECT_EQ(estimate.method(), EstimateMethod::Operations);
    EXPECT_DOUBLE_EQ(estimate.flop(), 1.45e9 * 3 * 1.2e6 * 90);
    EXPECT_DOUBLE_EQ(estimate.flop(), 4.698e17);
    EXPECT_DOUBLE_EQ(estimate.pfsDays(), 4.698e17 / 8.64e19);
    in.backwardForwardRatio = 0; // forward only (inference-style count)
    EXPECT_DOUBLE_EQ(operationsFlop(in), 1.566e17);
}

TEST(ComputeEstimate, OperationsDefaultsToBackwardPassTwiceTheForward)
{
    const OperationsInputs in{};
    EXPECT_EQ(in.backwardForwardRatio, 2.0);
    EXPECT_EQ(in.epochs, 1.0);
}

TEST(ComputeEstimate, HardwareMultipliesDevicesPeakSecondsUtilizationAndAdjustment)
{
    HardwareInputs in = v100Cluster();
    // 1000 x 1e14 FLOP/s x 240 h x 3600 s/h x 0.3 = 2.592e22.
    EXPECT_DOUBLE_EQ(hardwareFlop(in), 2.592e22);
    in.adjustment = std::sqrt(10.0 * 100.0); // OpenAI's GNMT data-size scaling
    EXPECT_NEAR(hardwareFlop(in) / 2.592e22, 31.622776601683793, 1e-12);
    const ComputeEstimate estimate{v100Cluster(), {}};
    EXPECT_EQ(estimate.method(), EstimateMethod::Hardware);
    EXPECT_DOUBLE_EQ(estimate.pfsDays(), 2.592e22 / 8.64e19); // 300 pfs-days
    EXPECT_DOUBLE_EQ(estimate.pfsDays(), 300.0);
}

TEST(ComputeEstimate, HardwareDefaultsToOpenAiUtilization)
{
    const HardwareInputs in{};
    EXPECT_EQ(in.utilization, 0.33);
    EXPECT_EQ(in.adjustment, 1.0);
}

TEST(ComputeEstimate, ParametersTokensIsSixTimesNTimesD)
{
    // GPT-3: 175e9 parameters, 300e9 tokens -> 3.15e23 FLOP.
    const ComputeEstimate estimate{ParametersTokensInputs{175e9, 300e9}, {}};
    EXPECT_EQ(estimate.method(), EstimateMethod::ParametersTokens);
    EXPECT_DOUBLE_EQ(estimate.flop(), 3.15e23);
    EXPECT_NEAR(estimate.pfsDays(), 3645.833333, 1e-6);
}

TEST(ComputeEstimate, ReportedFigureIsReadInItsUnit)
{
    const ComputeEstimate flop = ComputeEstimate::reported(3.14e23, "paper, table 1");
    EXPECT_EQ(flop.method(), EstimateMethod::Reported);
    EXPECT_EQ(flop.flop(), 3.14e23);
    EXPECT_EQ(flop.note, "paper, table 1");
    const ComputeEstimate pfs{ReportedInputs{1860.0, ComputeUnit::PfsDays}, {}};
    EXPECT_DOUBLE_EQ(pfs.flop(), 1860.0 * 8.64e19);
    EXPECT_DOUBLE_EQ(pfs.pfsDays(), 1860.0);
}

TEST(ComputeEstimate, MethodKeysRoundTrip)
{
    for (EstimateMethod m : kAllEstimateMethods) {
        EXPECT_EQ(methodFromKey(methodKey(m)), m);
        EXPECT_FALSE(methodLabel(m).empty());
    }
    EXPECT_EQ(methodKey(EstimateMethod::ParametersTokens), "parameters-tokens");
    EXPECT_EQ(methodKey(EstimateMethod::Hardware), "hardware");
    EXPECT_FALSE(methodFromKey("Hardware").has_value());
    EXPECT_FALSE(methodFromKey("").has_value());
}

// --- Validation ----------------------------------------------------------------------

TEST(ComputeEstimateValidation, SoundInputsHaveNoErrors)
{
    EXPECT_TRUE(ComputeEstimate({OperationsInputs{1e9, 2, 1e6, 10}, {}}).isValid());
    EXPECT_TRUE(ComputeEstimate({v100Cluster(), {}}).isValid());
    EXPECT_TRUE(ComputeEstimate({ParametersTokensInputs{1e9, 2e10}, {}}).isValid());
    EXPECT_TRUE(ComputeEstimate::reported(1e20).isValid());
    // Edge values that are allowed: utilization exactly 1, a forward-only count.
    HardwareInputs full = v100Cluster();
    full.utilization = 1.0;
    EXPECT_TRUE(ComputeEstimate({full, {}}).isValid());
    EXPECT_TRUE(ComputeEstimate({OperationsInputs{1e9, 0, 1e6, 10}, {}}).isValid());
}

TEST(ComputeEstimateValidation, NamesEachOperationsFieldThatIsNotPositiveAndFinite)
{
    for (double bad : {0.0, -1.0, kNaN, kInf, -kInf}) {
        const std::string at = "runs[3].estimates[0]";
        const Errors forward =
            ComputeEstimate({OperationsInputs{bad, 2, 1e6, 10}, {}}).validate(at);
        EXPECT_TRUE(hasErrorAt(forward, at + ".forward_flop_per_example")) << describe(forward);
        const Errors examples =
            ComputeEstimate({OperationsInputs{1e9, 2, bad, 10}, {}}).validate(at);
        EXPECT_TRUE(hasErrorAt(examples, at + ".examples_per_epoch")) << describe(examples);
        const Errors epochs =
            ComputeEstimate({OperationsInputs{1e9, 2, 1e6, bad}, {}}).validate(at);
        EXPECT_TRUE(hasErrorAt(epochs, at + ".epochs")) << describe(epochs);
        EXPECT_EQ(epochs.size(), 1u) << describe(epochs); // only the field at fault
    }
    for (double bad : {-0.5, kNaN, kInf}) {
        const Errors ratio =
            ComputeEstimate({OperationsInputs{1e9, bad, 1e6, 10}, {}}).validate("e");
        EXPECT_TRUE(hasErrorAt(ratio, "e.backward_forward_ratio")) << describe(ratio);
    }
}

TEST(ComputeEstimateValidation, NamesEachHardwareFieldThatIsNotPositiveAndFinite)
{
    struct Case {
        double HardwareInputs::*field;
        const char *name;
    };
    const Case cases[] = {{&HardwareInputs::deviceCount, "device_count"},
                          {&HardwareInputs::peakFlopsPerDevice, "peak_flops_per_device"},
                          {&HardwareInputs::trainingHours, "training_hours"},
                          {&HardwareInputs::utilization, "utilization"},
                          {&HardwareInputs::adjustment, "adjustment"}};
    for (const Case &c : cases) {
        for (double bad : {0.0, -3.0, kNaN, kInf}) {
            HardwareInputs in = v100Cluster();
            in.*(c.field) = bad;
            const Errors errors = ComputeEstimate({in, {}}).validate("est");
            EXPECT_TRUE(hasErrorAt(errors, std::string("est.") + c.name))
                << c.name << " = " << bad << "\n"
                << describe(errors);
            EXPECT_EQ(errors.size(), 1u) << describe(errors);
        }
    }
}

TEST(ComputeEstimateValidation, RejectsUtilizationAboveOne)
{
    HardwareInputs in = v100Cluster();
    in.utilization = 1.2;
    const Errors errors = ComputeEstimate({in, {}}).validate("runs[0].estimates[1]");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].where, "runs[0].estimates[1].utilization");
    EXPECT_NE(errors[0].message.find("at most 1"), std::string::npos) << errors[0].message;
}

TEST(ComputeEstimateValidation, NamesParametersTokensAndReportedFields)
{
    for (double bad : {0.0, -1.0, kNaN, kInf}) {
        const Errors n = ComputeEstimate({ParametersTokensInputs{bad, 1e12}, {}}).validate("e");
        EXPECT_TRUE(hasErrorAt(n, "e.parameters")) << describe(n);
        const Errors d = ComputeEstimate({ParametersTokensInputs{1e9, bad}, {}}).validate("e");
        EXPECT_TRUE(hasErrorAt(d, "e.tokens")) << describe(d);
        const Errors r = ComputeEstimate::reported(bad).validate("e");
        EXPECT_TRUE(hasErrorAt(r, "e.value")) << describe(r);
        EXPECT_FALSE(ComputeEstimate::reported(bad).isValid());
    }
}

TEST(ComputeEstimateValidation, ReportsEveryBadFieldAtOnce)
{
    HardwareInputs in = v100Cluster();
    in.deviceCount = 0;
    in.trainingHours = kNaN;
    in.utilization = 2;
    const Errors errors = ComputeEstimate({in, {}}).validate("e");
    EXPECT_EQ(errors.size(), 3u) << describe(errors);
    EXPECT_TRUE(hasErrorAt(errors, "e.device_count"));
    EXPECT_TRUE(hasErrorAt(errors, "e.training_hours"));
    EXPECT_TRUE(hasErrorAt(errors, "e.utilization"));
}

TEST(ComputeEstimateValidation, FieldNamesStandAloneWithoutALocation)
{
    const Errors errors = ComputeEstimate({ParametersTokensInputs{0, 1e12}, {}}).validate({});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].where, "parameters");
}

TEST(ComputeEstimateValidation, ReportsAProductThatOverflows)
{
    // Each input is a finite double, but 6 x 1e200 x 1e200 is not.
    const ComputeEstimate estimate{ParametersTokensInputs{1e200, 1e200}, {}};
    EXPECT_TRUE(std::isinf(estimate.flop()));
    const Errors errors = estimate.validate("runs[7].estimates[0]");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].where, "runs[7].estimates[0]");
    EXPECT_NE(errors[0].message.find("range"), std::string::npos) << errors[0].message;
    EXPECT_FALSE(estimate.isValid());

    HardwareInputs hw = v100Cluster();
    hw.deviceCount = 1e300;
    EXPECT_FALSE(ComputeEstimate({hw, {}}).isValid());
    EXPECT_FALSE(ComputeEstimate({ReportedInputs{1e300, ComputeUnit::PfsDays}, {}}).isValid());
}

TEST(ComputeEstimateValidation, ReportsAProductThatUnderflowsToZero)
{
    const ComputeEstimate estimate{ParametersTokensInputs{1e-200, 1e-200}, {}};
    EXPECT_EQ(estimate.flop(), 0.0);
    const Errors errors = estimate.validate("e");
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].where, "e");
}

// --- Consistency between estimates ---------------------------------------------------

TEST(CompareEstimates, HardwarePrimaryGivesRatioAndImpliedUtilization)
{
    // Hardware: 2.592e22 FLOP at 30% utilization; 6ND: 6 x 1.2e9 x 3e12 = 2.16e22.
    const ComputeEstimate hardware{v100Cluster(), {}};
    const ComputeEstimate sixND{ParametersTokensInputs{1.2e9, 3e12}, {}};
    const auto c = compareEstimates(hardware, sixND);
    ASSERT_TRUE(c.has_value());
    EXPECT_NEAR(c->ratio, 2.16e22 / 2.592e22, 1e-12); // 0.8333...
    ASSERT_TRUE(c->impliedUtilization.has_value());
    // At 25% the cluster does 1000 x 1e14 x 864000 x 0.25 = 2.16e22 FLOP.
    EXPECT_NEAR(*c->impliedUtilization, 0.25, 1e-12);
    EXPECT_FALSE(c->disagrees());
}

TEST(CompareEstimates, HardwareOtherGivesUtilizationAtWhichItMatchesThePrimary)
{
    const ComputeEstimate sixND{ParametersTokensInputs{1.2e9, 3e12}, {}};
    const ComputeEstimate hardware{v100Cluster(), {}};
    const auto c = compareEstimates(sixND, hardware);
    ASSERT_TRUE(c.has_value());
    EXPECT_NEAR(c->ratio, 1.2, 1e-12); // 2.592e22 / 2.16e22
    ASSERT_TRUE(c->impliedUtilization.has_value());
    EXPECT_NEAR(*c->impliedUtilization, 0.25, 1e-12);
}

TEST(CompareEstimates, TwoHardwareEstimatesImplyNoUtilization)
{
    HardwareInputs other = v100Cluster();
    other.deviceCount = 2000;
    const auto c = compareEstimates(ComputeEstimate{v100Cluster(), {}}, ComputeEstimate{other, {}});
    ASSERT_TRUE(c.has_value());
    EXPECT_NEAR(c->ratio, 2.0, 1e-12);
    EXPECT_FALSE(c->impliedUtilization.has_value());
}

TEST(CompareEstimates, NeitherHardwareImpliesNoUtilization)
{
    const auto c = compareEstimates(ComputeEstimate{OperationsInputs{1e9, 2, 1e6, 10}, {}},
                                    ComputeEstimate::reported(1.5e17));
    ASSERT_TRUE(c.has_value());
    EXPECT_NEAR(c->ratio, 5.0, 1e-12); // 1.5e17 / 3e16
    EXPECT_FALSE(c->impliedUtilization.has_value());
    EXPECT_TRUE(c->disagrees());
}

TEST(CompareEstimates, DisagreementIsOutsideAFactorOfThree)
{
    const ComputeEstimate primary = ComputeEstimate::reported(1e20);
    EXPECT_FALSE(compareEstimates(primary, ComputeEstimate::reported(2.9e20))->disagrees());
    EXPECT_FALSE(compareEstimates(primary, ComputeEstimate::reported(0.34e20))->disagrees());
    EXPECT_TRUE(compareEstimates(primary, ComputeEstimate::reported(3.1e20))->disagrees());
    EXPECT_TRUE(compareEstimates(primary, ComputeEstimate::reported(0.32e20))->disagrees());
}

TEST(CompareEstimates, NoComparisonWithAnEstimateThatHasNoCompute)
{
    const ComputeEstimate good = ComputeEstimate::reported(1e20);
    EXPECT_FALSE(compareEstimates(good, ComputeEstimate::reported(0)).has_value());
    EXPECT_FALSE(compareEstimates(ComputeEstimate::reported(kNaN), good).has_value());
    EXPECT_FALSE(compareEstimates(good, ComputeEstimate{ParametersTokensInputs{1e200, 1e200}, {}})
                     .has_value());
}
