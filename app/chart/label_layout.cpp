#include "app/chart/label_layout.h"

#include <algorithm>

namespace app {
namespace {

// Coarse grid over the plot so overlap tests only look at nearby labels and points.
class Grid {
public:
    Grid(const QRectF &bounds, double cell) : m_bounds(bounds), m_cell(cell)
    {
        m_cols = std::max(1, static_cast<int>(bounds.width() / cell) + 1);
        m_rows = std::max(1, static_cast<int>(bounds.height() / cell) + 1);
        m_cells.resize(m_cols * m_rows);
    }

    template <typename F>
    bool anyNear(const QRectF &r, F &&hit) const
    {
        const auto [c0, r0, c1, r1] = span(r);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                for (int i : m_cells[y * m_cols + x])
                    if (hit(i)) return true;
        return false;
    }

    void add(const QRectF &r, int index)
    {
        const auto [c0, r0, c1, r1] = span(r);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x) m_cells[y * m_cols + x].append(index);
    }

private:
    std::tuple<int, int, int, int> span(const QRectF &r) const
    {
        auto col = [&](double px) {
            return std::clamp(static_cast<int>((px - m_bounds.left()) / m_cell), 0, m_cols - 1);
        };
        auto row = [&](double py) {
            return std::clamp(static_cast<int>((py - m_bounds.top()) / m_cell), 0, m_rows - 1);
        };
        return {col(r.left()), row(r.top()), col(r.right()), row(r.bottom())};
    }

    QRectF m_bounds;
    double m_cell;
    int m_cols = 1, m_rows = 1;
    QVector<QVector<int>> m_cells;
};

} // namespace

QVector<PlacedLabel> layoutLabels(QVector<LabelCandidate> candidates, const QRectF &bounds,
                                  const QVector<QPointF> &obstacles, int maxLabels,
                                  double pointRadius)
{
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate &a, const LabelCandidate &b) {
                         return a.priority > b.priority;
                     });
    QVector<PlacedLabel> placed;
    Grid labels(bounds, 64);
    Grid points(bounds, 32);
    QVector<QRectF> pointRects;
    pointRects.reserve(obstacles.size());
    for (const QPointF &p : obstacles) {
        if (!bounds.contains(p)) continue;
        const QRectF r(p.x() - pointRadius, p.y() - pointRadius, 2 * pointRadius, 2 * pointRadius);
        points.add(r, static_cast<int>(pointRects.size()));
        pointRects.append(r);
    }
    const double gap = pointRadius + 2;
    for (const LabelCandidate &c : candidates) {
        if (placed.size() >= maxLabels) break;
        if (!bounds.contains(c.anchor)) continue;
        const double w = c.size.width(), h = c.size.height();
        const QPointF a = c.anchor;
        const QRectF options[] = {
            QRectF(a.x() + gap, a.y() - h / 2, w, h),     // right
            QRectF(a.x() - gap - w, a.y() - h / 2, w, h), // left
            QRectF(a.x() - w / 2, a.y() - gap - h, w, h), // above
            QRectF(a.x() - w / 2, a.y() + gap, w, h),     // below
        };
        for (const QRectF &r : options) {
            if (!bounds.contains(r)) continue;
            const bool overlapsLabel = labels.anyNear(
                r, [&](int i) { return placed[i].rect.intersects(r); });
            if (overlapsLabel) continue;
            const bool coversPoint =
                points.anyNear(r, [&](int i) { return pointRects[i].intersects(r); });
            if (coversPoint) continue;
            labels.add(r, static_cast<int>(placed.size()));
            placed.append({c.id, r});
            break;
        }
    }
    return placed;
}

} // namespace app
