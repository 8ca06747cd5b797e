// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/document/view_state.h"

namespace app {

ViewState::ViewState(QObject *parent) : QObject(parent) {}

void ViewState::setSchemeIndex(int index)
{
    if (index == m_scheme) return;
    m_scheme = index;
    m_overlays.projectionEra = -1; // eras of another scheme
    m_ticked.clear();
    emit schemeChanged(index);
    emit tickedErasChanged();
}

void ViewState::setTicked(int era, bool ticked)
{
    if (ticked == m_ticked.contains(era)) return;
    if (ticked)
        m_ticked.insert(era);
    else
        m_ticked.remove(era);
    emit tickedErasChanged();
}

void ViewState::setTickedEras(const QSet<int> &eras)
{
    if (eras == m_ticked) return;
    m_ticked = eras;
    emit tickedErasChanged();
}

void ViewState::setUnits(compute::ComputeUnit units)
{
    if (units == m_units) return;
    m_units = units;
    emit unitsChanged(units);
}

void ViewState::setAxes(const compute::Axes &axes)
{
    if (axes == m_axes || axes.x == axes.y || axes.y == compute::Quantity::Date) return;
    m_axes = axes;
    emit axesChanged();
}

void ViewState::setFilter(const compute::RunFilter &filter)
{
    m_filter = filter;
    emit filterChanged();
}

void ViewState::setColorBy(compute::RunCategory category)
{
    if (category == m_colorBy) return;
    m_colorBy = category;
    emit colorByChanged();
}

void ViewState::setSelection(const QSet<QString> &ids)
{
    if (ids == m_selection) return;
    m_selection = ids;
    emit selectionChanged();
}

void ViewState::setShowLabels(bool show)
{
    if (show == m_showLabels) return;
    m_showLabels = show;
    emit showLabelsChanged(show);
}

void ViewState::setOverlays(const ChartOverlays &overlays)
{
    if (overlays == m_overlays) return;
    m_overlays = overlays;
    emit overlaysChanged();
}

} // namespace app
