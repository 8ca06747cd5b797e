// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/bundled_data.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/run_form_dialog.h"
#include "app/inputs/number_edit.h"
#include "core/io/epoch_import.h"
#include "core/model/units.h"
#include "tests/app/gui_test_util.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

#include <gtest/gtest.h>

#include <cmath>

using compute::ComputeEstimate;
using compute::Date;
using compute::DatePrecision;
using compute::EstimateMethod;
using compute::RunNumber;
using compute::RunText;
using compute::TrainingRun;

namespace {

QString name(const char *text)
{
    return QString::fromLatin1(text);
}

class RunForm : public ::testing::Test {
protected:
    template <typename T> T *find(const QString &objectName)
    {
        auto *widget = dialog.findChild<T *>(objectName);
        EXPECT_NE(widget, nullptr) << objectName.toStdString();
        return widget;
    }
    template <typename T> T *find(const char *objectName) { return find<T>(name(objectName)); }
    void type(const char *field, const QString &text) { find<QLineEdit>(field)->setText(text); }
    void type(const char *field, const char *text) { type(field, name(text)); }
    void use(const char *method, bool used = true)
    {
        find<QCheckBox>(name(method) + QStringLiteral("Use"))->setChecked(used);
    }
    // The message beside a field, empty when it is hidden.
    QString message(const char *field)
    {
        auto *label = find<QLabel>(name(field) + QStringLiteral("Message"));
        return label->isHidden() ? QString() : label->text();
    }
    bool isMarked(const char *field) { return find<QWidget>(field)->property("invalid").toBool(); }
    bool shown(const char *label) { return !find<QLabel>(label)->isHidden(); }
    void select(const char *combo, const QVariant &data)
    {
        QComboBox *box = find<QComboBox>(combo);
        const int index = box->findData(data);
        ASSERT_GE(index, 0) << combo;
        box->setCurrentIndex(index);
    }
    // A valid new run with only a name, so tests can focus on one estimate.
    void named() { type("name", "Test run"); }
    double onlyFlop()
    {
        const TrainingRun run = dialog.run();
        EXPECT_EQ(run.estimates.size(), 1u);
        return run.estimates.empty() ? 0 : run.estimates.front().flop();
    }
    static TrainingRun bundledRun(const std::string &id)
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        EXPECT_TRUE(loaded.ok());
        const TrainingRun *run = loaded->dataset.findRun(id);
        EXPECT_NE(run, nullptr) << id;
        return run ? *run : TrainingRun{};
    }

    // Epoch AI's Notable AI Models export of 2025-02-24, as the app imports it.
    static const compute::Dataset &notable()
    {
        static const compute::Dataset dataset = [] {
            QFile file(QStringLiteral(COMPUTE_SOURCE_DIR
                                      "/tests/data/epoch/notable_ai_models_2025-02-24.csv"));
            EXPECT_TRUE(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            auto imported = compute::importEpochCsv(
                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                "notable_ai_models_2025-02-24.csv", &app::hardwareCatalog());
            EXPECT_TRUE(imported.ok());
            return imported.ok() ? imported->dataset : compute::Dataset{};
        }();
        return dataset;
    }
    static TrainingRun notableRun(std::string_view name)
    {
        for (const TrainingRun &run : notable().runs)
            if (run.name == name) return run;
        ADD_FAILURE() << "no run " << name;
        return {};
    }
    QString text(const char *field) { return find<QLineEdit>(field)->text(); }
    QString combo(const char *field) { return find<QComboBox>(field)->currentText(); }

    app::RunFormDialog dialog{app::hardwareCatalog(),
                              {QStringLiteral("Language"), QStringLiteral("Vision")}};
};

TEST_F(RunForm, NewRunNeedsOnlyANameAndMayHaveNoEstimate)
{
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("name"), QStringLiteral("must not be empty"));
    EXPECT_TRUE(isMarked("name"));
    EXPECT_TRUE(shown("noEstimateNote"));
    EXPECT_TRUE(find<QLabel>("noEstimateNote")->text().contains(QStringLiteral("unknown")));
    named();
    EXPECT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_FALSE(isMarked("name"));
    const TrainingRun run = dialog.run();
    EXPECT_EQ(run.name, "Test run");
    EXPECT_TRUE(run.id.empty()); // the caller assigns it
    EXPECT_TRUE(run.estimates.empty());
    EXPECT_FALSE(run.date.has_value());
}

TEST_F(RunForm, BlankNameKeepsOkDisabled)
{
    type("name", "   ");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("name"), QStringLiteral("must not be empty"));
    EXPECT_TRUE(dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                    ->button(QDialogButtonBox::Ok)
                    ->isEnabled() == false);
}

