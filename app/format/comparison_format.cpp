// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/comparison_format.h"

#include "app/format/analysis_format.h"
#include "app/format/category_format.h"
#include "app/format/number_format.h"
#include "app/format/unit_format.h"

#include <QObject>
#include <QStringList>

#include <cmath>

namespace app {
namespace {

const QString kMissing = QStringLiteral("–");

QString text(const std::string &s)
{
    return s.empty() ? kMissing : QString::fromStdString(s);
}

QString text(std::string_view s)
{
    return s.empty() ? kMissing : QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A field's value as the comparison shows it; compute in `unit` (the unit added by the
// caller, once).
QString valueOf(compute::RunField field, const compute::TrainingRun &run, compute::ComputeUnit unit)
{
    using compute::RunField;
    switch (field) {
    case RunField::Name:
        return text(run.name);
    case RunField::Date:
        return run.date ? QString::fromStdString(run.date->toIso()) : kMissing;
    case RunField::Compute: {
        const auto flop = run.flop();
        return flop ? significant(compute::toUnit(*flop, unit), 3) : kMissing;
    }
    case RunField::Estimates: {
        QStringList methods;
        for (std::size_t i = 0; i < run.estimates.size(); ++i)
            methods << text(compute::methodKey(run.estimates[i].method())) +
                           (i == run.primary && run.estimates.size() > 1 ? QStringLiteral("*")
                                                                         : QString());
        return methods.isEmpty() ? kMissing : methods.join(QStringLiteral(", "));
    }
    case RunField::UpperBound:
        return run.upperBound ? QObject::tr("yes") : QObject::tr("no");
    case RunField::Domain:
        return text(run.domain.view());
    case RunField::Organization:
        return text(run.organization.view());
    case RunField::Tags: {
        QStringList tags;
        for (std::string_view tag : run.tags)
            tags << fromView(tag);
        return tags.isEmpty() ? kMissing : tags.join(QStringLiteral(", "));
    }
    case RunField::Confidence:
        return text(compute::confidenceKey(run.confidence));
    case RunField::DatePrecision:
        return run.date ? text(compute::precisionKey(run.date->precision())) : kMissing;
    case RunField::Parameters:
        return run.parameters ? compact(*run.parameters) : kMissing;
    case RunField::Id:
        return text(run.id);
    case RunField::Sources:
    case RunField::Notes:
    case RunField::EstimateNotes:
        break; // long texts: named, not quoted
    }
    return {};
}

} // namespace

QString runFieldName(compute::RunField field)
{
    return text(compute::runFieldKey(field)).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString describeFieldChange(compute::RunField field, const compute::TrainingRun &before,
                            const compute::TrainingRun &after, compute::ComputeUnit unit)
{
    const QString from = valueOf(field, before, unit);
    const QString to = valueOf(field, after, unit);
    if (from.isEmpty() && to.isEmpty()) return runFieldName(field);
    QString change = QStringLiteral("%1 %2 → %3").arg(runFieldName(field), from, to);
    if (field == compute::RunField::Compute) change += QLatin1Char(' ') + unitName(unit);
    return change;
}

QString describeChanges(const compute::RunMatch &match, const compute::TrainingRun &before,
                        const compute::TrainingRun &after, compute::ComputeUnit unit)
{
    QStringList changes;
    for (compute::RunField field : match.significant)
        changes << describeFieldChange(field, before, after, unit);
    return changes.join(QStringLiteral("; "));
}

QString formatComputeRatio(std::optional<double> ratio)
{
    return ratio ? QStringLiteral("×") + formatNumber3(ratio) : kMissing;
}

QString doublingWithInterval(const compute::TrendFit &fit)
{
    if (!fit.ok()) return QObject::tr("no fit");
    return QObject::tr("%1 mo %2")
        .arg(formatNumber3(fit.doublingTimeMonths()), formatInterval(fit.doublingTimeMonthsCi95()));
}

QString formatMonthsMoved(std::optional<double> months)
{
    if (!months) return kMissing;
    const QString sign = *months > 0   ? QStringLiteral("+")
                         : *months < 0 ? QStringLiteral("−")
                                       : QString();
    return QObject::tr("%1%2 mo").arg(sign, formatNumber3(std::abs(*months)));
}

QString matchStageName(compute::MatchStage stage)
{
    switch (stage) {
    case compute::MatchStage::Exact:
        return QObject::tr("exact");
    case compute::MatchStage::DateMoved:
        return QObject::tr("date moved");
    case compute::MatchStage::Renamed:
        return QObject::tr("renamed");
    }
    return {};
}

} // namespace app
