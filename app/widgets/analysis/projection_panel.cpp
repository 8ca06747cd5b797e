// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/projection_panel.h"

#include "app/document/view_state.h"
#include "app/format/analysis_format.h"
#include "app/inputs/date_edit.h"
#include "app/inputs/number_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <string>

namespace app {
namespace {

QLabel *makeResult(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

ProjectionPanel::ProjectionPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent)
{
    auto *reach = new QGroupBox(tr("When does the trend reach"), this);
    m_target = new NumberEdit(reach);
    m_target->setObjectName(QStringLiteral("projectionTarget"));
    m_target->setText(QStringLiteral("1e27"));
    m_unit = new QComboBox(reach);
    m_unit->setObjectName(QStringLiteral("projectionUnit"));
    m_unit->addItem(tr("FLOP"), static_cast<int>(compute::ComputeUnit::Flop));
    m_unit->addItem(tr("pfs-days"), static_cast<int>(compute::ComputeUnit::PfsDays));
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_unit);
    m_targetProblem = makeFieldMessage(m_target);
    m_reachDate = makeResult(QStringLiteral("projectionDate"), reach);
    m_reachMean = makeResult(QStringLiteral("projectionDateCi"), reach);
    m_reachPrediction = makeResult(QStringLiteral("projectionDatePrediction"), reach);
    auto *reachForm = new QFormLayout(reach);
    m_targetLabel = new QLabel(reach);
    reachForm->addRow(m_targetLabel, targetRow);
    reachForm->addRow(QString(), m_targetProblem);
    reachForm->addRow(tr("Date:"), m_reachDate);
    reachForm->addRow(tr("95% CI, trend:"), m_reachMean);
    reachForm->addRow(tr("95% CI, a new run:"), m_reachPrediction);
    m_reachMean->setToolTip(tr("When the trend line itself reaches the value"));
    m_reachPrediction->setToolTip(tr("When a single run of this value would be typical"));

    auto *at = new QGroupBox(this);
    m_atGroup = at;
    m_date = makeDateEdit(at);
    m_date->setObjectName(QStringLiteral("projectionAt"));
    m_date->setDate(QDate(2030, 1, 1));
    m_atValue = makeResult(QStringLiteral("projectionCompute"), at);
    m_atMean = makeResult(QStringLiteral("projectionComputeCi"), at);
    m_atPrediction = makeResult(QStringLiteral("projectionComputePrediction"), at);
    auto *atForm = new QFormLayout(at);
    atForm->addRow(tr("Date:"), m_date);
    m_atLabel = new QLabel(at);
    atForm->addRow(m_atLabel, m_atValue);
    atForm->addRow(tr("95% CI, trend:"), m_atMean);
    atForm->addRow(tr("95% CI, a new run:"), m_atPrediction);

    m_show = new QCheckBox(tr("Show projection on chart until"), this);
    m_show->setObjectName(QStringLiteral("projectionShow"));
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("projectionYear"));
    m_year->setRange(1960, 2200);
    m_year->setValue(2030);
    auto *showRow = new QHBoxLayout;
    showRow->addWidget(m_show);
    showRow->addWidget(m_year);
    showRow->addStretch();

    // The two questions side by side: the dock is wide and short.
    auto *questions = new QHBoxLayout;
    questions->addWidget(reach, 1);
    questions->addWidget(at, 1);
    auto *layout = new QVBoxLayout(this);
    // The chart switch first: seen without scrolling when the dock is short.
    layout->addLayout(showRow);
    layout->addLayout(questions);
    layout->addStretch();

    connect(m_target, &QLineEdit::textChanged, this, &ProjectionPanel::recompute);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &ProjectionPanel::recompute);
    connect(m_date, &QDateEdit::dateChanged, this, &ProjectionPanel::recompute);
    connect(m_show, &QCheckBox::toggled, this, &ProjectionPanel::updateOverlay);
    connect(m_year, &QSpinBox::valueChanged, this, &ProjectionPanel::updateOverlay);
    showQuantity();
    recompute();
}

