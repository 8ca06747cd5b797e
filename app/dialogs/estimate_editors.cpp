// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/estimate_editors.h"

#include "app/inputs/number_edit.h"
#include "core/model/hardware_catalog.h"
#include "core/util/number_parse.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace app {
namespace {

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index >= 0) combo->setCurrentIndex(index);
}

QString formatted(double value)
{
    return QString::fromStdString(compute::formatNumber(value));
}

} // namespace

// ---------------------------------------------------------------------------------------

OperationsEditor::OperationsEditor(QWidget *parent)
    : EstimateEditor(compute::EstimateMethod::Operations, QStringLiteral("operations"), parent)
{
    addDescription(tr("Forward FLOP per example × (1 + backward/forward ratio) × examples per "
                      "epoch × epochs (OpenAI's method 1; a multiply-add is 2 FLOP)."));
    m_forwardFlop = addNumberRow("forward_flop_per_example", QStringLiteral("ForwardFlop"),
                                 tr("&Forward FLOP per example:"),
                                 tr("FLOP of one forward pass over one example"));
    m_ratio = addNumberRow("backward_forward_ratio", QStringLiteral("BackwardForwardRatio"),
                           tr("&Backward/forward ratio:"),
                           tr("FLOP of the backward pass over the forward pass; usually 2"));
    m_examples =
        addNumberRow("examples_per_epoch", QStringLiteral("Examples"), tr("E&xamples per epoch:"),
                     tr("Training examples (images, tokens...) seen per epoch"));
    m_epochs = addNumberRow("epochs", QStringLiteral("Epochs"), tr("&Epochs:"),
                            tr("Passes over the training set"));
    writeDefaults();
    addNoteRow();
}

compute::EstimateInputs OperationsEditor::readInputs() const
{
    return compute::OperationsInputs{numberOf(m_forwardFlop), numberOf(m_ratio),
                                     numberOf(m_examples), numberOf(m_epochs)};
}

void OperationsEditor::writeInputs(const compute::EstimateInputs &inputs)
{
    const auto &in = std::get<compute::OperationsInputs>(inputs);
    m_forwardFlop->setValue(in.forwardFlopPerExample);
    m_ratio->setValue(in.backwardForwardRatio);
    m_examples->setValue(in.examplesPerEpoch);
    m_epochs->setValue(in.epochs);
}

void OperationsEditor::writeDefaults()
{
    const compute::OperationsInputs defaults;
    m_forwardFlop->clear();
    m_ratio->setValue(defaults.backwardForwardRatio);
    m_examples->clear();
    m_epochs->setValue(defaults.epochs);
}

// ---------------------------------------------------------------------------------------

HardwareEditor::HardwareEditor(const compute::HardwareCatalog &catalog, QWidget *parent)
    : EstimateEditor(compute::EstimateMethod::Hardware, QStringLiteral("hardware"), parent),
      m_catalog(catalog)
{
    addDescription(tr("Devices × peak FLOP/s per device × training time × utilization "
                      "(OpenAI's method 2; OpenAI assumed 0.33 for GPUs, Epoch 0.3–0.4)."));
    auto *deviceRow = new QWidget(inputs());
    m_device = new QComboBox(deviceRow);
    m_device->setObjectName(QStringLiteral("hardwareDevice"));
    m_device->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_device->setMinimumContentsLength(20);
    m_device->addItem(tr("Custom device"), QString());
    for (const compute::Accelerator &a : catalog.accelerators())
        m_device->addItem(QString::fromStdString(a.name), QString::fromStdString(a.id));
    m_customDevice = new QLineEdit(deviceRow);
    m_customDevice->setObjectName(QStringLiteral("hardwareCustomDevice"));
    m_customDevice->setPlaceholderText(tr("name of a device not in the catalog"));
    auto *deviceLayout = new QHBoxLayout(deviceRow);
    deviceLayout->setContentsMargins(0, 0, 0, 0);
    deviceLayout->addWidget(m_device, 1);
    deviceLayout->addWidget(m_customDevice, 1);
    addRow(tr("De&vice:"), deviceRow);

    m_format = new QComboBox(inputs());
    m_format->setObjectName(QStringLiteral("hardwareNumberFormat"));
    for (compute::NumberFormat format : compute::kAllNumberFormats)
        m_format->addItem(QString::fromUtf8(compute::numberFormatLabel(format).data()),
                          static_cast<int>(format));
    addRow(tr("Number f&ormat:"), m_format);

    m_peak = addNumberRow("peak_flops_per_device", QStringLiteral("PeakFlops"),
                          tr("&Peak FLOP/s per device:"),
                          tr("Dense peak of one device in the chosen number format"));
    m_catalogHint = new QLabel(inputs());
    m_catalogHint->setObjectName(QStringLiteral("hardwarePeakHint"));
    m_catalogHint->setWordWrap(true);
    addRow(QString(), m_catalogHint);
    m_count = addNumberRow("device_count", QStringLiteral("DeviceCount"), tr("&Number of devices:"),
                           tr("GPUs or TPU chips trained on at once"));
    m_timeUnit = new QComboBox; // parented by addNumberRow, so it follows the field on Tab
    m_timeUnit->setObjectName(QStringLiteral("hardwareTimeUnit"));
    m_timeUnit->addItem(tr("hours"), static_cast<int>(compute::TimeUnit::Hours));
    m_timeUnit->addItem(tr("days"), static_cast<int>(compute::TimeUnit::Days));
    m_time = addNumberRow("training_hours", QStringLiteral("TrainingTime"), tr("Training &time:"),
                          tr("Wall-clock training time"), m_timeUnit);
    m_utilization =
        addNumberRow("utilization", QStringLiteral("Utilization"), tr("&Utilization:"),
                     tr("Fraction of the peak actually achieved, above 0 and at most 1"));
    m_adjustment =
        addNumberRow("adjustment", QStringLiteral("Adjustment"), tr("&Adjustment factor:"),
                     tr("Extra multiplier a published estimate applied; 1 if none"));
    writeDefaults();
    addNoteRow();

    connect(m_device, &QComboBox::currentIndexChanged, this, &HardwareEditor::deviceChosen);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        fillPeakFromCatalog();
        refresh();
    });
    connect(m_timeUnit, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_customDevice, &QLineEdit::textChanged, this, [this] { refresh(); });
    connect(m_peak, &QLineEdit::textChanged, this, [this] { updateCatalogHint(); });
    updateCatalogHint();
}

