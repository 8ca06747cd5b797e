// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/format/run_tooltip.h"

#include "app/data/bundled_data.h"
#include "app/format/number_format.h"
#include "core/model/units.h"

namespace app {

QString describeInputs(const compute::ComputeEstimate &estimate)
{
    return std::visit(
        [](const auto &in) -> QString {
            using T = std::decay_t<decltype(in)>;
            if constexpr (std::is_same_v<T, compute::OperationsInputs>) {
                return QStringLiteral("%1 FLOP/example × (1 + %2) × %3 examples × %4 epochs")
                    .arg(compact(in.forwardFlopPerExample), compact(in.backwardForwardRatio),
                         compact(in.examplesPerEpoch), compact(in.epochs));
            } else if constexpr (std::is_same_v<T, compute::HardwareInputs>) {
                QString device = QString::fromStdString(in.device);
                if (const auto *a = hardwareCatalog().find(in.device))
                    device = QString::fromStdString(a->name);
                const QString time =
                    in.timeUnit == compute::TimeUnit::Days
                        ? QStringLiteral("%1 days").arg(compact(in.trainingHours / 24))
                        : QStringLiteral("%1 hours").arg(compact(in.trainingHours));
                QString text =
                    QStringLiteral("%1 × %2 (%3 FLOP/s, %4) × %5 × %6 utilization")
                        .arg(compact(in.deviceCount),
                             device.isEmpty() ? QStringLiteral("devices") : device,
                             compact(in.peakFlopsPerDevice),
                             QString::fromUtf8(compute::numberFormatLabel(in.numberFormat).data()),
                             time, compact(in.utilization));
                if (in.adjustment != 1) text += QStringLiteral(" × %1").arg(compact(in.adjustment));
                return text;
            } else if constexpr (std::is_same_v<T, compute::ParametersTokensInputs>) {
                return QStringLiteral("6 × %1 parameters × %2 tokens")
                    .arg(compact(in.parameters), compact(in.tokens));
            } else {
                return in.unit == compute::ComputeUnit::Flop
                           ? QStringLiteral("%1 FLOP as published").arg(compact(in.value))
                           : QStringLiteral("%1 pfs-days as published").arg(compact(in.value));
            }
        },
        estimate.inputs);
}

QString runTooltip(const compute::TrainingRun &run)
{
    QString html =
        QStringLiteral("<b>%1</b>").arg(QString::fromStdString(run.name).toHtmlEscaped());
    if (!run.organization.empty())
        html +=
            QStringLiteral("<br>%1").arg(QString::fromStdString(run.organization).toHtmlEscaped());
    if (run.date) html += QStringLiteral("<br>%1").arg(QString::fromStdString(run.date->toIso()));
    if (const auto flop = run.flop()) {
        html += QStringLiteral("<br>%1%2 FLOP = %3 pfs-days")
                    .arg(run.upperBound ? QStringLiteral("≤ ") : QString(), compact(*flop),
                         compact(compute::flopToPfsDays(*flop)));
    }
    if (const compute::ComputeEstimate *e = run.primaryEstimate()) {
        html += QStringLiteral("<br><i>%1:</i> %2")
                    .arg(QString::fromUtf8(compute::methodLabel(e->method()).data()),
                         describeInputs(*e).toHtmlEscaped());
    }
    if (!run.sources.empty()) {
        const compute::Source &s = run.sources.front();
        const QString title = QString::fromStdString(s.title.empty() ? s.url : s.title);
        html += QStringLiteral("<br>Source: %1").arg(title.toHtmlEscaped());
        if (!s.url.empty() && !s.title.empty())
            html += QStringLiteral(" (%1)").arg(QString::fromStdString(s.url).toHtmlEscaped());
    }
    return html;
}

} // namespace app
