// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/legend_builder.h"

#include "app/chart/category_palette.h"
#include "app/chart/comparison_marks.h"

#include <algorithm>
#include <cmath>

namespace app {
namespace {

const QColor kMethodGrey(0x70, 0x70, 0x70);

// Whether any point of the group lies in view: its points are sorted by key, so only
// those in the key range are looked at, and the first one in view ends the search.
bool groupInView(const ChartScene &scene, const ScenePointGroup &group, const VisibleRange &range)
{
    const auto begin = scene.points.begin() + group.begin;
    const auto end = scene.points.begin() + group.end;
    auto it = std::lower_bound(begin, end, range.keyLow,
                               [](const ScenePoint &p, double key) { return p.key < key; });
    for (; it != end && it->key <= range.keyHigh; ++it)
        if (it->value >= range.valueLow && it->value <= range.valueHigh) return true;
    return false;
}

bool lineInView(const QVector<double> &keys, const QVector<double> &values,
                const VisibleRange &range)
{
    for (qsizetype i = 0; i < keys.size() && i < values.size(); ++i)
        if (range.contains(keys[i], values[i])) return true;
    return false;
}

bool anyInView(const QVector<ScenePoint> &points, const VisibleRange &range)
{
    return std::any_of(points.begin(), points.end(),
                       [&](const ScenePoint &p) { return range.contains(p.key, p.value); });
}

// A comparison's marks, each kind once when any of it is in view (an arrow by either end).
void appendComparisonEntries(QVector<LegendEntry> &entries, const ChartScene &scene,
                             const VisibleRange &range)
{
    auto marker = [&](const QString &text, const QColor &color) {
        LegendEntry e;
        e.group = LegendEntry::Group::Overlay;
        e.text = text;
        e.color = color;
        e.shape = MarkerShape::Ring;
        e.hollow = true;
        entries.append(e);
    };
    if (anyInView(scene.added, range)) marker(addedMarkText(), kAddedColor);
    if (anyInView(scene.removed, range)) marker(removedMarkText(), kRemovedColor);
    const bool moved =
        std::any_of(scene.moved.begin(), scene.moved.end(), [&](const SceneArrow &a) {
            return range.contains(a.fromKey, a.fromValue) || range.contains(a.toKey, a.toValue);
        });
    if (moved) {
        LegendEntry e;
        e.group = LegendEntry::Group::Overlay;
        e.swatch = LegendEntry::Swatch::Line;
        e.text = movedMarkText();
        e.color = kMovedColor;
        entries.append(e);
    }
}

} // namespace

MarkerShape markerShapeOf(compute::EstimateMethod method, bool upperBound)
{
    if (upperBound) return MarkerShape::TriangleDown;
    switch (method) {
    case compute::EstimateMethod::Reported:
        return MarkerShape::Disc;
    case compute::EstimateMethod::Operations:
        return MarkerShape::Square;
    case compute::EstimateMethod::Hardware:
        return MarkerShape::Diamond;
    case compute::EstimateMethod::ParametersTokens:
        return MarkerShape::Triangle;
    }
    return MarkerShape::Disc;
}

QString methodLegendText(compute::EstimateMethod method, bool upperBound)
{
    if (upperBound) return QStringLiteral("Upper bound");
    switch (method) {
    case compute::EstimateMethod::Reported:
        return QStringLiteral("Reported");
    case compute::EstimateMethod::Operations:
        return QStringLiteral("Counting operations");
    case compute::EstimateMethod::Hardware:
        return QStringLiteral("Hardware time");
    case compute::EstimateMethod::ParametersTokens:
        return QStringLiteral("6 × N × D");
    }
    return {};
}

QVector<LegendEntry> legendEntriesFor(const ChartScene &scene, const VisibleRange &range, bool fits)
{
    QVector<LegendEntry> entries;
    QStringList domains;
    QVector<QPair<compute::EstimateMethod, bool>> shapes;
    for (const ScenePointGroup &g : scene.groups) {
        if (g.size() == 0 || !groupInView(scene, g, range)) continue;
        if (!domains.contains(g.colorGroup)) {
            domains << g.colorGroup;
            LegendEntry e;
            e.group = LegendEntry::Group::Domain;
            e.text = CategoryPalette::legendText(g.colorGroup);
            if (scene.colorTitle != QLatin1String("Domain")) e.heading = scene.colorTitle;
            e.color = g.color;
            entries.append(e);
        }
        const QPair<compute::EstimateMethod, bool> shape{g.method, g.upperBound};
        if (!shapes.contains(shape)) shapes << shape;
    }
    if (shapes.size() > 1 || (shapes.size() == 1 && shapes.front().second)) {
        // In the order of the marker's meaning: measured, estimated, then bounds.
        std::sort(shapes.begin(), shapes.end(), [](const auto &a, const auto &b) {
            if (a.second != b.second) return !a.second;
            auto rank = [](compute::EstimateMethod m) {
                return m == compute::EstimateMethod::Reported ? -1 : static_cast<int>(m);
            };
            return rank(a.first) < rank(b.first);
        });
        for (const auto &[method, upper] : shapes) {
            LegendEntry e;
            e.group = LegendEntry::Group::Method;
            e.text = methodLegendText(method, upper);
            e.color = kMethodGrey;
            e.shape = markerShapeOf(method, upper);
            e.hollow = upper;
            entries.append(e);
        }
    }
    if (fits) {
        for (const SceneFit &fit : scene.fits) {
            const SceneBand *band = nullptr;
            for (const SceneBand &b : scene.bands)
                if (b.era == fit.era) band = &b;
            const bool eraInView =
                band ? band->to > range.keyLow && band->from < range.keyHigh : true;
            if (fit.ok ? !lineInView(fit.keys, fit.values, range) : !eraInView) continue;
            LegendEntry e;
            e.group = LegendEntry::Group::Trend;
            e.text = fit.annotation;
            e.briefText = fit.brief;
            e.color = fit.ok ? fit.color : QColor(0xa0, 0xa0, 0xa0);
            e.swatch = fit.ok && !fit.bandKeys.isEmpty() ? LegendEntry::Swatch::LineWithBand
                                                         : LegendEntry::Swatch::Line;
            if (!fit.ok) e.penStyle = Qt::DotLine;
            entries.append(e);
        }
    }
    for (const SceneFan &fan : scene.fans) {
        if (!lineInView(fan.keys, fan.values, range)) continue;
        LegendEntry e;
        e.group = LegendEntry::Group::Overlay;
        e.text = QStringLiteral("Projection (95% CI and prediction fan)");
        e.color = fan.color;
        e.swatch = LegendEntry::Swatch::LineWithBand;
        e.penStyle = Qt::DashLine;
        entries.append(e);
    }
    for (const SceneLine &line : scene.referenceLines) {
        if (line.keys.size() < 2) continue;
        // A straight line: in view when it crosses the key range inside the values.
        bool visible = lineInView(line.keys, line.values, range);
        for (int s = 1; s < 16 && !visible; ++s) {
            const double t = s / 16.0;
            const double key = line.keys.front() + t * (line.keys.back() - line.keys.front());
            const double value = std::pow(
                10.0, std::log10(line.values.front()) +
                          t * (std::log10(line.values.back()) - std::log10(line.values.front())));
            visible = range.contains(key, value);
        }
        if (!visible) continue;
        LegendEntry e;
        e.group = LegendEntry::Group::Overlay;
        e.text = line.label;
        e.color = line.color;
        e.swatch = LegendEntry::Swatch::Line;
        e.penStyle = Qt::DashDotLine;
        entries.append(e);
    }
    const bool marked =
        std::any_of(scene.marked.begin(), scene.marked.end(),
                    [&](const ScenePoint &p) { return range.contains(p.key, p.value); });
    if (marked) {
        LegendEntry e;
        e.group = LegendEntry::Group::Overlay;
        e.text = scene.markedLabel.isEmpty() ? QStringLiteral("Marked runs") : scene.markedLabel;
        e.color = QColor(0xe6, 0x55, 0x0d);
        e.shape = MarkerShape::Square; // the chart rings them in a square
        e.hollow = true;
        entries.append(e);
    }
    appendComparisonEntries(entries, scene, range);
    return entries;
}

} // namespace app
