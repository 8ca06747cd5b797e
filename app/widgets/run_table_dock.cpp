// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/run_table_dock.h"

#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/models/run_filter_proxy.h"
#include "app/models/run_table_model.h"
#include "app/widgets/run_filter_bar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace app {

RunTableDock::RunTableDock(Document *document, ViewState *view, QWidget *parent)
    : QDockWidget(tr("Runs"), parent), m_view(view),
      m_model(new RunTableModel(document, view, this)),
      m_proxy(new RunFilterProxy(m_model, view, this)),
      m_filterBar(new RunFilterBar(document, view)), m_table(new QTableView), m_count(new QLabel),
      m_findAction(new QAction(tr("&Find Run..."), this))
{
    setObjectName(QStringLiteral("runTableDock"));

    // Connected before the table's selection model sees the proxy, so the flag is up
    // when that model reports rows that come and go as selection changes.
    const auto changing = [this] { m_rowsChanging = true; };
    const auto changed = [this] { m_rowsChanging = false; };
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, changing);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, changing);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, changing);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, changing);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, changed);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, changed);
    m_table->setModel(m_proxy);
    // Runs that come (back) into the table take their selection from the view state.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { readSelection(false); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { readSelection(false); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &RunTableDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunTableDock::updateCount);

    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunTableModel::DateColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Compact rows (one line of text and a little air): eight or more show at the
    // default window size.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    restoreColumns();
    m_columnsMenu = new QMenu(tr("Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("runColumnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &RunTableDock::rebuildColumnsMenu);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &at) {
                m_columnsMenu->popup(m_table->horizontalHeader()->mapToGlobal(at));
            });
    m_table->setColumnWidth(RunTableModel::NameColumn, 220);
    m_table->setColumnWidth(RunTableModel::OrganizationColumn, 160);
    m_table->setColumnWidth(RunTableModel::ComputeColumn, 130);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunTableDock::writeSelection);
    // activated: double click, and Enter/Return on the current row.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(RunTableModel::RunIndexRole).toInt());
    });
    connect(view, &ViewState::selectionChanged, this, [this] { readSelection(true); });

    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_findAction, &QAction::triggered, this, &RunTableDock::focusSearch);
    addAction(m_findAction);
    m_filterBar->searchEdit()->installEventFilter(this);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    // The count, and the era filter once there is one, on one line under the table.
    m_bottomRow = new QHBoxLayout;
    m_bottomRow->addWidget(m_count, 1);
    auto *columns = new QToolButton(this);
    columns->setObjectName(QStringLiteral("runColumnsButton"));
    columns->setText(tr("Columns"));
    columns->setToolTip(tr("Show or hide the table's columns: parameters, dataset size, cost, "
                           "hardware, country, ... (also the header's context menu)"));
    columns->setMenu(m_columnsMenu);
    columns->setPopupMode(QToolButton::InstantPopup);
    m_bottomRow->addWidget(columns);
    layout->addLayout(m_bottomRow);
    setWidget(content);
    setFocusProxy(m_table);
    updateCount();
    readSelection(false);
}

bool RunTableDock::isColumnShown(int column) const
{
    return !m_table->isColumnHidden(column);
}

void RunTableDock::setColumnShown(int column, bool shown)
{
    if (column < 0 || column >= RunTableModel::ColumnCount || shown == isColumnShown(column))
        return;
    m_table->setColumnHidden(column, !shown);
    if (shown && m_table->columnWidth(column) < 40) m_table->resizeColumnToContents(column);
    QStringList keys;
    for (int c = 0; c < RunTableModel::ColumnCount; ++c)
        if (isColumnShown(c)) keys << RunTableModel::columnKey(c);
    QSettings().setValue(QStringLiteral("runTable/columns"), keys);
}

void RunTableDock::restoreColumns()
{
    const QVariant saved = QSettings().value(QStringLiteral("runTable/columns"));
    QList<int> shown;
    for (const QString &key : saved.toStringList())
        if (const int column = RunTableModel::columnOfKey(key); column >= 0) shown << column;
    if (shown.isEmpty()) // nothing kept (or nothing this version knows): the defaults
        for (int c = 0; c < RunTableModel::ColumnCount; ++c)
            if (RunTableModel::shownByDefault(c)) shown << c;
    for (int c = 0; c < RunTableModel::ColumnCount; ++c)
        m_table->setColumnHidden(c, !shown.contains(c));
}

