#pragma once

#include "core/run_selection.h"
#include "core/units.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace app {

// How the user is looking at the document: the era scheme shown, the eras whose fits
// are ticked, units, filters and the selected runs. Shared by the chart, the table
// and the docks; not part of the saved dataset (nor of undo).
class ViewState : public QObject {
    Q_OBJECT

public:
    explicit ViewState(QObject *parent = nullptr);

    int schemeIndex() const { return m_scheme; }
    void setSchemeIndex(int index);

    // Eras of the current scheme whose fit is shown.
    const QSet<int> &tickedEras() const { return m_ticked; }
    bool isTicked(int era) const { return m_ticked.contains(era); }
    void setTicked(int era, bool ticked);
    void setTickedEras(const QSet<int> &eras);

    compute::ComputeUnit units() const { return m_units; }
    void setUnits(compute::ComputeUnit units);

    const compute::RunFilter &filter() const { return m_filter; }
    void setFilter(const compute::RunFilter &filter);

    // Selected runs by id (ids are stable under inserts and removals).
    const QSet<QString> &selection() const { return m_selection; }
    void setSelection(const QSet<QString> &ids);
    bool isSelected(const QString &id) const { return m_selection.contains(id); }

    // Labels next to points on the chart.
    bool showLabels() const { return m_showLabels; }
    void setShowLabels(bool show);

signals:
    void schemeChanged(int index);
    void tickedErasChanged();
    void unitsChanged(compute::ComputeUnit units);
    void filterChanged();
    void selectionChanged();
    void showLabelsChanged(bool show);

private:
    int m_scheme = -1;
    QSet<int> m_ticked;
    compute::ComputeUnit m_units = compute::ComputeUnit::Flop;
    compute::RunFilter m_filter;
    QSet<QString> m_selection;
    bool m_showLabels = true;
};

} // namespace app
