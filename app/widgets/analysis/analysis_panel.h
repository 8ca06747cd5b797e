// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/era.h"
#include "core/stats/run_selection.h"
#include "core/stats/trend_fit.h"

#include <QSet>
#include <QString>
#include <QWidget>

#include <cstddef>
#include <functional>
#include <optional>

namespace app {

class Document;
class TrendModel;
class ViewState;
struct ChartOverlays;

// The objects every analysis panel reads (and, for overlays, writes).
struct AnalysisContext {
    Document *document = nullptr;
    ViewState *view = nullptr;
    TrendModel *trends = nullptr;
};

// The era the analysis dock works on, as it is now: previews and the filter applied.
struct AnalysisEra {
    int index = -1; // era of the current scheme; -1 when there is none
    std::optional<compute::Era> era;
    compute::FitPoints points; // the runs its fit uses (FitCache::points)
    compute::TrendFit fit;
    compute::Axes axes; // the chart's: what `points` and `fit` are of
    bool valid() const { return era.has_value(); }
};

// One tab of the analysis dock: it asks core about the era it is given and shows the
// answer. The dock calls setEra() (coalesced) whenever the era, its runs, the filter or
// the selection change.
class AnalysisPanel : public QWidget {
    Q_OBJECT

public:
    AnalysisPanel(const AnalysisContext &context, QWidget *parent = nullptr);

    virtual void setEra(const AnalysisEra &era) = 0;
    // Why this analysis cannot be made on `axes`, shown in the panel's place (the panel
    // is then given no era); empty when it can. By default the analysis follows the
    // trend of any quantity along the date.
    virtual QString unsuitableFor(const compute::Axes &axes) const;

protected:
    // The reasons of unsuitableFor(): the date is not the x axis; the axes are not
    // compute against the date. `analysis` names the panel ("The projection").
    static QString needsDate(const QString &analysis, const compute::Axes &axes);
    static QString needsComputeAgainstDate(const QString &analysis, const compute::Axes &axes);

    // Applies `edit` to a copy of the chart overlays and stores it (no signal if equal).
    void editOverlays(const std::function<void(ChartOverlays &)> &edit);
    // Marks runs on the chart under `label`, or clears the marks when they are this
    // panel's (`label`) and `ids` is empty. Another panel's marks replace these.
    void setMarkedRuns(const QString &label, const QSet<QString> &ids, bool on);
    // True while the chart's marks are the ones labelled `label`.
    bool ownsMarks(const QString &label) const;
    // Dataset id of run `index` (dataset.runs), as a QString.
    QString runId(std::size_t index) const;
    QString runName(std::size_t index) const;

    const AnalysisContext m_context;
};

} // namespace app
