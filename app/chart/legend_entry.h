// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace app {

// A marker's shape: the estimation method of a run, or an upper bound.
enum class MarkerShape { Disc, Square, Diamond, Triangle, TriangleDown, Ring };

// One entry of the chart's legend: a swatch (a marker, a line, or a line over its band)
// and its text, in one of the legend's groups. Only what the chart draws gets one.
struct LegendEntry {
    enum class Group { Domain, Method, Trend, Overlay };
    enum class Swatch { Marker, Line, LineWithBand, Band };
    Group group = Group::Domain;
    Swatch swatch = Swatch::Marker;
    QString text;
    // A shorter text for when the legend is short of room (a trend without its rule and
    // R²); empty: the same as `text`.
    QString briefText;
    // The group's heading when not the usual one: the category the points are coloured
    // by ("Country") for Group::Domain.
    QString heading;
    QColor color;
    MarkerShape shape = MarkerShape::Disc; // markers
    bool hollow = false;                   // an upper bound: outline only
    Qt::PenStyle penStyle = Qt::SolidLine; // lines
    int bandAlpha = 45;                    // LineWithBand and Band

    bool operator==(const LegendEntry &) const = default;
};

} // namespace app