const compute::Accelerator *HardwareEditor::selectedAccelerator() const
{
    const QString id = m_device->currentData().toString();
    if (id.isEmpty()) return nullptr;
    return m_catalog.find(id.toStdString());
}

compute::NumberFormat HardwareEditor::numberFormat() const
{
    return static_cast<compute::NumberFormat>(m_format->currentData().toInt());
}

compute::TimeUnit HardwareEditor::timeUnit() const
{
    return static_cast<compute::TimeUnit>(m_timeUnit->currentData().toInt());
}

void HardwareEditor::deviceChosen()
{
    m_customDevice->setVisible(m_device->currentIndex() == 0);
    if (!isLoading()) {
        // A device the catalog has no figure for in this format: switch to the format it
        // is usually trained in (which fills the peak through the format's signal).
        const compute::Accelerator *a = selectedAccelerator();
        if (a && !a->peak(numberFormat())) selectData(m_format, static_cast<int>(a->defaultFormat));
        fillPeakFromCatalog();
    }
    updateCatalogHint();
    refresh();
}

void HardwareEditor::fillPeakFromCatalog()
{
    if (isLoading()) return;
    if (const compute::Accelerator *a = selectedAccelerator())
        if (const auto peak = a->peak(numberFormat())) m_peak->setValue(*peak);
    updateCatalogHint();
}

void HardwareEditor::updateCatalogHint()
{
    const compute::Accelerator *a = selectedAccelerator();
    const QString format = m_format->currentText();
    if (!a) {
        m_catalogHint->setText(tr("Custom device: type its peak FLOP/s in %1.").arg(format));
        return;
    }
    const QString name = QString::fromStdString(a->name);
    const auto peak = a->peak(numberFormat());
    if (!peak) {
        m_catalogHint->setText(
            tr("The catalog has no %1 figure for the %2: type the peak.").arg(format, name));
        return;
    }
    QString text = tr("Catalog: %1 FLOP/s in %2 for the %3.").arg(formatted(*peak), format, name);
    const auto typed = m_peak->value();
    if (typed && *typed != *peak) text += QLatin1Char(' ') + tr("The field holds another figure.");
    m_catalogHint->setText(text);
}

compute::EstimateInputs HardwareEditor::readInputs() const
{
    compute::HardwareInputs in;
    if (const compute::Accelerator *a = selectedAccelerator())
        in.device = a->id;
    else
        in.device = keptOrEdited(m_customDevice->text(), m_shownCustomDevice, m_loadedCustomDevice);
    in.numberFormat = numberFormat();
    in.deviceCount = numberOf(m_count);
    in.peakFlopsPerDevice = numberOf(m_peak);
    in.timeUnit = timeUnit();
    if (m_time->text() == m_shownTime && in.timeUnit == m_loadedTimeUnit) {
        in.trainingHours = m_loadedHours;
    } else {
        const double typed = numberOf(m_time);
        in.trainingHours = in.timeUnit == compute::TimeUnit::Days ? typed * 24.0 : typed;
    }
    in.utilization = numberOf(m_utilization);
    in.adjustment = numberOf(m_adjustment);
    return in;
}

