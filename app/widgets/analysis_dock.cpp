// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/analysis_dock.h"

#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/fit_format.h"
#include "app/widgets/analysis/bootstrap_panel.h"
#include "app/widgets/analysis/influence_panel.h"
#include "app/widgets/analysis/projection_panel.h"
#include "app/widgets/analysis/published_panel.h"
#include "app/widgets/analysis/reference_lines_panel.h"
#include "app/widgets/analysis/residuals_panel.h"
#include "app/widgets/analysis/rolling_panel.h"
#include "app/widgets/analysis/subsets_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

AnalysisDock::AnalysisDock(Document *document, ViewState *view, TrendModel *trends, QWidget *parent)
    : QDockWidget(tr("Analysis"), parent), m_context{document, view, trends},
      m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("analysisDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    m_eraBox = new QComboBox(content);
    m_eraBox->setObjectName(QStringLiteral("analysisEraBox"));
    m_eraBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_eraBox->setMinimumContentsLength(12);
    m_fitLabel = new QLabel(content);
    m_fitLabel->setObjectName(QStringLiteral("analysisFit"));
    m_fitLabel->setWordWrap(true);
    // One row: the era and its fit.
    auto *eraLabel = new QLabel(tr("&Era:"), content);
    eraLabel->setBuddy(m_eraBox);
    auto *eraRow = new QHBoxLayout;
    eraRow->addWidget(eraLabel);
    eraRow->addWidget(m_eraBox);
    eraRow->addWidget(m_fitLabel, 1);
    layout->addLayout(eraRow);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("analysisTabs"));
    m_tabs->setDocumentMode(true);
    m_projection = new ProjectionPanel(m_context, m_tabs);
    m_influence = new InfluencePanel(m_context, m_tabs);
    m_subsets = new SubsetsPanel(m_context, m_tabs);
    m_bootstrap = new BootstrapPanel(m_context, m_tabs);
    m_referenceLines = new ReferenceLinesPanel(m_context, m_tabs);
    m_residuals = new ResidualsPanel(m_context, m_tabs);
    m_published = new PublishedPanel(m_context, m_tabs);
    m_rolling = new RollingPanel(m_context, m_tabs);
    m_panels = {m_projection,     m_influence, m_subsets,   m_bootstrap,
                m_referenceLines, m_residuals, m_published, m_rolling};
    const QStringList titles = {tr("Projection"), tr("Influence"),       tr("Subsets"),
                                tr("Bootstrap"),  tr("Reference lines"), tr("Residuals"),
                                tr("Published"),  tr("Rolling")};
    for (int i = 0; i < m_panels.size(); ++i) {
        // Each tab: the panel, or in its place why it does not apply to the chart's axes.
        auto *page = new QStackedWidget(m_tabs);
        page->setObjectName(m_panels[i]->objectName() + QStringLiteral("Page"));
        auto *notice = new QLabel(page);
        notice->setObjectName(QStringLiteral("analysisNotice"));
        notice->setWordWrap(true);
        notice->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        notice->setMargin(8);
        page->addWidget(m_panels[i]);
        page->addWidget(notice);
        m_tabs->addTab(page, titles[i]);
    }
    m_tabs->setTabToolTip(m_tabs->indexOf(pageOf(m_published)),
                          tr("Each era of the scheme beside the figure its paper published"));
    m_tabs->setTabToolTip(m_tabs->indexOf(pageOf(m_rolling)),
                          tr("How the trend moves: the era's fit in a window sliding a month at "
                             "a time"));
    layout->addWidget(m_tabs, 1);
    // Scrolls rather than pushing the chart up when the dock is short.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    setWidget(scroll);

    // Zero delay: a burst of changes (a boundary dragged, an undo of many edits) is
    // analysed once, after the chart has redrawn.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &AnalysisDock::refreshIfShown);
    // A tab behind another dock stays "visible" (Qt moves it out of sight); this signal
    // says whether it can be seen.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool onScreen) {
        m_onScreen = onScreen;
        if (onScreen && m_stale) scheduleRefresh();
    });
    connect(trends, &TrendModel::changed, this, &AnalysisDock::scheduleRefresh);
    connect(view, &ViewState::selectionChanged, this, &AnalysisDock::scheduleRefresh);
    connect(view, &ViewState::axesChanged, this, &AnalysisDock::scheduleRefresh);
    connect(view, &ViewState::schemeChanged, this, [this] {
        m_schemeChanged = true;
        scheduleRefresh();
    });
    connect(m_eraBox, &QComboBox::currentIndexChanged, this, [this](int era) {
        scheduleRefresh();
        emit currentEraChanged(era);
    });
    refreshNow();
}

