// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"

#include <QDate>
#include <QDateEdit>

namespace app {

// Core dates and QDate, day for day (a core date of month or year precision becomes
// the first day it stands for).
inline QDate toQDate(const compute::Date &date)
{
    return QDate(date.year(), date.month(), date.day());
}

inline compute::Date fromQDate(const QDate &date)
{
    return compute::Date(date.year(), date.month(), date.day());
}

// An ISO (yyyy-MM-dd) date editor with a calendar popup over the whole range core dates
// cover (the OpenAI addendum starts in 1959).
inline QDateEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31));
    return edit;
}

} // namespace app
