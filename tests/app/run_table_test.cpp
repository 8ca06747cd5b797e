// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/run_commands.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/unplottable_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/models/run_filter_proxy.h"
#include "app/models/run_table_model.h"
#include "app/widgets/run_filter_bar.h"
#include "app/widgets/run_table_dock.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using app::RunTableModel;

class RunTable : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        dock = std::make_unique<app::RunTableDock>(&document, &view);
    }

    const compute::Dataset &dataset() const { return document.dataset(); }
    // What core's filter accepts: the number the table must show.
    int coreCount() const
    {
        return static_cast<int>(std::count_if(dataset().runs.begin(), dataset().runs.end(),
                                              [&](const compute::TrainingRun &run) {
                                                  return view.filter().accepts(dataset(), run);
                                              }));
    }
    int rows() const { return dock->proxy()->rowCount(); }
    QString cell(int row, int column) const
    {
        return dock->proxy()->index(row, column).data().toString();
    }
    int proxyRowOf(const char *id) const
    {
        return dock->proxy()->indexOfRun(QString::fromUtf8(id)).row();
    }
    QStringList selectedIds() const
    {
        QStringList ids;
        for (const QModelIndex &i : dock->tableView()->selectionModel()->selectedRows())
            ids.append(i.data(RunTableModel::RunIdRole).toString());
        ids.sort();
        return ids;
    }
    static compute::TrainingRun newRun(const char *id, const char *name)
    {
        compute::TrainingRun run;
        run.id = id;
        run.name = name;
        run.domain = "Language";
        run.date = compute::Date(2019, 2, 14);
        run.estimates.push_back(compute::ComputeEstimate::reported(1e22));
        return run;
    }

    app::Document document;
    app::ViewState view;
    std::unique_ptr<app::RunTableDock> dock;
};

TEST_F(RunTable, ListsEveryRunTheDefaultFilterAccepts)
{
    EXPECT_EQ(dock->model()->rowCount(), static_cast<int>(dataset().runs.size()));
    EXPECT_EQ(rows(), coreCount());
    EXPECT_LT(rows(), dock->model()->rowCount()); // the appendix runs are hidden by default
    view.setFilter([] {
        compute::RunFilter f;
        f.includeHidden = true;
        return f;
    }());
    EXPECT_EQ(rows(), static_cast<int>(dataset().runs.size()));
}

TEST_F(RunTable, WithoutUnplottableRunsListsExactlyTheChartPoints)
{
    app::TrendModel trends(&document, &view);
    dock->proxy()->setShowUnplottable(false);
    EXPECT_EQ(rows(), static_cast<int>(trends.cache().plottedCount()));
    dock->proxy()->setShowUnplottable(true);
    EXPECT_EQ(rows(), coreCount());
}

TEST_F(RunTable, ColumnsShowNameDateAtItsPrecisionMethodAndSource)
{
    const int alexnet = proxyRowOf("alexnet");
    EXPECT_EQ(cell(alexnet, RunTableModel::NameColumn), QStringLiteral("AlexNet"));
    EXPECT_EQ(cell(alexnet, RunTableModel::OrganizationColumn),
              QStringLiteral("University of Toronto"));
    EXPECT_EQ(cell(alexnet, RunTableModel::DomainColumn), QStringLiteral("Vision"));
    EXPECT_EQ(cell(alexnet, RunTableModel::DateColumn), QStringLiteral("2012-06-01"));
    EXPECT_EQ(cell(alexnet, RunTableModel::MethodColumn), QStringLiteral("Reported"));
    EXPECT_TRUE(cell(alexnet, RunTableModel::SourceColumn).startsWith(QStringLiteral("Amodei")));
    EXPECT_EQ(cell(proxyRowOf("perceptron"), RunTableModel::DateColumn), QStringLiteral("1959"));
    EXPECT_TRUE(cell(proxyRowOf("lenet-5"), RunTableModel::ComputeColumn).isEmpty());
    const QString tip = dock->proxy()->index(alexnet, 0).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("<b>AlexNet</b>"))) << tip.toStdString();
}

