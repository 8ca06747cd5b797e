// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_scene.h"

#include "app/chart/category_palette.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/fit_format.h"
#include "app/format/number_format.h"
#include "core/model/dataset.h"
#include "core/stats/known_relations.h"
#include "core/stats/projection.h"
#include "core/stats/reference_lines.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace app {
namespace {

constexpr int kFitSamples = 48;

// Dataset indices of the selected runs as a mask (empty when nothing is selected).
std::vector<bool> selectedRuns(const compute::Dataset &dataset, const ViewState &view)
{
    std::vector<bool> mask;
    if (view.selection().isEmpty()) return mask;
    mask.assign(dataset.runs.size(), false);
    std::unordered_set<std::string> ids;
    for (const QString &id : view.selection())
        ids.insert(id.toStdString());
    for (std::size_t i = 0; i < dataset.runs.size(); ++i)
        if (ids.count(dataset.runs[i].id)) mask[i] = true;
    return mask;
}

// A comparison's marks: the runs added (plotted ones), the runs removed where they stood
// and arrows from a moved run's old place to its point.
void addComparison(ChartScene &scene, const compute::Dataset &dataset, const ComparisonMarks &marks,
                   double unitShift)
{
    if (marks.isEmpty()) return;
    auto place = [unitShift](const ComparedPoint &p) {
        return ScenePoint{-1, keyOfX(p.x), std::pow(10.0, p.log10Flop + unitShift), p.log10Flop};
    };
    for (const ComparedPoint &p : marks.removed)
        scene.removed.append(place(p));
    if (marks.added.isEmpty() && marks.moved.isEmpty()) return;
    std::unordered_map<std::string, int> pointOfId;
    for (qsizetype i = 0; i < scene.points.size(); ++i) {
        const ScenePoint &p = scene.points.at(i);
        const std::string &id = dataset.runs[static_cast<std::size_t>(p.run)].id;
        if (marks.added.contains(QString::fromStdString(id)))
            scene.added.append(p);
        else if (!marks.moved.isEmpty())
            pointOfId.emplace(id, static_cast<int>(i));
    }
    for (const ComparisonMarks::Move &move : marks.moved) {
        const auto it = pointOfId.find(move.runId.toStdString());
        if (it == pointOfId.end()) continue; // not plotted now (filtered out)
        const ScenePoint &to = scene.points[it->second];
        const ScenePoint from = place(move.from);
        scene.moved.append({to.run, from.key, from.value, to.key, to.value});
    }
}

// Projection fan, reference lines and marked runs (ViewState::overlays()).
void addOverlays(ChartScene &scene, const compute::Dataset &dataset, const TrendModel &trends,
                 const ViewState &view, double unitShift)
{
    const ChartOverlays &overlays = view.overlays();
    auto value = [unitShift](double log10Flop) { return std::pow(10.0, log10Flop + unitShift); };
    const compute::FitCache &cache = trends.cache();
    const bool dated = scene.axes.dated();

    // On log-log axes: the known relations between the two quantities (Chinchilla).
    for (const compute::KnownRelation &relation : compute::knownRelations(scene.axes)) {
        if (scene.points.isEmpty()) break;
        SceneLine drawn;
        drawn.label = QString::fromStdString(relation.label);
        drawn.color = QColor(0x55, 0x55, 0x55);
        const double margin = 0.05 * std::max(1.0, scene.maxKey - scene.minKey);
        for (double key : {scene.minKey - margin, scene.maxKey + margin}) {
            drawn.keys << key;
            drawn.values << value(relation.log10At(key));
        }
        scene.referenceLines.append(drawn);
    }
    if (!dated) return; // projections, doubling lines and vintages are along the date

    if (const auto era = trends.era(overlays.projectionEra); era && overlays.projectToYear > 0) {
        const compute::TrendFit fit = trends.fit(overlays.projectionEra);
        const auto range = cache.xRange(*era);
        const double to = xOfKey(overlays.projectToYear);
        if (fit.ok() && range && to > range->second) {
            SceneFan fan;
            fan.era = overlays.projectionEra;
            fan.color = QColor(QString::fromStdString(era->color)).darker(140);
            for (const compute::FanPoint &p : compute::projectionFan(fit, range->second, to, 60)) {
                fan.keys << keyOfX(p.x);
                fan.values << value(p.log10Flop);
                fan.meanLow << value(p.meanLow);
                fan.meanHigh << value(p.meanHigh);
                fan.predictionLow << value(p.predictionLow);
                fan.predictionHigh << value(p.predictionHigh);
            }
            scene.fans.append(fan);
        }
    }

    const double spanFrom = scene.points.isEmpty() ? 1950 : scene.minKey;
    const double spanTo =
        std::max(scene.points.isEmpty() ? 2030 : scene.maxKey, overlays.projectToYear);
    const bool computeAgainstDate = scene.axes == compute::Axes{};
    for (const ReferenceLineSpec &spec : overlays.referenceLines) {
        if (!computeAgainstDate) break; // a doubling of compute, through a run's compute
        const compute::TrainingRun *anchor = dataset.findRun(spec.anchorRunId.toStdString());
        if (!anchor) continue;
        const auto line = compute::referenceLineThrough(*anchor, spec.months);
        if (!line) continue;
        SceneLine drawn;
        drawn.label = QStringLiteral("%1-month doubling through %2")
                          .arg(significant(spec.months, 3), QString::fromStdString(anchor->name));
        drawn.color = QColor(0x55, 0x55, 0x55);
        for (double key : {spanFrom, spanTo}) {
            drawn.keys << key;
            drawn.values << value(line->log10At(xOfKey(key)));
        }
        scene.referenceLines.append(drawn);
    }

    if (!overlays.markedRuns.isEmpty()) {
        scene.markedLabel = overlays.markedLabel;
        for (const ScenePoint &p : scene.points)
            if (overlays.markedRuns.contains(
                    QString::fromStdString(dataset.runs[static_cast<std::size_t>(p.run)].id)))
                scene.marked.append(p);
    }
    if (computeAgainstDate) addComparison(scene, dataset, overlays.comparison, unitShift);
}

// The unit applies to compute on y; other quantities are drawn in their own unit.
double unitShiftOf(const ChartScene &scene)
{
    return scene.units == compute::ComputeUnit::Flop || scene.axes.y != compute::Quantity::Compute
               ? 0.0
               : -std::log10(compute::kFlopPerPfsDay);
}

double unitScaleOf(const ChartScene &scene)
{
    return std::pow(10.0, unitShiftOf(scene));
}

ScenePoint pointOf(const compute::FitCache &cache, std::uint32_t i, double unitScale, bool dated)
{
    return {static_cast<int>(i), keyOfX(cache.x(i), dated), cache.flop(i) * unitScale,
            cache.log10Flop(i)};
}

void updateExtent(ChartScene &scene)
{
    scene.plotted = static_cast<int>(scene.points.size());
    scene.minKey = scene.maxKey = scene.minValue = scene.maxValue = 0;
    if (scene.points.isEmpty()) return;
    const auto [minK, maxK] =
        std::minmax_element(scene.points.begin(), scene.points.end(),
                            [](const ScenePoint &a, const ScenePoint &b) { return a.key < b.key; });
    const auto [minV, maxV] = std::minmax_element(
        scene.points.begin(), scene.points.end(),
        [](const ScenePoint &a, const ScenePoint &b) { return a.value < b.value; });
    scene.minKey = minK->key;
    scene.maxKey = maxK->key;
    scene.minValue = minV->value;
    scene.maxValue = maxV->value;
}

// Points, their groups, the selection and the extent.
void buildPoints(ChartScene &scene, const compute::Dataset &dataset, const TrendModel &trends,
                 const ViewState &view, const CategoryPalette &palette)
{
    const compute::FitCache &cache = trends.cache();
    const double unitScale = unitScaleOf(scene);

    // Group points by (domain group, method, upper bound); one graph each. Everything
    // comes from the cache's compact arrays: no string or run access per point. One pass
    // in date order reads each run's values once (the reads are scattered, so they are
    // the cost) into a sequential buffer; a second pass moves each point into its
    // group's slice, which therefore comes out sorted by date.
    const std::vector<bool> selected = selectedRuns(dataset, view);
    // By domain, the cache's domain index gives the group without a look at the run.
    const bool byDomain = palette.category() == compute::RunCategory::Domain;
    std::vector<int> domainGroup; // cache domain index -> palette group index (-1 unknown)
    const auto paletteGroupOfDomain = [&](std::uint16_t domain) {
        if (domain >= domainGroup.size()) domainGroup.resize(domain + 1u, -1);
        if (domainGroup[domain] < 0) {
            const QString group = palette.groupOf(QString::fromStdString(cache.domainName(domain)));
            domainGroup[domain] = static_cast<int>(palette.groups().indexOf(group));
        }
        return domainGroup[domain];
    };
    std::vector<int> groupOfKey; // packed key -> group number (-1: none yet)
    std::vector<int> groupOfPoint;
    std::vector<ScenePoint> inDateOrder;
    std::vector<int> counts;
    const std::size_t n = std::min(cache.size(), dataset.runs.size());
    groupOfPoint.reserve(cache.dateOrder().size());
    inDateOrder.reserve(cache.dateOrder().size());
    const std::vector<std::uint32_t> &dateOrder = cache.dateOrder();
    constexpr std::size_t kAhead = 12; // runs prefetched ahead of the one read
    for (std::size_t k = 0; k < dateOrder.size(); ++k) {
        if (k + kAhead < dateOrder.size()) cache.prefetch(dateOrder[k + kAhead]);
        const std::uint32_t i = dateOrder[k];
        if (i >= n || !cache.isAccepted(i)) continue;
        const int colour = byDomain ? paletteGroupOfDomain(cache.domainIndex(i))
                                    : palette.groupIndexOf(dataset.runs[i]);
        const compute::EstimateMethod method = cache.method(i);
        const bool upper = cache.isUpperBound(i);
        const int key = (colour * 8 + static_cast<int>(method)) * 2 + (upper ? 1 : 0);
        if (static_cast<std::size_t>(key) >= groupOfKey.size())
            groupOfKey.resize(static_cast<std::size_t>(key) + 1, -1);
        int &group = groupOfKey[static_cast<std::size_t>(key)];
        if (group < 0) {
            ScenePointGroup g;
            g.colorGroup = palette.groups().value(colour, CategoryPalette::otherGroup());
            g.color = palette.colorOf(g.colorGroup);
            g.method = method;
            g.upperBound = upper;
            scene.groups.append(g);
            counts.push_back(0);
            group = static_cast<int>(scene.groups.size() - 1);
        }
        ++counts[static_cast<std::size_t>(group)];
        groupOfPoint.push_back(group);
        const ScenePoint point = pointOf(cache, i, unitScale, scene.axes.dated());
        inDateOrder.push_back(point);
        if (!selected.empty() && selected[i]) scene.selected.append(point);
    }
    // Stable legend order: by palette group, then method; slices follow that order.
    std::vector<int> order(static_cast<std::size_t>(scene.groups.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const ScenePointGroup &ga = scene.groups[a], &gb = scene.groups[b];
        const auto pa = palette.groups().indexOf(ga.colorGroup);
        const auto pb = palette.groups().indexOf(gb.colorGroup);
        if (pa != pb) return pa < pb;
        if (ga.method != gb.method) return ga.method < gb.method;
        return ga.upperBound < gb.upperBound;
    });
    QVector<ScenePointGroup> sorted;
    std::vector<int> cursor(order.size());
    int offset = 0;
    for (int g : order) {
        ScenePointGroup group = scene.groups[g];
        group.begin = offset;
        offset += counts[static_cast<std::size_t>(g)];
        group.end = offset;
        cursor[static_cast<std::size_t>(g)] = group.begin;
        sorted.append(group);
    }
    scene.groups = std::move(sorted);
    scene.points.resize(offset);
    scene.pointOfRun.assign(dataset.runs.size(), -1);
    ScenePoint *points = scene.points.data();
    for (std::size_t p = 0; p < inDateOrder.size(); ++p) {
        const int at = cursor[static_cast<std::size_t>(groupOfPoint[p])]++;
        points[at] = inDateOrder[p];
        scene.pointOfRun[static_cast<std::size_t>(inDateOrder[p].run)] = at;
    }
    updateExtent(scene);
}

// The group run i belongs in, or -1 when the scene has none like it.
int groupFor(const ChartScene &scene, const compute::Dataset &dataset,
             const compute::FitCache &cache, std::size_t i, const CategoryPalette &palette)
{
    const QString group =
        palette.category() == compute::RunCategory::Domain
            ? palette.groupOf(QString::fromStdString(cache.domainName(cache.domainIndex(i))))
            : palette.groups().value(palette.groupIndexOf(dataset.runs[i]),
                                     CategoryPalette::otherGroup());
    const compute::EstimateMethod method = cache.method(i);
    const bool upper = cache.isUpperBound(i);
    for (int g = 0; g < scene.groups.size(); ++g) {
        const ScenePointGroup &candidate = scene.groups[g];
        if (candidate.method == method && candidate.upperBound == upper &&
            candidate.colorGroup == group)
            return g;
    }
    return -1;
}

int groupAt(const ChartScene &scene, int position)
{
    for (int g = 0; g < scene.groups.size(); ++g)
        if (position >= scene.groups[g].begin && position < scene.groups[g].end) return g;
    return -1;
}

// Moves run i's point to where a full build would put it. False when that needs a
// group the scene does not have, or empties one.
bool patchPoint(ChartScene &scene, std::size_t i, const compute::Dataset &dataset,
                const compute::FitCache &cache, const CategoryPalette &palette, bool selected)
{
    if (scene.pointOfRun.size() != dataset.runs.size() || cache.size() != dataset.runs.size() ||
        i >= dataset.runs.size())
        return false;
    const int oldAt = scene.pointOfRun[i];
    const bool plotted = cache.isPlottable(i) && cache.isAccepted(i);
    const int newGroup = plotted ? groupFor(scene, dataset, cache, i, palette) : -1;
    if (plotted && newGroup < 0) return false;
    const int oldGroup = oldAt >= 0 ? groupAt(scene, oldAt) : -1;
    if (oldAt >= 0 &&
        (oldGroup < 0 || (scene.groups[oldGroup].size() == 1 && oldGroup != newGroup)))
        return false;

    if (oldAt >= 0) {
        scene.points.remove(oldAt);
        for (int g = oldGroup; g < scene.groups.size(); ++g) {
            if (g > oldGroup) --scene.groups[g].begin;
            --scene.groups[g].end;
        }
        scene.pointOfRun[i] = -1;
    }
    int position = -1;
    if (plotted) {
        const ScenePoint point =
            pointOf(cache, static_cast<std::uint32_t>(i), unitScaleOf(scene), scene.axes.dated());
        const ScenePointGroup &group = scene.groups[newGroup];
        // After points of the same date, as the cache's date order puts an edited run.
        const auto at = std::upper_bound(
            scene.points.begin() + group.begin, scene.points.begin() + group.end, point.key,
            [](double key, const ScenePoint &p) { return key < p.key; });
        position = static_cast<int>(at - scene.points.begin());
        scene.points.insert(position, point);
        for (int g = newGroup; g < scene.groups.size(); ++g) {
            if (g > newGroup) ++scene.groups[g].begin;
            ++scene.groups[g].end;
        }
    }
    // Points between the old and the new place moved by one.
    const int last = static_cast<int>(scene.points.size()) - 1;
    if (oldAt >= 0 || position >= 0) {
        const int low = oldAt < 0 ? position : position < 0 ? oldAt : std::min(oldAt, position);
        const int high = oldAt < 0 || position < 0 ? last : std::max(oldAt, position);
        for (int p = low; p <= high; ++p)
            scene.pointOfRun[static_cast<std::size_t>(scene.points[p].run)] = p;
    }

    scene.selected.removeIf([i](const ScenePoint &p) { return p.run == static_cast<int>(i); });
    if (plotted && selected) scene.selected.append(scene.points[position]);
    return true;
}

// Everything but the points: era bands, fits, projection, reference lines, marks.
void buildDecorations(ChartScene &scene, const compute::Dataset &dataset, const TrendModel &trends,
                      const ViewState &view)
{
    scene.bands.clear();
    scene.fits.clear();
    scene.fans.clear();
    scene.referenceLines.clear();
    scene.marked.clear();
    scene.markedLabel.clear();
    scene.added.clear();
    scene.removed.clear();
    scene.moved.clear();
    const double unitShift = scene.log10Offset;
    const bool dated = scene.axes.dated();
    const std::vector<compute::Era> eras = trends.eras();
    for (std::size_t e = 0; e < eras.size() && dated; ++e) { // eras are dates
        const compute::Era &era = eras[e];
        SceneBand band;
        band.era = static_cast<int>(e);
        band.name = QString::fromStdString(era.name);
        band.color = QColor(QString::fromStdString(era.color));
        band.from = era.from ? keyOfX(era.from->yearsSinceEpoch()) : -INFINITY;
        band.to = era.to ? keyOfX(era.to->yearsSinceEpoch()) : INFINITY;
        scene.bands.append(band);
    }

    const auto &fits = trends.tickedFits();
    QList<int> ticked = fits.keys();
    std::sort(ticked.begin(), ticked.end());
    for (int e : ticked) {
        if (e < 0 || e >= static_cast<int>(eras.size())) continue;
        const compute::TrendFit &fit = fits.value(e);
        SceneFit f;
        f.era = e;
        f.eraName = QString::fromStdString(eras[static_cast<std::size_t>(e)].name);
        f.color =
            QColor(QString::fromStdString(eras[static_cast<std::size_t>(e)].color)).darker(140);
        f.ok = fit.ok();
        // The slope's 95% interval includes 0: the trend may be flat or falling, and
        // the band of the line is no information worth a wedge over the plot.
        f.unbounded = fit.ok() && !(fit.slopeCiLow > 0 || fit.slopeCiHigh < 0);
        f.annotation = f.eraName + QStringLiteral(": ") +
                       describeEraFit(eras[static_cast<std::size_t>(e)], fit, scene.axes);
        f.brief = f.eraName + QStringLiteral(": ") + briefFit(fit, scene.axes);
        for (QString *text : {&f.annotation, &f.brief}) {
            if (f.unbounded) *text += QStringLiteral(" · 95% interval unbounded");
            if (scene.filtered) *text += QStringLiteral(" · filtered runs");
        }
        if (fit.ok()) {
            // The line spans the runs it was fitted to.
            const auto range = trends.tickedRange(e);
            const double lo = range ? range->first : 0, hi = range ? range->second : 0;
            for (int s = 0; s < kFitSamples; ++s) {
                const double x = lo + (hi - lo) * s / (kFitSamples - 1);
                f.keys.append(keyOfX(x, dated));
                f.values.append(std::pow(10.0, fit.predictLog10(x) + unitShift));
                if (f.unbounded) continue;
                const compute::Interval ci = fit.meanCi95Log10(x);
                f.bandKeys.append(keyOfX(x, dated));
                f.low.append(std::pow(10.0, *ci.low + unitShift));
                f.high.append(std::pow(10.0, *ci.high + unitShift));
            }
        }
        scene.fits.append(f);
    }
    addOverlays(scene, dataset, trends, view, unitShift);
}

} // namespace

