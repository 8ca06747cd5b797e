// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_window.h"

#include "app/inputs/axes_picker.h"

#include "app/chart/chart_view.h"
#include "app/cli/command_line.h"
#include "app/controllers/compare_controller.h"
#include "app/controllers/edit_controller.h"
#include "app/controllers/era_controller.h"
#include "app/controllers/fetch_controller.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/recovery_controller.h"
#include "app/data/bundled_data.h"
#include "app/dialogs/export_dialog.h"
#include "app/dialogs/unplottable_dialog.h"
#include "app/document/comparison.h"
#include "app/document/document.h"
#include "app/document/recovery.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/chart_figure.h"
#include "app/widgets/analysis_dock.h"
#include "app/widgets/compare_dock.h"
#include "app/widgets/era_dock.h"
#include "app/widgets/run_details_dock.h"
#include "app/widgets/run_table_dock.h"
#include "core/util/version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <algorithm>

namespace app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)), m_view(new ViewState(this)),
      m_trends(new TrendModel(m_document, m_view, this)),
      m_chart(new ChartView(m_document, m_view, m_trends, this)),
      m_files(new FileController(m_document, m_view, this)),
      m_fetches(new FetchController(m_files, this)),
      m_comparison(new Comparison(m_document, m_view, this)),
      m_compares(new CompareController(m_comparison, m_files)),
      m_edits(new EditController(m_document, m_view, this)),
      m_eraEdits(new EraController(m_document, m_view, m_trends, this)),
      m_recovery(new RecoveryStore(m_document, QString(), this)),
      m_recoveryOffer(new RecoveryController(m_document, m_recovery, m_files, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_chart);
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/compute-explorer.svg")));
    createDocks();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createErasMenu();
    createHelpMenu();
    createToolBar();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusRuns"));
    m_status->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    connect(m_status, &QLabel::linkActivated, this, &MainWindow::showHiddenRuns);
    statusBar()->addPermanentWidget(m_status);

    connect(m_document, &Document::datasetReset, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    // Counted once per change of runs or filter (not per fit preview while dragging).
    auto *statusTimer = new QTimer(this);
    statusTimer->setSingleShot(true);
    statusTimer->setInterval(0);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    for (auto signal : {&Document::runInserted, &Document::runRemoved, &Document::runChanged})
        connect(m_document, signal, statusTimer, qOverload<>(&QTimer::start));
    for (auto signal : {&Document::datasetReset, &Document::runsReset, &Document::metadataChanged})
        connect(m_document, signal, statusTimer, qOverload<>(&QTimer::start));
    connect(m_view, &ViewState::filterChanged, statusTimer, qOverload<>(&QTimer::start));
    connect(m_files, &FileController::importFinished, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 15000); });
    connect(m_fetches, &FetchController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_compares, &CompareController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_edits, &EditController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    // Double click on a point, a table row or a run not plotted: edit it.
    connect(m_chart, &ChartView::runActivated, m_edits, &EditController::editRun);
    connect(m_table, &RunTableDock::runActivated, m_edits, &EditController::editRun);
    connect(m_chart, &ChartView::eraBoundaryDropped, m_eraEdits, &EraController::moveBoundaries);
    readSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The children outlive this body: the document's undo stack, cleared as it goes, would call
    // back into a window that is no longer a MainWindow.
    m_document->undoStack()->disconnect(this);
    m_document->disconnect(this);
}

