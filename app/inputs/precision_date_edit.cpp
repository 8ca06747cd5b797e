// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/inputs/precision_date_edit.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace app {
namespace {

constexpr int kUnknown = 3; // precision combo data beside the DatePrecision values
constexpr int kDay = static_cast<int>(compute::DatePrecision::Day);
constexpr int kMonth = static_cast<int>(compute::DatePrecision::Month);
constexpr int kYear = static_cast<int>(compute::DatePrecision::Year);

QSpinBox *makeSpin(const QString &name, const QString &toolTip, int to, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setToolTip(toolTip);
    spin->setRange(1, to);
    return spin;
}

} // namespace

PrecisionDateEdit::PrecisionDateEdit(QWidget *parent)
    : QWidget(parent), m_precision(new QComboBox(this))
{
    m_precision->setObjectName(QStringLiteral("datePrecision"));
    m_precision->setToolTip(tr("How much of the date is known"));
    m_precision->addItem(tr("Day"), kDay);
    m_precision->addItem(tr("Month"), kMonth);
    m_precision->addItem(tr("Year"), kYear);
    m_precision->addItem(tr("Unknown (listed, not plotted)"), kUnknown);
    m_year = makeSpin(QStringLiteral("dateYear"), tr("Year"), 9999, this);
    m_month = makeSpin(QStringLiteral("dateMonth"), tr("Month"), 12, this);
    // Up to 31 in every month: a day the month lacks is reported, not silently clamped.
    m_day = makeSpin(QStringLiteral("dateDay"), tr("Day"), 31, this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_precision);
    layout->addWidget(m_year);
    layout->addWidget(m_month);
    layout->addWidget(m_day);
    layout->addStretch(1);
    setFocusProxy(m_precision);

    connect(m_precision, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit dateChanged();
    });
    for (QSpinBox *spin : {m_year, m_month, m_day})
        connect(spin, &QSpinBox::valueChanged, this, &PrecisionDateEdit::dateChanged);
    setDate(std::nullopt);
}

void PrecisionDateEdit::setDate(const std::optional<compute::Date> &date)
{
    const QSignalBlocker blockPrecision(m_precision), blockYear(m_year), blockMonth(m_month),
        blockDay(m_day);
    // An unknown date still offers today to start from once a precision is picked.
    const QDate today = QDate::currentDate();
    const compute::Date shown =
        date.value_or(compute::Date(today.year(), today.month(), today.day()));
    m_precision->setCurrentIndex(
        m_precision->findData(date ? static_cast<int>(date->precision()) : kUnknown));
    m_year->setValue(shown.year());
    m_month->setValue(shown.month());
    m_day->setValue(shown.day());
    m_loaded = date;
    m_shown = state();
    updateEnabled();
    emit dateChanged();
}

std::optional<compute::Date> PrecisionDateEdit::date() const
{
    if (state() == m_shown) return m_loaded;
    switch (m_precision->currentData().toInt()) {
    case kDay:
        return compute::Date(m_year->value(), m_month->value(), m_day->value());
    case kMonth:
        return compute::Date(m_year->value(), m_month->value(), 1, compute::DatePrecision::Month);
    case kYear:
        return compute::Date(m_year->value(), 1, 1, compute::DatePrecision::Year);
    default:
        return std::nullopt;
    }
}

PrecisionDateEdit::State PrecisionDateEdit::state() const
{
    return {m_precision->currentIndex(), m_year->value(), m_month->value(), m_day->value()};
}

void PrecisionDateEdit::updateEnabled()
{
    const int precision = m_precision->currentData().toInt();
    m_year->setEnabled(precision != kUnknown);
    m_month->setEnabled(precision == kDay || precision == kMonth);
    m_day->setEnabled(precision == kDay);
}

} // namespace app
