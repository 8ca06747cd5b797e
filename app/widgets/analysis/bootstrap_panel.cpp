// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/bootstrap_panel.h"

#include "app/format/analysis_format.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace app {
namespace {

constexpr int kDebounceMs = 150;

QLabel *cell(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BootstrapPanel::BootstrapPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent), m_timer(new QTimer(this))
{
    const compute::BootstrapOptions defaults;
    m_resamples = new QSpinBox(this);
    m_resamples->setObjectName(QStringLiteral("bootstrapResamples"));
    m_resamples->setRange(10, 100000);
    m_resamples->setGroupSeparatorShown(true);
    m_resamples->setValue(static_cast<int>(defaults.resamples));
    m_seed = new QLineEdit(QString::number(defaults.seed), this);
    m_seed->setObjectName(QStringLiteral("bootstrapSeed"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), m_seed));
    m_seed->setToolTip(tr("The same seed gives the same answer on every computer"));
    m_jitter = new QCheckBox(tr("Jitter each compute by a factor in [1/2, 2]"), this);
    m_jitter->setObjectName(QStringLiteral("bootstrapJitter"));
    m_jitter->setToolTip(tr("Sevilla et al.'s allowance for estimates good to about 2x"));
    auto *form = new QFormLayout;
    form->addRow(tr("Resamples:"), m_resamples);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(QString(), m_jitter);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>t-based</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Bootstrap</b>"), this), 0, 2);
    const QStringList rows = {tr("Doubling time (months)"), tr("95% CI (months)"),
                              tr("Slope (orders of magnitude / yr)"), tr("95% CI (slope)")};
    for (int r = 0; r < rows.size(); ++r)
        grid->addWidget(new QLabel(rows[r], this), r + 1, 0);
    m_tDoubling = cell(QStringLiteral("bootstrapTDoubling"), this);
    m_tCi = cell(QStringLiteral("bootstrapTCi"), this);
    m_tSlope = cell(QStringLiteral("bootstrapTSlope"), this);
    m_tSlopeCi = cell(QStringLiteral("bootstrapTSlopeCi"), this);
    m_bootDoubling = cell(QStringLiteral("bootstrapMedian"), this);
    m_bootCi = cell(QStringLiteral("bootstrapCi"), this);
    m_bootSlope = cell(QStringLiteral("bootstrapSlopeMedian"), this);
    m_bootSlopeCi = cell(QStringLiteral("bootstrapSlopeCi"), this);
    const QList<QLabel *> t = {m_tDoubling, m_tCi, m_tSlope, m_tSlopeCi};
    const QList<QLabel *> b = {m_bootDoubling, m_bootCi, m_bootSlope, m_bootSlopeCi};
    for (int r = 0; r < t.size(); ++r) {
        grid->addWidget(t[r], r + 1, 1);
        grid->addWidget(b[r], r + 1, 2);
    }
    grid->setColumnStretch(3, 1);
    m_status = cell(QStringLiteral("bootstrapStatus"), this);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addStretch();

    m_timer->setSingleShot(true);
    m_timer->setInterval(kDebounceMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) runNow();
    });
    connect(m_resamples, &QSpinBox::valueChanged, this, &BootstrapPanel::schedule);
    connect(m_seed, &QLineEdit::textChanged, this, &BootstrapPanel::schedule);
    connect(m_jitter, &QCheckBox::toggled, this, &BootstrapPanel::schedule);
}

compute::BootstrapOptions BootstrapPanel::options() const
{
    compute::BootstrapOptions options;
    options.resamples = static_cast<std::size_t>(m_resamples->value());
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (ok) options.seed = seed;
    options.jitter = m_jitter->isChecked();
    return options;
}

QString BootstrapPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("The bootstrap of the doubling time"), axes);
}

void BootstrapPanel::setEra(const AnalysisEra &era)
{
    m_era = era;
    const compute::TrendFit &fit = era.fit;
    m_tDoubling->setText(fit.ok() ? formatNumber3(fit.doublingTimeMonths()) : QString());
    m_tCi->setText(formatInterval(fit.doublingTimeMonthsCi95()));
    m_tSlope->setText(fit.ok() ? formatNumber3(fit.slope) : QString());
    m_tSlopeCi->setText(fit.ok() ? formatInterval({fit.slopeCiLow, fit.slopeCiHigh}) : QString());
    schedule();
}

void BootstrapPanel::schedule()
{
    m_stale = true;
    m_timer->start();
}

void BootstrapPanel::showEvent(QShowEvent *event)
{
    AnalysisPanel::showEvent(event);
    if (m_stale) m_timer->start();
}

void BootstrapPanel::runNow()
{
    m_timer->stop();
    m_result = m_era.valid() ? compute::bootstrapTrend(m_era.points, options())
                             : compute::BootstrapResult{};
    m_stale = false;
    display(m_result);
}

void BootstrapPanel::display(const compute::BootstrapResult &r)
{
    m_bootDoubling->setText(r.ok() ? tr("median %1").arg(formatNumber3(r.doublingTimeMonthsMedian))
                                   : QString());
    m_bootCi->setText(r.ok() ? formatInterval(r.doublingTimeMonthsCi95) : QString());
    m_bootSlope->setText(r.ok() ? tr("median %1").arg(formatNumber3(r.slopeMedian)) : QString());
    m_bootSlopeCi->setText(r.ok() ? formatInterval(r.slopeCi95) : QString());
    if (!m_era.valid())
        m_status->setText(tr("Choose an era."));
    else if (!r.ok())
        m_status->setText(QString::fromStdString(r.message));
    else
        m_status->setText(tr("%1 runs; %2 of %3 resamples used, %4 skipped (every draw on one "
                             "date); seed %5%6.")
                              .arg(r.n)
                              .arg(r.used)
                              .arg(r.requested)
                              .arg(r.skipped)
                              .arg(r.seed)
                              .arg(r.jitter ? tr(", jittered") : QString()));
}

} // namespace app