TEST_F(RunForm, HardwareInputsGiveAlexNetCompute)
{
    named();
    use("hardware");
    type("hardwareDeviceCount", "2");
    type("hardwarePeakFlops", "1.58e12");
    type("hardwareTrainingTime", "5.5");
    ASSERT_EQ(find<QComboBox>("hardwareTimeUnit")->currentData().toInt(),
              static_cast<int>(compute::TimeUnit::Days));
    EXPECT_EQ(find<QLineEdit>("hardwareUtilization")->text(), QStringLiteral("0.33"));
    EXPECT_EQ(find<QLineEdit>("hardwareAdjustment")->text(), QStringLiteral("1"));
    ASSERT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();

    const double expected = 2 * 1.58e12 * 5.5 * 86400 * 0.33;
    EXPECT_NEAR(onlyFlop() / 4.955e17, 1.0, 1e-3);
    EXPECT_DOUBLE_EQ(onlyFlop(), expected);
    const auto in = std::get<compute::HardwareInputs>(dialog.run().estimates.front().inputs);
    EXPECT_EQ(in.trainingHours, 132.0);
    EXPECT_EQ(in.timeUnit, compute::TimeUnit::Days);
    const QString result = find<QLabel>("hardwareResult")->text();
    EXPECT_TRUE(result.contains(QStringLiteral("4.955e+17 FLOP"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QStringLiteral("0.005735 petaflop/s-days")))
        << result.toStdString();

    // The same time in hours gives the same compute.
    select("hardwareTimeUnit", static_cast<int>(compute::TimeUnit::Hours));
    type("hardwareTrainingTime", "132");
    EXPECT_DOUBLE_EQ(onlyFlop(), expected);
}

TEST_F(RunForm, ChangingTheTimeUnitKeepsTheNumberTyped)
{
    named();
    use("hardware");
    type("hardwareTrainingTime", "132");
    select("hardwareTimeUnit", static_cast<int>(compute::TimeUnit::Hours));
    EXPECT_EQ(find<QLineEdit>("hardwareTrainingTime")->text(), QStringLiteral("132"));
    type("hardwareDeviceCount", "1");
    type("hardwarePeakFlops", "1e12");
    const auto in = std::get<compute::HardwareInputs>(dialog.run().estimates.front().inputs);
    EXPECT_EQ(in.trainingHours, 132.0);
    EXPECT_EQ(in.timeUnit, compute::TimeUnit::Hours);
}

TEST_F(RunForm, OperationsInputsGiveCoreCompute)
{
    named();
    use("operations");
    EXPECT_EQ(find<QLineEdit>("operationsBackwardForwardRatio")->text(), QStringLiteral("2"));
    type("operationsForwardFlop", "1.5e9");
    type("operationsExamples", "1.2e6");
    type("operationsEpochs", "90");
    ASSERT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_DOUBLE_EQ(onlyFlop(), compute::operationsFlop({1.5e9, 2, 1.2e6, 90}));
    EXPECT_NEAR(onlyFlop(), 4.86e17, 1e12);
    EXPECT_EQ(dialog.run().estimates.front().method(), EstimateMethod::Operations);
}

TEST_F(RunForm, SixNdGivesCoreCompute)
{
    named();
    use("parametersTokens");
    type("parametersTokensParameters", "175e9");
    type("parametersTokensTokens", "300e9");
    ASSERT_TRUE(dialog.canAccept());
    EXPECT_DOUBLE_EQ(onlyFlop(), 6 * 175e9 * 300e9);
    EXPECT_TRUE(
        find<QLabel>("parametersTokensResult")->text().contains(QStringLiteral("3.150e+23")));
}

TEST_F(RunForm, ReportedPfsDaysAreTimes8Point64e19)
{
    named();
    use("reported");
    type("reportedValue", "3640");
    select("reportedUnit", static_cast<int>(compute::ComputeUnit::PfsDays));
    ASSERT_TRUE(dialog.canAccept());
    EXPECT_DOUBLE_EQ(onlyFlop(), 3640 * 8.64e19);
    const auto in = std::get<compute::ReportedInputs>(dialog.run().estimates.front().inputs);
    EXPECT_EQ(in.value, 3640.0);
    EXPECT_EQ(in.unit, compute::ComputeUnit::PfsDays);
    EXPECT_TRUE(find<QLabel>("reportedResult")->text().contains(QStringLiteral("3.145e+23")));
}

TEST_F(RunForm, ScientificNotationIsAccepted)
{
    named();
    use("reported");
    const std::pair<const char *, double> cases[] = {
        {"3.14e23", 3.14e23}, {"3.14E+23", 3.14e23}, {" 1200 ", 1200}, {"+5e-3", 5e-3}};
    for (const auto &[text, value] : cases) {
        type("reportedValue", text);
        EXPECT_TRUE(dialog.canAccept()) << text;
        EXPECT_EQ(message("reportedValue"), QString()) << text;
        EXPECT_EQ(onlyFlop(), value) << text;
    }
}

TEST_F(RunForm, InvalidNumbersAreMarkedWithWhatIsExpected)
{
    named();
    use("hardware");
    type("hardwareDeviceCount", "2");
    type("hardwarePeakFlops", "1.58e12");
    type("hardwareTrainingTime", "5.5");
    ASSERT_TRUE(dialog.canAccept());
    struct Case {
        const char *field;
        const char *text;
        const char *expected;
    };
    const Case cases[] = {
        {"hardwarePeakFlops", "abc", "expected a number such as 1200 or 3.14e23"},
        {"hardwareDeviceCount", "-5", "expected a number of devices greater than 0"},
        {"hardwarePeakFlops", "1e400", "out of the range of numbers"},
        {"hardwareUtilization", "1.5", "expected a fraction greater than 0 and at most 1"},
        {"hardwareTrainingTime", "", "required: type a number"},
        {"hardwareAdjustment", "1,5", "expected a number such as 1200 or 3.14e23"},
    };
    for (const Case &c : cases) {
        const QString before = find<QLineEdit>(c.field)->text();
        type(c.field, c.text);
        EXPECT_FALSE(dialog.canAccept()) << c.field << " = " << c.text;
        EXPECT_EQ(message(c.field), name(c.expected)) << c.field;
        EXPECT_TRUE(isMarked(c.field)) << c.field;
        // What was typed stays as typed.
        EXPECT_EQ(find<QLineEdit>(c.field)->text(), name(c.text));
        EXPECT_TRUE(find<QLabel>("hardwareResult")->text().contains(QStringLiteral("fix")));
        type(c.field, before);
        EXPECT_TRUE(dialog.canAccept()) << c.field;
        EXPECT_FALSE(isMarked(c.field)) << c.field;
    }
}

TEST_F(RunForm, ProductOutOfRangeIsReported)
{
    named();
    use("parametersTokens");
    type("parametersTokensParameters", "1e300");
    type("parametersTokensTokens", "1e300");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_TRUE(
        find<QLabel>("parametersTokensResult")->text().contains(QStringLiteral("too large")));
}

TEST_F(RunForm, ASubnormalOrImplausibleNumberIsRefusedWithWhy)
{
    // Bug 7 of issue 13: N = 1e-320 gave "1.800e-308 FLOP = 0 petaflop/s-days", OK enabled.
    named();
    use("parametersTokens");
    type("parametersTokensTokens", "300e9");
    type("parametersTokensParameters", "1e-320");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_TRUE(isMarked("parametersTokensParameters"));
    EXPECT_TRUE(message("parametersTokensParameters").contains(QStringLiteral("too close to 0")))
        << message("parametersTokensParameters").toStdString();
    EXPECT_FALSE(find<QLabel>("parametersTokensResult")->text().contains(QStringLiteral("FLOP")));
    // A normal number, but no model has 0.5 parameters: the plausible range is named.
    type("parametersTokensParameters", "0.5");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("parametersTokensParameters"), QStringLiteral("expected 1 to 1e16"));
    type("parametersTokensParameters", "175e9");
    EXPECT_TRUE(dialog.canAccept());
    // The run's own parameter count too.
    type("parameters", "1e-320");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_TRUE(isMarked("parameters"));
}

