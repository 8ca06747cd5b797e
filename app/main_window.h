// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QUndoView;

namespace app {

struct CommandLine;
class AnalysisDock;
class ChartView;
class CompareController;
class CompareDock;
class Comparison;
class EraDock;
class Document;
class EditController;
class EraController;
class FetchController;
class FileController;
class RecoveryController;
class RecoveryStore;
class RunDetailsDock;
class RunTableDock;
class TrendModel;
class UnplottableDialog;
class ViewState;

// Assembles the window: actions, menus, toolbar, docks and the chart, and keeps the
// settings (geometry, dock layout, units, scheme). Data logic lives in the Document,
// the controllers and core.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Application name, organization and icon for QSettings and the desktop.
    static void setUpApplication();
    // Offers to restore work a crashed session left, then opens the dataset the command
    // line names; when it cannot be opened (it says why), or none is named, the bundled
    // one (OpenAI's by default).
    void openInitial(const CommandLine &command);

    Document *document() const { return m_document; }
    ViewState *viewState() const { return m_view; }
    TrendModel *trendModel() const { return m_trends; }
    FileController *files() const { return m_files; }
    FetchController *fetches() const { return m_fetches; }
    Comparison *comparison() const { return m_comparison; }
    CompareController *compares() const { return m_compares; }
    CompareDock *compareDock() const { return m_compare; }
    EditController *edits() const { return m_edits; }
    EraController *eraEdits() const { return m_eraEdits; }
    RecoveryStore *recovery() const { return m_recovery; }
    RunTableDock *runTable() const { return m_table; }
    AnalysisDock *analysis() const { return m_analysis; }
    EraDock *eras() const { return m_eras; }
    QLabel *statusLabel() const { return m_status; }

    // OpenAI's published chart: 2012 to 2018 in petaflop/s-days, the modern era's
    // 3.4-month trend (the scheme of the 15 chart systems when the dataset has one).
    void showOpenAi2018View();
    // --era-scheme NAME in the window: the scheme it names (exact, then a unique prefix in
    // any case), or a status-bar message saying why none was chosen.
    void showSchemeNamed(const QString &text);

    // Opens a file into the window; on failure shows the error and keeps the document.
    bool openFile(const QString &path);
    bool openBundled(const QString &key);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createToolBar();
    void updateRecentMenu();
    void updateTitle();
    void updateStatus();
    void createErasMenu();
    void detectBreakpoint();
    void showUnplottable();
    // A link of the status bar: "filters", "tags" (hidden by the dataset) or "missing".
    void showHiddenRuns(const QString &why);
    void showAbout();
    void readSettings();
    void writeSettings() const;

    Document *m_document;
    ViewState *m_view;
    TrendModel *m_trends;
    ChartView *m_chart;
    FileController *m_files;
    FetchController *m_fetches;
    Comparison *m_comparison;
    CompareController *m_compares;
    EditController *m_edits;
    EraController *m_eraEdits;
    RecoveryStore *m_recovery;
    RecoveryController *m_recoveryOffer;
    EraDock *m_eras = nullptr;
    RunTableDock *m_table = nullptr;
    RunDetailsDock *m_details = nullptr;
    QDockWidget *m_undoDock = nullptr;
    AnalysisDock *m_analysis = nullptr;
    CompareDock *m_compare = nullptr;
    UnplottableDialog *m_unplottable = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    // The toolbar's actions, from the menus.
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportFigureAction = nullptr;
    QAction *m_addRunAction = nullptr;
    QAction *m_resetViewAction = nullptr;
    QAction *m_flopAction = nullptr;
    QAction *m_pfsAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    // The toolbar's Undo and Redo: a fixed text (the command goes in the tooltip), so the
    // buttons after them do not move.
    QAction *m_undoToolAction = nullptr;
    QAction *m_redoToolAction = nullptr;
    // First start (no settings): the first dataset opened shows OpenAI's 2018 view. Units
    // and scheme are remembered once the user chooses them.
    bool m_firstView = false;
    bool m_unitsChosen = false;
    bool m_schemeChosen = false;
    bool m_applyingView = false;
};

} // namespace app
