// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_scene.h"

#include <QColor>
#include <QVector>

namespace app {

// A stretch of the x axis filled in one era's colour. Pieces never overlap, so where
// eras overlap the figure is tinted once, never darker.
struct BandPiece {
    int band = -1; // index into the bands given
    double from = 0;
    double to = 0;
};

// A thin line where an era starts or ends, in that era's colour.
struct EraBoundary {
    int band = -1;
    double key = 0;
};

// The bands cut at every boundary; each piece takes the era that starts latest among
// those covering it (an era inside another shows as its own tint). Bands without a
// valid colour are left out. Open ends are +-infinity and stay so.
QVector<BandPiece> bandPieces(const QVector<SceneBand> &bands);

// Each finite boundary once: two eras that meet at a date share one line (the later
// era's colour).
QVector<EraBoundary> eraBoundaries(const QVector<SceneBand> &bands);

} // namespace app