void MainWindow::setUpApplication()
{
    QApplication::setApplicationName(QStringLiteral("compute-explorer"));
    QApplication::setApplicationDisplayName(QString::fromUtf8(compute::kAppName));
    QApplication::setApplicationVersion(QString::fromUtf8(compute::kAppVersion));
    QApplication::setOrganizationName(QStringLiteral("compute-explorer"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.computeexplorer.ComputeExplorer"));
}

void MainWindow::createDocks()
{
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    m_table = new RunTableDock(m_document, m_view, this);
    m_table->setTrendModel(m_trends);
    addDockWidget(Qt::BottomDockWidgetArea, m_table);
    // Right column: eras above the run details; the runs table below the chart.
    m_eras = new EraDock(m_document, m_view, m_trends, m_eraEdits, this);
    addDockWidget(Qt::RightDockWidgetArea, m_eras);
    m_details = new RunDetailsDock(m_document, m_view, this);
    addDockWidget(Qt::RightDockWidgetArea, m_details);
    splitDockWidget(m_eras, m_details, Qt::Vertical);

    auto *undoView = new QUndoView(m_document->undoStack());
    undoView->setEmptyLabel(tr("<opened>"));
    m_undoDock = new QDockWidget(tr("Undo History"), this);
    m_undoDock->setObjectName(QStringLiteral("undoHistoryDock"));
    m_undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    tabifyDockWidget(m_details, m_undoDock);
    m_details->raise();

    // Analysis of one era as a tab beside the table: its tables want width, and the
    // chart keeps its height.
    m_analysis = new AnalysisDock(m_document, m_view, m_trends, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_analysis);
    tabifyDockWidget(m_table, m_analysis);
    // A comparison with an older vintage, beside them; shown when one is made.
    m_compare = new CompareDock(m_comparison, m_compares, m_document, m_view, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_compare);
    tabifyDockWidget(m_analysis, m_compare);
    m_compare->hide();
    connect(m_compares, &CompareController::compared, this, [this] {
        m_compare->show();
        m_compare->raise();
    });
    m_table->raise();
    // The era analysed is the era selected in the era dock, both ways.
    connect(m_eras, &EraDock::currentEraChanged, m_analysis, &AnalysisDock::setCurrentEra);
    connect(m_analysis, &AnalysisDock::currentEraChanged, m_eras, &EraDock::setCurrentEra);
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-new")),
                                         tr("&New"), m_files, &FileController::newDocument);
    newAction->setShortcut(QKeySequence::New);
    m_openAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")),
                                   tr("&Open..."), m_files, &FileController::openWithDialog);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_files, &FileController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    QMenu *bundled = file->addMenu(tr("Open &Bundled"));
    for (const BundledDataset &d : bundledDatasets())
        bundled->addAction(d.title, this, [this, key = d.key] { m_files->openBundled(key); });
    file->addSeparator();
    m_saveAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"),
                                   m_files, &FileController::save);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    QAction *saveAs = file->addAction(tr("Save &As..."), m_files, &FileController::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *import =
        file->addAction(tr("&Import Epoch CSV..."), m_files, &FileController::importCsvWithDialog);
    import->setShortcut(QKeySequence(tr("Ctrl+I")));
    file->addAction(tr("Get &Latest Epoch Data..."), m_fetches, &FetchController::fetchWithDialog)
        ->setObjectName(QStringLiteral("fetchAction"));
    file->addSeparator();
    file->addAction(m_compare->compareAction());
    file->addAction(m_compare->clearAction());
    file->addSeparator();
    file->addAction(tr("Export Runs as &CSV..."), m_files, &FileController::exportCsvWithDialog);
    m_exportFigureAction = file->addAction(QIcon::fromTheme(QStringLiteral("document-export")),
                                           tr("Export &Figure..."), this, [this] {
                                               ExportDialog dialog(m_chart, m_document, this);
                                               dialog.exec();
                                           });
    m_exportFigureAction->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    m_exportFigureAction->setObjectName(QStringLiteral("exportFigureAction"));
    file->addAction(tr("Copy Figure as &PNG"), this,
                    [this] {
                        copyChartFigure(*m_chart, *m_document, FigureFormat::Png);
                        statusBar()->showMessage(tr("Figure copied as PNG."), 4000);
                    })
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    file->addAction(tr("Copy Figure as S&VG"), this, [this] {
        copyChartFigure(*m_chart, *m_document, FigureFormat::Svg);
        statusBar()->showMessage(tr("Figure copied as SVG."), 4000);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    m_redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    QUndoStack *stack = m_document->undoStack();
    m_undoToolAction = new QAction(m_undoAction->icon(), tr("Undo"), this);
    m_undoToolAction->setObjectName(QStringLiteral("undoToolAction"));
    m_redoToolAction = new QAction(m_redoAction->icon(), tr("Redo"), this);
    m_redoToolAction->setObjectName(QStringLiteral("redoToolAction"));
    connect(m_undoToolAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redoToolAction, &QAction::triggered, stack, &QUndoStack::redo);
    auto updateUndoTools = [this, stack] {
        m_undoToolAction->setEnabled(stack->canUndo());
        m_redoToolAction->setEnabled(stack->canRedo());
        m_undoToolAction->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText())
                                                      : tr("Nothing to undo"));
        m_redoToolAction->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText())
                                                      : tr("Nothing to redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndoTools);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndoTools);
    updateUndoTools();
    edit->addSeparator();
    m_addRunAction = edit->addAction(QIcon::fromTheme(QStringLiteral("list-add")),
                                     tr("&Add Run..."), m_edits, &EditController::addRun);
    m_addRunAction->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_addRunAction->setObjectName(QStringLiteral("addRunAction"));
    QAction *editRun = edit->addAction(tr("&Edit Run..."), m_edits, &EditController::editSelected);
    editRun->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    QAction *duplicate =
        edit->addAction(tr("D&uplicate Runs"), m_edits, &EditController::duplicateSelected);
    duplicate->setShortcut(QKeySequence(tr("Ctrl+D")));
    // Delete acts where runs are (chart, table): the eras dock has its own Delete.
    QAction *remove = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")),
                                      tr("&Delete Runs"), m_edits, &EditController::deleteSelected);
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_chart->addAction(remove);
    m_table->addAction(remove);
    auto updateSelectionActions = [this, editRun, duplicate, remove] {
        const bool any = !m_view->selection().isEmpty();
        for (QAction *a : {editRun, duplicate, remove})
            a->setEnabled(any);
    };
    connect(m_view, &ViewState::selectionChanged, this, updateSelectionActions);
    updateSelectionActions();
    edit->addSeparator();
    edit->addAction(tr("Re-estimate at &Utilization..."), m_edits,
                    qOverload<>(&EditController::reestimateUtilization));
    edit->addSeparator();
    edit->addAction(m_table->findAction());
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_resetViewAction = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-original")),
                                              tr("&Reset View"), m_chart, &ChartView::resetView);
    m_resetViewAction->setShortcut(Qt::Key_Home);
    m_resetViewAction->setObjectName(QStringLiteral("resetViewAction"));
    m_resetViewAction->setToolTip(
        tr("Show the whole history, and the projection when it is shown (Home)"));
    QAction *openAiView =
        m_viewMenu->addAction(tr("&OpenAI 2018 View"), this, &MainWindow::showOpenAi2018View);
    openAiView->setObjectName(QStringLiteral("openAi2018ViewAction"));
    openAiView->setToolTip(tr("2012 to 2018 in petaflop/s-days with the 3.4-month trend, as "
                              "OpenAI published it"));
    QAction *fit = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")),
                                         tr("&Fit to Selection"), m_chart, &ChartView::fitToData);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    m_viewMenu
        ->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), m_chart,
                    &ChartView::zoomIn)
        ->setShortcut(QKeySequence::ZoomIn);
    m_viewMenu
        ->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), m_chart,
                    &ChartView::zoomOut)
        ->setShortcut(QKeySequence::ZoomOut);
    m_viewMenu->addSeparator();

    auto *units = new QActionGroup(this);
    m_flopAction = m_viewMenu->addAction(tr("Compute in &FLOP"));
    m_pfsAction = m_viewMenu->addAction(tr("Compute in &Petaflop/s-days"));
    for (QAction *a : {m_flopAction, m_pfsAction}) {
        a->setCheckable(true);
        units->addAction(a);
    }
    m_flopAction->setChecked(true);
    QAction *toggleUnits = m_viewMenu->addAction(tr("Toggle &Units"), this, [this] {
        m_view->setUnits(m_view->units() == compute::ComputeUnit::Flop
                             ? compute::ComputeUnit::PfsDays
                             : compute::ComputeUnit::Flop);
    });
    toggleUnits->setShortcut(QKeySequence(tr("Ctrl+U")));
    connect(m_flopAction, &QAction::triggered, this,
            [this] { m_view->setUnits(compute::ComputeUnit::Flop); });
    connect(m_pfsAction, &QAction::triggered, this,
            [this] { m_view->setUnits(compute::ComputeUnit::PfsDays); });
    connect(m_view, &ViewState::unitsChanged, this, [this](compute::ComputeUnit u) {
        (u == compute::ComputeUnit::Flop ? m_flopAction : m_pfsAction)->setChecked(true);
        if (!m_applyingView) m_unitsChosen = true;
    });

    m_viewMenu->addSeparator();
    addAxesMenus(m_viewMenu, m_view);
    addColorByMenu(m_viewMenu, m_view);
    m_viewMenu->addSeparator();

    QAction *labels = m_viewMenu->addAction(tr("Point &Labels"));
    labels->setCheckable(true);
    labels->setChecked(m_view->showLabels());
    labels->setShortcut(QKeySequence(tr("Ctrl+L")));
    connect(labels, &QAction::toggled, m_view, &ViewState::setShowLabels);
    connect(m_view, &ViewState::showLabelsChanged, labels, &QAction::setChecked);

    QAction *hidden = m_viewMenu->addAction(tr("Show &Hidden Runs"));
    hidden->setCheckable(true);
    hidden->setToolTip(
        tr("Include runs the dataset hides by default (e.g. OpenAI's appendix results)"));
    connect(hidden, &QAction::toggled, this, [this](bool on) {
        compute::RunFilter filter = m_view->filter();
        filter.includeHidden = on;
        m_view->setFilter(filter);
    });
    connect(m_view, &ViewState::filterChanged, hidden, [this, hidden] {
        const QSignalBlocker block(hidden);
        hidden->setChecked(m_view->filter().includeHidden);
    });
    m_viewMenu->addAction(tr("Runs &Not Plotted..."), this, &MainWindow::showUnplottable);
    m_viewMenu->addSeparator();
    QMenu *panels = m_viewMenu->addMenu(tr("&Panels"));
    panels->addAction(m_eras->toggleViewAction());
    m_eras->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+4")));
    panels->addAction(m_table->toggleViewAction());
    m_table->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+1")));
    panels->addAction(m_details->toggleViewAction());
    m_details->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+2")));
    panels->addAction(m_undoDock->toggleViewAction());
    m_undoDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+3")));
    panels->addAction(m_analysis->toggleViewAction());
    m_analysis->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+5")));
    panels->addAction(m_compare->toggleViewAction());
    m_compare->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+6")));
}

