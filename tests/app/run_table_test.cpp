// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/run_commands.h"
#include "app/data/dataset_file.h"
#include "app/dialogs/unplottable_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/number_format.h"
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
#include <QMenu>
#include <QPushButton>
#include <QSettings>
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

namespace {

// The bundled Epoch AI data: it has every category and field.
class EpochRunTable : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().remove(QStringLiteral("runTable/columns"));
        auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        dock = std::make_unique<app::RunTableDock>(&document, &view);
    }
    void TearDown() override { QSettings().remove(QStringLiteral("runTable/columns")); }

    int rows() const { return dock->proxy()->rowCount(); }
    int coreCount() const
    {
        const compute::Dataset &d = document.dataset();
        return static_cast<int>(
            std::count_if(d.runs.begin(), d.runs.end(), [&](const compute::TrainingRun &run) {
                return view.filter().accepts(d, run);
            }));
    }
    // The row of the run named `name`, in the proxy.
    int rowNamed(const char *name) const
    {
        for (int row = 0; row < rows(); ++row)
            if (dock->proxy()->index(row, RunTableModel::NameColumn).data().toString() ==
                QLatin1String(name))
                return row;
        return -1;
    }

    app::Document document;
    app::ViewState view;
    std::unique_ptr<app::RunTableDock> dock;
};

} // namespace

TEST_F(EpochRunTable, CategoryFiltersNarrowRowsExactlyAsTheCoreFilter)
{
    app::RunFilterBar *bar = dock->filterBar();
    const int all = rows();
    EXPECT_EQ(bar->categoryButton()->text(), QStringLiteral("All Categories"));
    const QStringList countries = bar->availableValues(compute::RunCategory::Country);
    ASSERT_GE(countries.size(), 3);
    EXPECT_EQ(countries.front(), QStringLiteral("United States of America")); // the most runs
    EXPECT_TRUE(countries.contains(QStringLiteral("China")));
    EXPECT_EQ(bar->availableValues(compute::RunCategory::Frontier),
              (QStringList{QStringLiteral("Not frontier"), QStringLiteral("Frontier")}));

    bar->setValueChecked(compute::RunCategory::Country, QStringLiteral("China"), true);
    const int china = rows();
    EXPECT_GT(china, 0);
    EXPECT_LT(china, all);
    EXPECT_EQ(china, coreCount());
    bar->setValueChecked(compute::RunCategory::Country, QStringLiteral("France"), true);
    EXPECT_GT(rows(), china); // multi-select: either country
    EXPECT_EQ(rows(), coreCount());
    bar->setValueChecked(compute::RunCategory::Frontier, QStringLiteral("Frontier"), true);
    EXPECT_EQ(rows(), coreCount()); // and the frontier ones among them
    EXPECT_EQ(bar->categoryButton()->text(), QStringLiteral("2 Categories"));
    EXPECT_TRUE(
        bar->categoryButton()->toolTip().contains(QStringLiteral("Country: China, France")));
    EXPECT_TRUE(bar->clearButton()->isEnabled());

    // The menu shows the values with their counts, the chosen ones ticked.
    bar->categoryButton()->menu()->popup(QPoint(0, 0)); // builds it
    auto *countryMenu =
        bar->categoryButton()->menu()->findChild<QMenu *>(QStringLiteral("country"));
    ASSERT_NE(countryMenu, nullptr);
    int ticked = 0;
    for (QAction *a : countryMenu->actions())
        if (a->isChecked() && !a->data().toString().isEmpty()) ++ticked;
    EXPECT_EQ(ticked, 2);
    bar->categoryButton()->menu()->hide();

    bar->clearFilters();
    EXPECT_TRUE(view.filter().categories.empty());
    EXPECT_EQ(rows(), all);
}

