// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/label_layout.h"

#include "app/chart/segment_clip.h"

#include <QVarLengthArray>

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

// Does the segment cross the rectangle?
bool crosses(const QLineF &s, const QRectF &r)
{
    double x0 = s.x1(), y0 = s.y1(), x1 = s.x2(), y1 = s.y2();
    return clipSegment(x0, y0, x1, y1, r.left(), r.right(), r.top(), r.bottom());
}

// Where a label of `size` may go around the point `a`, best first. Beside it: right,
// left, above, below, the four corners, and above or below with an edge at the point.
// Set apart (`apart` > 0, for a leader line): the same directions that far out. Each
// place of a smaller label lies inside the same place of a larger one.
QVarLengthArray<QRectF, 12> placesAround(const QPointF &a, const QSizeF &size, double gap,
                                         double apart = 0)
{
    const double w = size.width(), h = size.height();
    const double g = gap + apart;
    const double d = 0.72 * g; // a corner about `g` away on the diagonal
    QVarLengthArray<QRectF, 12> places{
        QRectF(a.x() + g, a.y() - h / 2, w, h),     // right
        QRectF(a.x() - g - w, a.y() - h / 2, w, h), // left
        QRectF(a.x() - w / 2, a.y() - g - h, w, h), // above
        QRectF(a.x() - w / 2, a.y() + g, w, h),     // below
        QRectF(a.x() + d, a.y() - d - h, w, h),     // above right
        QRectF(a.x() + d, a.y() + d, w, h),         // below right
        QRectF(a.x() - d - w, a.y() - d - h, w, h), // above left
        QRectF(a.x() - d - w, a.y() + d, w, h),     // below left
    };
    if (apart == 0) {
        const double edge = gap - 2;                                  // the point's own half width
        places.append(QRectF(a.x() - edge, a.y() - g - h, w, h));     // above, from the point
        places.append(QRectF(a.x() + edge - w, a.y() - g - h, w, h)); // above, to the point
        places.append(QRectF(a.x() - edge, a.y() + g, w, h));         // below, from the point
        places.append(QRectF(a.x() + edge - w, a.y() + g, w, h));     // below, to the point
    }
    return places;
}

// How far out a label set apart goes, in gaps beyond its place beside the point.
constexpr double kApart[] = {2, 4};

// The labels placed so far, with the grid that finds the ones near a rectangle.
class Layout {
public:
    Layout(const QRectF &bounds, std::span<const QPointF> obstacles, double pointRadius)
        : m_bounds(bounds), m_grid(bounds, 64),
          // Cells a little smaller than a point, so a label may pass between distant points.
          m_points(bounds, std::max(2.0, pointRadius)), m_radius(pointRadius)
    {
        for (const QPointF &p : obstacles) {
            if (!bounds.contains(p)) continue;
            m_points.mark(
                QRectF(p.x() - pointRadius, p.y() - pointRadius, 2 * pointRadius, 2 * pointRadius)
                    .adjusted(1, 1, -1, -1));
        }
    }

    double gap() const { return m_radius + 2; }
    qsizetype size() const { return m_placed.size(); }
    const QVector<PlacedLabel> &placed() const { return m_placed; }

    // Inside the bounds and over no point: a place a label may take if no label is there.
    bool open(const QRectF &r) const { return m_bounds.contains(r) && !m_points.any(r); }
    // Does label `i` (its text or its leader) touch `r`?
    bool hits(qsizetype i, const QRectF &r) const
    {
        const PlacedLabel &l = m_placed[i];
        return l.rect.intersects(r) || (l.leader && crosses(*l.leader, r));
    }
    // The labels in the way of `r`, but for `ignore`; stops after `most`.
    QVarLengthArray<int, 4> blockers(const QRectF &r, int most, qsizetype ignore = -1) const
    {
        QVarLengthArray<int, 4> found;
        m_grid.anyNear(r, [&](int i) {
            if (i != ignore && !found.contains(i) && hits(i, r)) found.append(i);
            return found.size() >= most;
        });
        return found;
    }
    bool free(const QRectF &r, qsizetype ignore = -1) const
    {
        return open(r) && blockers(r, 1, ignore).isEmpty();
    }
    // The first free place of a label of `size` beside `a`.
    std::optional<QRectF> besideFor(const QPointF &a, const QSizeF &size) const
    {
        for (const QRectF &r : placesAround(a, size, gap()))
            if (free(r)) return r;
        return std::nullopt;
    }

    void place(int id, const QPointF &anchor, const QRectF &r,
               std::optional<QLineF> leader = std::nullopt)
    {
        const int index = static_cast<int>(m_placed.size());
        m_placed.append({id, r, leader});
        m_anchors.append(anchor);
        add(index);
    }

