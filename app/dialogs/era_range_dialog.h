// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;

namespace app {

// Edits an era's [from, to): a date for each end, or open. OK stays disabled, with the
// reason shown, while from is not before to.
class EraRangeDialog : public QDialog {
    Q_OBJECT

public:
    EraRangeDialog(const QString &eraName, const std::optional<compute::Date> &from,
                   const std::optional<compute::Date> &to, QWidget *parent = nullptr);

    std::optional<compute::Date> from() const;
    std::optional<compute::Date> to() const;
    void setRange(const std::optional<compute::Date> &from, const std::optional<compute::Date> &to);
    // Why the range cannot be accepted; empty when it can.
    QString problem() const;
    bool canAccept() const;

private:
    void validate();

    QCheckBox *m_hasFrom;
    QDateEdit *m_from;
    QCheckBox *m_hasTo;
    QDateEdit *m_to;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace app
