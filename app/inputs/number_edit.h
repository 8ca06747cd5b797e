// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

#include <optional>

class QLabel;

namespace app {

// A line edit for one number in plain or scientific notation ("1200", "3.14e23",
// "3.14E+23", " 0.33 "), read with compute::parseNumber. What the user typed is never
// rewritten; a value set from data is shown with compute::formatNumber, so it reads
// back as exactly the same double.
class NumberEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit NumberEdit(QWidget *parent = nullptr);

    // The number typed; nullopt when the text is not one (see parseProblem()).
    std::optional<double> value() const;
    void setValue(double value);
    // Empty when the text is a number, else what is wrong with it. A subnormal number
    // (1e-320: below 2.2e-308, with lost precision) is not one: nothing is measured in it.
    QString parseProblem() const;

    // The plausible values of the field (by default every normal number and 0).
    void setPlausibleRange(double lowest, double highest);
    double lowest() const { return m_lowest; }
    double highest() const { return m_highest; }
    // Empty when the number typed lies in the plausible range (or is not a number: see
    // parseProblem()), else why not ("expected 1 to 1e16").
    QString rangeProblem() const;

private:
    double m_lowest;
    double m_highest;
};

// Marks a field as invalid (red frame, problem as tooltip) and shows the problem in the
// label beside it; an empty problem clears both. The field's "invalid" property says
// which state it is in.
void showFieldProblem(QWidget *field, QLabel *message, const QString &problem);

// The label that shows a field's problem, named "<field's objectName>Message".
QLabel *makeFieldMessage(QWidget *field);

} // namespace app