TEST_F(RunForm, ParametersOfTheRunFillTheSixNdTabsNUnlessTyped)
{
    named();
    type("parameters", "1.75e11");
    EXPECT_EQ(find<QLineEdit>("parametersTokensParameters")->text(), QStringLiteral("1.75e11"));
    type("parameters", "2e11");
    EXPECT_EQ(find<QLineEdit>("parametersTokensParameters")->text(), QStringLiteral("2e11"));
    type("parametersTokensParameters", "7e9"); // the user's own N stays
    type("parameters", "3e11");
    EXPECT_EQ(find<QLineEdit>("parametersTokensParameters")->text(), QStringLiteral("7e9"));
}

TEST_F(RunForm, UnusedMethodIsNotValidated)
{
    named();
    use("operations");
    type("operationsForwardFlop", "abc");
    EXPECT_FALSE(dialog.canAccept());
    use("operations", false);
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_TRUE(dialog.run().estimates.empty());
    EXPECT_EQ(find<QLineEdit>("operationsForwardFlop")->text(), QStringLiteral("abc"));
}

TEST_F(RunForm, February30IsNotADate)
{
    named();
    select("datePrecision", static_cast<int>(DatePrecision::Day));
    find<QSpinBox>("dateYear")->setValue(2023);
    find<QSpinBox>("dateMonth")->setValue(2);
    find<QSpinBox>("dateDay")->setValue(30);
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(find<QLabel>("dateMessage")->text(),
              QStringLiteral("'2023-02-30' is not a calendar date"));
    EXPECT_TRUE(shown("dateMessage"));
    EXPECT_TRUE(isMarked("dateDay"));
    find<QSpinBox>("dateYear")->setValue(2024);
    find<QSpinBox>("dateDay")->setValue(29); // a leap year
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_EQ(dialog.run().date, Date(2024, 2, 29));
}

TEST_F(RunForm, DatePrecisionAndTheWholeRangeOfYears)
{
    named();
    select("datePrecision", static_cast<int>(DatePrecision::Year));
    EXPECT_FALSE(find<QSpinBox>("dateMonth")->isEnabled());
    find<QSpinBox>("dateYear")->setValue(1958); // the Perceptron
    EXPECT_EQ(dialog.run().date, Date(1958, 1, 1, DatePrecision::Year));
    select("datePrecision", static_cast<int>(DatePrecision::Month));
    find<QSpinBox>("dateMonth")->setValue(7);
    find<QSpinBox>("dateDay")->setValue(30); // ignored at month precision
    EXPECT_FALSE(find<QSpinBox>("dateDay")->isEnabled());
    EXPECT_EQ(dialog.run().date, Date(1958, 7, 1, DatePrecision::Month));
    select("datePrecision", static_cast<int>(DatePrecision::Day));
    for (int year : {1, 9999}) {
        find<QSpinBox>("dateYear")->setValue(year);
        EXPECT_TRUE(dialog.canAccept()) << year;
        EXPECT_EQ(dialog.run().date, Date(year, 7, 30)) << year;
    }
}

TEST_F(RunForm, EveryBundledOpenAiRunComesBackUnchanged)
{
    auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
    ASSERT_TRUE(loaded.ok());
    ASSERT_FALSE(loaded->dataset.runs.empty());
    for (const TrainingRun &run : loaded->dataset.runs) {
        // In one reused dialog (nothing leaks from run to run) and in a fresh one.
        dialog.setRun(run);
        EXPECT_TRUE(dialog.canAccept())
            << run.id << ": " << dialog.problems().join(QLatin1Char('\n')).toStdString();
        EXPECT_TRUE(dialog.run() == run) << run.id;
        app::RunFormDialog fresh(app::hardwareCatalog(), app::datasetDomains(loaded->dataset));
        fresh.setRun(run);
        EXPECT_TRUE(fresh.run() == run) << run.id;
    }
}

