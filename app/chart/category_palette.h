// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>

namespace app {

// Colours for domains: well-known domains keep a fixed colour across datasets (Language
// is always blue); the most frequent others share the remaining colours, the rest are
// drawn as "Other" in grey so the legend stays readable.
class DomainPalette {
public:
    static constexpr int kMaxColoured = 10;

    void rebuild(const compute::Dataset &dataset);
    QColor colorOf(const QString &domain) const;
    // The legend group a domain is drawn in ("Other" for the long tail and for runs
    // without a domain).
    QString groupOf(const QString &domain) const;
    // Legend order: coloured domains by frequency, then "Other".
    const QStringList &groups() const { return m_groups; }

    static QString otherGroup() { return QStringLiteral("Other"); }

private:
    QHash<QString, QColor> m_colors;
    QStringList m_groups;
};

} // namespace app
