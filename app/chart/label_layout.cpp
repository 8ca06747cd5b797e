// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/label_layout.h"

#include <algorithm>
#include <cstdint>
#include <optional>

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

    template <typename F> bool anyNear(const QRectF &r, F &&hit) const
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
            for (int x = c0; x <= c1; ++x)
                m_cells[y * m_cols + x].append(index);
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

// Which cells of a coarse pixel grid hold a point: a label may not cover one. Testing a
// rectangle costs its area in cells, however many points the plot has.
class Occupancy {
public:
    Occupancy(const QRectF &bounds, double cell) : m_bounds(bounds), m_cell(cell)
    {
        m_cols = std::max(1, static_cast<int>(bounds.width() / cell) + 1);
        m_rows = std::max(1, static_cast<int>(bounds.height() / cell) + 1);
        m_bits.assign(static_cast<std::size_t>(m_cols * m_rows), 0);
    }

    void mark(const QRectF &r)
    {
        forCells(r, [&](std::size_t i) {
            m_bits[i] = 1;
            return false;
        });
    }

    bool any(const QRectF &r) const
    {
        return forCells(r, [&](std::size_t i) { return m_bits[i] != 0; });
    }

private:
    template <typename F> bool forCells(const QRectF &r, F &&f) const
    {
        const int c0 =
            std::clamp(static_cast<int>((r.left() - m_bounds.left()) / m_cell), 0, m_cols - 1);
        const int c1 =
            std::clamp(static_cast<int>((r.right() - m_bounds.left()) / m_cell), 0, m_cols - 1);
        const int r0 =
            std::clamp(static_cast<int>((r.top() - m_bounds.top()) / m_cell), 0, m_rows - 1);
        const int r1 =
            std::clamp(static_cast<int>((r.bottom() - m_bounds.top()) / m_cell), 0, m_rows - 1);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                if (f(static_cast<std::size_t>(y * m_cols + x))) return true;
        return false;
    }

    QRectF m_bounds;
    double m_cell;
    int m_cols = 1, m_rows = 1;
    std::vector<std::uint8_t> m_bits;
};

} // namespace

QVector<PlacedLabel> layoutLabels(QVector<LabelCandidate> candidates, const QRectF &bounds,
                                  std::span<const QPointF> obstacles, int maxLabels,
                                  double pointRadius, const std::function<QSizeF(int)> &measure)
{
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const LabelCandidate &a, const LabelCandidate &b) { return a.priority > b.priority; });
    QVector<PlacedLabel> placed;
    Grid labels(bounds, 64);
    // Cells a little smaller than a point, so a label may pass between distant points.
    Occupancy points(bounds, std::max(2.0, pointRadius));
    for (const QPointF &p : obstacles) {
        if (!bounds.contains(p)) continue;
        points.mark(
            QRectF(p.x() - pointRadius, p.y() - pointRadius, 2 * pointRadius, 2 * pointRadius)
                .adjusted(1, 1, -1, -1));
    }
    const double gap = pointRadius + 2;
    auto placeFor = [&](const QPointF &a, const QSizeF &size) -> std::optional<QRectF> {
        const double w = size.width(), h = size.height();
        const QRectF options[] = {
            QRectF(a.x() + gap, a.y() - h / 2, w, h),     // right
            QRectF(a.x() - gap - w, a.y() - h / 2, w, h), // left
            QRectF(a.x() - w / 2, a.y() - gap - h, w, h), // above
            QRectF(a.x() - w / 2, a.y() + gap, w, h),     // below
        };
        for (const QRectF &r : options) {
            if (!bounds.contains(r)) continue;
            const bool overlapsLabel =
                labels.anyNear(r, [&](int i) { return placed[i].rect.intersects(r); });
            if (!overlapsLabel && !points.any(r)) return r;
        }
        return std::nullopt;
    };
    for (const LabelCandidate &c : candidates) {
        if (placed.size() >= maxLabels) break;
        if (!bounds.contains(c.anchor)) continue;
        // Each option of a smaller label lies inside the same option of a larger one,
        // so where no small one fits, no larger one does.
        std::optional<QRectF> r = placeFor(c.anchor, c.size);
        if (r && measure) {
            const QSizeF size = measure(c.id);
            r = size.isEmpty() ? std::nullopt : placeFor(c.anchor, size);
        }
        if (!r) continue;
        labels.add(*r, static_cast<int>(placed.size()));
        placed.append({c.id, *r});
    }
    return placed;
}

} // namespace app
