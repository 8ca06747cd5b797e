// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"

#include <QDate>
#include <QDateEdit>
#include <QKeyEvent>
#include <QLineEdit>

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

// Typing over a date whose whole text is selected (select-all, then "2019-02-14") starts
// at the year: QDateEdit would otherwise read the first digit as the whole date.
class TypeOverWholeDate : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress) return false;
        auto *edit = qobject_cast<QDateEdit *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        const QLineEdit *line = edit ? edit->findChild<QLineEdit *>() : nullptr;
        if (!line || key->text().isEmpty()) return false;
        const QChar typed = key->text().front();
        if (typed.isDigit() && line->hasSelectedText() && line->selectedText() == line->text())
            edit->setSelectedSection(edit->sectionAt(0));
        // A separator typed where the edit has already moved on to the next section (after
        // a full year) is the one the user sees there: skip it, not the section.
        const int at = line->hasSelectedText() ? line->selectionStart() : line->cursorPosition();
        if (typed == QLatin1Char('-') && at > 0 && line->text().at(at - 1) == QLatin1Char('-'))
            return true;
        return false;
    }
};

inline void typeOverWholeDate(QDateEdit *edit)
{
    edit->installEventFilter(new TypeOverWholeDate(edit));
}

// An ISO (yyyy-MM-dd) date editor with a calendar popup over the whole range core dates
// cover (the OpenAI addendum starts in 1959).
inline QDateEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31));
    typeOverWholeDate(edit);
    return edit;
}

} // namespace app
