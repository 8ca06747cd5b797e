// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/dialogs/estimate_editor.h"

#include <limits>

class QComboBox;
class QLabel;
class QLineEdit;

namespace compute {
class HardwareCatalog;
struct Accelerator;
} // namespace compute

namespace app {

// OpenAI method 1: forward FLOP per example x (1 + backward/forward) x examples x epochs.
class OperationsEditor : public EstimateEditor {
    Q_OBJECT

public:
    explicit OperationsEditor(QWidget *parent = nullptr);

protected:
    compute::EstimateInputs readInputs() const override;
    void writeInputs(const compute::EstimateInputs &inputs) override;
    void writeDefaults() override;

private:
    NumberEdit *m_forwardFlop;
    NumberEdit *m_ratio;
    NumberEdit *m_examples;
    NumberEdit *m_epochs;
};

// OpenAI method 2: devices x peak FLOP/s x training time x utilization (x adjustment).
// Picking a catalog device or a number format fills the peak from the catalog; the
// field stays editable, and a custom device takes any name and peak.
class HardwareEditor : public EstimateEditor {
    Q_OBJECT

public:
    explicit HardwareEditor(const compute::HardwareCatalog &catalog, QWidget *parent = nullptr);

protected:
    compute::EstimateInputs readInputs() const override;
    void writeInputs(const compute::EstimateInputs &inputs) override;
    void writeDefaults() override;

private:
    const compute::Accelerator *selectedAccelerator() const;
    compute::NumberFormat numberFormat() const;
    compute::TimeUnit timeUnit() const;
    void deviceChosen();
    void fillPeakFromCatalog();
    void updateCatalogHint();

    const compute::HardwareCatalog &m_catalog;
    QComboBox *m_device;
    QLineEdit *m_customDevice;
    QComboBox *m_format;
    NumberEdit *m_peak;
    QLabel *m_catalogHint;
    NumberEdit *m_count;
    NumberEdit *m_time;
    QComboBox *m_timeUnit;
    NumberEdit *m_utilization;
    NumberEdit *m_adjustment;
    // As loaded: an untouched time field gives back these hours exactly, whatever the
    // rounding of hours <-> days; an untouched custom name gives back its text.
    double m_loadedHours = std::numeric_limits<double>::quiet_NaN();
    QString m_shownTime;
    compute::TimeUnit m_loadedTimeUnit = compute::TimeUnit::Days;
    std::string m_loadedCustomDevice;
    QString m_shownCustomDevice;
};

// Dense transformers: 6 x parameters x training tokens.
class ParametersTokensEditor : public EstimateEditor {
    Q_OBJECT

public:
    explicit ParametersTokensEditor(QWidget *parent = nullptr);

protected:
    compute::EstimateInputs readInputs() const override;
    void writeInputs(const compute::EstimateInputs &inputs) override;
    void writeDefaults() override;

private:
    NumberEdit *m_parameters;
    NumberEdit *m_tokens;
};

// A figure taken as published, in FLOP or petaflop/s-days.
class ReportedEditor : public EstimateEditor {
    Q_OBJECT

public:
    explicit ReportedEditor(QWidget *parent = nullptr);

protected:
    compute::EstimateInputs readInputs() const override;
    void writeInputs(const compute::EstimateInputs &inputs) override;
    void writeDefaults() override;

private:
    NumberEdit *m_value;
    QComboBox *m_unit;
};

} // namespace app
