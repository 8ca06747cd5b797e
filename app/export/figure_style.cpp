// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/figure_style.h"

namespace app {
namespace {

// Names and descriptions apart from the looks: the command line checks and lists them
// before any font exists (QApplication is made after parsing).
struct StyleName {
    const char *key;
    const char *name;
    const char *description;
};
constexpr StyleName kNames[] = {
    {"report", "Report", "the default: white, light era bands, 9 pt text at 6.5 in wide"},
    {"slide", "Slide", "large text and thick lines, for a projector"},
    {"openai-2018", "OpenAI 2018",
     "OpenAI's 'AI and Compute' look: petaflop/s-days, 2012-2018,\n"
     "  one trend line (the fit of the runs shown), every point labelled"},
};

void name(FigureStyle &s, int index)
{
    s.key = QString::fromLatin1(kNames[index].key);
    s.name = QString::fromLatin1(kNames[index].name);
    s.description = QString::fromLatin1(kNames[index].description);
}

// The figure's font: DejaVu Sans is installed with the app (fonts-dejavu-core), so a
// figure comes out the same on every machine.
QFont figureFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    return font;
}

FigureStyle report()
{
    FigureStyle s;
    name(s, 0);
    s.layoutWidth = 6.5 * 96;
    ChartLook &l = s.look;
    l.font = figureFont();
    l.pixelFonts = true;
    l.tickPt = 9;
    l.axisTitlePt = 10;
    l.legendPt = 9;
    l.labelPt = 9;
    l.eraNamePt = 9;
    l.annotationPt = 9;
    l.titlePt = 13;
    l.citationPt = 9;
    l.markerSize = 6;
    l.markerEdge = 0.9;
    l.fitLineWidth = 1.8;
    l.overlayLineWidth = 1.3;
    l.boundaryWidth = 0.8;
    l.legendMaxFraction = 0.4;
    return s;
}

FigureStyle slide()
{
    FigureStyle s = report();
    name(s, 1);
    // Laid out narrower than a report figure with larger text: text reads from the
    // back of a room when the figure fills a slide.
    s.layoutWidth = 820;
    ChartLook &l = s.look;
    l.tickPt = 14;
    l.axisTitlePt = 15;
    l.legendPt = 13;
    l.labelPt = 12;
    l.eraNamePt = 14;
    l.annotationPt = 13;
    l.titlePt = 20;
    l.citationPt = 11;
    l.markerSize = 10;
    l.markerEdge = 1.4;
    l.fitLineWidth = 3.5;
    l.overlayLineWidth = 2.5;
    l.boundaryWidth = 1.5;
    l.legendHeadings = false;
    l.legendMaxFraction = 0.3;
    s.maxLabels = 24;
    return s;
}

FigureStyle openAi2018()
{
    FigureStyle s = report();
    name(s, 2);
    s.eraBands = false;
    s.maxLabels = 10000;
    s.labelPriority = LabelPriority::LargestAtEachDate;
    s.units = compute::ComputeUnit::PfsDays;
    s.from = compute::Date(2012, 1, 1);
    s.to = compute::Date(2019, 1, 1);
    return s;
}

} // namespace

const std::vector<FigureStyle> &figureStyles()
{
    static const std::vector<FigureStyle> styles{report(), slide(), openAi2018()};
    return styles;
}

const FigureStyle &defaultFigureStyle()
{
    return figureStyles().front();
}

const FigureStyle *figureStyleNamed(const QString &key)
{
    for (const FigureStyle &style : figureStyles())
        if (style.key == key) return &style;
    return nullptr;
}

QStringList figureStyleKeys()
{
    QStringList keys;
    for (const StyleName &n : kNames)
        keys << QString::fromLatin1(n.key);
    return keys;
}

QString figureStyleHelp()
{
    QString text;
    for (const StyleName &n : kNames)
        text += QStringLiteral("%1: %2\n")
                    .arg(QString::fromLatin1(n.key), QString::fromLatin1(n.description));
    return text;
}

} // namespace app
