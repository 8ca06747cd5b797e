// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/era_bands.h"

#include <algorithm>
#include <cmath>

namespace app {

QVector<BandPiece> bandPieces(const QVector<SceneBand> &bands)
{
    QVector<double> cuts;
    for (const SceneBand &b : bands) {
        if (!b.color.isValid() || !(b.to > b.from)) continue;
        cuts << b.from << b.to;
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    QVector<BandPiece> pieces;
    for (qsizetype c = 0; c + 1 < cuts.size(); ++c) {
        const double from = cuts[c], to = cuts[c + 1];
        int owner = -1;
        for (int b = 0; b < bands.size(); ++b) {
            const SceneBand &band = bands[b];
            if (!band.color.isValid() || band.from > from || band.to < to) continue;
            if (owner < 0 || band.from >= bands[owner].from) owner = b;
        }
        if (owner < 0) continue;
        // A piece continuing the previous one of the same era joins it.
        if (!pieces.isEmpty() && pieces.back().band == owner && pieces.back().to == from)
            pieces.back().to = to;
        else
            pieces.append({owner, from, to});
    }
    return pieces;
}

QVector<EraBoundary> eraBoundaries(const QVector<SceneBand> &bands)
{
    QVector<EraBoundary> lines;
    auto add = [&lines, &bands](int band, double key) {
        if (!std::isfinite(key)) return;
        for (EraBoundary &l : lines) {
            if (l.key != key) continue;
            if (bands[band].from == key) l.band = band; // the era starting here
            return;
        }
        lines.append({band, key});
    };
    for (int b = 0; b < bands.size(); ++b) {
        if (!bands[b].color.isValid()) continue;
        add(b, bands[b].from);
        add(b, bands[b].to);
    }
    std::sort(lines.begin(), lines.end(),
              [](const EraBoundary &a, const EraBoundary &b) { return a.key < b.key; });
    return lines;
}

} // namespace app