void MainWindow::createErasMenu()
{
    // The era edits of the Eras panel, findable from the menu bar too.
    QMenu *eras = menuBar()->addMenu(tr("E&ras"));
    QAction *detect =
        eras->addAction(tr("&Detect Breakpoint..."), this, &MainWindow::detectBreakpoint);
    detect->setObjectName(QStringLiteral("detectBreakpointMenuAction"));
    detect->setToolTip(tr("Find where the selected era's trend is best split in two"));
    eras->addSeparator();
    for (QAction *a : m_eras->eraActions())
        if (a != m_eras->detectBreakpointAction()) eras->addAction(a);
    eras->addSeparator();
    eras->addActions(m_eras->schemeActions());
}

void MainWindow::detectBreakpoint()
{
    m_eras->detectBreakpoint();
}

void MainWindow::showOpenAi2018View()
{
    m_applyingView = true;
    m_view->setAxes(compute::Axes{});
    m_view->setUnits(compute::ComputeUnit::PfsDays);
    const auto &schemes = m_document->dataset().eraSchemes;
    int scheme = -1;
    for (const char *name : {"OpenAI 2018: the 15 chart systems", "OpenAI 2019: two eras"})
        for (std::size_t i = 0; i < schemes.size() && scheme < 0; ++i)
            if (schemes[i].name == name) scheme = static_cast<int>(i);
    if (scheme >= 0) {
        m_eras->selectScheme(scheme);
        // The eras over the chart's years: the modern era's 3.4-month trend.
        const compute::Date from(2012, 1, 1), to(2019, 1, 1);
        QSet<int> ticked;
        const auto &eras = schemes[static_cast<std::size_t>(scheme)].eras;
        for (std::size_t i = 0; i < eras.size(); ++i)
            if ((!eras[i].from || *eras[i].from < to) && (!eras[i].to || from < *eras[i].to))
                ticked.insert(static_cast<int>(i));
        m_view->setTickedEras(ticked);
    }
    m_applyingView = false;
    m_chart->rebuildNow();
    m_chart->showRange(2012.0, 2019.0);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Compute Explorer"), this, &MainWindow::showAbout)
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_openAction, m_saveAction, m_exportFigureAction});
    toolbar->addSeparator();
    toolbar->addActions({m_addRunAction, m_undoToolAction, m_redoToolAction});
    // The docks give way before the chart: the window's minimum leaves the chart most of it.
    setMinimumSize(960, 640);
    toolbar->addSeparator();
    toolbar->addAction(m_resetViewAction);
    toolbar->addSeparator();
    toolbar->addWidget(new AxesPicker(m_view, toolbar));
}