ChartScene buildChartScene(const compute::Dataset &dataset, const TrendModel &trends,
                           const ViewState &view, const CategoryPalette &palette)
{
    ChartScene scene;
    scene.axes = trends.cache().axes();
    scene.units = view.units();
    scene.filtered = view.filter().narrows();
    scene.colorTitle = palette.title();
    // log10 of a value in the chosen unit = log10 FLOP + log10Offset.
    scene.log10Offset = unitShiftOf(scene);
    buildPoints(scene, dataset, trends, view, palette);
    buildDecorations(scene, dataset, trends, view);
    return scene;
}

bool updateChartScene(ChartScene &scene, const std::vector<std::size_t> &changedRuns,
                      const compute::Dataset &dataset, const TrendModel &trends,
                      const ViewState &view, const CategoryPalette &palette)
{
    if (scene.units != view.units() || scene.filtered != view.filter().narrows() ||
        scene.axes != trends.cache().axes())
        return false;
    // The extent only grows, unless a point that defined it moved.
    bool extentMoved = scene.points.isEmpty();
    for (std::size_t i : changedRuns) {
        if (i < scene.pointOfRun.size() && scene.pointOfRun[i] >= 0) {
            const ScenePoint &old = scene.points[scene.pointOfRun[i]];
            extentMoved = extentMoved || old.key <= scene.minKey || old.key >= scene.maxKey ||
                          old.value <= scene.minValue || old.value >= scene.maxValue;
        }
        const bool selected = i < dataset.runs.size() &&
                              view.selection().contains(QString::fromStdString(dataset.runs[i].id));
        if (!patchPoint(scene, i, dataset, trends.cache(), palette, selected)) return false;
    }
    if (extentMoved || scene.points.isEmpty()) {
        updateExtent(scene);
    } else {
        scene.plotted = static_cast<int>(scene.points.size());
        for (std::size_t i : changedRuns) {
            if (scene.pointOfRun[i] < 0) continue;
            const ScenePoint &p = scene.points[scene.pointOfRun[i]];
            scene.minKey = std::min(scene.minKey, p.key);
            scene.maxKey = std::max(scene.maxKey, p.key);
            scene.minValue = std::min(scene.minValue, p.value);
            scene.maxValue = std::max(scene.maxValue, p.value);
        }
    }
    buildDecorations(scene, dataset, trends, view);
    return true;
}

} // namespace app