TEST_F(RunTable, SortsComputeNumericallyWithAlphaGoZeroFirstDescending)
{
    dock->proxy()->sort(RunTableModel::ComputeColumn, Qt::DescendingOrder);
    EXPECT_EQ(cell(0, RunTableModel::NameColumn), QStringLiteral("AlphaGoZero"));
    double previous = 1e300;
    bool seenEmpty = false;
    for (int row = 0; row < rows(); ++row) {
        const QVariant value =
            dock->proxy()->index(row, RunTableModel::ComputeColumn).data(RunTableModel::SortRole);
        if (!value.isValid()) {
            seenEmpty = true;
            continue;
        }
        EXPECT_FALSE(seenEmpty) << "a run without compute sorted before one with compute";
        EXPECT_LE(value.toDouble(), previous) << cell(row, RunTableModel::NameColumn).toStdString();
        previous = value.toDouble();
    }
    EXPECT_TRUE(seenEmpty);

    dock->proxy()->sort(RunTableModel::ComputeColumn, Qt::AscendingOrder);
    EXPECT_EQ(cell(0, RunTableModel::NameColumn), QStringLiteral("Perceptron"));
    EXPECT_TRUE(cell(rows() - 1, RunTableModel::ComputeColumn).isEmpty());
}

TEST_F(RunTable, RunsWithoutADateSortLastInBothOrders)
{
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        dock->proxy()->sort(RunTableModel::DateColumn, order);
        EXPECT_EQ(cell(0, RunTableModel::DateColumn), order == Qt::AscendingOrder
                                                          ? QStringLiteral("1959")
                                                          : QStringLiteral("2017-12-05"));
        EXPECT_TRUE(cell(rows() - 1, RunTableModel::DateColumn).isEmpty());
    }
}

TEST_F(RunTable, UnitsSwitchChangesTheComputeColumn)
{
    const int alexnet = proxyRowOf("alexnet");
    EXPECT_EQ(cell(alexnet, RunTableModel::ComputeColumn), QStringLiteral("5.00e+17"));
    view.setUnits(compute::ComputeUnit::PfsDays);
    EXPECT_EQ(cell(alexnet, RunTableModel::ComputeColumn), QStringLiteral("5.79e-3"));
    EXPECT_EQ(dock->model()->headerData(RunTableModel::ComputeColumn, Qt::Horizontal).toString(),
              QStringLiteral("Compute (pfs-days)"));
}

TEST_F(RunTable, UpperBoundsShowALessOrEqualPrefix)
{
    const int adam = static_cast<int>(dataset().indexOfRun("adam-optimizer"));
    const QString text = dock->model()->index(adam, RunTableModel::ComputeColumn).data().toString();
    EXPECT_TRUE(text.startsWith(QStringLiteral("≤ "))) << text.toStdString();
}

TEST_F(RunTable, SearchTextNarrowsRowsExactlyAsTheCoreFilter)
{
    const int before = rows();
    dock->filterBar()->searchEdit()->setText(QStringLiteral("DEEPMIND"));
    EXPECT_EQ(view.filter().searchText, "DEEPMIND");
    EXPECT_EQ(rows(), coreCount());
    EXPECT_EQ(rows(), 3); // DQN, AlphaGoZero, AlphaZero
    EXPECT_LT(rows(), before);
    dock->filterBar()->searchEdit()->setText(QStringLiteral("alpha"));
    EXPECT_EQ(rows(), coreCount());
    EXPECT_EQ(rows(), 2);
}

TEST_F(RunTable, DomainFilterNarrowsRowsExactlyAsTheCoreFilter)
{
    app::RunFilterBar *bar = dock->filterBar();
    EXPECT_TRUE(bar->availableDomains().contains(QStringLiteral("Games")));
    bar->setDomainChecked(QStringLiteral("Games"), true);
    EXPECT_EQ(view.filter().domains, std::vector<std::string>{"Games"});
    EXPECT_EQ(rows(), coreCount());
    EXPECT_EQ(bar->domainButton()->text(), QStringLiteral("Games"));
    bar->setDomainChecked(QStringLiteral("Speech"), true);
    EXPECT_EQ(rows(), coreCount());
    EXPECT_EQ(bar->domainButton()->text(), QStringLiteral("2 Domains"));
    bar->setDomainChecked(QStringLiteral("Games"), false);
    bar->setDomainChecked(QStringLiteral("Speech"), false);
    EXPECT_TRUE(view.filter().domains.empty());
    EXPECT_EQ(rows(), coreCount());
}