void MainWindow::openInitial(const CommandLine &command)
{
    m_recoveryOffer->offerRecovery();
    if (m_document->isModified()) return; // the restored work
    if (!command.file.isEmpty()) {
        if (!openFile(command.file)) openBundled(QStringLiteral("openai"));
    } else {
        openBundled(command.bundled.isEmpty() ? QStringLiteral("openai") : command.bundled);
    }
    // First start on OpenAI's data: the chart as OpenAI published it.
    if (m_firstView && command.file.isEmpty() &&
        (command.bundled.isEmpty() || command.bundled == QLatin1String("openai")))
        showOpenAi2018View();
    if (!command.eraScheme.isEmpty()) showSchemeNamed(command.eraScheme);
    // What the command line asked to see: axes, colours and filters.
    if (command.axes != compute::Axes{}) m_view->setAxes(command.axes);
    m_view->setColorBy(command.colorBy);
    if (!command.domains.isEmpty() || !command.only.empty()) {
        compute::RunFilter filter = m_view->filter();
        std::vector<std::string> domains;
        for (const QString &domain : command.domains)
            domains.push_back(domain.toStdString());
        if (!domains.empty()) filter.setValues(compute::RunCategory::Domain, domains);
        for (const compute::RunFilter::Choice &choice : command.only)
            filter.setValues(choice.category, choice.values);
        m_view->setFilter(filter);
    }
}

