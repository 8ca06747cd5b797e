// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/training_run.h"

#include <QDialog>
#include <QStringList>

#include <array>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableView;

namespace compute {
class HardwareCatalog;
}

namespace app {

class EstimateEditor;
class NumberEdit;
class PrecisionDateEdit;
class SourceTableModel;
class TrainingDetailsPage;

// The sorted, distinct non-empty domains of a dataset's runs (the run form offers them).
QStringList datasetDomains(const compute::Dataset &dataset);
// The sorted, distinct non-empty values of one text of the dataset's runs ("Industry",
// "Academia", ... for RunText::OrganizationCategory).
QStringList datasetTexts(const compute::Dataset &dataset, compute::RunText which);

// Adds or edits one training run: its fields (the Epoch AI ones on a tab of their own,
// with what follows from them), and one tab per estimation method with the compute
// core derives from the inputs, live. With several methods in use one is
// primary and the others are compared with it. Each invalid field is marked with
// core's message beside it, and OK stays disabled until the run is valid. A run
// without any estimate is valid: its compute is unknown (listed, not plotted).
//
//     RunFormDialog dialog(app::hardwareCatalog(), datasetDomains(dataset), parent);
//     dialog.offerChoicesFrom(dataset);    // optional: its countries, ...
//     dialog.setRun(run);                  // Edit; leave out for Add
//     if (dialog.exec() == QDialog::Accepted) use(dialog.run());
class RunFormDialog : public QDialog {
    Q_OBJECT

public:
    RunFormDialog(const compute::HardwareCatalog &catalog, const QStringList &domains,
                  QWidget *parent = nullptr);

    // Offers the dataset's organization categories, countries and accessibilities in
    // their comboboxes (besides Epoch AI's own vocabulary).
    void offerChoicesFrom(const compute::Dataset &dataset);
    // Shows a run for editing: every field, every estimate and which one is primary.
    void setRun(const compute::TrainingRun &run);
    // The run as edited. It keeps the id of the run given to setRun() (empty for a new
    // run: the caller assigns one, e.g. Dataset::uniqueRunId). Fields left untouched
    // come back exactly as given, so OK without changes returns a run == the original.
    compute::TrainingRun run() const;

    // OK is enabled: no problem below.
    bool canAccept() const;
    // Every reason the run cannot be accepted, "Field: message", in form order.
    QStringList problems() const { return m_problems; }

private:
    using EstimateKey = int; // 0..3: an editor (by EstimateMethod); 4+i: m_keptEstimates[i]

    QWidget *buildRunFields();
    QWidget *buildComputeFields(const compute::HardwareCatalog &catalog);
    std::vector<EstimateKey> estimateOrder() const;
    compute::ComputeEstimate estimateFor(EstimateKey key) const;
    QString estimateLabel(EstimateKey key) const;
    void updatePrimaryChoices();
    void updateComparisons();
    void validate();

    // Editable fields.
    QTabWidget *m_runTabs;
    QLineEdit *m_name;
    QLineEdit *m_organization;
    QComboBox *m_domain;
    PrecisionDateEdit *m_date;
    NumberEdit *m_parameters;
    QComboBox *m_confidence;
    QCheckBox *m_upperBound;
    QLineEdit *m_tags;
    SourceTableModel *m_sources;
    QTableView *m_sourceView;
    QPlainTextEdit *m_notes;
    TrainingDetailsPage *m_details;
    QTabWidget *m_methodTabs;
    std::array<EstimateEditor *, 4> m_editors{};
    QString m_filledN; // the 6ND tab's N as last filled from Parameters
    QComboBox *m_primary;
    // Messages.
    QLabel *m_nameMessage;
    QLabel *m_dateMessage;
    QLabel *m_parametersMessage;
    QLabel *m_sourcesMessage;
    QLabel *m_noEstimateNote;
    QLabel *m_comparisonSummary;
    QLabel *m_disagreementWarning;
    QLabel *m_keptNote;
    QLabel *m_problemSummary;
    QDialogButtonBox *m_buttons;

    // The run as given to setRun() (a default run for Add), and what its fields showed:
    // a field still showing that text gives back the original value exactly.
    compute::TrainingRun m_original;
    struct Shown {
        QString name, organization, domain, tags, notes, parameters;
    } m_shown;
    // Estimates of a method already shown in its tab (a second "reported", say): kept
    // unchanged, in their place.
    std::vector<compute::ComputeEstimate> m_keptEstimates;
    std::vector<EstimateKey> m_loadedOrder;
    QStringList m_problems;
    bool m_loading = false;
};

} // namespace app
