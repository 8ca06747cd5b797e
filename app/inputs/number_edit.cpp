// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/inputs/number_edit.h"

#include "core/util/number_parse.h"

#include <QAbstractSpinBox>
#include <QLabel>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace app {

NumberEdit::NumberEdit(QWidget *parent)
    : QLineEdit(parent), m_lowest(std::numeric_limits<double>::lowest()),
      m_highest(std::numeric_limits<double>::max())
{
    setPlaceholderText(tr("e.g. 1200 or 3.14e23"));
}

std::optional<double> NumberEdit::value() const
{
    const std::optional<double> parsed = compute::parseNumber(text().toStdString());
    if (parsed && *parsed != 0 && !std::isnormal(*parsed)) return std::nullopt;
    return parsed;
}

void NumberEdit::setPlausibleRange(double lowest, double highest)
{
    m_lowest = lowest;
    m_highest = highest;
}

QString NumberEdit::rangeProblem() const
{
    const std::optional<double> typed = value();
    if (!typed || (*typed >= m_lowest && *typed <= m_highest)) return {};
    // "1e16", "1e-6", "0.5": short, as people write limits.
    auto shown = [](double v) {
        QString text = QString::number(v, 'g', 6);
        static const QRegularExpression exponent(QStringLiteral("e([+-])0*(\\d)"));
        text.replace(exponent, QStringLiteral("e\\1\\2"));
        return text.replace(QStringLiteral("e+"), QStringLiteral("e"));
    };
    return tr("expected %1 to %2").arg(shown(m_lowest), shown(m_highest));
}

void NumberEdit::setValue(double value)
{
    setText(QString::fromStdString(compute::formatNumber(value)));
}

QString NumberEdit::parseProblem() const
{
    if (value()) return {};
    const QString typed = text().trimmed();
    if (typed.isEmpty()) return tr("required: type a number");
    // Well-formed but beyond what a double holds (1e400): say so rather than "not a number".
    static const QRegularExpression scientific(
        QStringLiteral("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"));
    if (scientific.match(typed).hasMatch()) {
        const std::optional<double> parsed = compute::parseNumber(typed.toStdString());
        if (parsed && *parsed != 0)
            return tr("too close to 0 to compute with (below %1)")
                .arg(QString::number(std::numeric_limits<double>::min(), 'g', 2));
        return tr("out of the range of numbers");
    }
    return tr("expected a number such as 1200 or 3.14e23");
}

void showFieldProblem(QWidget *field, QLabel *message, const QString &problem)
{
    const bool invalid = !problem.isEmpty();
    if (field->property("invalid").toBool() != invalid || field->toolTip() != problem) {
        field->setProperty("invalid", invalid);
        field->setToolTip(problem);
        QString style;
        if (invalid) {
            const QLatin1String type = qobject_cast<QAbstractSpinBox *>(field)
                                           ? QLatin1String("QAbstractSpinBox")
                                           : QLatin1String("QLineEdit");
            style = QStringLiteral("%1 { border: 2px solid #b00020; }").arg(type);
        }
        field->setStyleSheet(style);
    }
    if (message) {
        message->setText(problem);
        message->setVisible(invalid);
    }
}

QLabel *makeFieldMessage(QWidget *field)
{
    auto *label = new QLabel(field->parentWidget());
    label->setObjectName(field->objectName() + QStringLiteral("Message"));
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

} // namespace app