void HardwareEditor::writeInputs(const compute::EstimateInputs &inputs)
{
    const auto &in = std::get<compute::HardwareInputs>(inputs);
    // Only an exact id selects a catalog entry: a name or alias stays the text it was.
    const compute::Accelerator *a = m_catalog.find(in.device);
    const bool listed = a && a->id == in.device;
    m_device->setCurrentIndex(listed ? m_device->findData(QString::fromStdString(a->id)) : 0);
    m_customDevice->setText(listed ? QString() : QString::fromStdString(in.device));
    m_loadedCustomDevice = listed ? std::string() : in.device.str();
    m_shownCustomDevice = m_customDevice->text();
    selectData(m_format, static_cast<int>(in.numberFormat));
    m_peak->setValue(in.peakFlopsPerDevice);
    m_count->setValue(in.deviceCount);
    selectData(m_timeUnit, static_cast<int>(in.timeUnit));
    m_time->setValue(in.timeUnit == compute::TimeUnit::Days ? in.trainingHours / 24.0
                                                            : in.trainingHours);
    m_loadedHours = in.trainingHours;
    m_shownTime = m_time->text();
    m_loadedTimeUnit = in.timeUnit;
    m_utilization->setValue(in.utilization);
    m_adjustment->setValue(in.adjustment);
    updateCatalogHint();
}

void HardwareEditor::writeDefaults()
{
    const compute::HardwareInputs defaults;
    m_device->setCurrentIndex(0);
    m_customDevice->clear();
    m_loadedCustomDevice.clear();
    m_shownCustomDevice.clear();
    selectData(m_format, static_cast<int>(defaults.numberFormat));
    m_peak->clear();
    m_count->clear();
    selectData(m_timeUnit, static_cast<int>(defaults.timeUnit));
    m_time->clear();
    m_loadedHours = std::numeric_limits<double>::quiet_NaN();
    m_shownTime.clear();
    m_loadedTimeUnit = defaults.timeUnit;
    m_utilization->setValue(defaults.utilization);
    m_adjustment->setValue(defaults.adjustment);
    updateCatalogHint();
}

// ---------------------------------------------------------------------------------------

ParametersTokensEditor::ParametersTokensEditor(QWidget *parent)
    : EstimateEditor(compute::EstimateMethod::ParametersTokens, QStringLiteral("parametersTokens"),
                     parent)
{
    addDescription(tr("6 × parameters × training tokens, for dense transformers (2 FLOP per "
                      "parameter per token forward, ×3 with the backward pass). For a mixture "
                      "of experts use the active parameters."));
    m_parameters = addNumberRow("parameters", QStringLiteral("Parameters"), tr("&Parameters (N):"),
                                tr("Parameters used per token"));
    m_tokens = addNumberRow("tokens", QStringLiteral("Tokens"), tr("Training to&kens (D):"),
                            tr("Tokens seen in training, all epochs"));
    writeDefaults();
    addNoteRow();
}

compute::EstimateInputs ParametersTokensEditor::readInputs() const
{
    return compute::ParametersTokensInputs{numberOf(m_parameters), numberOf(m_tokens)};
}

void ParametersTokensEditor::writeInputs(const compute::EstimateInputs &inputs)
{
    const auto &in = std::get<compute::ParametersTokensInputs>(inputs);
    m_parameters->setValue(in.parameters);
    m_tokens->setValue(in.tokens);
}

void ParametersTokensEditor::writeDefaults()
{
    m_parameters->clear();
    m_tokens->clear();
}

// ---------------------------------------------------------------------------------------

ReportedEditor::ReportedEditor(QWidget *parent)
    : EstimateEditor(compute::EstimateMethod::Reported, QStringLiteral("reported"), parent)
{
    addDescription(tr("A figure taken as published (a paper, OpenAI's chart, Epoch's table), "
                      "in the unit it was published in."));
    m_unit = new QComboBox; // parented by addNumberRow, so it follows the field on Tab
    m_unit->setObjectName(QStringLiteral("reportedUnit"));
    m_unit->addItem(tr("FLOP"), static_cast<int>(compute::ComputeUnit::Flop));
    m_unit->addItem(tr("petaflop/s-days"), static_cast<int>(compute::ComputeUnit::PfsDays));
    m_value = addNumberRow("value", QStringLiteral("Value"), tr("&Published compute:"),
                           tr("The training compute as published"), m_unit);
    writeDefaults();
    addNoteRow();
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
}

compute::EstimateInputs ReportedEditor::readInputs() const
{
    return compute::ReportedInputs{
        numberOf(m_value), static_cast<compute::ComputeUnit>(m_unit->currentData().toInt())};
}

void ReportedEditor::writeInputs(const compute::EstimateInputs &inputs)
{
    const auto &in = std::get<compute::ReportedInputs>(inputs);
    m_value->setValue(in.value);
    selectData(m_unit, static_cast<int>(in.unit));
}

void ReportedEditor::writeDefaults()
{
    m_value->clear();
    selectData(m_unit, static_cast<int>(compute::ComputeUnit::Flop));
}

} // namespace app
