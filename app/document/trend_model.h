// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/fit_cache.h"
#include "core/stats/trend_fit.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>
#include <vector>

namespace app {

class Document;
class ViewState;

// Keeps core's FitCache in step with the document and the filter, and hands out the
// fits of the ticked eras of the current scheme. While an era boundary is being
// dragged, a preview era stands in for the stored one so fits follow the mouse
// without touching the document (the drop pushes one undo command).
class TrendModel : public QObject {
    Q_OBJECT

public:
    TrendModel(Document *document, ViewState *view, QObject *parent = nullptr);

    const compute::FitCache &cache() const { return m_cache; }
    // Eras of the current scheme, previews applied; empty without a scheme.
    std::vector<compute::Era> eras() const;
    std::optional<compute::Era> era(int index) const;
    // The fit of one era of the current scheme under the current filter.
    compute::TrendFit fit(int eraIndex) const;
    // Fits of the ticked eras, by era index (computed once per change).
    const QHash<int, compute::TrendFit> &tickedFits() const;
    // Dates (x) of the first and last run a ticked era's fit uses; nullopt when none.
    std::optional<std::pair<double, double>> tickedRange(int eraIndex) const;

    // For each run of the dataset, whether it enters the fit of era `eraIndex` of the
    // current scheme (FitCache::members, kept until the next change); empty for no era.
    const std::vector<bool> &members(int eraIndex) const;
    // The eras of the current scheme whose fits take run `run` (a dataset index): a run
    // may be in several when their rules overlap.
    QList<int> erasOfRun(std::size_t run) const;

    void setPreview(int eraIndex, const compute::Era &era);
    // Several eras at once (a boundary two adjacent eras share, dragged).
    void setPreviews(const QHash<int, compute::Era> &eras);
    void clearPreview();

signals:
    // Runs, filter, eras or fits changed: views redraw.
    void changed();

private:
    void rebuild();
    void invalidateFits();

    Document *m_document;
    ViewState *m_view;
    compute::FitCache m_cache;
    QHash<int, compute::Era> m_previews;
    // Every era's fit, in one pass over the runs per change (the era list shows them
    // all, the chart the ticked ones).
    const std::vector<compute::FitCache::RangedFit> &eraFits() const;
    mutable std::vector<compute::FitCache::RangedFit> m_eraFits;
    mutable QHash<int, compute::TrendFit> m_fits; // ticked
    mutable bool m_fitsValid = false;
    mutable QHash<int, std::vector<bool>> m_members; // by era, until the next change
};

} // namespace app
