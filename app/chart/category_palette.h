// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/run_category.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>

#include <string>
#include <unordered_map>

namespace app {

// Colours for the values of the category the chart is coloured by (the domain unless
// chosen otherwise): well-known values keep a fixed colour across datasets (Language is
// always blue, a frontier run always red); the most frequent others share the remaining
// colours, the rest are drawn as "Other" in grey so the legend stays readable. Runs
// without a value are "Other" by domain, "Unknown" in the other categories.
class CategoryPalette {
public:
    static constexpr int kMaxColoured = 8; // hues before grey (FIGURES.md)

    void rebuild(const compute::Dataset &dataset,
                 compute::RunCategory category = compute::RunCategory::Domain);
    compute::RunCategory category() const { return m_category; }
    // "Domain", "Country", ...: the legend's heading.
    QString title() const;

    QColor colorOf(const QString &group) const;
    // The legend group a value is drawn in ("Other" for the long tail, see above).
    QString groupOf(const QString &value) const;
    // The index in groups() of the group a run is drawn in.
    int groupIndexOf(const compute::TrainingRun &run) const;
    // Legend order: coloured values by frequency, then "Unknown" and "Other".
    const QStringList &groups() const { return m_groups; }

    // What the legend writes for a group: the common short name of a country Epoch AI
    // records by its official one ("United Kingdom" for "United Kingdom of Great Britain
    // and Northern Ireland"); the group itself otherwise.
    static QString legendText(const QString &group);

    static QString otherGroup() { return QStringLiteral("Other"); }
    static QString unknownGroup() { return QStringLiteral("Unknown"); }

private:
    compute::RunCategory m_category = compute::RunCategory::Domain;
    QHash<QString, QColor> m_colors;
    QStringList m_groups;
    std::unordered_map<std::string, int> m_indexOfValue; // coloured values
    int m_unknownIndex = -1;                             // -1: drawn as Other
};

} // namespace app