TEST_F(RunTable, DateRangeBefore1970NarrowsRowsExactlyAsTheCoreFilter)
{
    app::RunFilterBar *bar = dock->filterBar();
    bar->dateRangeBox()->setChecked(true);
    // Switched on, the range first spans the dataset's dated runs.
    ASSERT_TRUE(view.filter().from.has_value());
    EXPECT_EQ(*view.filter().from, compute::Date(1959, 1, 1));
    EXPECT_EQ(rows(), coreCount());
    bar->fromEdit()->setDate(QDate(1950, 1, 1));
    bar->toEdit()->setDate(QDate(1990, 1, 1));
    ASSERT_TRUE(view.filter().from && view.filter().to);
    EXPECT_EQ(*view.filter().from, compute::Date(1950, 1, 1));
    EXPECT_EQ(*view.filter().to, compute::Date(1990, 1, 1));
    EXPECT_EQ(rows(), coreCount());
    EXPECT_EQ(rows(), 3); // Perceptron 1959, NETtalk 1987, ALVINN 1989
    bar->dateRangeBox()->setChecked(false);
    EXPECT_FALSE(view.filter().from || view.filter().to);
    EXPECT_EQ(rows(), coreCount());
}

TEST_F(RunTable, DateRangeTickedAfterAddingALaterRunStillShowsThatRun)
{
    // Bug 1 of issue 13: the offered range was the span of the runs when the dataset was
    // opened, so a run added after its end dropped out of the table and the fit.
    compute::TrainingRun later = newRun("later", "Later run");
    later.date = compute::Date(2030, 6, 1);
    document.undoStack()->push(new app::AddRunsCommand(&document, {dataset().runs.size()}, {later},
                                                       QStringLiteral("Add run")));
    app::RunFilterBar *bar = dock->filterBar();
    bar->dateRangeBox()->setChecked(true);
    ASSERT_TRUE(view.filter().to.has_value());
    EXPECT_LT(compute::Date(2030, 6, 1), *view.filter().to);
    EXPECT_TRUE(view.filter().accepts(dataset(), dataset().runs.back()));
    EXPECT_GE(proxyRowOf("later"), 0);
}

TEST_F(RunTable, RunsOutsideTheTickedDatesAreCalledOut)
{
    app::RunFilterBar *bar = dock->filterBar();
    bar->dateRangeBox()->setChecked(true);
    EXPECT_TRUE(bar->outsideLabel()->text().isEmpty());
    compute::TrainingRun later = newRun("later", "Later run");
    later.date = compute::Date(2030, 6, 1);
    document.undoStack()->push(new app::AddRunsCommand(&document, {dataset().runs.size()}, {later},
                                                       QStringLiteral("Add run")));
    QApplication::processEvents();
    // The range the user ticked stays; the run it hides is named as hidden.
    EXPECT_EQ(bar->outsideLabel()->text(), QStringLiteral("1 run outside"));
    EXPECT_TRUE(bar->outsideLabel()->isVisibleTo(bar));
}

TEST_F(RunTable, ClearFiltersKeepsIncludeHidden)
{
    compute::RunFilter filter;
    filter.includeHidden = true;
    filter.searchText = "gan";
    filter.domains = {"Vision"};
    filter.from = compute::Date(2014, 1, 1);
    view.setFilter(filter);
    EXPECT_TRUE(dock->filterBar()->clearButton()->isEnabled());
    dock->filterBar()->clearFilters();
    EXPECT_TRUE(view.filter().includeHidden);
    EXPECT_FALSE(view.filter().narrows());
    EXPECT_EQ(rows(), static_cast<int>(dataset().runs.size()));
    EXPECT_FALSE(dock->filterBar()->clearButton()->isEnabled());
}

