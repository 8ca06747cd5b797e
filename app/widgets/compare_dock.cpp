// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/compare_dock.h"

#include "app/controllers/compare_controller.h"
#include "app/document/comparison.h"
#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/published_format.h"
#include "app/models/comparison_fits_model.h"
#include "app/models/comparison_table_model.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace app {
namespace {

QTableView *newTable(const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // Rows as dense as the runs table's.
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    // Columns fit their contents, measured on the first rows only (there may be thousands).
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setResizeContentsPrecision(100);
    return table;
}

// The fits table as tall as its eras (up to eight), so the movers get the rest.
void fitHeightToRows(QTableView *table)
{
    const int rows = std::clamp(table->model()->rowCount(), 1, 8);
    const int row = table->verticalHeader()->defaultSectionSize();
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + rows * row +
                          2 * table->frameWidth() + 2);
}

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

CompareDock::CompareDock(Comparison *comparison, CompareController *controller, Document *document,
                         ViewState *view, QWidget *parent)
    : QDockWidget(tr("Compare"), parent), m_comparison(comparison), m_document(document),
      m_view(view), m_compareAction(new QAction(tr("Compare &With..."), this)),
      m_clearAction(new QAction(tr("C&lear Comparison"), this)),
      m_changesModel(new ComparisonTableModel(this)),
      m_changesProxy(new QSortFilterProxyModel(this)), m_fitsModel(new ComparisonFitsModel(this)),
      m_movedByModel(new MovedByModel(this))
{
    setObjectName(QStringLiteral("compareDock"));
    m_compareAction->setObjectName(QStringLiteral("compareWithAction"));
    m_compareAction->setToolTip(
        tr("Compare the open dataset with an older vintage of it (a .json or an Epoch .csv)"));
    m_clearAction->setObjectName(QStringLiteral("clearComparisonAction"));
    m_compareAction->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_clearAction->setToolTip(tr("Take the comparison off the chart"));
    connect(m_compareAction, &QAction::triggered, controller,
            &CompareController::compareWithDialog);
    connect(m_clearAction, &QAction::triggered, controller, &CompareController::clear);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_kind = new QComboBox(content);
    m_kind->setObjectName(QStringLiteral("compareKindFilter"));
    // Item data: a pattern over the rows' KindRole.
    m_kind->addItem(tr("All changes"), QString());
    m_kind->addItem(tr("Added"), QStringLiteral("\\badded\\b"));
    m_kind->addItem(tr("Removed"), QStringLiteral("\\bremoved\\b"));
    m_kind->addItem(tr("Changed"), QStringLiteral("\\bchanged\\b"));
    m_kind->addItem(tr("Uncertain matches"), QStringLiteral("\\buncertain\\b"));
    m_kind->addItem(tr("Duplicates"), QStringLiteral("\\bduplicate\\b"));
    auto *kindLabel = new QLabel(tr("&Show:"), content);
    kindLabel->setBuddy(m_kind);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addWidget(buttonFor(m_compareAction, content));
    top->addWidget(buttonFor(m_clearAction, content));
    layout->addLayout(top);

    m_changesProxy->setSourceModel(m_changesModel);
    m_changesProxy->setSortRole(ComparisonTableModel::SortRole);
    m_changesProxy->setFilterRole(ComparisonTableModel::KindRole);
    m_changes = newTable(QStringLiteral("compareTable"), content);
    m_changes->setModel(m_changesProxy);
    m_changes->setSortingEnabled(true);
    m_changes->sortByColumn(ComparisonTableModel::KindColumn, Qt::AscendingOrder);
    // A long name would push the changes out of sight, and the kinds come and go with the
    // filter: these two have set widths.
    const QFontMetrics metrics = m_changes->fontMetrics();
    for (auto [column, width] :
         {std::pair{ComparisonTableModel::NameColumn, 24 * metrics.averageCharWidth()},
          std::pair{ComparisonTableModel::KindColumn,
                    metrics.horizontalAdvance(QStringLiteral("duplicate")) + 28}}) {
        m_changes->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_changes->setColumnWidth(column, width);
    }
    m_changes->horizontalHeader()->setSectionResizeMode(ComparisonTableModel::ChangesColumn,
                                                        QHeaderView::Stretch);
    m_changes->setToolTip(tr("Select a run to select it on the chart"));

    m_fits = newTable(QStringLiteral("compareFits"), content);
    m_fits->setModel(m_fitsModel);
    m_fits->horizontalHeader()->setSectionResizeMode(ComparisonFitsModel::EraColumn,
                                                     QHeaderView::Stretch);
    m_movedTitle = new QLabel(content);
    m_movedTitle->setObjectName(QStringLiteral("compareMovedTitle"));
    m_movedTitle->setWordWrap(true);
    m_movedBy = newTable(QStringLiteral("compareMovedBy"), content);
    m_movedBy->setModel(m_movedByModel);
    m_movedBy->horizontalHeader()->setSectionResizeMode(MovedByModel::RunColumn,
                                                        QHeaderView::Stretch);
    auto *fitsBox = new QWidget(content);
    auto *fitsLayout = new QVBoxLayout(fitsBox);
    fitsLayout->setContentsMargins(0, 0, 0, 0);
    fitsLayout->addWidget(m_fits);
    fitsLayout->addWidget(m_movedTitle);
    fitsLayout->addWidget(m_movedBy, 1);

    auto *split = new QSplitter(Qt::Horizontal, content);
    split->setChildrenCollapsible(false);
    split->addWidget(m_changes);
    split->addWidget(fitsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setWidget(content);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_changesProxy->setFilterRegularExpression(
            QRegularExpression(m_kind->currentData().toString()));
    });
    connect(
        m_changes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &index) { selectRunOf(index, ComparisonTableModel::RunIdRole); });
    connect(m_movedBy->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) { selectRunOf(index, MovedByModel::RunIdRole); });
    connect(m_fits->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CompareDock::showMovers);
    connect(comparison, &Comparison::changed, this, &CompareDock::showResult);
    connect(view, &ViewState::unitsChanged, m_changesModel, &ComparisonTableModel::setUnits);
    // While a result is computed the summary says so.
    connect(controller, &CompareController::compared, this, &CompareDock::updateSummary);
    showResult();
}

