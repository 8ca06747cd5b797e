// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/reference_lines_panel.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/analysis_format.h"
#include "core/stats/reference_lines.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace app {

ReferenceLinesPanel::ReferenceLinesPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    for (const compute::DoublingTimePreset &preset : compute::standardDoublingTimes()) {
        auto *box = new QCheckBox(tr("%1 (%2 months)")
                                      .arg(QString::fromStdString(preset.label),
                                           formatNumber3(preset.doublingTimeMonths)),
                                  this);
        box->setObjectName(QStringLiteral("referencePreset%1").arg(m_presets.size()));
        connect(box, &QCheckBox::toggled, this, &ReferenceLinesPanel::updateOverlay);
        layout->addWidget(box);
        m_presets.append(box);
        m_presetMonths.append(preset.doublingTimeMonths);
    }
    m_custom = new QCheckBox(tr("Custom doubling time:"), this);
    m_custom->setObjectName(QStringLiteral("referenceCustom"));
    m_customMonths = new QDoubleSpinBox(this);
    m_customMonths->setObjectName(QStringLiteral("referenceCustomMonths"));
    m_customMonths->setRange(0.1, 600);
    m_customMonths->setDecimals(1);
    m_customMonths->setValue(12);
    m_customMonths->setSuffix(tr(" months"));
    auto *customRow = new QHBoxLayout;
    customRow->addWidget(m_custom);
    customRow->addWidget(m_customMonths);
    customRow->addStretch();
    layout->addLayout(customRow);

    m_anchorLabel = new QLabel(this);
    m_anchorLabel->setObjectName(QStringLiteral("referenceAnchor"));
    m_anchorLabel->setWordWrap(true);
    layout->addWidget(m_anchorLabel);
    layout->addStretch();

    connect(m_custom, &QCheckBox::toggled, this, &ReferenceLinesPanel::updateOverlay);
    connect(m_customMonths, &QDoubleSpinBox::valueChanged, this,
            &ReferenceLinesPanel::updateOverlay);
    updateAnchor();
}

QString ReferenceLinesPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("Reference lines of a doubling time"), axes);
}

void ReferenceLinesPanel::setEra(const AnalysisEra &era)
{
    m_era = era;
    updateAnchor();
    updateOverlay();
}

void ReferenceLinesPanel::updateAnchor()
{
    // The first selected run (in dataset order) that is on the chart...
    const auto &runs = m_context.document->dataset().runs;
    const QSet<QString> &selection = m_context.view->selection();
    m_anchor.clear();
    QString why;
    for (std::size_t i = 0; i < runs.size() && m_anchor.isEmpty() && !selection.isEmpty(); ++i) {
        if (selection.contains(QString::fromStdString(runs[i].id)) && runs[i].date &&
            runs[i].flop()) {
            m_anchor = QString::fromStdString(runs[i].id);
            why = tr("the selected run");
        }
    }
    // ...else the earliest run of the era's fit.
    const compute::FitPoints &points = m_era.points;
    if (m_anchor.isEmpty() && !points.x.empty()) {
        std::size_t first = 0;
        for (std::size_t p = 1; p < points.x.size(); ++p)
            if (points.x[p] < points.x[first]) first = p;
        m_anchor = runId(points.runIndex[first]);
        why = tr("the era's first run; select a run to move the lines");
    }
    const compute::TrainingRun *run = m_context.document->dataset().findRun(m_anchor.toStdString());
    m_anchorLabel->setText(
        run ? tr("Through %1 (%2).").arg(QString::fromStdString(run->name), why)
            : tr("Select a run, or choose an era with runs, to anchor the lines."));
}

void ReferenceLinesPanel::updateOverlay()
{
    m_customMonths->setEnabled(m_custom->isChecked());
    QVector<ReferenceLineSpec> lines;
    if (!m_anchor.isEmpty()) {
        for (int i = 0; i < m_presets.size(); ++i)
            if (m_presets[i]->isChecked())
                lines.append(ReferenceLineSpec{m_presetMonths[i], m_anchor});
        if (m_custom->isChecked())
            lines.append(ReferenceLineSpec{m_customMonths->value(), m_anchor});
    }
    editOverlays([&lines](ChartOverlays &overlays) { overlays.referenceLines = lines; });
}

} // namespace app