TEST_F(RunForm, HoursThatAreNoExactNumberOfDaysComeBackUnchanged)
{
    // 0.9 h shown as 0.0375 days reads back as 0.8999999999999999 h: the form must not.
    TrainingRun run;
    run.id = "short";
    run.name = "Short run";
    compute::HardwareInputs in;
    in.device = "GTX 580"; // an alias, not an id: stays the text it was
    in.deviceCount = 1;
    in.peakFlopsPerDevice = 1e12;
    in.trainingHours = 0.9;
    in.timeUnit = compute::TimeUnit::Days;
    run.estimates.push_back(ComputeEstimate{in, " spaced note "});
    dialog.setRun(run);
    EXPECT_TRUE(dialog.run() == run);
    EXPECT_EQ(find<QComboBox>("hardwareDevice")->currentIndex(), 0); // custom
    EXPECT_EQ(find<QLineEdit>("hardwareCustomDevice")->text(), QStringLiteral("GTX 580"));
    // Once edited, the typed days count.
    type("hardwareTrainingTime", "2");
    EXPECT_EQ(std::get<compute::HardwareInputs>(dialog.run().estimates[0].inputs).trainingHours,
              48.0);
}

TEST_F(RunForm, LoadedPeakIsNotReplacedByTheCatalog)
{
    const TrainingRun alexnet = bundledRun("alexnet");
    dialog.setRun(alexnet);
    EXPECT_EQ(find<QComboBox>("hardwareDevice")->currentData().toString(),
              QStringLiteral("nvidia-gtx-580"));
    EXPECT_EQ(find<app::NumberEdit>("hardwarePeakFlops")->value(), 1.58e12);
    EXPECT_TRUE(find<QLabel>("hardwarePeakHint")->text().contains(QStringLiteral("another")));
}

TEST_F(RunForm, CatalogDeviceFillsPeakForTheChosenFormat)
{
    named();
    use("hardware");
    auto *peak = find<app::NumberEdit>("hardwarePeakFlops");
    select("hardwareNumberFormat", static_cast<int>(compute::NumberFormat::FP32));
    select("hardwareDevice", QStringLiteral("nvidia-v100-sxm2"));
    EXPECT_EQ(peak->value(), 1.567e13);
    select("hardwareNumberFormat", static_cast<int>(compute::NumberFormat::TensorFP16));
    EXPECT_EQ(peak->value(), 1.25e14);
    EXPECT_TRUE(find<QLineEdit>("hardwareCustomDevice")->isHidden());
    // The filled figure stays editable.
    type("hardwarePeakFlops", "1.2e14");
    EXPECT_EQ(peak->value(), 1.2e14);
    // No Tensor figure for a GTX 580: the form switches to its usual format.
    select("hardwareDevice", QStringLiteral("nvidia-gtx-580"));
    EXPECT_EQ(find<QComboBox>("hardwareNumberFormat")->currentData().toInt(),
              static_cast<int>(compute::NumberFormat::FP32));
    EXPECT_EQ(peak->value(), 1.581e12);
    type("hardwareDeviceCount", "2");
    type("hardwareTrainingTime", "10");
    ASSERT_TRUE(dialog.canAccept());
    const auto in = std::get<compute::HardwareInputs>(dialog.run().estimates[0].inputs);
    EXPECT_EQ(in.device, "nvidia-gtx-580");
    EXPECT_EQ(in.numberFormat, compute::NumberFormat::FP32);
    // A custom device keeps the peak typed and takes any name.
    find<QComboBox>("hardwareDevice")->setCurrentIndex(0);
    EXPECT_FALSE(find<QLineEdit>("hardwareCustomDevice")->isHidden());
    type("hardwareCustomDevice", "Prototype ASIC");
    EXPECT_EQ(peak->value(), 1.581e12);
    EXPECT_EQ(std::get<compute::HardwareInputs>(dialog.run().estimates[0].inputs).device,
              "Prototype ASIC");
}

TEST_F(RunForm, PrimaryCanBeSwitchedAmongTheMethodsInUse)
{
    const TrainingRun alexnet = bundledRun("alexnet"); // reported, hardware, operations
    dialog.setRun(alexnet);
    auto *primary = find<QComboBox>("primaryMethod");
    ASSERT_EQ(primary->count(), 3);
    EXPECT_EQ(primary->currentData().toInt(), static_cast<int>(EstimateMethod::Reported));
    const QString comparison = find<QLabel>("hardwareComparison")->text();
    EXPECT_TRUE(comparison.contains(QStringLiteral("× the primary"))) << comparison.toStdString();
    EXPECT_TRUE(comparison.contains(QStringLiteral("implied utilization")));

    select("primaryMethod", static_cast<int>(EstimateMethod::Hardware));
    TrainingRun edited = dialog.run();
    EXPECT_EQ(edited.primary, 1u);
    EXPECT_EQ(edited.estimates, alexnet.estimates); // order unchanged
    EXPECT_DOUBLE_EQ(*edited.flop(), alexnet.estimates[1].flop());
    EXPECT_EQ(find<QLabel>("hardwareComparison")->text(),
              QStringLiteral("Primary estimate of the run."));
    EXPECT_TRUE(find<QLabel>("reportedComparison")->text().contains(QStringLiteral("Hardware")));

    // Taking the primary out of use moves the choice to another method in use.
    use("hardware", false);
    edited = dialog.run();
    ASSERT_EQ(edited.estimates.size(), 2u);
    EXPECT_EQ(edited.estimates[edited.primary].method(), EstimateMethod::Reported);
    EXPECT_EQ(primary->count(), 2);
}

TEST_F(RunForm, NewMethodsFollowTheLoadedOnes)
{
    dialog.setRun(bundledRun("dqn")); // reported, operations
    use("parametersTokens");
    type("parametersTokensParameters", "1e6");
    type("parametersTokensTokens", "1e7");
    const TrainingRun edited = dialog.run();
    ASSERT_EQ(edited.estimates.size(), 3u);
    EXPECT_EQ(edited.estimates[0].method(), EstimateMethod::Reported);
    EXPECT_EQ(edited.estimates[1].method(), EstimateMethod::Operations);
    EXPECT_EQ(edited.estimates[2].method(), EstimateMethod::ParametersTokens);
    EXPECT_EQ(edited.primary, 0u);
}