TEST_F(RunTable, FilterSetElsewhereShowsInTheControls)
{
    compute::RunFilter filter;
    filter.searchText = "Alpha";
    filter.domains = {"Games"};
    filter.from = compute::Date(1960, 3, 1);
    view.setFilter(filter);
    app::RunFilterBar *bar = dock->filterBar();
    EXPECT_EQ(bar->searchEdit()->text(), QStringLiteral("Alpha"));
    EXPECT_EQ(bar->domainButton()->text(), QStringLiteral("Games"));
    EXPECT_TRUE(bar->dateRangeBox()->isChecked());
    EXPECT_EQ(bar->fromEdit()->date(), QDate(1960, 3, 1));
    EXPECT_FALSE(view.filter().to); // the open end stays open
    EXPECT_EQ(rows(), coreCount());
}

TEST_F(RunTable, TableSelectionBecomesTheViewSelection)
{
    QItemSelectionModel *selection = dock->tableView()->selectionModel();
    selection->select(dock->proxy()->index(proxyRowOf("alexnet"), 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(dock->proxy()->index(proxyRowOf("dqn"), 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    EXPECT_EQ(view.selection(), (QSet<QString>{QStringLiteral("alexnet"), QStringLiteral("dqn")}));
    selection->clearSelection();
    EXPECT_TRUE(view.selection().isEmpty());
}

TEST_F(RunTable, ViewSelectionSelectsTableRows)
{
    view.setSelection({QStringLiteral("vgg"), QStringLiteral("resnets")});
    EXPECT_EQ(selectedIds(), (QStringList{QStringLiteral("resnets"), QStringLiteral("vgg")}));
    EXPECT_EQ(dock->tableView()->currentIndex().row(), proxyRowOf("vgg")); // the first shown
    view.setSelection({});
    EXPECT_TRUE(selectedIds().isEmpty());
}

TEST_F(RunTable, ASelectedRunTheTableCannotShowIsNotDeselectedByIt)
{
    int changes = 0;
    QObject::connect(&view, &app::ViewState::selectionChanged, [&] { ++changes; });
    // Hidden by default (not on OpenAI's chart): selected elsewhere, not in the table.
    view.setSelection({QStringLiteral("attention-is-all-you-need")});
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(view.selection().size(), 1);
    EXPECT_TRUE(selectedIds().isEmpty());
}

TEST_F(RunTable, FilteringOutASelectedRunKeepsItSelected)
{
    view.setSelection({QStringLiteral("alexnet"), QStringLiteral("dqn")});
    dock->filterBar()->searchEdit()->setText(QStringLiteral("dqn"));
    EXPECT_EQ(view.selection().size(), 2);
    EXPECT_EQ(selectedIds(), QStringList{QStringLiteral("dqn")});
    dock->filterBar()->clearFilters();
    EXPECT_EQ(selectedIds(), (QStringList{QStringLiteral("alexnet"), QStringLiteral("dqn")}));
}

TEST_F(RunTable, AddAndRemoveThroughTheUndoStackUpdateTheModel)
{
    const int total = dock->model()->rowCount();
    const int shown = rows();
    document.undoStack()->push(new app::AddRunsCommand(&document, {0}, {newRun("gpt-2", "GPT-2")},
                                                       QStringLiteral("Add GPT-2")));
    EXPECT_EQ(dock->model()->rowCount(), total + 1);
    EXPECT_EQ(rows(), shown + 1);
    EXPECT_EQ(dock->model()->index(0, 0).data().toString(), QStringLiteral("GPT-2"));
    EXPECT_GE(proxyRowOf("gpt-2"), 0);

    const std::size_t alexnet = static_cast<std::size_t>(dataset().indexOfRun("alexnet"));
    document.undoStack()->push(new app::RemoveRunsCommand(&document, {alexnet}));
    EXPECT_EQ(dock->model()->rowCount(), total);
    EXPECT_EQ(rows(), shown);
    EXPECT_LT(proxyRowOf("alexnet"), 0);

    document.undoStack()->undo();
    document.undoStack()->undo();
    EXPECT_EQ(dock->model()->rowCount(), total);
    EXPECT_EQ(rows(), shown);
    EXPECT_GE(proxyRowOf("alexnet"), 0);
    EXPECT_LT(proxyRowOf("gpt-2"), 0);
}

TEST_F(RunTable, AnEditedRunIsRefilteredAndRedrawn)
{
    dock->filterBar()->searchEdit()->setText(QStringLiteral("renamed"));
    EXPECT_EQ(rows(), 0);
    const std::size_t dqn = static_cast<std::size_t>(dataset().indexOfRun("dqn"));
    compute::TrainingRun edited = dataset().runs[dqn];
    edited.name = "DQN renamed";
    document.undoStack()->push(app::makeEditRunCommand(&document, dqn, edited).release());
    ASSERT_EQ(rows(), 1);
    EXPECT_EQ(cell(0, RunTableModel::NameColumn), QStringLiteral("DQN renamed"));
}

TEST_F(RunTable, ANewDatasetResetsTheModel)
{
    compute::Dataset small;
    small.runs = {newRun("a", "A"), newRun("b", "B")};
    document.reset(small, QString());
    EXPECT_EQ(dock->model()->rowCount(), 2);
    EXPECT_EQ(rows(), 2);
}

TEST_F(RunTable, EnterOnARowActivatesItsDatasetIndex)
{
    int activated = -1;
    QObject::connect(dock.get(), &app::RunTableDock::runActivated,
                     [&](int index) { activated = index; });
    dock->tableView()->setCurrentIndex(dock->proxy()->index(proxyRowOf("dqn"), 0));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(dock->tableView(), &enter);
    EXPECT_EQ(activated, static_cast<int>(dataset().indexOfRun("dqn")));
}

TEST_F(RunTable, SelectAllAndTypingAWholeDateGivesThatDate)
{
    // Issue 13: select-all, then typing "2019-02-14" gave 1950-01-01.
    app::RunFilterBar *bar = dock->filterBar();
    bar->dateRangeBox()->setChecked(true);
    QDateEdit *edit = bar->fromEdit();
    edit->selectAll();
    for (const QChar c : QStringLiteral("2019-02-14")) {
        const int key =
            c == QLatin1Char('-') ? int(Qt::Key_Minus) : int(Qt::Key_0) + c.digitValue();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QApplication::sendEvent(edit, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QApplication::sendEvent(edit, &release);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(edit, &enter);
    EXPECT_EQ(edit->date(), QDate(2019, 2, 14)) << edit->text().toStdString();
}

TEST_F(RunTable, FindActionUsesTheStandardShortcut)
{
    EXPECT_EQ(dock->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    EXPECT_TRUE(dock->actions().contains(dock->findAction()));
    EXPECT_FALSE(dock->objectName().isEmpty());
}

TEST_F(RunTable, UnplottableDialogListsRunsWithoutDateOrComputeAndWhatIsMissing)
{
    app::UnplottableDialog dialog(&document, &view);
    app::TrendModel trends(&document, &view);
    QSortFilterProxyModel *list = dialog.rows();
    EXPECT_EQ(list->rowCount(), static_cast<int>(trends.cache().unplottableCount()));
    ASSERT_EQ(list->columnCount(), 3);
    QHash<QString, QString> missing;
    for (int row = 0; row < list->rowCount(); ++row)
        missing.insert(list->index(row, 0).data().toString(),
                       list->index(row, 2).data().toString());
    EXPECT_EQ(missing.value(QStringLiteral("NETtalk")), QStringLiteral("No compute"));
    EXPECT_EQ(missing.value(QStringLiteral("RNN for Speech")),
              QStringLiteral("No date or compute"));
    EXPECT_FALSE(missing.contains(QStringLiteral("AlexNet")));

    int activated = -1;
    QObject::connect(&dialog, &app::UnplottableDialog::runActivated,
                     [&](int index) { activated = index; });
    for (int r = 0; r < list->rowCount(); ++r)
        if (list->index(r, 0).data().toString() == QStringLiteral("NETtalk"))
            dialog.tableView()->setCurrentIndex(list->index(r, 0));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(dialog.tableView(), &enter);
    EXPECT_EQ(activated, static_cast<int>(dataset().indexOfRun("nettalk")));
}

} // namespace
