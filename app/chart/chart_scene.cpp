#include "app/chart/chart_scene.h"

#include "app/chart/domain_palette.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/dataset.h"
#include "core/projection.h"
#include "core/reference_lines.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace app {
namespace {

constexpr int kFitSamples = 48;

QString number(double value, int significant)
{
    return QLocale::c().toString(value, 'g', significant);
}

// Dataset indices of the selected runs as a mask (empty when nothing is selected).
std::vector<bool> selectedRuns(const compute::Dataset &dataset, const ViewState &view)
{
    std::vector<bool> mask;
    if (view.selection().isEmpty()) return mask;
    mask.assign(dataset.runs.size(), false);
    std::unordered_set<std::string> ids;
    for (const QString &id : view.selection()) ids.insert(id.toStdString());
    for (std::size_t i = 0; i < dataset.runs.size(); ++i)
        if (ids.count(dataset.runs[i].id)) mask[i] = true;
    return mask;
}

// Projection fan, reference lines and marked runs (ViewState::overlays()).
void addOverlays(ChartScene &scene, const compute::Dataset &dataset, const TrendModel &trends,
                 const ViewState &view, double unitShift)
{
    const ChartOverlays &overlays = view.overlays();
    auto value = [unitShift](double log10Flop) { return std::pow(10.0, log10Flop + unitShift); };
    const compute::FitCache &cache = trends.cache();

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
    const double spanTo = std::max(scene.points.isEmpty() ? 2030 : scene.maxKey, overlays.projectToYear);
    for (const ReferenceLineSpec &spec : overlays.referenceLines) {
        const compute::TrainingRun *anchor = dataset.findRun(spec.anchorRunId.toStdString());
        if (!anchor) continue;
        const auto line = compute::referenceLineThrough(*anchor, spec.months);
        if (!line) continue;
        SceneLine drawn;
        drawn.label = QStringLiteral("%1-month doubling through %2")
                          .arg(QLocale::c().toString(spec.months, 'g', 3), QString::fromStdString(anchor->name));
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
            if (overlays.markedRuns.contains(QString::fromStdString(dataset.runs[static_cast<std::size_t>(p.run)].id)))
                scene.marked.append(p);
    }
}

} // namespace

QString describeFit(const compute::TrendFit &fit)
{
    if (!fit.ok()) return QString::fromStdString(fit.statusMessage());
    const double months = fit.doublingTimeMonths();
    const QString verb = months >= 0 ? QStringLiteral("doubling") : QStringLiteral("halving");
    const int digits = std::fabs(months) < 10 ? 2 : 3;
    return QStringLiteral("%1 every %2 months (×%3/yr, R² %4, n = %5)")
        .arg(verb, number(std::fabs(months), digits), number(fit.growthFactorPerYear(), 3),
             QLocale::c().toString(fit.rSquared, 'f', 2))
        .arg(fit.n);
}