    // Makes room for a label at `r` by moving the one label in its way to another
    // place beside its own point; false when that takes more than one move.
    bool makeRoom(const QRectF &r)
    {
        const auto in = blockers(r, 2);
        if (in.isEmpty()) return true;
        if (in.size() > 1 || m_placed[in[0]].leader) return false;
        const int b = in[0];
        for (const QRectF &q : placesAround(m_anchors[b], m_placed[b].rect.size(), gap())) {
            if (q == m_placed[b].rect || q.intersects(r) || !free(q, b)) continue;
            m_placed[b].rect = q; // the grid keeps its old cells too: hits() checks
            add(b);
            return true;
        }
        return false;
    }

    // A place set apart from `a` with a leader line back to it that crosses no label.
    std::optional<std::pair<QRectF, QLineF>> apartFor(const QPointF &a, const QSizeF &size) const
    {
        for (const double apart : kApart)
            for (const QRectF &r : placesAround(a, size, gap(), apart * gap())) {
                if (!free(r)) continue;
                const QLineF leader = leaderTo(a, r);
                const QRectF span =
                    QRectF(leader.p1(), leader.p2()).normalized().adjusted(-1, -1, 1, 1);
                bool clear = true;
                m_grid.anyNear(span, [&](int i) {
                    clear = !crosses(leader, m_placed[i].rect.adjusted(-1, -1, 1, 1));
                    return !clear;
                });
                if (clear) return std::pair{r, leader};
            }
        return std::nullopt;
    }

private:
    void add(int index)
    {
        const PlacedLabel &l = m_placed[index];
        QRectF covered = l.rect;
        if (l.leader) covered |= QRectF(l.leader->p1(), l.leader->p2()).normalized();
        m_grid.add(covered, index);
    }

    // From the edge of the point's marker to the nearest point of the label.
    QLineF leaderTo(const QPointF &a, const QRectF &r) const
    {
        const QPointF nearest(std::clamp(a.x(), r.left(), r.right()),
                              std::clamp(a.y(), r.top(), r.bottom()));
        QLineF line(a, nearest);
        const double length = line.length();
        if (length > m_radius + 1) line.setP1(line.pointAt((m_radius + 1) / length));
        return line;
    }

    QRectF m_bounds;
    Grid m_grid;
    Occupancy m_points;
    double m_radius;
    QVector<PlacedLabel> m_placed;
    QVector<QPointF> m_anchors;
};

} // namespace

QVector<PlacedLabel> layoutLabels(QVector<LabelCandidate> candidates, const QRectF &bounds,
                                  std::span<const QPointF> obstacles, int maxLabels,
                                  double pointRadius, const std::function<QSizeF(int)> &measure)
{
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const LabelCandidate &a, const LabelCandidate &b) { return a.priority > b.priority; });
    Layout layout(bounds, obstacles, pointRadius);
    struct LeftOut {
        LabelCandidate candidate;
        bool measured;
    };
    QVector<LeftOut> leftOut; // in priority order
    for (const LabelCandidate &c : candidates) {
        if (layout.size() >= maxLabels) break;
        if (!bounds.contains(c.anchor)) continue;
        // Each place of a smaller label lies inside the same place of a larger one, so
        // where no small one fits, no larger one does.
        LeftOut next{c, !measure};
        std::optional<QRectF> r = layout.besideFor(c.anchor, c.size);
        if (r && measure) {
            next = {{c.id, c.anchor, measure(c.id), c.priority}, true};
            if (next.candidate.size.isEmpty()) continue;
            r = layout.besideFor(c.anchor, next.candidate.size);
        }
        if (r)
            layout.place(c.id, c.anchor, *r);
        else
            leftOut.append(next);
    }
    // The second pass: the first few of those left out with an open place (in bounds,
    // over no point), most important first.
    constexpr int kRepairs = 48;
    int tried = 0;
    auto anyOpen = [&](const LabelCandidate &c) {
        for (const double apart : {0.0, kApart[0], kApart[1]})
            for (const QRectF &r :
                 placesAround(c.anchor, c.size, layout.gap(), apart * layout.gap()))
                if (layout.open(r)) return true;
        return false;
    };
    for (auto &[c, measured] : leftOut) {
        if (layout.size() >= maxLabels || tried >= kRepairs) break;
        // Where no place is open to the smallest label, none is open to its text.
        if (!anyOpen(c)) continue;
        if (!measured) {
            c.size = measure(c.id);
            if (c.size.isEmpty() || !anyOpen(c)) continue;
        }
        ++tried;
        bool done = false;
        for (const QRectF &r : placesAround(c.anchor, c.size, layout.gap())) {
            if (!layout.open(r) || !layout.makeRoom(r)) continue;
            layout.place(c.id, c.anchor, r);
            done = true;
            break;
        }
        if (done) continue;
        if (const auto apart = layout.apartFor(c.anchor, c.size))
            layout.place(c.id, c.anchor, apart->first, apart->second);
    }
    return layout.placed();
}

} // namespace app
