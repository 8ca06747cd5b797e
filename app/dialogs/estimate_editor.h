// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/compute_estimate.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace app {

class NumberEdit;

// The text of a field as the form returns it: the loaded value exactly while the field
// still shows what it was loaded with, else what is typed, without surrounding blanks.
std::string keptOrEdited(const QString &current, const QString &shown, const std::string &loaded);

// One tab of the run form: a "use this method" box, the inputs of one estimation
// method, a note, and the compute core derives from them, live. Each number field
// shows core's validation message beside it; the editor computes nothing itself.
class EstimateEditor : public QWidget {
    Q_OBJECT

public:
    compute::EstimateMethod method() const { return m_method; }
    // Tab title ("Hardware").
    QString title() const;

    bool isUsed() const;
    void setUsed(bool used);
    // Shows an estimate of this editor's method and ticks "use".
    void setEstimate(const compute::ComputeEstimate &estimate);
    // The method's defaults (empty where there is none), unticked.
    void clear();

    // The estimate typed (NaN for an input that is not a number).
    compute::ComputeEstimate estimate() const;
    // Not used, or used with every input valid.
    bool isAcceptable() const { return m_problems.isEmpty(); }
    // "Device count: expected ..." for each invalid input while used.
    QStringList problems() const { return m_problems; }
    // Used and valid: the estimate can be compared with others.
    bool hasResult() const { return isUsed() && isAcceptable(); }

    // The line under the result that compares this estimate with the primary one.
    void setComparison(const QString &text, bool warning);

signals:
    // Any input or the "use" box changed (after the fields were revalidated).
    void changed();

protected:
    EstimateEditor(compute::EstimateMethod method, const QString &namePrefix,
                   QWidget *parent = nullptr);

    // A labelled number field named "<prefix><name>" for core's input `coreField`, with
    // optional widgets after it (a unit combo) and its problem message beside them.
    NumberEdit *addNumberRow(const char *coreField, const QString &name, const QString &label,
                             const QString &toolTip, QWidget *after = nullptr);
    void addRow(const QString &label, QWidget *widget);
    // A line of explanation across the form (the method's formula).
    void addDescription(const QString &text);
    // The note field, last on the tab; every editor calls it after its own rows.
    void addNoteRow();
    QWidget *inputs() const { return m_inputs; }
    QString namePrefix() const { return m_prefix; }
    // True while setEstimate()/clear() write the fields (no catalog fill-ins then).
    bool isLoading() const { return m_loading; }

    // The inputs as typed, NaN for a number that does not parse.
    virtual compute::EstimateInputs readInputs() const = 0;
    virtual void writeInputs(const compute::EstimateInputs &inputs) = 0;
    virtual void writeDefaults() = 0;
    static double numberOf(const NumberEdit *edit);
    // Revalidates every field and the result; call when a non-number input changes.
    void refresh();

private:
    struct Field {
        std::string coreField;
        QString label;
        NumberEdit *edit;
        QLabel *message;
    };

    compute::EstimateMethod m_method;
    QString m_prefix;
    QCheckBox *m_use;
    QWidget *m_inputs;
    QFormLayout *m_form;
    QPlainTextEdit *m_note;
    QLabel *m_result;
    QLabel *m_comparison;
    std::vector<Field> m_fields;
    QStringList m_problems;
    std::string m_loadedNote;
    QString m_shownNote;
    bool m_loading = false;
};

} // namespace app
