// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QSpinBox;

namespace app {

// A publication date with its precision: a combo (day, month, year, unknown) and
// year/month/day spin boxes over the years core dates cover (1..9999), the ones the
// precision does not use disabled. An impossible day (30 February) is kept as typed
// and comes back as an invalid date for the caller to reject with core's message.
class PrecisionDateEdit : public QWidget {
    Q_OBJECT

public:
    explicit PrecisionDateEdit(QWidget *parent = nullptr);

    // nullopt = unknown date. The date given comes back exactly while untouched.
    void setDate(const std::optional<compute::Date> &date);
    std::optional<compute::Date> date() const;

    QComboBox *precisionBox() const { return m_precision; }
    QSpinBox *dayBox() const { return m_day; }

signals:
    void dateChanged();

private:
    struct State {
        int precision = 0, year = 0, month = 0, day = 0;
        bool operator==(const State &) const = default;
    };
    State state() const;
    void updateEnabled();

    QComboBox *m_precision;
    QSpinBox *m_year;
    QSpinBox *m_month;
    QSpinBox *m_day;
    std::optional<compute::Date> m_loaded;
    State m_shown;
};

} // namespace app
