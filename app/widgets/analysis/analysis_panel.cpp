// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/analysis_panel.h"

#include "app/document/document.h"
#include "app/document/view_state.h"

namespace app {

AnalysisPanel::AnalysisPanel(const AnalysisContext &context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
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
