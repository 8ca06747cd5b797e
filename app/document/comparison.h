// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/document/view_state.h"
#include "core/model/dataset.h"
#include "core/model/dataset_diff.h"
#include "core/stats/diff_fits.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

class QTimer;

namespace app {

class Document;

// An older vintage of the dataset against the open document: what changed
// (core/model/dataset_diff.h) and what that did to the fits of the current scheme's eras
// (core/stats/diff_fits.h), as the command line's --diff reports them.
struct ComparisonResult {
    std::shared_ptr<const compute::Dataset> before; // the older vintage, as loaded
    compute::Dataset after;                         // the open document when compared
    compute::DatasetDiff diff;
    std::vector<compute::EraDiffFit> fits;
    int scheme = -1; // whose eras were fitted; -1: no scheme, one era of all runs
};

// The comparison in force (File > Compare With...), until it is cleared or another
// dataset is opened. It follows the document: an edit, another scheme or filter
// recompute it, on a worker thread (diffFits refits every era once per change), a moment
// after the last change. It shows nothing; its marks go on the chart through the
// ViewState's overlays.
class Comparison : public QObject {
    Q_OBJECT

public:
    Comparison(Document *document, ViewState *view, QObject *parent = nullptr);
    ~Comparison() override;

    // Compares `before` (named `name` for people: its file name) with the open document.
    void compareWith(compute::Dataset before, const QString &name);
    // Ends the comparison: no result, no marks on the chart.
    void clear();

    bool isActive() const { return m_before != nullptr; }
    QString oldName() const { return m_name; }
    // The latest result; null until the first is ready, and after clear().
    std::shared_ptr<const ComparisonResult> result() const { return m_result; }
    // A result is being computed, or waits for a burst of changes to end.
    bool isComputing() const;
    // Runs the event loop until the result is current (tests); false on timeout.
    bool waitForResult(int timeoutMs = 30000);

signals:
    // A new result, or the comparison was cleared.
    void changed();

private:
    void schedule();
    void start();

    Document *m_document;
    ViewState *m_view;
    QTimer *m_timer;
    std::shared_ptr<const compute::Dataset> m_before;
    QString m_name;
    std::shared_ptr<const ComparisonResult> m_result;
    std::uint64_t m_generation = 0; // of the latest computation started
    std::uint64_t m_applied = 0;    // of the result shown
};

// What a result draws on the chart: the runs added (by id), the runs removed at their old
// place, and the runs whose date or compute changed from their old place to their run.
// Runs without a date or compute have no place and are left out.
ComparisonMarks comparisonMarks(const ComparisonResult &result);

// The eras a comparison fits: those of scheme `scheme` of `dataset`, or one era of all
// runs when there is no such scheme.
std::vector<compute::Era> comparisonEras(const compute::Dataset &dataset, int scheme);

} // namespace app
