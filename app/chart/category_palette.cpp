// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/domain_palette.h"

#include <QMap>

#include <algorithm>

namespace app {
namespace {

const QColor kOtherColor(0x8c, 0x8c, 0x8c);

struct FixedColor {
    const char *domain;
    QRgb rgb;
};

// Colour-blind-friendly hues (Tableau 10 order), fixed for familiar domains.
constexpr FixedColor kFixed[] = {
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
};
constexpr QRgb kSpare[] = {0x637939, 0x843c39, 0x7b4173, 0x3182bd, 0xe6550d, 0x31a354};

} // namespace

void DomainPalette::rebuild(const compute::Dataset &dataset)
{
    QMap<QString, int> counts;
    for (const compute::TrainingRun &run : dataset.runs)
        if (!run.domain.empty()) ++counts[QString::fromStdString(run.domain)];
    QList<QPair<int, QString>> byFrequency;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byFrequency.append({it.value(), it.key()});
    std::stable_sort(byFrequency.begin(), byFrequency.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });

    m_colors.clear();
    m_groups.clear();
    std::size_t spare = 0;
    for (const auto &[count, domain] : byFrequency) {
        if (m_groups.size() >= kMaxColoured || domain == otherGroup()) continue;
        QColor color;
        for (const FixedColor &f : kFixed)
            if (domain == QLatin1String(f.domain)) color = QColor::fromRgb(f.rgb);
        if (!color.isValid()) {
            if (spare >= std::size(kSpare)) continue;
            color = QColor::fromRgb(kSpare[spare++]);
        }
        m_colors.insert(domain, color);
        m_groups << domain;
    }
    m_groups << otherGroup();
}

QColor DomainPalette::colorOf(const QString &domain) const
{
    return m_colors.value(domain, kOtherColor);
}

QString DomainPalette::groupOf(const QString &domain) const
{
    return m_colors.contains(domain) ? domain : otherGroup();
}

} // namespace app
