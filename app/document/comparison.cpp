// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/document/comparison.h"

#include "app/document/document.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace app {
namespace {

// A burst of edits (an undo of many, a boundary dragged) is compared once.
constexpr int kSettleMs = 150;

std::shared_ptr<const ComparisonResult> compare(std::shared_ptr<const compute::Dataset> before,
                                                compute::Dataset after, int scheme,
                                                compute::RunFilter filter)
{
    auto result = std::make_shared<ComparisonResult>();
    result->before = std::move(before);
    result->after = std::move(after);
    result->scheme =
        scheme >= 0 && scheme < static_cast<int>(result->after.eraSchemes.size()) ? scheme : -1;
    result->diff = compute::diffDatasets(*result->before, result->after);
    const std::vector<compute::Era> eras = comparisonEras(result->after, result->scheme);
    result->fits = compute::diffFits(*result->before, result->after, result->diff, eras, filter);
    return result;
}

std::optional<ComparedPoint> placeOf(const compute::TrainingRun &run)
{
    const auto flop = run.flop();
    if (!run.date || !flop || !(*flop > 0)) return std::nullopt;
    return ComparedPoint{run.date->yearsSinceEpoch(), std::log10(*flop),
                         QString::fromStdString(run.name)};
}

bool has(const std::vector<compute::RunField> &fields, compute::RunField field)
{
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

} // namespace

std::vector<compute::Era> comparisonEras(const compute::Dataset &dataset, int scheme)
{
    if (scheme >= 0 && scheme < static_cast<int>(dataset.eraSchemes.size()))
        return dataset.eraSchemes[static_cast<std::size_t>(scheme)].eras;
    compute::Era all;
    all.name = "All runs";
    return {all};
}

ComparisonMarks comparisonMarks(const ComparisonResult &result)
{
    ComparisonMarks marks;
    const compute::Dataset &before = *result.before;
    const compute::Dataset &after = result.after;
    for (std::size_t j : result.diff.added)
        marks.added.insert(QString::fromStdString(after.runs[j].id));
    for (std::size_t i : result.diff.removed)
        if (const auto place = placeOf(before.runs[i])) marks.removed.append(*place);
    for (const compute::RunMatch &m : result.diff.matches) {
        if (!has(m.significant, compute::RunField::Date) &&
            !has(m.significant, compute::RunField::Compute))
            continue;
        const compute::TrainingRun &run = after.runs[m.newIndex];
        const auto from = placeOf(before.runs[m.oldIndex]);
        if (from && placeOf(run)) marks.moved.append({QString::fromStdString(run.id), *from});
    }
    return marks;
}

Comparison::Comparison(Document *document, ViewState *view, QObject *parent)
    : QObject(parent), m_document(document), m_view(view), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kSettleMs);
    connect(m_timer, &QTimer::timeout, this, &Comparison::start);
    // Another dataset is not a newer vintage of the older one.
    connect(document, &Document::datasetReset, this, &Comparison::clear);
    for (auto signal : {&Document::runInserted, &Document::runRemoved, &Document::runChanged})
        connect(document, signal, this, &Comparison::schedule);
    for (auto signal :
         {&Document::runsReset, &Document::eraSchemesChanged, &Document::metadataChanged})
        connect(document, signal, this, &Comparison::schedule);
    connect(document, &Document::eraChanged, this, &Comparison::schedule);
    connect(view, &ViewState::schemeChanged, this, &Comparison::schedule);
    connect(view, &ViewState::filterChanged, this, &Comparison::schedule);
}

Comparison::~Comparison() = default;

void Comparison::compareWith(compute::Dataset before, const QString &name)
{
    m_before = std::make_shared<const compute::Dataset>(std::move(before));
    m_name = name;
    start();
}

void Comparison::clear()
{
    m_timer->stop();
    m_applied = ++m_generation; // a computation still running is for nothing
    const bool had = m_before || m_result;
    m_before.reset();
    m_name.clear();
    m_result.reset();
    ChartOverlays overlays = m_view->overlays();
    overlays.comparison = {};
    m_view->setOverlays(overlays);
    if (had) emit changed();
}

bool Comparison::isComputing() const
{
    return m_applied != m_generation || m_timer->isActive();
}

void Comparison::schedule()
{
    if (isActive()) m_timer->start();
}

void Comparison::start()
{
    m_timer->stop();
    if (!m_before) return;
    const std::uint64_t generation = ++m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const ComparisonResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) return; // a later one is on its way
        m_result = watcher->result();
        m_applied = generation;
        ChartOverlays overlays = m_view->overlays();
        overlays.comparison = comparisonMarks(*m_result);
        m_view->setOverlays(overlays);
        emit changed();
    });
    // Copies: the document may change while the worker reads.
    watcher->setFuture(QtConcurrent::run(compare, m_before, m_document->dataset(),
                                         m_view->schemeIndex(), m_view->filter()));
}

bool Comparison::waitForResult(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (isComputing() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (isComputing()) QThread::msleep(2);
    }
    return !isComputing();
}

} // namespace app