TEST_F(RunForm, WarnsWhenTwoEstimatesDisagreeByMoreThanThreeTimes)
{
    named();
    use("reported");
    type("reportedValue", "1e20");
    use("parametersTokens");
    type("parametersTokensParameters", "1e9");
    type("parametersTokensTokens", "3e10"); // 1.8e20: 1.8x
    EXPECT_FALSE(shown("disagreementWarning"));
    EXPECT_TRUE(dialog.canAccept());
    type("parametersTokensTokens", "1e11"); // 6e20: 6x
    EXPECT_TRUE(shown("disagreementWarning"));
    const QString warning = find<QLabel>("disagreementWarning")->text();
    EXPECT_TRUE(warning.contains(QStringLiteral("Reported")));
    EXPECT_TRUE(warning.contains(QStringLiteral("factor of 6")));
    EXPECT_EQ(find<QLabel>("parametersTokensComparison")
                  ->styleSheet()
                  .contains(QStringLiteral("#b00020")),
              true);
    EXPECT_TRUE(dialog.canAccept());        // a warning, not an error
    type("parametersTokensTokens", "1e10"); // 6e19: 1/1.67
    EXPECT_FALSE(shown("disagreementWarning"));
    type("parametersTokensTokens", "5e9"); // 3e19: 1/3.33
    EXPECT_TRUE(shown("disagreementWarning"));
}

TEST_F(RunForm, ASecondEstimateOfTheSameMethodIsKept)
{
    TrainingRun run;
    run.id = "twice";
    run.name = "Reported twice";
    run.estimates = {ComputeEstimate::reported(1e20, "paper"),
                     ComputeEstimate::reported(2e20, "blog")};
    run.primary = 1;
    dialog.setRun(run);
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_TRUE(dialog.run() == run);
    EXPECT_EQ(find<QComboBox>("primaryMethod")->count(), 2);
    EXPECT_TRUE(shown("keptEstimatesNote"));
}

TEST_F(RunForm, OtherFieldsAreEdited)
{
    type("name", "  Test run ");
    find<QLineEdit>("organization")->setText(QStringLiteral("Lab"));
    auto *domain = find<QComboBox>("domain");
    EXPECT_EQ(domain->count(), 2);
    EXPECT_TRUE(domain->isEditable());
    domain->setCurrentText(QStringLiteral("Robotics")); // a new domain
    type("parameters", "1.75e11");
    type("tags", "frontier,  new ,");
    find<QPlainTextEdit>("notes")->setPlainText(QStringLiteral("line 1\nline 2"));
    find<QCheckBox>("upperBound")->setChecked(true);
    select("confidence", static_cast<int>(compute::Confidence::Likely));
    ASSERT_TRUE(dialog.canAccept());
    const TrainingRun run = dialog.run();
    EXPECT_EQ(run.name, "Test run");
    EXPECT_EQ(run.organization, "Lab");
    EXPECT_EQ(run.domain, "Robotics");
    EXPECT_EQ(run.parameters, 1.75e11);
    EXPECT_EQ(run.tags, (std::vector<std::string>{"frontier", "new"}));
    EXPECT_EQ(run.notes, "line 1\nline 2");
    EXPECT_TRUE(run.upperBound);
    EXPECT_EQ(run.confidence, compute::Confidence::Likely);

    type("parameters", "many");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("parameters"), QStringLiteral("expected a number such as 1200 or 3.14e23"));
    type("parameters", "0");
    EXPECT_EQ(message("parameters"),
              QStringLiteral("expected a number of parameters greater than 0"));
    type("parameters", "");
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_FALSE(dialog.run().parameters.has_value());
}

TEST_F(RunForm, SourcesAreAddedAndRemoved)
{
    named();
    auto *view = find<QTableView>("sources");
    find<QPushButton>("addSource")->click();
    ASSERT_EQ(view->model()->rowCount(), 1);
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_TRUE(find<QLabel>("sourcesMessage")->text().contains(QStringLiteral("needs a title")));
    view->model()->setData(view->model()->index(0, 1), QStringLiteral("https://example.org"));
    EXPECT_TRUE(dialog.canAccept());
    find<QPushButton>("addSource")->click();
    view->model()->setData(view->model()->index(1, 0), QStringLiteral("Paper"));
    ASSERT_EQ(dialog.run().sources.size(), 2u);
    EXPECT_EQ(dialog.run().sources[0].url, "https://example.org");
    EXPECT_EQ(dialog.run().sources[1].title, "Paper");
    view->setCurrentIndex(view->model()->index(0, 0));
    find<QPushButton>("removeSource")->click();
    ASSERT_EQ(dialog.run().sources.size(), 1u);
    EXPECT_EQ(dialog.run().sources[0].title, "Paper");
}

