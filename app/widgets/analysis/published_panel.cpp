// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/published_panel.h"

#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/published_format.h"
#include "app/widgets/analysis/published_table_model.h"
#include "core/stats/published_comparison.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <utility>
#include <vector>

namespace app {
namespace {

constexpr int kDebounceMs = 150;

// One era's bootstrap, computed off the UI thread from copies.
struct BootstrapJob {
    int row = 0;
    compute::PublishedComparison comparison;
    compute::FitPoints points;
};

std::vector<BootstrapJob> runJobs(std::vector<BootstrapJob> jobs,
                                  const compute::BootstrapOptions &options)
{
    for (BootstrapJob &job : jobs)
        compute::addBootstrap(job.comparison, job.points.x, job.points.y, options);
    return jobs;
}

QLabel *wrappedLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PublishedPanel::PublishedPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent), m_model(new PublishedTableModel(this)),
      m_timer(new QTimer(this)), m_options(compute::papersBootstrapOptions())
{
    m_header = wrappedLabel(QStringLiteral("publishedHeader"), this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("publishedTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail = wrappedLabel(QStringLiteral("publishedDetail"), this);
    m_method = wrappedLabel(QStringLiteral("publishedMethod"), this);
    QFont small = m_method->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_method->setFont(small);
    m_method->setText(tr("Recomputed: least squares of log10 compute on date, 95% Student t "
                         "interval. Paper's method (Sevilla et al. 2022, App. A): %1 "
                         "bootstrap resamples, each compute jittered by a factor in [1/2, 2], "
                         "seed %2; median and [2.5%, 97.5%].")
                          .arg(m_options.resamples)
                          .arg(m_options.seed));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_table);
    layout->addWidget(m_detail);
    layout->addWidget(m_method);
    layout->addStretch(1);

    m_timer->setSingleShot(true);
    m_timer->setInterval(kDebounceMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) startBootstraps(false);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PublishedPanel::showDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PublishedPanel::showDetail);
}

QString PublishedPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsComputeAgainstDate(tr("The comparison with the published analyses"), axes);
}

void PublishedPanel::setEra(const AnalysisEra &era)
{
    // The papers' figures are of compute against the date: on other axes, nothing.
    m_suitable = unsuitableFor(era.axes).isEmpty();
    if (!m_suitable) {
        m_timer->stop();
        m_model->setRows({});
        return;
    }
    // Every era of the scheme, whichever the dock analyses.
    refreshFits();
    m_timer->start();
}

void PublishedPanel::showEvent(QShowEvent *event)
{
    AnalysisPanel::showEvent(event);
    if (m_pending && m_suitable) m_timer->start();
}

void PublishedPanel::runNow()
{
    m_timer->stop();
    if (!m_suitable) return;
    refreshFits();
    startBootstraps(true);
}

void PublishedPanel::refreshFits()
{
    const compute::Dataset &dataset = m_context.document->dataset();
    const std::vector<compute::Era> eras = m_context.trends->eras();
    const int scheme = m_context.view->schemeIndex();
    const QString vintage = datasetVintage(dataset);
    std::vector<PublishedTableModel::Row> rows;
    bool anyPublished = false;
    for (int i = 0; i < static_cast<int>(eras.size()); ++i) {
        const compute::Era &era = eras[static_cast<std::size_t>(i)];
        PublishedTableModel::Row row;
        row.era = QString::fromStdString(era.name);
        row.color = QColor(QString::fromStdString(era.color));
        row.rule = QString::fromStdString(compute::describeRule(era.rule));
        row.fit = m_context.trends->fit(i);
        if (era.published) {
            anyPublished = true;
            row.comparison = compute::comparePublished(*era.published, row.fit);
            row.bootstrapPending = true;
            row.why = dataDifference(*era.published, row.fit.n, vintage);
        }
        rows.push_back(std::move(row));
    }
    const int current = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    m_model->setRows(std::move(rows));
    // As tall as its rows, so the line on the chosen era and the method stay in sight.
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() + 2;
    for (int r = 0; r < m_model->rowCount(); ++r)
        height += m_table->verticalHeader()->sectionSize(r);
    m_table->setMaximumHeight(height);
    m_pending = anyPublished;
    ++m_generation; // a bootstrap still running is for the old rows

    const QString title = QString::fromStdString(dataset.metadata.title);
    if (scheme < 0 || eras.empty())
        m_header->setText(tr("Choose an era scheme: its eras are compared here with the "
                             "figures their papers published."));
    else {
        const QString name =
            QString::fromStdString(dataset.eraSchemes[static_cast<std::size_t>(scheme)].name);
        m_header->setText(
            anyPublished
                ? tr("<b>%1</b> on %2 (%3)")
                      .arg(name.toHtmlEscaped(), title.toHtmlEscaped(), vintage.toHtmlEscaped())
                : tr("<b>%1</b> gives no published figures: its eras' fits are shown alone. "
                     "The schemes that follow a paper (OpenAI 2018, Sevilla et al. 2022, "
                     "Epoch 2024) carry theirs.")
                      .arg(name.toHtmlEscaped()));
    }
    // Keep the row chosen, or start on the first era with a figure.
    int select = current;
    if (select < 0 || select >= m_model->rowCount()) {
        select = -1;
        for (int r = 0; r < m_model->rowCount() && select < 0; ++r)
            if (m_model->rows()[static_cast<std::size_t>(r)].comparison) select = r;
    }
    if (select >= 0) m_table->selectRow(select);
    showDetail();
}

void PublishedPanel::startBootstraps(bool here)
{
    if (!m_pending) return;
    std::vector<BootstrapJob> jobs;
    const std::vector<compute::Era> eras = m_context.trends->eras();
    const auto &rows = m_model->rows();
    for (int r = 0; r < static_cast<int>(rows.size()) && r < static_cast<int>(eras.size()); ++r)
        if (rows[static_cast<std::size_t>(r)].comparison)
            jobs.push_back({r, *rows[static_cast<std::size_t>(r)].comparison,
                            m_context.trends->cache().points(eras[static_cast<std::size_t>(r)])});
    const std::uint64_t generation = m_generation;
    const auto apply = [this](const std::vector<BootstrapJob> &done) {
        for (const BootstrapJob &job : done)
            m_model->setBootstrap(job.row, job.comparison);
        m_pending = false;
    };
    if (here) {
        apply(runJobs(std::move(jobs), m_options));
        return;
    }
    auto *watcher = new QFutureWatcher<std::vector<BootstrapJob>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, apply] {
        if (generation == m_generation) apply(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(runJobs, std::move(jobs), m_options));
}

void PublishedPanel::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const PublishedTableModel::Row &row = m_model->rows()[static_cast<std::size_t>(current.row())];
    if (!row.comparison) {
        m_detail->setText(tr("%1 (%2): no published figure.").arg(row.era, row.rule));
        return;
    }
    m_detail->setText(tr("%1 (%2). Published: %3, %4. Why the data differ: %5.")
                          .arg(row.era, row.rule, formatPublishedFigure(row.comparison->published),
                               publishedSource(row.comparison->published), row.why));
}

} // namespace app
