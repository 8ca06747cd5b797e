// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/era_range_dialog.h"

#include "app/commands/era_commands.h"
#include "app/inputs/date_edit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace app {

EraRangeDialog::EraRangeDialog(const QString &eraName, const std::optional<compute::Date> &from,
                               const std::optional<compute::Date> &to, QWidget *parent)
    : QDialog(parent), m_hasFrom(new QCheckBox(tr("From"), this)), m_from(makeDateEdit(this)),
      m_hasTo(new QCheckBox(tr("To"), this)), m_to(makeDateEdit(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Dates of era '%1'").arg(eraName));
    setObjectName(QStringLiteral("eraRangeDialog"));
    m_hasFrom->setToolTip(tr("Unticked: the era starts with the earliest run"));
    m_hasTo->setToolTip(tr("Unticked: the era reaches the latest run"));
    m_message->setObjectName(QStringLiteral("eraRangeMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(m_hasFrom, m_from);
    form->addRow(m_hasTo, m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Runs dated from the start up to, not including, the end "
                                    "belong to the era."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QCheckBox *box : {m_hasFrom, m_hasTo}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            m_from->setEnabled(m_hasFrom->isChecked());
            m_to->setEnabled(m_hasTo->isChecked());
            validate();
        });
    }
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &EraRangeDialog::validate);
    setRange(from, to);
}

std::optional<compute::Date> EraRangeDialog::from() const
{
    if (!m_hasFrom->isChecked()) return std::nullopt;
    return fromQDate(m_from->date());
}

std::optional<compute::Date> EraRangeDialog::to() const
{
    if (!m_hasTo->isChecked()) return std::nullopt;
    return fromQDate(m_to->date());
}

void EraRangeDialog::setRange(const std::optional<compute::Date> &from,
                              const std::optional<compute::Date> &to)
{
    // An open end still gets a sensible date to start from when it is ticked.
    const QDate today = QDate::currentDate();
    m_from->setDate(from ? toQDate(*from) : to ? toQDate(*to).addYears(-1) : today.addYears(-1));
    m_to->setDate(to ? toQDate(*to) : from ? toQDate(*from).addYears(1) : today);
    m_hasFrom->setChecked(from.has_value());
    m_hasTo->setChecked(to.has_value());
    m_from->setEnabled(from.has_value());
    m_to->setEnabled(to.has_value());
    validate();
}

QString EraRangeDialog::problem() const
{
    return eraRangeProblem(from(), to());
}

bool EraRangeDialog::canAccept() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void EraRangeDialog::validate()
{
    const QString why = problem();
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace app