TEST_F(EpochRunTable, FieldColumnsShowTheRunsFieldsAndSortNumerically)
{
    for (int c = 0; c < RunTableModel::ColumnCount; ++c) {
        EXPECT_EQ(dock->isColumnShown(c), RunTableModel::shownByDefault(c)) << c;
        EXPECT_EQ(RunTableModel::columnOfKey(RunTableModel::columnKey(c)), c);
        EXPECT_FALSE(dock->model()->headerData(c, Qt::Horizontal).toString().isEmpty()) << c;
    }
    const int gpt4 = rowNamed("GPT-4");
    ASSERT_GE(gpt4, 0);
    auto cell = [&](int row, int column) {
        return dock->proxy()->index(row, column).data().toString();
    };
    const compute::TrainingRun *run = dock->model()->runAt(
        dock->proxy()->index(gpt4, 0).data(RunTableModel::RunIndexRole).toInt());
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(cell(gpt4, RunTableModel::CountryColumn),
              QString::fromUtf8(run->fields.text(compute::RunText::Country)));
    EXPECT_EQ(cell(gpt4, RunTableModel::FrontierColumn), run->hasTag(compute::kTagFrontier)
                                                             ? QStringLiteral("Frontier")
                                                             : QStringLiteral("Not frontier"));
    // GPT-4's training time and utilization are in the Notable data.
    const auto hours = run->fields.number(compute::RunNumber::TrainingHours);
    ASSERT_TRUE(hours.has_value());
    EXPECT_EQ(cell(gpt4, RunTableModel::TrainingTimeColumn), app::compact(*hours));
    const auto utilization = run->fields.number(compute::RunNumber::Utilization);
    ASSERT_TRUE(utilization.has_value());
    EXPECT_EQ(cell(gpt4, RunTableModel::UtilizationColumn),
              app::significant(*utilization * 100, 3) + QLatin1Char('%'));

    // Cost sorts by value, runs without a cost last in either order.
    dock->tableView()->sortByColumn(RunTableModel::CostColumn, Qt::DescendingOrder);
    auto costAt = [&](int row) {
        return dock->proxy()->index(row, RunTableModel::CostColumn).data(RunTableModel::SortRole);
    };
    ASSERT_TRUE(costAt(0).isValid());
    int withCost = 0;
    while (withCost < rows() && costAt(withCost).isValid())
        ++withCost;
    EXPECT_GT(withCost, 10);
    for (int row = 1; row < withCost; ++row)
        EXPECT_GE(costAt(row - 1).toDouble(), costAt(row).toDouble()) << row;
    for (int row = withCost; row < rows(); ++row)
        EXPECT_FALSE(costAt(row).isValid()) << row;
}

TEST_F(EpochRunTable, ShownColumnsAreChosenByTheUserAndKept)
{
    dock->setColumnShown(RunTableModel::CostColumn, true);
    dock->setColumnShown(RunTableModel::CountryColumn, true);
    dock->setColumnShown(RunTableModel::MethodColumn, false);
    EXPECT_TRUE(dock->isColumnShown(RunTableModel::CostColumn));
    EXPECT_FALSE(dock->isColumnShown(RunTableModel::MethodColumn));

    // The menu lists every column, checked as shown; unticking hides.
    dock->columnsMenu()->popup(QPoint(0, 0));
    QAction *country = nullptr;
    int listed = 0;
    for (QAction *a : dock->columnsMenu()->actions())
        if (a->isCheckable()) {
            ++listed;
            EXPECT_EQ(a->isChecked(), dock->isColumnShown(a->data().toInt()));
            if (a->data().toInt() == RunTableModel::CountryColumn) country = a;
        }
    EXPECT_EQ(listed, int(RunTableModel::ColumnCount));
    ASSERT_NE(country, nullptr);
    country->setChecked(false);
    dock->columnsMenu()->hide();
    EXPECT_FALSE(dock->isColumnShown(RunTableModel::CountryColumn));

    // A new table (the next start) shows what the user chose.
    app::RunTableDock again(&document, &view);
    EXPECT_TRUE(again.isColumnShown(RunTableModel::CostColumn));
    EXPECT_FALSE(again.isColumnShown(RunTableModel::CountryColumn));
    EXPECT_FALSE(again.isColumnShown(RunTableModel::MethodColumn));
    EXPECT_TRUE(again.isColumnShown(RunTableModel::NameColumn));
}