void MainWindow::showSchemeNamed(const QString &text)
{
    const auto &schemes = m_document->dataset().eraSchemes;
    const compute::SchemeLookup lookup = compute::lookupScheme(schemes, text.toStdString());
    if (lookup.scheme) {
        m_eras->selectScheme(static_cast<int>(lookup.scheme - schemes.data()));
        return;
    }
    // As on the command line (app/cli/cli_commands.cpp), said in the status bar.
    QStringList names;
    for (const std::string &name : lookup.matches)
        names << QString::fromStdString(name);
    if (names.isEmpty()) {
        for (const compute::EraScheme &scheme : schemes)
            names << QString::fromStdString(scheme.name);
        statusBar()->showMessage(tr("No era scheme named '%1' (the dataset has: %2)")
                                     .arg(text, names.join(QStringLiteral(", "))));
    } else {
        statusBar()->showMessage(tr("--era-scheme '%1' matches %2 era schemes: %3")
                                     .arg(text)
                                     .arg(names.size())
                                     .arg(names.join(QStringLiteral(", "))));
    }
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->open(path);
}

bool MainWindow::openBundled(const QString &key)
{
    return m_files->openBundled(key);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_files->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        QAction *a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()), this,
            [this, path = files[i]] { m_files->open(path); });
        a->setToolTip(files[i]);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), m_files, &FileController::clearRecentFiles);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + QStringLiteral("[*]"));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::updateStatus()
{
    // Why runs are not on the chart, each reason a link that shows them.
    const compute::Dataset &dataset = m_document->dataset();
    const compute::RunFilter &filter = m_view->filter();
    compute::RunFilter tagsOnly;
    tagsOnly.includeHidden = filter.includeHidden;
    int plotted = 0, byFilter = 0, byTag = 0, missing = 0;
    for (const compute::TrainingRun &run : dataset.runs) {
        if (!run.isPlottable()) {
            ++missing;
        } else if (filter.accepts(dataset, run)) {
            ++plotted;
        } else if (!tagsOnly.accepts(dataset, run)) {
            ++byTag;
        } else {
            ++byFilter;
        }
    }
    QString text = tr("%1 runs · %2 plotted").arg(dataset.runs.size()).arg(plotted);
    auto link = [](const char *href, const QString &what) {
        return QStringLiteral(" · <a href=\"%1\">%2</a>").arg(QLatin1String(href), what);
    };
    if (byFilter > 0) text += link("filters", tr("%n hidden by filters", nullptr, byFilter));
    if (byTag > 0) text += link("tags", tr("%n hidden by the dataset", nullptr, byTag));
    if (missing > 0) text += link("missing", tr("%n without compute or date", nullptr, missing));
    m_status->setText(text);
    m_status->setToolTip(tr("Click a reason to show those runs"));
}

void MainWindow::showHiddenRuns(const QString &why)
{
    if (why == QLatin1String("missing")) {
        showUnplottable();
        return;
    }
    compute::RunFilter filter = m_view->filter();
    if (why == QLatin1String("tags")) {
        filter.includeHidden = true;
    } else {
        const bool hidden = filter.includeHidden;
        filter = compute::RunFilter();
        filter.includeHidden = hidden;
    }
    m_view->setFilter(filter);
}

