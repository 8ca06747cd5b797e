// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/breakpoint_dialog.h"

#include "app/format/fit_format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace app {

BreakpointDialog::BreakpointDialog(const QString &eraName, const compute::Breakpoint &breakpoint,
                                   QWidget *parent)
    : QDialog(parent), m_breakpoint(breakpoint)
{
    setObjectName(QStringLiteral("breakpointDialog"));
    setWindowTitle(tr("Breakpoint in era '%1'").arg(eraName));
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!breakpoint.ok()) {
        m_summary =
            tr("No breakpoint: %1.").arg(QString::fromStdString(breakpoint.statusMessage()));
        auto *label = new QLabel(m_summary, this);
        label->setWordWrap(true);
        layout->addWidget(label);
        layout->addWidget(buttons);
        return;
    }

    const QString date = QString::fromStdString(breakpoint.split.toIso());
    const QString before = describeFit(breakpoint.left);
    const QString after = describeFit(breakpoint.right);
    const QString improvement = describeImprovement(breakpoint);
    auto *form = new QFormLayout;
    form->addRow(tr("Proposed break:"), new QLabel(date, this));
    form->addRow(tr("Before (n = %1):").arg(breakpoint.left.n), new QLabel(before, this));
    form->addRow(tr("From (n = %1):").arg(breakpoint.right.n), new QLabel(after, this));
    form->addRow(tr("Improvement:"), new QLabel(improvement, this));
    layout->addLayout(form);
    auto *note = new QLabel(
        tr("The date splits the era's runs where one line on each side leaves the least "
           "squared error. F compares the two lines with one: about 1 when there is no "
           "real break, larger the more the break explains. The date was chosen to make F "
           "large, so read it as strength of evidence, not as a significance test."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_summary = tr("Proposed break: %1\nBefore (n = %2): %3\nFrom (n = %4): %5\nImprovement: %6")
                    .arg(date)
                    .arg(breakpoint.left.n)
                    .arg(before)
                    .arg(breakpoint.right.n)
                    .arg(after, improvement);

    m_split = buttons->addButton(tr("Split here"), QDialogButtonBox::AcceptRole);
    m_split->setToolTip(tr("Replace the era by two eras that meet on %1 (undoable)").arg(date));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

} // namespace app
