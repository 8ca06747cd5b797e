// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/run_category.h"

#include <QObject>
#include <QString>

#include <string_view>

namespace app {

inline QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// "Domain", "Organization category", ...
inline QString categoryTitleText(compute::RunCategory category)
{
    return fromView(compute::categoryTitle(category));
}

// A category's value for menus and tooltips: "(unknown)" for runs without one.
inline QString categoryValueText(std::string_view value)
{
    return value.empty() ? QObject::tr("(unknown)") : fromView(value);
}

} // namespace app
