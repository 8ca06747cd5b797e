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
    // Empty when the text is a number, else what is wrong with it.
    QString parseProblem() const;
};

// Marks a field as invalid (red frame, problem as tooltip) and shows the problem in the
// label beside it; an empty problem clears both. The field's "invalid" property says
// which state it is in.
void showFieldProblem(QWidget *field, QLabel *message, const QString &problem);

// The label that shows a field's problem, named "<field's objectName>Message".
QLabel *makeFieldMessage(QWidget *field);

} // namespace app
