// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/published_format.h"

#include "app/format/analysis_format.h"
#include "app/format/number_format.h"

#include <QObject>
#include <QStringList>

#include <cmath>

namespace app {
namespace {

const QString kMissing = QStringLiteral("–");

QString number(double value)
{
    return significant(value, 3);
}

QString unitSuffix(compute::PublishedQuantity quantity)
{
    return quantity == compute::PublishedQuantity::DoublingTimeMonths ? QStringLiteral(" mo")
                                                                      : QStringLiteral("×/yr");
}

QString bracket(const compute::Interval &ci)
{
    if (!ci.low && !ci.high) return {};
    const QString low = ci.low ? number(*ci.low) : QStringLiteral("−∞");
    const QString high = ci.high ? number(*ci.high) : QStringLiteral("∞");
    return QStringLiteral(" [%1, %2]").arg(low, high);
}

} // namespace

QString formatQuantity(compute::PublishedQuantity quantity, std::optional<double> value)
{
    if (!value || !std::isfinite(*value)) return kMissing;
    return number(*value) + unitSuffix(quantity);
}

QString formatQuantityWithInterval(compute::PublishedQuantity quantity, std::optional<double> value,
                                   const compute::Interval &ci)
{
    if (!value || !std::isfinite(*value)) return kMissing;
    return formatQuantity(quantity, value) + bracket(ci);
}

QString formatPublishedFigure(const compute::PublishedFigure &figure)
{
    QString text = formatQuantityWithInterval(figure.quantity, figure.value,
                                              compute::Interval{figure.ciLow, figure.ciHigh});
    if (figure.ciLow || figure.ciHigh)
        text += figure.ciLevel ? QStringLiteral(" (%1%)").arg(number(100 * *figure.ciLevel))
                               : QObject::tr(" (a range)");
    return text;
}

QString fitSummaryWithPublished(const compute::TrendFit &fit,
                                const compute::PublishedFigure &figure)
{
    const QString paper = figure.quantity == compute::PublishedQuantity::DoublingTimeMonths
                              ? number(figure.value)
                              : formatQuantity(figure.quantity, figure.value);
    QString ours = QObject::tr("no fit");
    if (fit.ok()) {
        const double months = fit.doublingTimeMonths();
        ours = (months >= 0 ? QString() : QObject::tr("halving ")) + fixed(std::fabs(months), 1) +
               QStringLiteral(" mo");
    }
    return QObject::tr("n = %1 · %2 (paper %3)").arg(fit.n).arg(ours, paper);
}

QString publishedSource(const compute::PublishedFigure &figure)
{
    QStringList parts;
    if (!figure.source.empty()) parts << QString::fromStdString(figure.source);
    if (!figure.table.empty()) parts << QString::fromStdString(figure.table);
    return parts.join(QStringLiteral(", "));
}

QString datasetVintage(const compute::Dataset &dataset)
{
    if (!dataset.metadata.provenance.vintage.empty())
        return QObject::tr("data of %1")
            .arg(QString::fromStdString(dataset.metadata.provenance.vintage));
    std::optional<compute::Date> latest;
    for (const compute::TrainingRun &run : dataset.runs)
        if (run.date && (!latest || *latest < *run.date)) latest = run.date;
    if (!latest) return {};
    return QObject::tr("runs to %1").arg(formatMonth(*latest));
}

QString dataDifference(const compute::PublishedFigure &figure, std::size_t ourN,
                       const QString &ourVintage)
{
    QStringList paper;
    if (!figure.dataVintage.empty())
        paper << QObject::tr("data of %1").arg(QString::fromStdString(figure.dataVintage));
    if (figure.n) paper << QObject::tr("n = %1").arg(*figure.n);
    QStringList ours;
    if (!ourVintage.isEmpty()) ours << ourVintage;
    ours << QObject::tr("n = %1").arg(ourN);
    QString text = paper.isEmpty() ? QObject::tr("paper: data not stated")
                                   : QObject::tr("paper: %1").arg(paper.join(QStringLiteral(", ")));
    text += QObject::tr("; here: %1").arg(ours.join(QStringLiteral(", ")));
    if (!figure.note.empty()) text += QStringLiteral(" · ") + QString::fromStdString(figure.note);
    return text;
}

} // namespace app
