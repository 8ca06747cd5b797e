// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/widgets/analysis/analysis_panel.h"

#include <QDockWidget>
#include <QList>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace app {

class AnalysisPanel;
class BootstrapPanel;
class Document;
class InfluencePanel;
class ProjectionPanel;
class PublishedPanel;
class ReferenceLinesPanel;
class ResidualsPanel;
class RollingPanel;
class SubsetsPanel;
class TrendModel;
class ViewState;

// Analysis of one era of the current scheme, a tab per question: projection, leave-one-
// out influence, subset sensitivity, bootstrap, reference lines, residuals, the
// scheme's eras against the figures their papers published, and the trend in rolling
// windows. The
// panels only ask core and show its answers (some also draw on the chart through
// ViewState overlays). They follow the document, the filter, the eras (a dragged
// boundary too) and the selection, refreshed once per event loop pass.
class AnalysisDock : public QDockWidget {
    Q_OBJECT

public:
    AnalysisDock(Document *document, ViewState *view, TrendModel *trends,
                 QWidget *parent = nullptr);

    QComboBox *eraBox() const { return m_eraBox; }
    QTabWidget *tabs() const { return m_tabs; }
    ProjectionPanel *projectionPanel() const { return m_projection; }
    InfluencePanel *influencePanel() const { return m_influence; }
    SubsetsPanel *subsetsPanel() const { return m_subsets; }
    BootstrapPanel *bootstrapPanel() const { return m_bootstrap; }
    ReferenceLinesPanel *referenceLinesPanel() const { return m_referenceLines; }
    ResidualsPanel *residualsPanel() const { return m_residuals; }
    PublishedPanel *publishedPanel() const { return m_published; }
    RollingPanel *rollingPanel() const { return m_rolling; }
    // The tab holding `panel`: the panel, or the notice of why it does not apply to the
    // chart's axes (AnalysisPanel::unsuitableFor), which noticeOf() gives (empty if none).
    QStackedWidget *pageOf(AnalysisPanel *panel) const;
    QString noticeOf(AnalysisPanel *panel) const;

    // The era analysed (index into the current scheme's eras); -1 when none.
    int currentEra() const;
    // What the panels were last given.
    const AnalysisEra &analysedEra() const { return m_analysed; }

public slots:
    // Analyses era `era` of the current scheme (e.g. from EraDock::currentEraChanged);
    // ignored when there is no such era.
    void setCurrentEra(int era);
    // Refreshes the panels now (changes are otherwise coalesced to the next event loop
    // pass, and wait while the dock is hidden).
    void refreshNow();
    // True while a change waits for the dock to be shown.
    bool isStale() const { return m_stale; }

signals:
    // The era chosen in the dock's own box changed (or followed a change of scheme).
    void currentEraChanged(int era);

private:
    void scheduleRefresh();
    void refreshIfShown();
    void fillEraBox();

    AnalysisContext m_context;
    QComboBox *m_eraBox;
    QLabel *m_fitLabel;
    QTabWidget *m_tabs;
    ProjectionPanel *m_projection;
    InfluencePanel *m_influence;
    SubsetsPanel *m_subsets;
    BootstrapPanel *m_bootstrap;
    ReferenceLinesPanel *m_referenceLines;
    ResidualsPanel *m_residuals;
    PublishedPanel *m_published;
    RollingPanel *m_rolling;
    QList<AnalysisPanel *> m_panels;
    QTimer *m_refreshTimer;
    AnalysisEra m_analysed;
    bool m_schemeChanged = true;
    bool m_stale = false;
    bool m_onScreen = false;
};

} // namespace app
