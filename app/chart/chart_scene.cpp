#include "app/chart/chart_scene.h"

#include "app/chart/domain_palette.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/dataset.h"

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

    // Group points by (domain group, method, upper bound); one graph each. Keys are
    // small integers so 100,000 runs group without string work per run.
    std::unordered_map<std::string, int> domainGroup; // run.domain -> palette group index
    std::unordered_map<int, int> groupIndex;          // packed key -> scene.groups index
    std::unordered_set<std::string> selectedIds;
    for (const QString &id : view.selection()) selectedIds.insert(id.toStdString());
    const std::size_t n = std::min(cache.size(), dataset.runs.size());
    scene.points.reserve(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i) {
        if (!cache.isPlottable(i) || !cache.isAccepted(i)) continue;
        const compute::TrainingRun &run = dataset.runs[i];
        auto d = domainGroup.find(run.domain);
        if (d == domainGroup.end()) {
            const QString group = palette.groupOf(QString::fromStdString(run.domain));
            d = domainGroup.emplace(run.domain, static_cast<int>(palette.groups().indexOf(group))).first;
        }
        const compute::EstimateMethod method = run.primaryEstimate()->method();
        const int key = (d->second * 8 + static_cast<int>(method)) * 2 + (run.upperBound ? 1 : 0);
        auto it = groupIndex.find(key);
        if (it == groupIndex.end()) {
            ScenePointGroup g;
            g.domainGroup = palette.groups().value(d->second, DomainPalette::otherGroup());
            g.color = palette.colorOf(g.domainGroup);
            g.method = method;
            g.upperBound = run.upperBound;
            scene.groups.append(g);
            it = groupIndex.emplace(key, static_cast<int>(scene.groups.size() - 1)).first;
        }
        const double x = keyOfX(cache.x(i));
        const double value = std::pow(10.0, cache.log10Flop(i) + unitShift);
        ScenePointGroup &g = scene.groups[it->second];
        g.keys.append(x);
        g.values.append(value);
        g.runs.append(static_cast<int>(i));
        const ScenePoint point{static_cast<int>(i), x, value, cache.log10Flop(i)};
        scene.points.append(point);
        if (!selectedIds.empty() && selectedIds.count(run.id)) scene.selected.append(point);
    }
    scene.plotted = static_cast<int>(scene.points.size());

    // Graph data must be sorted by key.
    for (ScenePointGroup &g : scene.groups) {
        std::vector<int> order(static_cast<std::size_t>(g.keys.size()));
        std::iota(order.begin(), order.end(), 0);
        if (!std::is_sorted(g.keys.begin(), g.keys.end())) {
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return g.keys[a] < g.keys[b]; });
            ScenePointGroup sorted = g;
            for (std::size_t k = 0; k < order.size(); ++k) {
                sorted.keys[static_cast<qsizetype>(k)] = g.keys[order[k]];
                sorted.values[static_cast<qsizetype>(k)] = g.values[order[k]];
                sorted.runs[static_cast<qsizetype>(k)] = g.runs[order[k]];
            }
            g = std::move(sorted);
        }
    }
    // Stable legend order: by palette group, then method.
    std::stable_sort(scene.groups.begin(), scene.groups.end(), [&](const auto &a, const auto &b) {
        const auto ga = palette.groups().indexOf(a.domainGroup);
        const auto gb = palette.groups().indexOf(b.domainGroup);
        if (ga != gb) return ga < gb;
        if (a.method != b.method) return a.method < b.method;
        return a.upperBound < b.upperBound;
    });

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
            const compute::FitPoints pts = cache.points(eras[static_cast<std::size_t>(e)]);
            const auto [lo, hi] = std::minmax_element(pts.x.begin(), pts.x.end());
            for (int s = 0; s < kFitSamples; ++s) {
                const double x = *lo + (*hi - *lo) * s / (kFitSamples - 1);
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
    return scene;
}

} // namespace app