TEST_F(RunForm, CtrlPageDownAndUpMoveBetweenMethodTabs)
{
    auto *tabs = find<QTabWidget>("methodTabs");
    auto *next = find<QAction>("nextMethodTab");
    auto *previous = find<QAction>("previousMethodTab");
    EXPECT_EQ(next->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    EXPECT_EQ(previous->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    tabs->setCurrentIndex(0);
    next->trigger();
    EXPECT_EQ(tabs->currentIndex(), 1);
    previous->trigger();
    previous->trigger(); // wraps around
    EXPECT_EQ(tabs->currentIndex(), tabs->count() - 1);
}

TEST_F(RunForm, EscapeCancels)
{
    QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &escape);
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
}

TEST_F(RunForm, TabOrderFollowsTheForm)
{
    const char *order[] = {"runTabs",
                           "name",
                           "organization",
                           "domain",
                           "datePrecision",
                           "dateYear",
                           "dateMonth",
                           "dateDay",
                           "parameters",
                           "confidence",
                           "upperBound",
                           "tags",
                           "sources",
                           "addSource",
                           "removeSource",
                           "notes",
                           "datasetSize",
                           "datasetNotes",
                           "trainingHardware",
                           "utilization",
                           "cost",
                           "costYear",
                           "organizationCategory",
                           "citations",
                           "frontier",
                           "methodTabs",
                           "operationsUse",
                           "operationsForwardFlop",
                           "operationsEpochs",
                           "operationsNote",
                           "hardwareUse",
                           "hardwareDevice",
                           "hardwareNumberFormat",
                           "hardwarePeakFlops",
                           "hardwareDeviceCount",
                           "hardwareTrainingTime",
                           "hardwareTimeUnit",
                           "hardwareUtilization",
                           "reportedValue",
                           "reportedUnit",
                           "primaryMethod",
                           "buttons"};
    QList<QWidget *> chain;
    QWidget *w = &dialog;
    do {
        chain.append(w);
        w = w->nextInFocusChain();
    } while (w != &dialog);
    qsizetype last = -1;
    for (const char *objectName : order) {
        auto *widget = find<QWidget>(objectName);
        // The first widget in the chain that is it or inside it.
        qsizetype at = -1;
        for (qsizetype i = 0; i < chain.size() && at < 0; ++i)
            if (chain[i] == widget || widget->isAncestorOf(chain[i])) at = i;
        EXPECT_GT(at, last) << objectName;
        last = at;
    }
}

TEST_F(RunForm, TrainingDetailsLoadFromAnImportedNotableRun)
{
    const TrainingRun opt = notableRun("OPT-175B");
    dialog.setRun(opt);
    EXPECT_EQ(text("datasetSize"), QStringLiteral("1.8e+11"));
    EXPECT_EQ(text("epochs"), QStringLiteral("1.6667"));
    EXPECT_EQ(text("batchSize"), QStringLiteral("2e+06"));
    EXPECT_EQ(text("trainingHardware"), QStringLiteral("NVIDIA A100 SXM4 80 GB"));
    EXPECT_EQ(text("hardwareQuantity"), QStringLiteral("1024"));
    EXPECT_EQ(text("utilization"), QStringLiteral("0.47115"));
    EXPECT_EQ(text("trainingHours"), QStringLiteral("793.5"));
    EXPECT_EQ(text("chipHours"), QString()); // not in this export
    EXPECT_EQ(find<app::NumberEdit>("powerDraw")->value(), opt.fields.number(RunNumber::PowerDraw));
    EXPECT_EQ(find<app::NumberEdit>("cost")->value(), opt.fields.number(RunNumber::Cost));
    EXPECT_EQ(text("costYear"), QStringLiteral("2023"));
    EXPECT_EQ(combo("organizationCategory"), QStringLiteral("Industry"));
    EXPECT_EQ(combo("country"), QStringLiteral("United States of America"));
    EXPECT_EQ(combo("accessibility"), QStringLiteral("Open weights (non-commercial)"));
    EXPECT_EQ(text("notabilityCriteria"), QStringLiteral("Significant use,Highly cited"));
    EXPECT_EQ(text("citations"), QStringLiteral("2932"));
    EXPECT_FALSE(find<QPlainTextEdit>("datasetNotes")->toPlainText().isEmpty());
    EXPECT_TRUE(find<QCheckBox>("frontier")->isChecked());
    EXPECT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(dialog.run() == opt);
}

TEST_F(RunForm, EveryNotableRunComesBackUnchanged)
{
    // The CSV's own spelling of each cell ("1024.0") rides along in run.fields: a field
    // the user did not touch must not be written anew.
    ASSERT_EQ(notable().runs.size(), 895u);
    std::size_t withManyFields = 0;
    for (const TrainingRun &run : notable().runs) {
        dialog.setRun(run);
        EXPECT_TRUE(dialog.canAccept())
            << run.name << ": " << dialog.problems().join(QLatin1Char('\n')).toStdString();
        EXPECT_TRUE(dialog.run() == run) << run.name;
        if (run.fields.number(RunNumber::Utilization) && run.fields.number(RunNumber::Cost))
            ++withManyFields;
    }
    EXPECT_GT(withManyFields, 10u);
}

TEST_F(RunForm, AnEditedDetailIsSetAndTheOthersKeepTheirSpelling)
{
    const TrainingRun opt = notableRun("OPT-175B");
    ASSERT_FALSE(opt.fields.empty());
    dialog.setRun(opt);
    type("epochs", "2");
    TrainingRun expected = opt;
    expected.fields.setNumber(RunNumber::Epochs, 2);
    EXPECT_TRUE(dialog.run() == expected);
    // Typing the text shown back gives the run as it was.
    type("epochs", "1.6667");
    EXPECT_TRUE(dialog.run() == opt);
}

TEST_F(RunForm, EveryDetailIsEditedAndClearingClearsIt)
{
    named();
    type("datasetSize", "3e11");
    find<QPlainTextEdit>("datasetNotes")->setPlainText(QStringLiteral(" 300B tokens "));
    type("epochs", "1.5");
    type("batchSize", "4e6");
    type("trainingHardware", "NVIDIA H100 SXM5 80GB");
    type("hardwareQuantity", "1024");
    type("utilization", "0.4");
    type("trainingHours", "720");
    type("chipHours", "737280");
    type("powerDraw", "1.2e6");
    type("cost", "4.5e6");
    type("costYear", "2023");
    find<QComboBox>("organizationCategory")->setCurrentText(QStringLiteral("Academia"));
    find<QComboBox>("country")->setCurrentText(QStringLiteral("France"));
    find<QComboBox>("accessibility")->setCurrentText(QStringLiteral("API access"));
    type("notabilityCriteria", "SOTA improvement");
    type("baseModel", "Llama 2");
    type("finetuneCompute", "0");
    type("citations", "12");
    ASSERT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    const compute::RunFields fields = dialog.run().fields;
    EXPECT_EQ(fields.number(RunNumber::DatasetSize), 3e11);
    EXPECT_EQ(fields.text(RunText::DatasetNotes), "300B tokens");
    EXPECT_EQ(fields.number(RunNumber::Epochs), 1.5);
    EXPECT_EQ(fields.number(RunNumber::BatchSize), 4e6);
    EXPECT_EQ(fields.text(RunText::TrainingHardware), "NVIDIA H100 SXM5 80GB");
    EXPECT_EQ(fields.number(RunNumber::HardwareQuantity), 1024.0);
    EXPECT_EQ(fields.number(RunNumber::Utilization), 0.4);
    EXPECT_EQ(fields.number(RunNumber::TrainingHours), 720.0);
    EXPECT_EQ(fields.number(RunNumber::ChipHours), 737280.0);
    EXPECT_EQ(fields.number(RunNumber::PowerDraw), 1.2e6);
    EXPECT_EQ(fields.number(RunNumber::Cost), 4.5e6);
    EXPECT_EQ(fields.costYear(), 2023);
    EXPECT_EQ(fields.text(RunText::OrganizationCategory), "Academia");
    EXPECT_EQ(fields.text(RunText::Country), "France");
    EXPECT_EQ(fields.text(RunText::Accessibility), "API access");
    EXPECT_EQ(fields.text(RunText::NotabilityCriteria), "SOTA improvement");
    EXPECT_EQ(fields.text(RunText::BaseModel), "Llama 2");
    EXPECT_EQ(fields.number(RunNumber::FinetuneCompute), 0.0);
    EXPECT_EQ(fields.number(RunNumber::Citations), 12.0);

    // Loaded and cleared: gone from the run.
    TrainingRun run = dialog.run();
    run.id = "edited";
    dialog.setRun(run);
    for (const char *field : {"datasetSize", "utilization", "cost", "costYear", "citations",
                              "trainingHardware", "baseModel"})
        type(field, "");
    find<QComboBox>("country")->setCurrentText(QString());
    find<QPlainTextEdit>("datasetNotes")->clear();
    ASSERT_TRUE(dialog.canAccept()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    const compute::RunFields cleared = dialog.run().fields;
    EXPECT_FALSE(cleared.number(RunNumber::DatasetSize));
    EXPECT_FALSE(cleared.number(RunNumber::Utilization));
    EXPECT_FALSE(cleared.number(RunNumber::Cost));
    EXPECT_EQ(cleared.costYear(), 0);
    EXPECT_FALSE(cleared.number(RunNumber::Citations));
    EXPECT_TRUE(cleared.text(RunText::TrainingHardware).empty());
    EXPECT_TRUE(cleared.text(RunText::BaseModel).empty());
    EXPECT_TRUE(cleared.text(RunText::Country).empty());
    EXPECT_TRUE(cleared.text(RunText::DatasetNotes).empty());
    EXPECT_EQ(cleared.number(RunNumber::Epochs), 1.5); // untouched
}

TEST_F(RunForm, InvalidDetailsSayWhatIsExpectedAndKeepOkDisabled)
{
    named();
    type("utilization", "40");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("utilization"), QStringLiteral("a fraction between 0 and 1 (e.g. 0.4)"));
    EXPECT_TRUE(isMarked("utilization"));
    EXPECT_TRUE(dialog.problems().contains(
        QStringLiteral("Utilization: a fraction between 0 and 1 (e.g. 0.4)")));
    EXPECT_FALSE(find<QTabWidget>("runTabs")->tabIcon(1).isNull());
    type("utilization", "0.4");
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_FALSE(isMarked("utilization"));
    EXPECT_EQ(message("utilization"), QString());
    EXPECT_TRUE(find<QTabWidget>("runTabs")->tabIcon(1).isNull());

    type("hardwareQuantity", "2.5");
    EXPECT_EQ(message("hardwareQuantity"),
              QStringLiteral("a whole number of chips, at least 1 (at most 1e8)"));
    EXPECT_TRUE(dialog.problems().contains(
        QStringLiteral("Hardware quantity: a whole number of chips, at least 1 (at most 1e8)")));
    type("hardwareQuantity", "many");
    EXPECT_EQ(message("hardwareQuantity"),
              QStringLiteral("expected a number such as 1200 or 3.14e23"));
    type("hardwareQuantity", "0");
    EXPECT_FALSE(dialog.canAccept());
    type("hardwareQuantity", "");
    EXPECT_TRUE(dialog.canAccept());

    for (const char *field : {"trainingHours", "powerDraw", "chipHours", "epochs", "batchSize"}) {
        type(field, "0");
        EXPECT_FALSE(dialog.canAccept()) << field;
        EXPECT_TRUE(isMarked(field)) << field;
        type(field, "-3");
        EXPECT_FALSE(message(field).isEmpty()) << field;
        type(field, "1e400");
        EXPECT_EQ(message(field), QStringLiteral("out of the range of numbers")) << field;
        type(field, "");
        EXPECT_TRUE(dialog.canAccept()) << field;
    }
    type("citations", "3.5");
    EXPECT_EQ(message("citations"),
              QStringLiteral("a whole number of citations, 0 or more (at most 1e9)"));
    type("citations", "0");
    EXPECT_TRUE(dialog.canAccept());
}

TEST_F(RunForm, ACostTypedNeedsAPlausibleYear)
{
    named();
    type("cost", "4.5e6");
    EXPECT_FALSE(dialog.canAccept());
    EXPECT_EQ(message("costYear"),
              QStringLiteral("required with a cost: the year of its dollars (e.g. 2023)"));
    EXPECT_TRUE(isMarked("costYear"));
    type("costYear", "23");
    EXPECT_EQ(message("costYear"),
              QStringLiteral("a year from 1950 to 2100 (the year of the dollars, e.g. 2023)"));
    EXPECT_TRUE(dialog.problems().contains(QStringLiteral(
        "Cost year: a year from 1950 to 2100 (the year of the dollars, e.g. 2023)")));
    type("costYear", "2023.5");
    EXPECT_FALSE(dialog.canAccept());
    type("costYear", "2020");
    EXPECT_TRUE(dialog.canAccept());
    EXPECT_EQ(dialog.run().fields.costYear(), 2020);
    type("cost", "");
    type("costYear", "");
    EXPECT_TRUE(dialog.canAccept()); // no cost, no year needed

    // A cost imported without its year (a CSV whose header names none) stays acceptable
    // until the user changes it.
    TrainingRun run;
    run.id = "old";
    run.name = "Old";
    run.fields.setNumber(RunNumber::Cost, 1e5);
    dialog.setRun(run);
    EXPECT_TRUE(dialog.canAccept());
    type("cost", "2e5");
    EXPECT_FALSE(dialog.canAccept());
}

TEST_F(RunForm, DerivedQuantitiesFollowTheTyping)
{
    named();
    auto derived = [this](const char *label) { return find<QLabel>(label)->text(); };
    EXPECT_TRUE(derived("tokensPerParameter").contains(QStringLiteral("needs")));
    type("parameters", "1e9");
    type("datasetSize", "2e10");
    EXPECT_TRUE(derived("tokensPerParameter").startsWith(QStringLiteral("20 datapoints")))
        << derived("tokensPerParameter").toStdString();
    type("datasetSize", "2.5e10");
    EXPECT_TRUE(derived("tokensPerParameter").startsWith(QStringLiteral("25 ")));

    EXPECT_TRUE(derived("computePerParameter").contains(QStringLiteral("needs")));
    use("reported");
    type("reportedValue", "1e20");
    EXPECT_TRUE(derived("computePerParameter").startsWith(QStringLiteral("1.00e+11 FLOP")))
        << derived("computePerParameter").toStdString();

    type("hardwareQuantity", "1000");
    EXPECT_TRUE(derived("impliedChipHours").contains(QStringLiteral("needs")));
    type("trainingHours", "100");
    EXPECT_TRUE(derived("impliedChipHours").startsWith(QStringLiteral("1.00e+5 chip-hours")))
        << derived("impliedChipHours").toStdString();
    EXPECT_FALSE(shown("chipHoursWarning"));
    type("chipHours", "1.5e5"); // 1.5x: close enough
    EXPECT_FALSE(shown("chipHoursWarning"));
    type("chipHours", "3e5"); // 3x
    EXPECT_TRUE(shown("chipHoursWarning"));
    EXPECT_TRUE(find<QLabel>("chipHoursWarning")->text().contains(QStringLiteral("factor of 3")));
    EXPECT_TRUE(dialog.canAccept()); // a warning, not an error
    type("chipHours", "4e4");        // 1/2.5
    EXPECT_TRUE(shown("chipHoursWarning"));

    EXPECT_TRUE(derived("costPerPfsDay").contains(QStringLiteral("needs")));
    type("cost", "8640");
    type("costYear", "2023");
    // 1e20 FLOP is 1.157 pfs-days.
    EXPECT_TRUE(derived("costPerPfsDay").startsWith(QStringLiteral("7465 US dollars of 2023")))
        << derived("costPerPfsDay").toStdString();
}

TEST_F(RunForm, FrontierBoxIsTheFrontierTag)
{
    named();
    auto *frontier = find<QCheckBox>("frontier");
    EXPECT_FALSE(frontier->isChecked());
    type("tags", "large");
    frontier->setChecked(true);
    EXPECT_EQ(text("tags"), QStringLiteral("large, frontier"));
    EXPECT_TRUE(dialog.run().hasTag(compute::kTagFrontier));
    frontier->setChecked(false);
    EXPECT_EQ(dialog.run().tags, std::vector<std::string>{"large"});
    type("tags", "frontier, other");
    EXPECT_TRUE(frontier->isChecked());
}

TEST_F(RunForm, CategoryTextsOfferTheDatasetsValues)
{
    dialog.offerChoicesFrom(notable());
    auto *country = find<QComboBox>("country");
    EXPECT_TRUE(country->isEditable());
    EXPECT_GE(country->findText(QStringLiteral("France")), 0);
    EXPECT_EQ(country->currentText(), QString()); // a new run shows none
    auto *accessibility = find<QComboBox>("accessibility");
    EXPECT_GE(accessibility->findText(QStringLiteral("Open weights (unrestricted)")), 0);
    const QStringList categories =
        app::datasetTexts(notable(), compute::RunText::OrganizationCategory);
    EXPECT_TRUE(categories.contains(QStringLiteral("Industry")));
    EXPECT_TRUE(std::is_sorted(categories.begin(), categories.end()));
    // Offering choices after a run is shown keeps what it shows.
    const TrainingRun opt = notableRun("OPT-175B");
    app::RunFormDialog other(app::hardwareCatalog(), {});
    other.setRun(opt);
    other.offerChoicesFrom(notable());
    EXPECT_TRUE(other.run() == opt);
}

TEST(RunFormDomains, AreTheDatasetsDistinctDomainsSorted)
{
    compute::Dataset dataset;
    for (const char *domain : {"Vision", "Games", "", "Vision", "Language"}) {
        TrainingRun run;
        run.domain = domain;
        dataset.runs.push_back(run);
    }
    EXPECT_EQ(app::datasetDomains(dataset),
              (QStringList{QStringLiteral("Games"), QStringLiteral("Language"),
                           QStringLiteral("Vision")}));
}

} // namespace
