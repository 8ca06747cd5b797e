// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/units.h"
#include "core/stats/run_selection.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

namespace app {

// A fixed doubling time drawn through one run, to compare the data against by eye.
struct ReferenceLineSpec {
    double months = 3.4;
    QString anchorRunId;
    bool operator==(const ReferenceLineSpec &) const = default;
};

// Where a run of an older vintage stood on the chart: x in years since 1970 (core's x),
// compute as log10 FLOP (so the mark follows the chart's unit).
struct ComparedPoint {
    double x = 0;
    double log10Flop = 0;
    QString name;
    bool operator==(const ComparedPoint &) const = default;
};

// What File > Compare With... draws (app/document/comparison.h): the open document's runs
// that the older vintage lacks, the older vintage's runs the document lacks, at their old
// place, and runs whose date or compute changed, from their old place to their run.
struct ComparisonMarks {
    struct Move {
        QString runId; // of the open document
        ComparedPoint from;
        bool operator==(const Move &) const = default;
    };
    QSet<QString> added;            // run ids of the open document
    QVector<ComparedPoint> removed; // the older vintage's runs, where they stood
    QVector<Move> moved;
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && moved.isEmpty(); }
    bool operator==(const ComparisonMarks &) const = default;
};

// What the analysis panels and a comparison add to the chart.
struct ChartOverlays {
    int projectionEra = -1;   // era of the current scheme whose fit is extended
    double projectToYear = 0; // decimal year the projection fan reaches
    QVector<ReferenceLineSpec> referenceLines;
    QSet<QString> markedRuns; // runs to mark (most influential, outliers)
    QString markedLabel;      // what the marks mean, for the legend
    ComparisonMarks comparison;
    bool operator==(const ChartOverlays &) const = default;
};

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

    // What the chart shows against what (compute against date unless chosen otherwise).
    const compute::Axes &axes() const { return m_axes; }
    void setAxes(const compute::Axes &axes);

    const compute::RunFilter &filter() const { return m_filter; }
    void setFilter(const compute::RunFilter &filter);

    // The category the chart's points are coloured by (the domain unless chosen).
    compute::RunCategory colorBy() const { return m_colorBy; }
    void setColorBy(compute::RunCategory category);

    // Selected runs by id (ids are stable under inserts and removals).
    const QSet<QString> &selection() const { return m_selection; }
    void setSelection(const QSet<QString> &ids);
    bool isSelected(const QString &id) const { return m_selection.contains(id); }

    // Labels next to points on the chart.
    bool showLabels() const { return m_showLabels; }
    void setShowLabels(bool show);

    const ChartOverlays &overlays() const { return m_overlays; }
    void setOverlays(const ChartOverlays &overlays);

signals:
    void schemeChanged(int index);
    void tickedErasChanged();
    void unitsChanged(compute::ComputeUnit units);
    void axesChanged();
    void filterChanged();
    void colorByChanged();
    void selectionChanged();
    void showLabelsChanged(bool show);
    void overlaysChanged();

private:
    int m_scheme = -1;
    QSet<int> m_ticked;
    compute::ComputeUnit m_units = compute::ComputeUnit::Flop;
    compute::Axes m_axes;
    compute::RunFilter m_filter;
    compute::RunCategory m_colorBy = compute::RunCategory::Domain;
    QSet<QString> m_selection;
    bool m_showLabels = true;
    ChartOverlays m_overlays;
};

} // namespace app
