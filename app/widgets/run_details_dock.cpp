// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/run_details_dock.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/category_format.h"
#include "app/format/number_format.h"
#include "app/format/run_tooltip.h"

#include <QCoreApplication>
#include <QScrollBar>
#include <QStringList>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

#include <cmath>
#include <unordered_set>

namespace app {
namespace {

const QLatin1String kWarningColor("#b00020");

QString tr(const char *text)
{
    return QCoreApplication::translate("app::RunDetailsDock", text);
}

QString escaped(std::string_view text)
{
    return fromView(text).toHtmlEscaped();
}

QString row(const QString &label, const QString &html)
{
    return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), html);
}

QString none()
{
    return QStringLiteral("<i>%1</i>").arg(tr("none"));
}

QString computeHtml(double flop)
{
    return tr("%1 FLOP = %2 pfs-days").arg(compact(flop), compact(compute::flopToPfsDays(flop)));
}

QString fieldsHtml(const compute::TrainingRun &run)
{
    QString html = QStringLiteral("<table>");
    html += row(tr("Organization"), run.organization.empty() ? none() : escaped(run.organization));
    html += row(tr("Domain"), run.domain.empty() ? none() : escaped(run.domain));
    html += row(
        tr("Date"),
        run.date ? tr("%1 (known to the %2)")
                       .arg(QString::fromStdString(run.date->toIso()),
                            QString::fromUtf8(compute::precisionKey(run.date->precision()).data()))
                 : QStringLiteral("<i>%1</i>").arg(tr("unknown: not plotted against the date")));
    const std::optional<double> flop = run.flop();
    html += row(tr("Compute"),
                flop ? (run.upperBound ? QStringLiteral("≤ ") : QString()) + computeHtml(*flop)
                     : QStringLiteral("<i>%1</i>").arg(tr("unknown: not plotted against compute")));
    html += row(tr("Parameters"), run.parameters ? compact(*run.parameters) : none());
    const std::string_view confidence = compute::confidenceKey(run.confidence);
    html += row(tr("Confidence"),
                confidence.empty() ? none()
                                   : QString::fromUtf8(confidence.data(),
                                                       static_cast<qsizetype>(confidence.size())));
    QStringList tags;
    for (std::string_view tag : run.tags)
        tags.append(escaped(tag));
    html += row(tr("Tags"), tags.isEmpty() ? none() : tags.join(QStringLiteral(", ")));
    html += row(tr("Upper bound"),
                run.upperBound ? tr("yes: the compute is at most this; never fitted") : tr("no"));
    return html + QStringLiteral("</table>");
}

QString consistencyHtml(const compute::ComputeEstimate &primary,
                        const compute::ComputeEstimate &other)
{
    const std::optional<compute::Consistency> c = compute::compareEstimates(primary, other);
    if (!c) return tr("No comparison with the primary estimate: one of them has no valid compute.");
    QString html = tr("Ratio to primary: %1×").arg(significant(c->ratio, 3));
    if (c->impliedUtilization)
        html += tr("; implied utilization %1%").arg(significant(*c->impliedUtilization * 100, 3));
    if (c->disagrees())
        html += QStringLiteral("<br><span style='color:%1'><b>⚠ %2</b></span>")
                    .arg(kWarningColor, tr("Disagrees with the primary estimate by more than 3×"));
    return html;
}

QString estimatesHtml(const compute::TrainingRun &run)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Estimates"));
    if (run.estimates.empty()) return html + QStringLiteral("<p>%1</p>").arg(none());
    const compute::ComputeEstimate *primary = run.primaryEstimate();
    for (std::size_t i = 0; i < run.estimates.size(); ++i) {
        const compute::ComputeEstimate &e = run.estimates[i];
        html += QStringLiteral("<p><b>%1</b>")
                    .arg(QString::fromUtf8(compute::methodLabel(e.method()).data()));
        if (i == run.primary) html += QStringLiteral(" <b>(%1)</b>").arg(tr("primary"));
        html += QStringLiteral("<br>") + describeInputs(e).toHtmlEscaped() + QStringLiteral("<br>");
        const double flop = e.flop();
        html += std::isfinite(flop) && flop > 0
                    ? QStringLiteral("= ") + computeHtml(flop)
                    : QStringLiteral("<span style='color:%1'>%2</span>")
                          .arg(kWarningColor, tr("No valid compute: check the inputs"));
        if (primary && i != run.primary)
            html += QStringLiteral("<br>") + consistencyHtml(*primary, e);
        if (!e.note.empty()) html += QStringLiteral("<br><i>%1</i>").arg(escaped(e.note));
        html += QStringLiteral("</p>");
    }
    return html;
}

