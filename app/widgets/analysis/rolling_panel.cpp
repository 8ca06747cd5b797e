// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis/rolling_panel.h"

#include "app/chart/chart_scene.h"
#include "app/chart/year_ticker.h"
#include "app/format/analysis_format.h"
#include "app/format/published_format.h"
#include "core/stats/published_comparison.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QShowEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace app {
namespace {

constexpr double kHoverPixels = 6.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kLineColor(31, 119, 180);
const QColor kWholeEraColor(120, 120, 120);

} // namespace

RollingPanel::RollingPanel(const AnalysisContext &context, QWidget *parent)
    : AnalysisPanel(context, parent)
{
    m_years = new QDoubleSpinBox(this);
    m_years->setObjectName(QStringLiteral("rollingYears"));
    m_years->setRange(0.5, 30.0);
    m_years->setSingleStep(0.5);
    m_years->setDecimals(1);
    m_years->setSuffix(tr(" years"));
    m_years->setValue(compute::RollingOptions{}.windowMonths / 12.0);
    m_years->setToolTip(tr("The width W of each window [from, from + W), in whole months"));
    m_expanding = new QCheckBox(tr("E&xpanding"), this);
    m_expanding->setObjectName(QStringLiteral("rollingExpanding"));
    m_expanding->setToolTip(tr("Keep each window's start at the era's start: the windows grow"));
    m_quantity = new QComboBox(this);
    m_quantity->setObjectName(QStringLiteral("rollingQuantity"));
    m_quantity->addItem(tr("Growth per year"),
                        static_cast<int>(compute::PublishedQuantity::GrowthFactorPerYear));
    m_quantity->addItem(tr("Doubling time"),
                        static_cast<int>(compute::PublishedQuantity::DoublingTimeMonths));
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_years);
    auto *controls = new QHBoxLayout;
    controls->addWidget(windowLabel);
    controls->addWidget(m_years);
    controls->addWidget(m_expanding);
    controls->addStretch(1);
    controls->addWidget(m_quantity);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("rollingPlot"));
    m_plot->setMinimumHeight(180);
    m_plot->setMouseTracking(true);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new YearTicker));
    // Graph 0 and 1: the band's ends (1 fills down to 0); 2: the windows' fits; 3: the
    // whole era's fit, dashed.
    QColor bandColor = kLineColor;
    bandColor.setAlpha(50);
    for (int g = 0; g < 2; ++g) {
        QCPGraph *end = m_plot->addGraph();
        end->setPen(Qt::NoPen);
        end->setName(tr("95% interval"));
    }
    m_plot->graph(1)->setBrush(bandColor);
    m_plot->graph(1)->setChannelFillGraph(m_plot->graph(0));
    QCPGraph *line = m_plot->addGraph();
    line->setPen(QPen(kLineColor, 2));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kLineColor, 4));
    line->setName(tr("Window's fit"));
    QCPGraph *whole = m_plot->addGraph();
    whole->setPen(QPen(kWholeEraColor, 1.5, Qt::DashLine));
    whole->setName(tr("Whole era"));
    m_plot->graph(0)->removeFromLegend();
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("rollingSummary"));
    m_summary->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);

    connect(m_years, &QDoubleSpinBox::valueChanged, this, &RollingPanel::recompute);
    connect(m_expanding, &QCheckBox::toggled, this, &RollingPanel::recompute);
    connect(m_quantity, &QComboBox::currentIndexChanged, this, &RollingPanel::redraw);
    connect(m_plot, &QCustomPlot::mouseMove, this, &RollingPanel::onMouseMove);
    recompute();
}

QString RollingPanel::unsuitableFor(const compute::Axes &axes) const
{
    return needsDate(tr("The rolling window"), axes);
}

void RollingPanel::setEra(const AnalysisEra &era)
{
    m_era = era;
    if (isVisible() || !era.valid()) // no era: nothing to fit, hidden or not
        recompute();
    else
        m_stale = true;
}

void RollingPanel::showEvent(QShowEvent *event)
{
    AnalysisPanel::showEvent(event);
    if (m_stale) recompute();
}

void RollingPanel::setWindowYears(double years)
{
    m_years->setValue(years);
}

void RollingPanel::setExpanding(bool expanding)
{
    m_expanding->setChecked(expanding);
}

void RollingPanel::setQuantity(compute::PublishedQuantity quantity)
{
    m_quantity->setCurrentIndex(m_quantity->findData(static_cast<int>(quantity)));
}

compute::PublishedQuantity RollingPanel::quantity() const
{
    return static_cast<compute::PublishedQuantity>(m_quantity->currentData().toInt());
}

double RollingPanel::keyOf(const compute::RollingWindow &window)
{
    return keyOfX((window.from.yearsSinceEpoch() + window.to.yearsSinceEpoch()) / 2);
}

std::optional<double> RollingPanel::valueOf(const compute::RollingWindow &window) const
{
    if (!window.fit.ok()) return std::nullopt;
    const compute::PublishedQuantity q = quantity();
    // A doubling time is drawn only for a window that grows.
    if (q == compute::PublishedQuantity::DoublingTimeMonths && !(window.fit.slope > 0))
        return std::nullopt;
    return compute::slopeAs(q, window.fit.slope);
}

compute::Interval RollingPanel::intervalOf(const compute::RollingWindow &window) const
{
    if (!window.fit.ok()) return {};
    return compute::slopeIntervalAs(quantity(), window.fit.slopeCiLow, window.fit.slopeCiHigh);
}

void RollingPanel::recompute()
{
    m_stale = false;
    m_windows.clear();
    if (m_era.valid()) {
        compute::RollingOptions options;
        options.windowMonths = std::max(1, static_cast<int>(std::lround(m_years->value() * 12)));
        options.expanding = m_expanding->isChecked();
        m_windows = compute::rollingWindows(m_era.points, m_era.era->from, m_era.era->to, options);
    }
    redraw();
}

