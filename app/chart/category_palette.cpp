// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/category_palette.h"

#include "app/format/category_format.h"

#include <QMap>

#include <algorithm>

namespace app {
namespace {

const QColor kOtherColor(0x8c, 0x8c, 0x8c);
const QColor kUnknownColor(0xc7, 0xc7, 0xc7);

struct FixedColor {
    const char *value;
    QRgb rgb;
};

// Colour-blind-friendly hues (Tableau 10 order), fixed for familiar values.
constexpr FixedColor kFixed[] = {
    // Domains.
    {"Language", 0x1f77b4},
    {"Vision", 0xff7f0e},
    {"Games", 0x2ca02c},
    {"Speech", 0xd62728},
    {"Multimodal", 0x9467bd},
    {"Biology", 0x8c564b},
    {"Image generation", 0xe377c2},
    {"Robotics", 0xbcbd22},
    {"Recommendation", 0x17becf},
    {"Video", 0x393b79},
    // Confidence: sure to unsure.
    {"Confident", 0x1f77b4},
    {"Likely", 0xff7f0e},
    {"Speculative", 0xd62728},
    // The frontier flag.
    {"Frontier", 0xd62728},
    {"Not frontier", 0x1f77b4},
    // Organization categories.
    {"Industry", 0x1f77b4},
    {"Academia", 0xff7f0e},
    {"Research collective", 0x2ca02c},
    {"Government", 0x9467bd},
};
// For values without a fixed colour: hues no fixed domain has, so a domain's colour
// never depends on the dataset; the other categories take Tableau 10 first.
constexpr QRgb kSpare[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                           0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x637939,
                           0x843c39, 0x7b4173, 0x3182bd, 0xe6550d, 0x31a354};
constexpr std::size_t kFirstDomainSpare = 9;

} // namespace

void CategoryPalette::rebuild(const compute::Dataset &dataset, compute::RunCategory category)
{
    m_category = category;
    std::unordered_map<std::string, int> counts;
    bool anyUnknown = false;
    for (const compute::TrainingRun &run : dataset.runs) {
        const std::string value = compute::categoryValue(run, category);
        if (value.empty())
            anyUnknown = true;
        else
            ++counts[value];
    }
    std::vector<std::pair<int, std::string>> byFrequency;
    byFrequency.reserve(counts.size());
    for (auto &[value, count] : counts)
        byFrequency.emplace_back(count, value);
    std::sort(byFrequency.begin(), byFrequency.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });

    m_colors.clear();
    m_groups.clear();
    m_indexOfValue.clear();
    QList<QRgb> used;
    std::size_t spare = category == compute::RunCategory::Domain ? kFirstDomainSpare : 0;
    for (const auto &[count, value] : byFrequency) {
        const QString name = QString::fromStdString(value);
        if (m_groups.size() >= kMaxColoured || name == otherGroup() || name == unknownGroup())
            continue;
        QColor color;
        for (const FixedColor &f : kFixed)
            if (name == QLatin1String(f.value) && !used.contains(f.rgb))
                color = QColor::fromRgb(f.rgb);
        while (!color.isValid() && spare < std::size(kSpare))
            if (!used.contains(kSpare[spare++])) color = QColor::fromRgb(kSpare[spare - 1]);
        if (!color.isValid()) continue;
        used << color.rgb();
        m_colors.insert(name, color);
        m_indexOfValue.emplace(value, static_cast<int>(m_groups.size()));
        m_groups << name;
    }
    m_unknownIndex = -1;
    if (anyUnknown && category != compute::RunCategory::Domain) {
        m_unknownIndex = static_cast<int>(m_groups.size());
        m_colors.insert(unknownGroup(), kUnknownColor);
        m_groups << unknownGroup();
    }
    m_groups << otherGroup();
}

QString CategoryPalette::title() const
{
    return categoryTitleText(m_category);
}

QColor CategoryPalette::colorOf(const QString &group) const
{
    return m_colors.value(group, kOtherColor);
}

QString CategoryPalette::groupOf(const QString &value) const
{
    if (value.isEmpty() && m_unknownIndex >= 0) return unknownGroup();
    return !value.isEmpty() && m_colors.contains(value) ? value : otherGroup();
}

int CategoryPalette::groupIndexOf(const compute::TrainingRun &run) const
{
    const std::string value = compute::categoryValue(run, m_category);
    if (value.empty() && m_unknownIndex >= 0) return m_unknownIndex;
    const auto it = m_indexOfValue.find(value);
    return it != m_indexOfValue.end() ? it->second : static_cast<int>(m_groups.size()) - 1;
}

QString CategoryPalette::legendText(const QString &group)
{
    static const QHash<QString, QString> kShort = {
        {QStringLiteral("United States of America"), QStringLiteral("United States")},
        {QStringLiteral("United Kingdom of Great Britain and Northern Ireland"),
         QStringLiteral("United Kingdom")},
        {QStringLiteral("Korea (Republic of)"), QStringLiteral("South Korea")},
        {QStringLiteral("Iran (Islamic Republic of)"), QStringLiteral("Iran")},
        {QStringLiteral("Russian Federation"), QStringLiteral("Russia")},
        {QStringLiteral("Viet Nam"), QStringLiteral("Vietnam")},
        {QStringLiteral("Industry - Academia Collaboration"), QStringLiteral("Industry-academia")},
    };
    return kShort.value(group, group);
}

} // namespace app
