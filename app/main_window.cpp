#include "app/main_window.h"

#include "app/chart/chart_view.h"
#include "app/cli/command_line.h"
#include "app/data/bundled_data.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "core/version.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)), m_view(new ViewState(this)),
      m_trends(new TrendModel(m_document, m_view, this)),
      m_chart(new ChartView(m_document, m_view, m_trends, this))
{
    setCentralWidget(m_chart);
    createActions();
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status);
    connect(m_document, &Document::datasetReset, this, [this] {
        refreshSchemes();
        updateTitle();
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_trends, &TrendModel::changed, this, &MainWindow::updateStatus);
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpApplication()
{
    QApplication::setApplicationName(QStringLiteral("compute-explorer"));
    QApplication::setApplicationDisplayName(QString::fromUtf8(compute::kAppName));
    QApplication::setApplicationVersion(QString::fromUtf8(compute::kAppVersion));
    QApplication::setOrganizationName(QStringLiteral("compute-explorer"));
}

bool MainWindow::openInitial(const CommandLine &command)
{
    if (!command.file.isEmpty()) return openFile(command.file);
    return openBundled(command.bundled.isEmpty() ? QStringLiteral("openai") : command.bundled);
}

bool MainWindow::openFile(const QString &path)
{
    auto loaded = loadDataset(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Cannot open %1").arg(path),
                             QString::fromStdString(loaded.errorText()));
        return false;
    }
    m_document->reset(std::move(loaded->dataset), path);
    return true;
}

bool MainWindow::openBundled(const QString &key)
{
    auto loaded = loadBundledDataset(key);
    if (!loaded) {
        QMessageBox::warning(this, tr("Cannot open the bundled dataset"),
                             QString::fromStdString(loaded.errorText()));
        return false;
    }
    m_document->reset(std::move(loaded->dataset), QString());
    return true;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open dataset"), QString(),
            tr("Datasets (*.json *.csv);;Compute Explorer datasets (*.json);;Epoch AI CSV (*.csv)"));
        if (!path.isEmpty()) openFile(path);
    });
    open->setShortcut(QKeySequence::Open);
    QMenu *bundled = file->addMenu(tr("Open &Bundled"));
    for (const BundledDataset &d : bundledDatasets())
        bundled->addAction(d.title, this, [this, key = d.key] { openBundled(key); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *reset = viewMenu->addAction(tr("&Reset View"), m_chart, &ChartView::resetView);
    reset->setShortcut(Qt::Key_Home);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(reset);
    toolbar->addWidget(new QLabel(tr(" Eras: "), toolbar));
    m_schemeBox = new QComboBox(toolbar);
    m_schemeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolbar->addWidget(m_schemeBox);
    connect(m_schemeBox, &QComboBox::currentIndexChanged, this, &MainWindow::selectScheme);
}

void MainWindow::refreshSchemes()
{
    const QSignalBlocker block(m_schemeBox);
    m_schemeBox->clear();
    for (const compute::EraScheme &s : m_document->dataset().eraSchemes)
        m_schemeBox->addItem(QString::fromStdString(s.name));
    m_view->setSchemeIndex(-1);
    if (m_schemeBox->count() > 0) {
        m_schemeBox->setCurrentIndex(0);
        selectScheme(0);
    }
}

void MainWindow::selectScheme(int index)
{
    m_view->setSchemeIndex(index);
    QSet<int> all;
    const auto &schemes = m_document->dataset().eraSchemes;
    if (index >= 0 && index < static_cast<int>(schemes.size()))
        for (int i = 0; i < static_cast<int>(schemes[static_cast<std::size_t>(index)].eras.size()); ++i)
            all.insert(i);
    m_view->setTickedEras(all);
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + QStringLiteral("[*]"));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const auto &cache = m_trends->cache();
    m_status->setText(tr("%1 runs · %2 plotted · %3 without compute or date")
                          .arg(cache.size())
                          .arg(cache.plottedCount())
                          .arg(cache.unplottableCount()));
}

} // namespace app
