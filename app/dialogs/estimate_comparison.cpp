// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/estimate_comparison.h"

#include "core/util/number_parse.h"

#include <QCoreApplication>

#include <algorithm>

namespace app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("app::EstimateComparison", text);
}

QString significant(double value, int digits)
{
    return QString::fromStdString(compute::formatSignificant(value, digits));
}

} // namespace

EstimateComparison compareWithPrimary(const std::vector<LabelledEstimate> &estimates,
                                      std::size_t primary)
{
    EstimateComparison result;
    QStringList summary;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        const LabelledEstimate &item = estimates[i];
        const double flop = item.estimate.flop();
        QString line = tr("%1: %2 FLOP = %3 pfs-days")
                           .arg(item.label, significant(flop, 4),
                                significant(compute::flopToPfsDays(flop), 4));
        if (i == primary) {
            result.lines.append(tr("Primary estimate of the run."));
            result.disagreesWithPrimary.push_back(false);
            summary.append(line + QLatin1Char(' ') + tr("(primary)"));
            continue;
        }
        const auto c = primary < estimates.size()
                           ? compute::compareEstimates(estimates[primary].estimate, item.estimate)
                           : std::nullopt;
        if (!c) {
            result.lines.append(QString());
            result.disagreesWithPrimary.push_back(false);
            summary.append(line);
            continue;
        }
        QString comparison =
            tr("%1× the primary (%2)").arg(significant(c->ratio, 3), estimates[primary].label);
        if (c->impliedUtilization)
            comparison +=
                tr("; implied utilization %1").arg(significant(*c->impliedUtilization, 2));
        result.lines.append(comparison);
        result.disagreesWithPrimary.push_back(c->disagrees());
        summary.append(line + QStringLiteral(" (") + comparison + QLatin1Char(')'));
    }
    result.summary = summary.join(QLatin1Char('\n'));

    QStringList pairs;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        for (std::size_t j = i + 1; j < estimates.size(); ++j) {
            const auto c = compute::compareEstimates(estimates[i].estimate, estimates[j].estimate);
            if (!c || !c->disagrees()) continue;
            const double factor = std::max(c->ratio, 1.0 / c->ratio);
            pairs.append(tr("%1 and %2 differ by a factor of %3")
                             .arg(estimates[i].label, estimates[j].label, significant(factor, 3)));
        }
    }
    if (!pairs.isEmpty())
        result.warning = tr("Warning: %1. OpenAI aimed for estimates that agree within a factor "
                            "of 2–3: check the inputs.")
                             .arg(pairs.join(QStringLiteral("; ")));
    return result;
}

} // namespace app