ChartScene buildChartScene(const compute::Dataset &dataset, const TrendModel &trends,
                           const ViewState &view, const DomainPalette &palette)
{
    ChartScene scene;
    scene.units = view.units();
    scene.filtered = view.filter().narrows();
    const compute::FitCache &cache = trends.cache();
    const double unitShift = scene.units == compute::ComputeUnit::Flop
                                 ? 0.0
                                 : -std::log10(compute::kFlopPerPfsDay);
    scene.log10Offset = unitShift;
    const double unitScale = scene.units == compute::ComputeUnit::Flop ? 1.0
                                                                       : 1.0 / compute::kFlopPerPfsDay;

    // Group points by (domain group, method, upper bound); one graph each. Everything
    // comes from the cache's compact arrays: no string or run access per point. One pass
    // in date order reads each run's values once (the reads are scattered, so they are
    // the cost) into a sequential buffer; a second pass moves each point into its
    // group's slice, which therefore comes out sorted by date.
    const std::vector<bool> selected = selectedRuns(dataset, view);
    std::vector<int> domainGroup; // cache domain index -> palette group index (-1 unknown)
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
        const std::uint16_t domain = cache.domainIndex(i);
        if (domain >= domainGroup.size()) domainGroup.resize(domain + 1u, -1);
        if (domainGroup[domain] < 0) {
            const QString group = palette.groupOf(QString::fromStdString(cache.domainName(domain)));
            domainGroup[domain] = static_cast<int>(palette.groups().indexOf(group));
        }
        const compute::EstimateMethod method = cache.method(i);
        const bool upper = cache.isUpperBound(i);
        const int key = (domainGroup[domain] * 8 + static_cast<int>(method)) * 2 + (upper ? 1 : 0);
        if (static_cast<std::size_t>(key) >= groupOfKey.size()) groupOfKey.resize(static_cast<std::size_t>(key) + 1, -1);
        int &group = groupOfKey[static_cast<std::size_t>(key)];
        if (group < 0) {
            ScenePointGroup g;
            g.domainGroup = palette.groups().value(domainGroup[domain], DomainPalette::otherGroup());
            g.color = palette.colorOf(g.domainGroup);
            g.method = method;
            g.upperBound = upper;
            scene.groups.append(g);
            counts.push_back(0);
            group = static_cast<int>(scene.groups.size() - 1);
        }
        ++counts[static_cast<std::size_t>(group)];
        groupOfPoint.push_back(group);
        const ScenePoint point{static_cast<int>(i), keyOfX(cache.x(i)), cache.flop(i) * unitScale,
                               cache.log10Flop(i)};
        inDateOrder.push_back(point);
        if (!selected.empty() && selected[i]) scene.selected.append(point);
    }
    // Stable legend order: by palette group, then method; slices follow that order.
    std::vector<int> order(static_cast<std::size_t>(scene.groups.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const ScenePointGroup &ga = scene.groups[a], &gb = scene.groups[b];
        const auto pa = palette.groups().indexOf(ga.domainGroup);
        const auto pb = palette.groups().indexOf(gb.domainGroup);
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
    ScenePoint *points = scene.points.data();
    for (std::size_t p = 0; p < inDateOrder.size(); ++p)
        points[cursor[static_cast<std::size_t>(groupOfPoint[p])]++] = inDateOrder[p];
    scene.plotted = static_cast<int>(scene.points.size());

    if (!scene.points.isEmpty()) {
        const auto [minK, maxK] = std::minmax_element(
            scene.points.begin(), scene.points.end(),
            [](const ScenePoint &a, const ScenePoint &b) { return a.key < b.key; });
        const auto [minV, maxV] = std::minmax_element(
            scene.points.begin(), scene.points.end(),
            [](const ScenePoint &a, const ScenePoint &b) { return a.value < b.value; });
        scene.minKey = minK->key;
        scene.maxKey = maxK->key;
        scene.minValue = minV->value;
        scene.maxValue = maxV->value;
    }

    const std::vector<compute::Era> eras = trends.eras();
    for (std::size_t e = 0; e < eras.size(); ++e) {
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
        f.color = QColor(QString::fromStdString(eras[static_cast<std::size_t>(e)].color)).darker(140);
        f.ok = fit.ok();
        f.annotation = f.eraName + QStringLiteral(": ") + describeFit(fit);
        if (scene.filtered) f.annotation += QStringLiteral(" · filtered runs");
        if (fit.ok()) {
            // The line spans the runs it was fitted to.
            const auto range = cache.xRange(eras[static_cast<std::size_t>(e)]);
            const double lo = range ? range->first : 0, hi = range ? range->second : 0;
            for (int s = 0; s < kFitSamples; ++s) {
                const double x = lo + (hi - lo) * s / (kFitSamples - 1);
                const compute::Interval ci = fit.meanCi95Log10(x);
                f.keys.append(keyOfX(x));
                f.bandKeys.append(keyOfX(x));
                f.values.append(std::pow(10.0, fit.predictLog10(x) + unitShift));
                f.low.append(std::pow(10.0, *ci.low + unitShift));
                f.high.append(std::pow(10.0, *ci.high + unitShift));
            }
        }
        scene.fits.append(f);
    }
    addOverlays(scene, dataset, trends, view, unitShift);
    return scene;
}

} // namespace app
