// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/run_fields.h"
#include "core/model/training_run.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;

namespace app {

class NumberEdit;

// The run form's "Training details" tab: every number and text of RunFields (Data,
// Hardware, Cost, Provenance) and the frontier flag, each number checked against core's
// rule for its unit and range, and what follows from them (tokens per parameter, compute
// per parameter, implied chip-hours, cost per petaflop/s-day), live. A field still
// showing what setFields() showed leaves the run's value, and the CSV's spelling of it,
// untouched.
class TrainingDetailsPage : public QWidget {
    Q_OBJECT

public:
    explicit TrainingDetailsPage(QWidget *parent = nullptr);

    // Offers these values in the combobox of a category-like text (organization
    // category, country, accessibility); the text shown stays as it is.
    void addTextChoices(compute::RunText which, const QStringList &values);

    void setFields(const compute::RunFields &fields, bool frontier);
    // Sets in `fields` every field the user changed; an emptied field is cleared.
    void applyTo(compute::RunFields &fields) const;

    // The frontier flag: the dialog keeps it in step with the run's tags.
    QCheckBox *frontierBox() const { return m_frontier; }

    // Marks each invalid field with core's message beside it; returns the problems,
    // "Field: message", in form order.
    QStringList validate();
    // Shows what follows from the run as edited.
    void showDerived(const compute::TrainingRun &run);

signals:
    void edited();

private:
    struct NumberField {
        compute::RunNumber which;
        NumberEdit *edit;
        QLabel *message;
        QString shown;
    };
    struct TextField {
        compute::RunText which;
        QWidget *edit; // QLineEdit, editable QComboBox or QPlainTextEdit
        QString shown;
    };

    void addNumber(QGridLayout *grid, compute::RunNumber which, const QString &caption,
                   const char *objectName, const QString &placeholder);
    void addText(QGridLayout *grid, compute::RunText which, const QString &caption,
                 const char *objectName, QWidget *edit);
    void addCostYear(QGridLayout *grid);
    QLabel *addDerived(QGridLayout *grid, const QString &caption, const char *objectName);
    QComboBox *choiceBox(compute::RunText which) const;

    std::vector<NumberField> m_numbers;
    std::vector<TextField> m_texts;
    NumberEdit *m_costYear = nullptr;
    QLabel *m_costYearMessage = nullptr;
    QString m_shownCostYear;
    QCheckBox *m_frontier = nullptr;
    QLabel *m_impliedChipHours = nullptr;
    QLabel *m_chipHoursWarning = nullptr;
    QLabel *m_tokensPerParameter = nullptr;
    QLabel *m_computePerParameter = nullptr;
    QLabel *m_costPerPfsDay = nullptr;
};

} // namespace app
