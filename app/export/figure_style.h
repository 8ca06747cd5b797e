// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/chart/chart_look.h"
#include "app/chart/chart_renderer.h"
#include "core/model/date.h"
#include "core/model/units.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace app {

// How a figure looks and, for some styles, what it shows. A figure is laid out at the
// style's width (report: 6.5 inches, one column of a report) and scaled to the size
// asked for, so its text reads the same at every size: at least 9 pt when a report
// figure is printed 6.5 inches wide.
struct FigureStyle {
    QString key;              // as the command line spells it: "report"
    QString name;             // as the dialog shows it: "Report"
    QString description;      // one line
    double layoutWidth = 624; // logical pixels (96 per inch)
    ChartLook look;
    bool eraBands = true;
    int maxLabels = 120;
    LabelPriority labelPriority = LabelPriority::LargestCompute;
    // What the style shows, unless the command line says otherwise (--units, --from
    // and --to, --era-scheme).
    std::optional<compute::ComputeUnit> units;
    std::optional<compute::Date> from; // with `to`: one trend line, the fit of the runs
    std::optional<compute::Date> to;   // shown in [from, to), which is also the view

    bool setsRange() const { return from && to; }
};

// report (the default), slide, openai-2018.
const std::vector<FigureStyle> &figureStyles();
const FigureStyle &defaultFigureStyle();
// By key, exactly; nullptr for an unknown one.
const FigureStyle *figureStyleNamed(const QString &key);
// The keys and "key: description" lines; these need no QGuiApplication.
QStringList figureStyleKeys();
QString figureStyleHelp();

} // namespace app
