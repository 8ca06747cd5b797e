// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/breakpoint.h"

#include <QDialog>

class QPushButton;

namespace app {

// Shows the breakpoint proposed for an era: the date, each side's doubling time and n,
// and how much two lines improve on one. "Split here" accepts the dialog (the caller
// splits the era); without a breakpoint it only says why.
class BreakpointDialog : public QDialog {
    Q_OBJECT

public:
    BreakpointDialog(const QString &eraName, const compute::Breakpoint &breakpoint,
                     QWidget *parent = nullptr);

    const compute::Breakpoint &breakpoint() const { return m_breakpoint; }
    // nullptr when there is nothing to split at.
    QPushButton *splitButton() const { return m_split; }
    // The dialog's text, for tests and screen readers.
    QString summary() const { return m_summary; }

private:
    compute::Breakpoint m_breakpoint;
    QPushButton *m_split = nullptr;
    QString m_summary;
};

} // namespace app