QStackedWidget *AnalysisDock::pageOf(AnalysisPanel *panel) const
{
    return qobject_cast<QStackedWidget *>(panel->parentWidget());
}

QString AnalysisDock::noticeOf(AnalysisPanel *panel) const
{
    QStackedWidget *page = pageOf(panel);
    if (!page || page->currentWidget() == panel) return {};
    return static_cast<QLabel *>(page->currentWidget())->text();
}

int AnalysisDock::currentEra() const
{
    return m_eraBox->currentIndex();
}

void AnalysisDock::setCurrentEra(int era)
{
    if (era < 0 || era >= m_eraBox->count() || era == m_eraBox->currentIndex()) return;
    m_eraBox->setCurrentIndex(era);
}

void AnalysisDock::scheduleRefresh()
{
    m_refreshTimer->start();
}

void AnalysisDock::refreshIfShown()
{
    // Hidden (a tab behind the run table, or closed), the analyses wait until the dock
    // is shown: on 100,000 runs they cost tens of milliseconds per edit. Runs they mark
    // on the chart keep them up to date.
    if ((isVisible() && m_onScreen) || !m_context.view->overlays().markedRuns.isEmpty())
        refreshNow();
    else
        m_stale = true;
}

void AnalysisDock::fillEraBox()
{
    const std::vector<compute::Era> eras = m_context.trends->eras();
    QStringList names;
    for (const compute::Era &era : eras)
        names << QString::fromStdString(era.name);
    QStringList shown;
    for (int i = 0; i < m_eraBox->count(); ++i)
        shown << m_eraBox->itemText(i);
    if (names == shown && !m_schemeChanged) return;

    // Another scheme starts at its most recent era; the same one keeps its place.
    const int old = m_eraBox->currentIndex();
    const int wanted = m_schemeChanged || old < 0
                           ? static_cast<int>(names.size()) - 1
                           : std::min(old, static_cast<int>(names.size()) - 1);
    m_schemeChanged = false;
    {
        const QSignalBlocker block(m_eraBox);
        m_eraBox->clear();
        m_eraBox->addItems(names);
        m_eraBox->setCurrentIndex(wanted);
    }
    if (wanted != old) emit currentEraChanged(wanted);
}

void AnalysisDock::refreshNow()
{
    m_refreshTimer->stop();
    m_stale = false;
    fillEraBox();
    AnalysisEra analysed;
    analysed.index = m_eraBox->currentIndex();
    analysed.era = m_context.trends->era(analysed.index);
    analysed.axes = m_context.view->axes();
    if (analysed.era) {
        analysed.points = m_context.trends->cache().points(*analysed.era);
        analysed.fit = m_context.trends->fit(analysed.index);
        m_fitLabel->setText(describeEraFit(*analysed.era, analysed.fit));
    } else {
        analysed.index = -1;
        m_fitLabel->setText(tr("No era to analyse: choose an era scheme with eras."));
    }
    m_analysed = std::move(analysed);
    for (AnalysisPanel *panel : m_panels) {
        const QString unsuitable = panel->unsuitableFor(m_analysed.axes);
        QStackedWidget *page = pageOf(panel);
        auto *notice = static_cast<QLabel *>(page->widget(1));
        notice->setText(unsuitable);
        page->setCurrentIndex(unsuitable.isEmpty() ? 0 : 1);
        if (unsuitable.isEmpty()) {
            panel->setEra(m_analysed);
        } else { // nothing of the era: no marks or overlays of it on the chart
            AnalysisEra none;
            none.axes = m_analysed.axes;
            panel->setEra(none);
        }
    }
}

} // namespace app