int CompareDock::currentEra() const
{
    return m_movedByModel->era();
}

void CompareDock::setCurrentEra(int era)
{
    if (era < 0 || era >= m_fitsModel->rowCount()) return;
    m_fits->setCurrentIndex(m_fitsModel->index(era, 0));
}

void CompareDock::showResult()
{
    const auto result = m_comparison->result();
    const int era = currentEra();
    m_changesModel->setResult(result, m_view->units());
    m_fitsModel->setResult(result);
    m_clearAction->setEnabled(m_comparison->isActive());
    fitHeightToRows(m_fits);
    const int eras = m_fitsModel->rowCount();
    // The same era as before, else the most recent.
    if (eras > 0) setCurrentEra(era >= 0 && era < eras ? era : eras - 1);
    showMovers();
    updateSummary();
}

void CompareDock::updateSummary()
{
    const auto result = m_comparison->result();
    m_clearAction->setEnabled(m_comparison->isActive());
    if (!m_comparison->isActive()) {
        m_summary->setText(
            tr("No comparison. File > Compare With... (%1) compares the open "
               "dataset with an older vintage of it.")
                .arg(m_compareAction->shortcut().toString(QKeySequence::NativeText)));
        return;
    }
    if (!result) {
        m_summary->setText(tr("Comparing with %1...").arg(m_comparison->oldName()));
        return;
    }
    const compute::DatasetDiff &diff = result->diff;
    std::size_t uncertain = 0, duplicates = 0;
    for (const compute::RunMatch &m : diff.matches)
        uncertain += m.uncertain();
    for (const compute::DuplicateGroup &g : diff.duplicates)
        duplicates += g.indices.size();
    const QString vintage = datasetVintage(*result->before);
    auto count = [](std::size_t n) { return QString::number(n); };
    // One pass of arg(): a file name with a "%1" in it stays as it is.
    m_summary->setText(
        tr("<b>%1</b> (%2 runs%3) → open dataset (%4 runs): <b>%5 added · %6 removed · "
           "%7 changed</b> · %8 duplicates · %9 uncertain")
            .arg(m_comparison->oldName().toHtmlEscaped(), count(result->before->runs.size()),
                 vintage.isEmpty() ? QString() : QStringLiteral(", ") + vintage.toHtmlEscaped(),
                 count(result->after.runs.size()), count(diff.added.size()),
                 count(diff.removed.size()), count(diff.changedCount()), count(duplicates),
                 count(uncertain)));
}

void CompareDock::showMovers()
{
    const auto result = m_comparison->result();
    const int era = m_fits->currentIndex().isValid() ? m_fits->currentIndex().row() : -1;
    m_movedByModel->setEra(result, era);
    if (m_movedByModel->era() < 0) {
        m_movedTitle->setText(tr("Select an era to see which changes moved its fit."));
        return;
    }
    const auto &fit = result->fits[static_cast<std::size_t>(era)];
    m_movedTitle->setText(
        tr("What moved %1 most (each change reverted alone; %n changes moved it):", nullptr,
           static_cast<int>(fit.movedBy.size()))
            .arg(QString::fromStdString(fit.era.name)));
}

void CompareDock::selectRunOf(const QModelIndex &index, int role)
{
    const QString id = index.data(role).toString();
    // A removed run, or one deleted since: nothing to select.
    if (id.isEmpty() || !m_document->dataset().findRun(id.toStdString())) return;
    m_view->setSelection({id});
}

} // namespace app
