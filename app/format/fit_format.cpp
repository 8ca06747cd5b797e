// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/fit_format.h"

#include "app/format/number_format.h"

#include <QObject>

#include <cmath>

namespace app {

namespace {

// `runs` names the runs fitted ("large-scale runs, Z ≥ 0.76"), or is empty.
QString describeFitOf(const compute::TrendFit &fit, const QString &runs)
{
    if (!fit.ok()) return QString::fromStdString(fit.statusMessage());
    const double months = fit.doublingTimeMonths();
    const QString verb = months >= 0 ? QStringLiteral("doubling") : QStringLiteral("halving");
    const int digits = std::fabs(months) < 10 ? 2 : 3;
    return QStringLiteral("%1 every %2 months (×%3/yr, R² %4, %5n = %6)")
        .arg(verb, significant(std::fabs(months), digits),
             significant(fit.growthFactorPerYear(), 3), fixed(fit.rSquared, 2),
             runs.isEmpty() ? QString() : runs + QStringLiteral(", "))
        .arg(fit.n);
}

} // namespace

QString describeFit(const compute::TrendFit &fit)
{
    return describeFitOf(fit, {});
}

QString describeEraFit(const compute::Era &era, const compute::TrendFit &fit)
{
    if (era.rule.isAllRuns()) return describeFit(fit);
    const QString runs = QString::fromStdString(compute::describeRule(era.rule));
    if (fit.ok()) return describeFitOf(fit, runs);
    return QStringLiteral("%1 (%2, n = %3)")
        .arg(QString::fromStdString(fit.statusMessage()), runs)
        .arg(fit.n);
}

QString describePowerLaw(const compute::TrendFit &fit)
{
    if (!fit.ok()) return QString::fromStdString(fit.statusMessage());
    return QStringLiteral("∝ x^%1 [%2, %3] (R² %4, n = %5)")
        .arg(fixed(fit.slope, 2), fixed(fit.slopeCiLow, 2), fixed(fit.slopeCiHigh, 2),
             fixed(fit.rSquared, 2))
        .arg(fit.n);
}

QString powerLawSummary(const compute::TrendFit &fit)
{
    const QString n = QObject::tr("n = %1").arg(fit.n);
    if (!fit.ok()) return n + QObject::tr(" · no fit");
    return n + QObject::tr(" · exponent %1").arg(fixed(fit.slope, 2));
}

QString describeEraFit(const compute::Era &era, const compute::TrendFit &fit,
                       const compute::Axes &axes)
{
    return axes.dated() ? describeEraFit(era, fit) : describePowerLaw(fit);
}

QString fitSummary(const compute::TrendFit &fit)
{
    const QString n = QObject::tr("n = %1").arg(fit.n);
    if (!fit.ok()) return n + QObject::tr(" · no fit");
    const double months = fit.doublingTimeMonths();
    const QString amount = fixed(std::fabs(months), 1);
    return n + (months >= 0 ? QObject::tr(" · doubling %1 mo") : QObject::tr(" · halving %1 mo"))
                   .arg(amount);
}

QString briefFit(const compute::TrendFit &fit, const compute::Axes &axes)
{
    if (!fit.ok()) return QString::fromStdString(fit.statusMessage());
    if (!axes.dated()) return QStringLiteral("∝ x^%1 (n = %2)").arg(fixed(fit.slope, 2)).arg(fit.n);
    const double months = fit.doublingTimeMonths();
    return QStringLiteral("%1 every %2 months (n = %3)")
        .arg(months >= 0 ? QStringLiteral("doubling") : QStringLiteral("halving"),
             significant(std::fabs(months), std::fabs(months) < 10 ? 2 : 3))
        .arg(fit.n);
}

QString describeImprovement(const compute::Breakpoint &b)
{
    if (!b.ok()) return {};
    if (b.fStatistic == 0) return QObject::tr("none: two lines fit no better than one");
    const QString f = std::isinf(b.fStatistic) ? QStringLiteral("∞") : fixed(b.fStatistic, 1);
    return QObject::tr("F = %1: two lines remove %2% of the squared residuals of one line")
        .arg(f, fixed(100 * b.sseReduction, 0));
}

} // namespace app
