// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/residuals_panel.h"

#include "app/chart/chart_scene.h"
#include "app/chart/year_ticker.h"
#include "app/document/view_state.h"
#include "app/format/analysis_format.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <string>

namespace app {
namespace {

constexpr double kHoverPixels = 6.0;
const QColor kPointColor(31, 119, 180);
const QColor kOutlierColor(214, 39, 40);

QCPItemStraightLine *horizontalLine(QCustomPlot *plot, double y, Qt::PenStyle style)
{
    auto *line = new QCPItemStraightLine(plot);
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
    line->setPen(QPen(QColor(120, 120, 120), 1, style));
    return line;
}

} // namespace

ResidualsPanel::ResidualsPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent)
{
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("residualsScale"));
    m_scale->addItem(tr("Orders of magnitude from the trend"));
    m_scale->addItem(tr("Studentized residual z"));
    auto *form = new QFormLayout;
    form->addRow(tr("Show:"), m_scale);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("residualsPlot"));
    m_plot->setMinimumHeight(180);
    m_plot->setMouseTracking(true);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new YearTicker));
    for (const QColor &color : {kPointColor, kOutlierColor}) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
    }

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("residualsSummary"));
    m_summary->setWordWrap(true);
    m_mark = new QCheckBox(tr("Mark outliers on the chart"), this);
    m_mark->setObjectName(QStringLiteral("residualsMark"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_mark);

    connect(m_scale, &QComboBox::currentIndexChanged, this, &ResidualsPanel::redraw);
    connect(m_mark, &QCheckBox::toggled, this, &ResidualsPanel::updateMarks);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ResidualsPanel::onMouseMove);
    // Another panel's marks replace these: the box follows.
    connect(context.view, &ViewState::overlaysChanged, this, [this] {
        if (m_mark->isChecked() && !m_context.view->overlays().markedLabel.isEmpty() &&
            !ownsMarks(markLabel()))
            m_mark->setChecked(false);
    });
    redraw();
}

QString ResidualsPanel::markLabel()
{
    return tr("Residual outliers (|z| > 2)");
}

QString ResidualsPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("The residuals plot"), axes);
}

void ResidualsPanel::setEra(const AnalysisEra &era)
{
    m_y = era.axes.y;
    m_report = era.valid() ? compute::residuals(era.points) : compute::ResidualReport{};
    QStringList names;
    for (const compute::Residual &r : m_report.residuals)
        if (r.outlier) names << runName(r.runIndex);
    if (!era.valid())
        m_summary->setText(tr("Choose an era."));
    else if (!m_report.fit.ok())
        m_summary->setText(QString::fromStdString(m_report.fit.statusMessage()));
    else if (names.isEmpty())
        m_summary->setText(tr("No outliers: every |z| is at most 2."));
    else
        m_summary->setText(tr("Outliers (|z| > 2): %1.").arg(names.join(QStringLiteral(", "))));
    redraw();
    updateMarks();
}

bool ResidualsPanel::showsZ() const
{
    return m_scale->currentIndex() == 1;
}

double ResidualsPanel::valueOf(const compute::Residual &r) const
{
    return showsZ() ? r.z : r.residual;
}

void ResidualsPanel::redraw()
{
    QVector<double> keys[2], values[2];
    for (const compute::Residual &r : m_report.residuals) {
        const int g = r.outlier ? 1 : 0;
        keys[g] << keyOfX(r.x);
        values[g] << valueOf(r);
    }
    for (int g = 0; g < 2; ++g)
        m_plot->graph(g)->setData(keys[g], values[g]);
    m_plot->clearItems();
    horizontalLine(m_plot, 0, Qt::SolidLine);
    if (showsZ())
        for (double z : {-compute::kOutlierZ, compute::kOutlierZ})
            horizontalLine(m_plot, z, Qt::DashLine);
    m_plot->yAxis->setLabel(
        showsZ() ? tr("z")
                 : tr("log₁₀ %1 above trend")
                       .arg(QString::fromStdString(std::string(compute::quantityUnit(m_y)))));
    m_plot->rescaleAxes();
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    const double yPad = std::max(0.1, 0.1 * y.size());
    const double xPad = std::max(0.25, 0.05 * x.size());
    m_plot->xAxis->setRange(x.lower - xPad, x.upper + xPad);
    double low = y.lower - yPad, high = y.upper + yPad;
    if (showsZ()) { // keep the |z| = 2 lines in view
        low = std::min(low, -2.5);
        high = std::max(high, 2.5);
    }
    m_plot->yAxis->setRange(low, high);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSet<QString> ResidualsPanel::outlierIds() const
{
    QSet<QString> ids;
    for (const compute::Residual &r : m_report.residuals)
        if (r.outlier) ids.insert(runId(r.runIndex));
    return ids;
}

void ResidualsPanel::updateMarks()
{
    setMarkedRuns(markLabel(), outlierIds(), m_mark->isChecked());
}

std::optional<std::size_t> ResidualsPanel::residualAt(const QPointF &pixel) const
{
    std::optional<std::size_t> best;
    double bestDistance = kHoverPixels;
    for (std::size_t i = 0; i < m_report.residuals.size(); ++i) {
        const compute::Residual &r = m_report.residuals[i];
        const QPointF at(m_plot->xAxis->coordToPixel(keyOfX(r.x)),
                         m_plot->yAxis->coordToPixel(valueOf(r)));
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

QString ResidualsPanel::nameAt(const QPointF &pixel) const
{
    const auto i = residualAt(pixel);
    return i ? runName(m_report.residuals[*i].runIndex) : QString();
}

void ResidualsPanel::onMouseMove(QMouseEvent *event)
{
    const auto i = residualAt(event->position());
    if (!i) {
        QToolTip::hideText();
        return;
    }
    const compute::Residual &r = m_report.residuals[*i];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1\n%2 orders of magnitude from the trend, z = %3")
                           .arg(runName(r.runIndex), formatNumber3(r.residual), formatNumber3(r.z)),
                       m_plot);
}

} // namespace app