void RunTableDock::rebuildColumnsMenu()
{
    m_columnsMenu->clear();
    for (int c = 0; c < RunTableModel::ColumnCount; ++c) {
        if (c == RunTableModel::ParametersColumn) m_columnsMenu->addSeparator();
        QAction *action = m_columnsMenu->addAction(
            m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(isColumnShown(c));
        action->setData(c);
        // The name stays: a table without its names would lose its rows' meaning.
        action->setEnabled(c != RunTableModel::NameColumn);
        connect(action, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    m_columnsMenu->addSeparator();
    m_columnsMenu->addAction(tr("&Default Columns"), this, [this] {
        for (int c = 0; c < RunTableModel::ColumnCount; ++c)
            setColumnShown(c, RunTableModel::shownByDefault(c));
    });
}

void RunTableDock::focusSearch()
{
    show();
    raise();
    m_filterBar->searchEdit()->setFocus(Qt::ShortcutFocusReason);
    m_filterBar->searchEdit()->selectAll();
}

bool RunTableDock::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field goes to the results.
    if (watched == m_filterBar->searchEdit() && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        m_table->setFocus(Qt::OtherFocusReason);
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void RunTableDock::writeSelection()
{
    if (m_syncing || m_rowsChanging) return;
    QSet<QString> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.insert(index.data(RunTableModel::RunIdRole).toString());
    m_syncing = true;
    m_view->setSelection(ids);
    m_syncing = false;
}

void RunTableDock::readSelection(bool scroll)
{
    if (m_syncing) return;
    QItemSelection selection;
    QModelIndex first;
    for (int sourceRow : m_model->rowsOfRuns(m_view->selection())) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (!index.isValid()) continue;
        selection.select(index, index);
        if (!first.isValid() || index.row() < first.row()) first = index;
    }
    m_syncing = true;
    QItemSelectionModel *model = m_table->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (scroll && first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(first);
    }
    m_syncing = false;
}

void RunTableDock::updateCount()
{
    QString text = tr("%1 of %n runs", nullptr, m_model->rowCount()).arg(m_proxy->rowCount());
    if (m_eraBox && m_eraBox->currentIndex() > 0)
        text += tr(" (in the fit of %1)").arg(m_eraBox->currentText());
    m_count->setText(text);
}

void RunTableDock::setTrendModel(TrendModel *trends)
{
    if (m_trends || !trends) return;
    m_trends = trends;
    m_eraBox = new QComboBox(this);
    m_eraBox->setObjectName(QStringLiteral("runEraFilter"));
    m_eraBox->setToolTip(tr("Show only the runs that enter one era's fit; eras over different "
                            "subsets of runs may share a run"));
    m_eraBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_eraTimer = new QTimer(this);
    m_eraTimer->setSingleShot(true);
    m_eraTimer->setInterval(0);
    connect(m_eraTimer, &QTimer::timeout, this, &RunTableDock::refreshEraFilter);
    // Eras, runs, the filter or the scheme changed: so may the members (coalesced).
    connect(trends, &TrendModel::changed, m_eraTimer, qOverload<>(&QTimer::start));
    connect(m_eraBox, &QComboBox::currentIndexChanged, this, &RunTableDock::refreshEraFilter);
    auto *label = new QLabel(tr("In the &fit of:"), this);
    label->setBuddy(m_eraBox);
    m_bottomRow->addWidget(label);
    m_bottomRow->addWidget(m_eraBox);
    refreshEraFilter();
}

void RunTableDock::setEraFilter(int era)
{
    if (m_eraBox) m_eraBox->setCurrentIndex(era + 1);
}

void RunTableDock::refreshEraFilter()
{
    if (!m_trends) return;
    m_eraTimer->stop();
    // The era names of the current scheme; the choice stays by position.
    QStringList names{tr("any era")};
    for (const compute::Era &era : m_trends->eras())
        names << QString::fromStdString(era.name);
    QStringList shown;
    for (int i = 0; i < m_eraBox->count(); ++i)
        shown << m_eraBox->itemText(i);
    if (names != shown) {
        const QSignalBlocker block(m_eraBox);
        const int old = m_eraBox->currentIndex();
        m_eraBox->clear();
        m_eraBox->addItems(names);
        m_eraBox->setCurrentIndex(old >= 0 && old < names.size() ? old : 0);
    }
    const int era = m_eraBox->currentIndex() - 1;
    if (era < 0)
        m_proxy->setEraMembers(std::nullopt);
    else
        m_proxy->setEraMembers(m_trends->members(era));
    updateCount();
}

} // namespace app
