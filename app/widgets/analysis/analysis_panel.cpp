// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/analysis_panel.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "core/model/quantity.h"

namespace app {

AnalysisPanel::AnalysisPanel(const AnalysisContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
}

QString AnalysisPanel::unsuitableFor(const compute::Axes &) const
{
    return {};
}

namespace {

QString axesNow(const compute::Axes &axes)
{
    auto title = [](compute::Quantity q) {
        return QString::fromStdString(std::string(compute::quantityTitle(q))).toLower();
    };
    return AnalysisPanel::tr("The chart now shows %1 against %2.")
        .arg(title(axes.y), title(axes.x));
}

} // namespace

QString AnalysisPanel::needsDate(const QString &analysis, const compute::Axes &axes)
{
    if (axes.dated()) return {};
    return tr("%1 follows a trend along the date. %2 Choose Publication date in View > X Axis "
              "to use it.")
        .arg(analysis, axesNow(axes));
}

QString AnalysisPanel::needsComputeAgainstDate(const QString &analysis, const compute::Axes &axes)
{
    if (axes == compute::Axes{}) return {};
    return tr("%1 is about training compute against the date. %2 Choose Training compute in "
              "View > Y Axis and Publication date in View > X Axis to use it.")
        .arg(analysis, axesNow(axes));
}

void AnalysisPanel::editOverlays(const std::function<void(ChartOverlays &)> &edit)
{
    ChartOverlays overlays = m_context.view->overlays();
    edit(overlays);
    m_context.view->setOverlays(overlays);
}

void AnalysisPanel::setMarkedRuns(const QString &label, const QSet<QString> &ids, bool on)
{
    editOverlays([&](ChartOverlays &overlays) {
        if (on) {
            overlays.markedRuns = ids;
            overlays.markedLabel = label;
        } else if (overlays.markedLabel == label) {
            overlays.markedRuns.clear();
            overlays.markedLabel.clear();
        }
    });
}

bool AnalysisPanel::ownsMarks(const QString &label) const
{
    return m_context.view->overlays().markedLabel == label;
}

QString AnalysisPanel::runId(std::size_t index) const
{
    const auto &runs = m_context.document->dataset().runs;
    return index < runs.size() ? QString::fromStdString(runs[index].id) : QString();
}

QString AnalysisPanel::runName(std::size_t index) const
{
    const auto &runs = m_context.document->dataset().runs;
    return index < runs.size() ? QString::fromStdString(runs[index].name) : QString();
}

} // namespace app