void RollingPanel::redraw()
{
    const compute::PublishedQuantity q = quantity();
    QVector<double> keys, values, lows, highs;
    std::size_t fitted = 0;
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < m_windows.size(); ++i) {
        const compute::RollingWindow &w = m_windows[i];
        const std::optional<double> value = valueOf(w);
        const compute::Interval ci = intervalOf(w);
        keys << keyOf(w);
        values << value.value_or(kNaN);
        // An unbounded interval (the slope's includes 0) draws no band: a gap.
        const bool banded = value && ci.low && ci.high;
        lows << (banded ? *ci.low : kNaN);
        highs << (banded ? *ci.high : kNaN);
        if (value) {
            ++fitted;
            if (!first) first = i;
            last = i;
        }
    }
    m_plot->graph(0)->setData(keys, lows, true);
    m_plot->graph(1)->setData(keys, highs, true);
    m_plot->graph(2)->setData(keys, values, true);
    const std::optional<double> whole =
        m_era.valid() && m_era.fit.ok() ? compute::slopeAs(q, m_era.fit.slope) : std::nullopt;
    QCPGraph *wholeGraph = m_plot->graph(3);
    wholeGraph->data()->clear();
    if (whole && !keys.isEmpty() &&
        (q != compute::PublishedQuantity::DoublingTimeMonths || m_era.fit.slope > 0))
        wholeGraph->setData({keys.front(), keys.back()}, {*whole, *whole}, true);

    const bool doubling = q == compute::PublishedQuantity::DoublingTimeMonths;
    QString label = doubling ? tr("doubling time (months)") : tr("growth per year (×)");
    if (m_era.axes.y != compute::Quantity::Compute) // the trend of another quantity
        label = tr("%1: %2").arg(
            QString::fromStdString(std::string(compute::quantityTitle(m_era.axes.y))), label);
    m_plot->yAxis->setLabel(label);
    // The axis holds the values and the whole era's fit; the bands (wide for a window of
    // few runs) are clipped to the values' span on either side.
    double valueLow = std::numeric_limits<double>::infinity(), valueHigh = -valueLow;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        valueLow = std::min(valueLow, v);
        valueHigh = std::max(valueHigh, v);
    }
    if (whole && std::isfinite(*whole) && !wholeGraph->data()->isEmpty()) {
        valueLow = std::min(valueLow, *whole);
        valueHigh = std::max(valueHigh, *whole);
    }
    if (std::isfinite(valueLow)) {
        double low = valueLow, high = valueHigh;
        for (int i = 0; i < keys.size(); ++i) {
            if (std::isfinite(lows[i])) low = std::min(low, lows[i]);
            if (std::isfinite(highs[i])) high = std::max(high, highs[i]);
        }
        const double span = std::max(valueHigh - valueLow, 0.5 * valueHigh);
        low = std::max(low, valueLow - span);
        high = std::min(high, valueHigh + span);
        const double pad = std::max(0.05 * (high - low), 0.1);
        m_plot->yAxis->setRange(std::max(0.0, low - pad), high + pad);
        const double keyPad = std::max(0.25, 0.03 * (keys.back() - keys.front()));
        m_plot->xAxis->setRange(keys.front() - keyPad, keys.back() + keyPad);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    if (!m_era.valid()) {
        m_summary->setText(tr("Choose an era."));
    } else if (m_windows.empty()) {
        m_summary->setText(tr("The era's runs span less than one window of %1 years: no windows.")
                               .arg(m_years->value()));
    } else {
        const QString count =
            m_windows.size() == 1 ? tr("1 window") : tr("%1 windows").arg(m_windows.size());
        QString text =
            tr("%1 from %2 to %3")
                .arg(count, formatMonth(m_windows.front().from), formatMonth(m_windows.back().to));
        if (fitted < m_windows.size())
            text += tr("; %1 without a %2")
                        .arg(m_windows.size() - fitted)
                        .arg(doubling ? tr("growing fit") : tr("fit"));
        if (first && last && *first != *last)
            text += tr(". First %1, last %2").arg(describeWindow(*first), describeWindow(*last));
        if (whole) text += tr(". Whole era: %1").arg(formatQuantity(q, whole));
        m_summary->setText(text + QLatin1Char('.'));
    }
}

QString RollingPanel::describeWindow(std::size_t index) const
{
    const compute::RollingWindow &w = m_windows.at(index);
    const QString range = QStringLiteral("[%1, %2)").arg(formatMonth(w.from), formatMonth(w.to));
    if (!w.fit.ok()) return tr("%1: %2").arg(range, QString::fromStdString(w.fit.statusMessage()));
    const std::optional<double> value = valueOf(w);
    if (!value) return tr("%1: n = %2, the trend does not grow").arg(range).arg(w.fit.n);
    return tr("%1: %2, n = %3")
        .arg(range, formatQuantityWithInterval(quantity(), value, intervalOf(w)))
        .arg(w.fit.n);
}

std::optional<std::size_t> RollingPanel::windowAt(const QPointF &pixel) const
{
    std::optional<std::size_t> best;
    double bestDistance = kHoverPixels;
    for (std::size_t i = 0; i < m_windows.size(); ++i) {
        const std::optional<double> value = valueOf(m_windows[i]);
        if (!value) continue;
        const QPointF at(m_plot->xAxis->coordToPixel(keyOf(m_windows[i])),
                         m_plot->yAxis->coordToPixel(*value));
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

void RollingPanel::onMouseMove(QMouseEvent *event)
{
    const auto i = windowAt(event->position());
    if (!i) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), describeWindow(*i), m_plot);
}

} // namespace app