QString sourcesHtml(const compute::TrainingRun &run)
{
    if (run.sources.empty()) return {};
    QString html = QStringLiteral("<h3>%1</h3><ul>").arg(tr("Sources"));
    for (const compute::Source &source : run.sources) {
        const QString title = escaped(source.title.empty() ? source.url : source.title);
        const QUrl url(QString::fromStdString(source.url));
        const QString scheme = url.scheme().toLower();
        // Only web and mail links open from here; file: or script URLs stay text.
        const bool linkable =
            url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                              scheme == QLatin1String("mailto"));
        if (linkable)
            html += QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                        .arg(QString::fromUtf8(url.toEncoded()).toHtmlEscaped(), title);
        else if (!source.url.empty() && !source.title.empty())
            html += QStringLiteral("<li>%1 (%2)</li>").arg(title, escaped(source.url));
        else
            html += QStringLiteral("<li>%1</li>").arg(title);
    }
    return html + QStringLiteral("</ul>");
}

} // namespace

QString runDetailsHtml(const compute::TrainingRun &run)
{
    // A long name is elided in the header (a heading does not wrap well in a narrow dock);
    // the whole name follows as a field.
    constexpr qsizetype kLongestHeader = 48;
    const QString name = QString::fromStdString(run.name);
    QString html;
    if (name.size() > kLongestHeader) {
        html = QStringLiteral("<h2>%1</h2>")
                   .arg((name.left(kLongestHeader - 1).trimmed() + QChar(0x2026)).toHtmlEscaped());
        html += QStringLiteral("<p>%1</p>").arg(name.toHtmlEscaped());
    } else {
        html = QStringLiteral("<h2>%1</h2>").arg(name.toHtmlEscaped());
    }
    html += fieldsHtml(run) + estimatesHtml(run) + sourcesHtml(run);
    if (!run.notes.empty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Notes"),
                         escaped(run.notes).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    return html;
}

RunDetailsDock::RunDetailsDock(Document *document, ViewState *view, QWidget *parent)
    : QDockWidget(tr("Run Details"), parent), m_document(document), m_view(view),
      m_browser(new QTextBrowser(this)), m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("runDetailsDock"));
    m_browser->setOpenExternalLinks(true);
    setWidget(m_browser);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &RunDetailsDock::refresh);
    const auto schedule = [this] { m_refreshTimer->start(); };
    connect(document, &Document::datasetReset, this, schedule);
    connect(document, &Document::runsReset, this, schedule);
    connect(document, &Document::runInserted, this, schedule);
    connect(document, &Document::runRemoved, this, schedule);
    connect(document, &Document::runChanged, this, schedule);
    connect(view, &ViewState::selectionChanged, this, &RunDetailsDock::refresh);
    refresh();
}

void RunDetailsDock::refresh()
{
    m_refreshTimer->stop();
    const QSet<QString> &selection = m_view->selection();
    const auto &runs = m_document->dataset().runs;
    std::unordered_set<std::string> ids;
    for (const QString &id : selection)
        ids.insert(id.toStdString());
    int first = -1;
    int count = 0;
    for (std::size_t i = 0; i < runs.size() && !ids.empty(); ++i) {
        if (!ids.count(runs[i].id)) continue;
        if (first < 0) first = static_cast<int>(i);
        ++count;
    }

    const QString previousId = m_shownId;
    const int scroll = m_browser->verticalScrollBar()->value();
    m_shownRun = first;
    if (first < 0) {
        m_shownId.clear();
        m_browser->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                               .arg(tr("Select a run in the table or on the chart to see "
                                       "its details.")));
        return;
    }
    const compute::TrainingRun &run = runs[static_cast<std::size_t>(first)];
    m_shownId = QString::fromStdString(run.id);
    QString html;
    if (count > 1)
        html = QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(tr("%n runs selected", nullptr, count),
                        tr("(showing the first, %1)").arg(escaped(run.name)));
    m_browser->setHtml(html + runDetailsHtml(run));
    // An edit of the run shown keeps the reader's place.
    if (m_shownId == previousId) m_browser->verticalScrollBar()->setValue(scroll);
}

} // namespace app