void ProjectionPanel::showQuantity()
{
    const bool compute = m_y == compute::Quantity::Compute;
    const QString title =
        compute ? tr("Compute") : QString::fromStdString(std::string(compute::quantityTitle(m_y)));
    m_targetLabel->setText(tr("%1:").arg(title));
    m_atLabel->setText(tr("%1:").arg(title));
    m_atGroup->setTitle(tr("%1 at a date").arg(title));
    m_unit->setVisible(compute);
    m_target->setToolTip(
        compute ? QString()
                : tr("In %1").arg(QString::fromStdString(std::string(compute::quantityUnit(m_y)))));
}

compute::ComputeUnit ProjectionPanel::unit() const
{
    return static_cast<compute::ComputeUnit>(m_unit->currentData().toInt());
}

QString ProjectionPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("The projection"), axes);
}

void ProjectionPanel::setEra(const AnalysisEra &era)
{
    m_era = era;
    if (era.axes.y != m_y) {
        m_y = era.axes.y;
        showQuantity();
    }
    recompute();
    updateOverlay();
}

void ProjectionPanel::recompute()
{
    showFieldProblem(m_target, m_targetProblem, m_target->parseProblem());
    const std::optional<double> typed = m_target->value();
    // The value of the chart's y quantity: compute in the unit chosen, others in their own.
    const double flop = !typed                              ? 0
                        : m_y == compute::Quantity::Compute ? compute::fromUnit(*typed, unit())
                                                            : *typed;
    if (typed && !(flop > 0))
        showFieldProblem(m_target, m_targetProblem, tr("a value must be above 0"));

    m_dateProjection = {};
    if (typed && flop > 0 && m_era.valid())
        m_dateProjection = compute::projectDateOf(m_era.fit, std::log10(flop));
    m_computeProjection = {};
    if (m_era.valid())
        m_computeProjection = compute::projectComputeAt(m_era.fit, fromQDate(m_date->date()));

    const QString noEra = tr("Choose an era.");
    const compute::DateProjection &d = m_dateProjection;
    if (!m_era.valid() || !typed || !(flop > 0)) {
        m_reachDate->setText(m_era.valid() ? QString() : noEra);
    } else if (d.hasDate()) {
        m_reachDate->setText(formatDateAtX(d.x));
    } else {
        m_reachDate->setText(d.status == compute::ProjectionStatus::FlatTrend
                                 ? tr("never: the trend is flat")
                                 : QString::fromStdString(d.message));
    }
    const bool unbounded = d.status == compute::ProjectionStatus::Unbounded;
    const QString why =
        unbounded ? tr("unbounded: the slope's 95% interval includes 0") : QString();
    m_reachMean->setText(d.ok() ? formatDateInterval(d.xCi95) : why);
    m_reachPrediction->setText(d.ok() ? formatDateInterval(d.xPredictionCi95) : why);

    const compute::ComputeProjection &c = m_computeProjection;
    m_atValue->setText(!m_era.valid() ? noEra
                       : c.ok()       ? formatQuantityLog10(c.log10Flop, m_y, unit())
                                      : QString::fromStdString(c.message));
    m_atMean->setText(c.ok() ? formatQuantityInterval(c.meanCi95, m_y, unit()) : QString());
    m_atPrediction->setText(c.ok() ? formatQuantityInterval(c.predictionCi95, m_y, unit())
                                   : QString());
}

void ProjectionPanel::updateOverlay()
{
    m_year->setEnabled(m_show->isChecked());
    editOverlays([this](ChartOverlays &overlays) {
        if (m_show->isChecked() && m_era.valid()) {
            overlays.projectionEra = m_era.index;
            overlays.projectToYear = m_year->value();
        } else {
            overlays.projectionEra = -1;
            overlays.projectToYear = 0;
        }
    });
}

QString ProjectionPanel::dateText() const
{
    return m_reachDate->text();
}

QString ProjectionPanel::computeText() const
{
    return m_atValue->text();
}

} // namespace app
