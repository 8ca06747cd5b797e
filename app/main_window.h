#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;

namespace app {

struct CommandLine;
class ChartView;
class Document;
class TrendModel;
class ViewState;

// Assembles the window: actions, menus, toolbar, docks and the chart. No data logic.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Application name, organization and icon for QSettings and the desktop.
    static void setUpApplication();
    // Opens the dataset the command line names (or the bundled default); false after
    // showing why it could not.
    bool openInitial(const CommandLine &command);

    Document *document() const { return m_document; }
    ViewState *viewState() const { return m_view; }
    TrendModel *trendModel() const { return m_trends; }
    ChartView *chartView() const { return m_chart; }

    // Opens a file into the window; on failure shows the error, keeps the document.
    bool openFile(const QString &path);
    bool openBundled(const QString &key);

private:
    void createActions();
    void refreshSchemes();
    void selectScheme(int index);
    void updateTitle();
    void updateStatus();

    Document *m_document;
    ViewState *m_view;
    TrendModel *m_trends;
    ChartView *m_chart;
    QComboBox *m_schemeBox = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace app