void MainWindow::showUnplottable()
{
    if (!m_unplottable) {
        m_unplottable = new UnplottableDialog(m_document, m_view, this);
        connect(m_unplottable, &UnplottableDialog::runActivated, m_edits, &EditController::editRun);
    }
    m_unplottable->show();
    m_unplottable->raise();
    m_unplottable->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Compute Explorer"),
        tr("<h3>Compute Explorer %1</h3>"
           "<p>Explore how much compute the largest AI training runs used over time: the "
           "log-scale chart of OpenAI's <i>AI and Compute</i>, with eras and live trend fits.</p>"
           "<p>License: GNU GPL version 3 or later. Built with Qt %2 and QCustomPlot 2.1 "
           "(GPL-3), nlohmann_json and Boost.Math.</p>"
           "<p><b>Data</b><br>"
           "OpenAI: Amodei &amp; Hernandez, <i>AI and Compute</i> (2018) and the 2019 addendum, "
           "quoted with attribution.<br>"
           "Epoch AI: <i>Parameter, Compute and Data Trends in Machine Learning</i>, "
           "<a "
           "href=\"https://epoch.ai/data/notable-ai-models\">epoch.ai/data/notable-ai-models</a>, "
           "CC BY 4.0.</p>")
            .arg(QString::fromUtf8(compute::kAppVersion), QString::fromLatin1(qVersion())));
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 880);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: the chart gets most of the window.
        // The right column wide enough for the eras' dates and fits ("n = 195 · 5.8 mo
        // (paper 5.7)"; long names wrap); eight table rows.
        resizeDocks({m_eras, m_details}, {430, 430}, Qt::Horizontal);
        resizeDocks({m_eras, m_details}, {330, 260}, Qt::Vertical);
        resizeDocks({m_table}, {330}, Qt::Vertical);
    }
    m_unitsChosen = settings.contains(QStringLiteral("view/units"));
    m_schemeChosen = settings.contains(QStringLiteral("view/scheme"));
    m_firstView = !m_unitsChosen && !m_schemeChosen;
    m_applyingView = true;
    // Until chosen: FLOP, and petaflop/s-days in OpenAI's 2018 view of the first start.
    m_view->setUnits(m_unitsChosen && settings.value(QStringLiteral("view/units")).toString() ==
                                          QLatin1String("pfs-days")
                         ? compute::ComputeUnit::PfsDays
                         : compute::ComputeUnit::Flop);
    m_applyingView = false;
    m_view->setShowLabels(settings.value(QStringLiteral("view/labels"), true).toBool());
    m_eras->setPreferredScheme(settings.value(QStringLiteral("view/scheme")).toString());
    connect(m_eras->schemeBox(), &QComboBox::activated, this, [this] { m_schemeChosen = true; });
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    // Units and scheme only once the user chose them: until then each start shows the
    // first view.
    if (m_unitsChosen)
        settings.setValue(QStringLiteral("view/units"),
                          m_view->units() == compute::ComputeUnit::PfsDays
                              ? QStringLiteral("pfs-days")
                              : QStringLiteral("flop"));
    settings.setValue(QStringLiteral("view/labels"), m_view->showLabels());
    const auto &schemes = m_document->dataset().eraSchemes;
    const int scheme = m_view->schemeIndex();
    if (m_schemeChosen && scheme >= 0 && scheme < static_cast<int>(schemes.size()))
        settings.setValue(QStringLiteral("view/scheme"),
                          QString::fromStdString(schemes[static_cast<std::size_t>(scheme)].name));
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // A small window: the docks give way so the chart keeps at least about half of each
    // dimension (they keep their own minimum sizes).
    const QSize size = event->size();
    // Below the default size the docks take a smaller share.
    const double wide = size.width() < 1200 ? 0.25 : 0.34;
    const double high = size.height() < 800 ? 0.28 : 0.4;
    const int right = m_eras->isVisible() ? m_eras->width() : 0;
    if (right > size.width() * wide)
        resizeDocks({m_eras}, {std::max(1, static_cast<int>(size.width() * wide))}, Qt::Horizontal);
    const int bottom = m_table->isVisible() ? m_table->height() : 0;
    if (bottom > size.height() * high)
        resizeDocks({m_table}, {std::max(1, static_cast<int>(size.height() * high))}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    m_recovery->discard();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ||
            path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // One dataset per window: the first file dropped is opened (Shift imports a CSV
    // into the open dataset instead).
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.isEmpty()) continue;
        const bool merge = (event->modifiers() & Qt::ShiftModifier) &&
                           path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
        if (merge)
            m_files->importCsv(path, false);
        else
            m_files->open(path);
        event->acceptProposedAction();
        return;
    }
}

} // namespace app
