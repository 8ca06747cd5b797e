// SPDX-License-Identifier: GPL-3.0-or-later
// File > Compare With... in the window: two hand-made vintages with known changes (a run
// added, one removed, a compute change, a corrected date, a rename), as the Compare view's
// tables and as marks on the chart; a bad older file; Clear Comparison.
#include "app/chart/chart_view.h"
#include "app/commands/run_commands.h"
#include "app/controllers/compare_controller.h"
#include "app/document/comparison.h"
#include "app/main_window.h"
#include "app/models/comparison_fits_model.h"
#include "app/models/comparison_table_model.h"
#include "app/widgets/compare_dock.h"
#include "core/model/dataset_diff.h"
#include "core/stats/diff_fits.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/quiet_files.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <qcustomplot.h>

#include <gtest/gtest.h>

#include <cmath>

namespace {

constexpr const char *kHeader = "Model,Organization,Publication date,Training compute (FLOP)\n";

// OLD: six runs, ten times the compute each year. NEW: B's compute x4, C gone, D's date
// corrected by half a year, BigModel renamed BigModel-X, E added; A and G as they were.
struct Vintages {
    QTemporaryDir dir;
    QString oldFile =
        write(QStringLiteral("old.csv"), QByteArray(kHeader) + "A,Lab,2012-01-01,1e18\n"
                                                               "B,Lab,2013-01-01,1e19\n"
                                                               "C,Lab,2014-01-01,1e20\n"
                                                               "D,Lab,2015-01-01,1e21\n"
                                                               "BigModel,OrgX,2016-01-01,1e22\n"
                                                               "G,Lab,2017-01-01,1e23\n");
    QString newFile =
        write(QStringLiteral("new.csv"), QByteArray(kHeader) + "A,Lab,2012-01-01,1e18\n"
                                                               "B,Lab,2013-01-01,4e19\n"
                                                               "D,Lab,2015-07-01,1e21\n"
                                                               "BigModel-X,OrgX,2016-01-01,1e22\n"
                                                               "G,Lab,2017-01-01,1e23\n"
                                                               "E,Lab,2018-01-01,1e24\n");

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }
};

// The Compare view over a FileController that records its warnings instead of showing them.
struct CompareFixture {
    Vintages vintages;
    QuietFiles files;
    app::Comparison comparison{&files.document, &files.view};
    app::CompareController controller{&comparison, &files.files};
    app::CompareDock dock{&comparison, &controller, &files.document, &files.view};

    CompareFixture()
    {
        EXPECT_TRUE(files.files.open(vintages.newFile));
        EXPECT_EQ(files.document.dataset().runs.size(), 6u);
    }
    bool compare()
    {
        if (!controller.compareWith(vintages.oldFile)) return false;
        return comparison.waitForResult();
    }
    // The changes table's rows as the view shows them: "kind|run|date|changes|ratio|match".
    QStringList shownRows() const
    {
        const QAbstractItemModel *model = dock.changesTable()->model();
        QStringList rows;
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < model->columnCount(); ++c)
                cells << model->index(r, c).data().toString();
            rows << cells.join(QLatin1Char('|'));
        }
        return rows;
    }
    QString runId(const std::string &name) const
    {
        for (const compute::TrainingRun &run : files.document.dataset().runs)
            if (run.name == name) return QString::fromStdString(run.id);
        return {};
    }
};

// Decimal year of a date as the chart places it (x is years of 365.25 days since 1970).
double keyOf(int year, int month, int day)
{
    return 1970.0 + compute::Date(year, month, day).yearsSinceEpoch();
}

// Least squares slope of log10 compute on years, by hand; months per doubling.
double doublingMonths(const std::vector<std::pair<compute::Date, double>> &runs)
{
    double mx = 0, my = 0;
    for (const auto &[date, flop] : runs) {
        mx += date.yearsSinceEpoch();
        my += std::log10(flop);
    }
    mx /= static_cast<double>(runs.size());
    my /= static_cast<double>(runs.size());
    double sxy = 0, sxx = 0;
    for (const auto &[date, flop] : runs) {
        sxy += (date.yearsSinceEpoch() - mx) * (std::log10(flop) - my);
        sxx += (date.yearsSinceEpoch() - mx) * (date.yearsSinceEpoch() - mx);
    }
    return 12.0 * std::log10(2.0) / (sxy / sxx);
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}

TEST(CompareWindow, TheTableListsEachKnownChangeWithItsFieldsAndTheSummaryCountsThem)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare()) << f.files.warnings.join(QLatin1Char('\n')).toStdString();
    QStringList rows = f.shownRows();
    rows.sort();
    // Sorted as text ('|' after letters): BigModel-X before B.
    EXPECT_EQ(rows, QStringList({
                        QStringLiteral("added|E|2018-01-01||–|"),
                        QStringLiteral("changed|BigModel-X|2016-01-01|name BigModel → "
                                       "BigModel-X|×1|uncertain"),
                        QStringLiteral("changed|B|2013-01-01|compute 1e+19 → 4e+19 FLOP|×4|"),
                        QStringLiteral("changed|D|2015-07-01|date 2015-01-01 → 2015-07-01|×1|"
                                       "uncertain"),
                        QStringLiteral("removed|C|2014-01-01||–|"),
                    }))
        << rows.join(QLatin1Char('\n')).toStdString();
    const QString summary = f.dock.summaryLabel()->text();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 added · 1 removed · 3 changed")))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("0 duplicates · 2 uncertain")))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("old.csv"))) << summary.toStdString();
    // The ratio column sorts by value, not by text: ×1 before ×4.
    f.dock.changesTable()->sortByColumn(app::ComparisonTableModel::RatioColumn, Qt::AscendingOrder);
    const QAbstractItemModel *shown = f.dock.changesTable()->model();
    EXPECT_EQ(shown->index(0, app::ComparisonTableModel::RatioColumn).data().toString(),
              QStringLiteral("×1"));
    EXPECT_EQ(shown->index(2, app::ComparisonTableModel::NameColumn).data().toString(),
              QStringLiteral("B"));
}

TEST(CompareWindow, TheKindFilterShowsOnlyRowsOfThatKind)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare());
    QComboBox *kind = f.dock.kindFilter();
    auto countOf = [&](const QString &item) {
        kind->setCurrentIndex(kind->findText(item));
        return f.dock.changesTable()->model()->rowCount();
    };
    EXPECT_EQ(countOf(QStringLiteral("Added")), 1);
    EXPECT_EQ(countOf(QStringLiteral("Removed")), 1);
    EXPECT_EQ(countOf(QStringLiteral("Changed")), 3);
    EXPECT_EQ(countOf(QStringLiteral("Uncertain matches")), 2);
    EXPECT_EQ(countOf(QStringLiteral("Duplicates")), 0);
    EXPECT_EQ(countOf(QStringLiteral("All changes")), 5);
}

TEST(CompareWindow, FitsBeforeAndAfterAreCoresAndAgreeWithLeastSquaresByHand)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare());
    const auto result = f.comparison.result();
    ASSERT_TRUE(result);
    // The view's data is core's diffFits on the same two datasets.
    const compute::DatasetDiff diff = compute::diffDatasets(*result->before, result->after);
    const auto eras = app::comparisonEras(result->after, f.files.view.schemeIndex());
    const auto fits = compute::diffFits(*result->before, result->after, diff, eras);
    ASSERT_EQ(fits.size(), 1u); // a CSV brings no era scheme: one era of all runs
    ASSERT_EQ(result->fits.size(), 1u);
    EXPECT_EQ(result->fits[0].before.slope, fits[0].before.slope);
    EXPECT_EQ(result->fits[0].after.slope, fits[0].after.slope);
    EXPECT_EQ(result->fits[0].movedBy.size(), fits[0].movedBy.size());

    // And least squares by hand: OLD's six runs, NEW's six.
    using compute::Date;
    const double before = doublingMonths({{Date(2012, 1, 1), 1e18},
                                          {Date(2013, 1, 1), 1e19},
                                          {Date(2014, 1, 1), 1e20},
                                          {Date(2015, 1, 1), 1e21},
                                          {Date(2016, 1, 1), 1e22},
                                          {Date(2017, 1, 1), 1e23}});
    const double after = doublingMonths({{Date(2012, 1, 1), 1e18},
                                         {Date(2013, 1, 1), 4e19},
                                         {Date(2015, 7, 1), 1e21},
                                         {Date(2016, 1, 1), 1e22},
                                         {Date(2017, 1, 1), 1e23},
                                         {Date(2018, 1, 1), 1e24}});
    EXPECT_NEAR(result->fits[0].before.doublingTimeMonths(), before, 1e-9);
    EXPECT_NEAR(result->fits[0].after.doublingTimeMonths(), after, 1e-9);

    const QAbstractItemModel *model = f.dock.fitsTable()->model();
    ASSERT_EQ(model->rowCount(), 1);
    auto cell = [&](int column) { return model->index(0, column).data().toString(); };
    EXPECT_TRUE(cell(app::ComparisonFitsModel::BeforeColumn)
                    .startsWith(QString::number(before, 'g', 3) + QStringLiteral(" mo [")))
        << cell(app::ComparisonFitsModel::BeforeColumn).toStdString();
    EXPECT_TRUE(cell(app::ComparisonFitsModel::AfterColumn)
                    .startsWith(QString::number(after, 'g', 3) + QStringLiteral(" mo [")))
        << cell(app::ComparisonFitsModel::AfterColumn).toStdString();
    EXPECT_EQ(cell(app::ComparisonFitsModel::BeforeNColumn), QStringLiteral("6"));
    EXPECT_EQ(cell(app::ComparisonFitsModel::AfterNColumn), QStringLiteral("6"));

    // The era is selected: its movers are listed, the largest change of slope first. E,
    // added at the end, is one of them: without it the fit is of five runs.
    ASSERT_EQ(f.dock.currentEra(), 0);
    const QAbstractItemModel *movers = f.dock.movedByTable()->model();
    ASSERT_EQ(movers->rowCount(), static_cast<int>(fits[0].movedBy.size()));
    ASSERT_GT(movers->rowCount(), 0);
    bool sawE = false;
    for (int r = 0; r < movers->rowCount(); ++r) {
        if (movers->index(r, app::MovedByModel::RunColumn).data().toString() != QLatin1String("E"))
            continue;
        sawE = true;
        EXPECT_EQ(movers->index(r, app::MovedByModel::ChangeColumn).data().toString(),
                  QStringLiteral("added"));
        EXPECT_EQ(movers->index(r, app::MovedByModel::WithoutNColumn).data().toString(),
                  QStringLiteral("5"));
    }
    EXPECT_TRUE(sawE);
}

TEST(CompareWindow, SelectingARowSelectsThatRunInTheDocument)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare());
    QTableView *table = f.dock.changesTable();
    const QAbstractItemModel *model = table->model();
    auto rowNamed = [&](const QString &name) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, app::ComparisonTableModel::NameColumn).data() == name)
                return model->index(r, 0);
        return QModelIndex();
    };
    table->setCurrentIndex(rowNamed(QStringLiteral("B")));
    EXPECT_EQ(f.files.view.selection(), QSet<QString>{f.runId("B")});
    table->setCurrentIndex(rowNamed(QStringLiteral("E")));
    EXPECT_EQ(f.files.view.selection(), QSet<QString>{f.runId("E")});
    // C is only in the older vintage: nothing to select, the selection stays.
    table->setCurrentIndex(rowNamed(QStringLiteral("C")));
    EXPECT_EQ(f.files.view.selection(), QSet<QString>{f.runId("E")});
}

TEST(CompareWindow, ABadOlderFileSaysWhyAndLeavesDocumentAndComparisonAsTheyWere)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare());
    const compute::Dataset before = f.files.document.dataset();
    const auto result = f.comparison.result();
    const QString bad =
        f.vintages.write(QStringLiteral("bad.csv"), "this,is,not\nan,epoch,export\n");
    EXPECT_FALSE(f.controller.compareWith(bad));
    ASSERT_EQ(f.files.warnings.size(), 1);
    EXPECT_TRUE(f.files.warnings[0].startsWith(QStringLiteral("Cannot compare with bad.csv")))
        << f.files.warnings[0].toStdString();
    EXPECT_TRUE(f.files.warnings[0].contains(QStringLiteral("bad.csv")));
    // Nothing of the open document changed, and the comparison shown stays.
    EXPECT_EQ(f.files.document.dataset().runs, before.runs);
    EXPECT_FALSE(f.files.document.isModified());
    EXPECT_EQ(f.files.document.undoStack()->count(), 0);
    EXPECT_EQ(f.comparison.result(), result);
    EXPECT_EQ(f.comparison.oldName(), QStringLiteral("old.csv"));

    const QString missing = f.vintages.dir.filePath(QStringLiteral("missing.json"));
    EXPECT_FALSE(f.controller.compareWith(missing));
    ASSERT_EQ(f.files.warnings.size(), 2);
    EXPECT_TRUE(f.files.warnings[1].contains(QStringLiteral("missing.json")));
    EXPECT_EQ(f.files.document.dataset().runs, before.runs);
}

TEST(CompareWindow, AnEditOfTheOpenDocumentIsCompared)
{
    CompareFixture f;
    ASSERT_TRUE(f.compare());
    ASSERT_EQ(f.comparison.result()->diff.added.size(), 1u);
    // Deleting E (the run added) through an undoable edit: the comparison follows.
    std::vector<compute::TrainingRun> runs = f.files.document.dataset().runs;
    std::erase_if(runs, [](const compute::TrainingRun &run) { return run.name == "E"; });
    ASSERT_EQ(runs.size(), 5u);
    f.files.document.undoStack()->push(
        app::makeReplaceAllRunsCommand(&f.files.document, std::move(runs), QStringLiteral("Edit"))
            .release());
    EXPECT_TRUE(f.comparison.isComputing());
    ASSERT_TRUE(f.comparison.waitForResult());
    EXPECT_EQ(f.comparison.result()->diff.added.size(), 0u);
    EXPECT_TRUE(f.dock.summaryLabel()->text().contains(QStringLiteral("0 added")));
}

// The window: the menu's action, the chart's marks, units, Clear Comparison.
struct CompareInWindow {
    Vintages vintages;
    app::MainWindow window;
    app::ChartView *chart = nullptr;

    CompareInWindow()
    {
        window.resize(1360, 880);
        EXPECT_TRUE(window.openFile(vintages.newFile));
        window.show();
        chart = window.findChild<app::ChartView *>();
        window.compares()->setFileChooser([this] { return vintages.oldFile; });
    }
    QAction *action(const char *name) const
    {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    }
    const app::ChartScene &scene() const
    {
        chart->rebuildNow();
        return chart->renderer().scene();
    }
    QList<QCPItemLine *> arrows() const
    {
        QList<QCPItemLine *> found;
        for (int i = 0; i < chart->plot()->itemCount(); ++i)
            if (auto *line = qobject_cast<QCPItemLine *>(chart->plot()->item(i));
                line && line->objectName() == QLatin1String("comparisonArrow"))
                found << line;
        return found;
    }
};

TEST(CompareWindow, FileCompareWithAsksForTheOlderFileAndShowsTheCompareView)
{
    CompareInWindow w;
    QAction *compare = w.action("compareWithAction");
    ASSERT_NE(compare, nullptr);
    EXPECT_EQ(compare->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    EXPECT_FALSE(w.window.compareDock()->isVisible());
    compare->trigger();
    ASSERT_TRUE(w.window.comparison()->waitForResult());
    EXPECT_TRUE(w.window.compareDock()->isVisible());
    EXPECT_EQ(w.window.compareDock()->changesTable()->model()->rowCount(), 5);
    // A cancelled chooser changes nothing.
    w.window.compares()->setFileChooser([] { return QString(); });
    compare->trigger();
    EXPECT_EQ(w.window.comparison()->oldName(), QStringLiteral("old.csv"));
}

TEST(CompareWindow, TheChartDrawsArrowsFromOldToNewPlacesRingsAddedRunsAndGhostsRemovedOnes)
{
    CompareInWindow w;
    ASSERT_TRUE(w.window.compares()->compareWith(w.vintages.oldFile));
    ASSERT_TRUE(w.window.comparison()->waitForResult());
    const app::ChartScene &scene = w.scene();

    // B's compute went from 1e19 to 4e19, D's date from 2015-01-01 to 2015-07-01.
    ASSERT_EQ(scene.moved.size(), 2);
    const app::SceneArrow *b = nullptr, *d = nullptr;
    for (const app::SceneArrow &a : scene.moved)
        (near(a.toKey, keyOf(2013, 1, 1)) ? b : d) = &a;
    ASSERT_TRUE(b && d);
    EXPECT_TRUE(near(b->fromKey, keyOf(2013, 1, 1)));
    EXPECT_TRUE(near(b->fromValue, 1e19)) << b->fromValue;
    EXPECT_TRUE(near(b->toValue, 4e19)) << b->toValue;
    EXPECT_TRUE(near(d->fromKey, keyOf(2015, 1, 1)));
    EXPECT_TRUE(near(d->toKey, keyOf(2015, 7, 1)));
    EXPECT_TRUE(near(d->fromValue, 1e21));
    EXPECT_TRUE(near(d->toValue, 1e21));
    // E is ringed where it is; C is a ghost where it stood.
    ASSERT_EQ(scene.added.size(), 1);
    EXPECT_TRUE(near(scene.added[0].key, keyOf(2018, 1, 1)));
    EXPECT_TRUE(near(scene.added[0].value, 1e24));
    ASSERT_EQ(scene.removed.size(), 1);
    EXPECT_TRUE(near(scene.removed[0].key, keyOf(2014, 1, 1)));
    EXPECT_TRUE(near(scene.removed[0].value, 1e20));

    // Drawn: one arrow item per moved run, from the old place to the new, in plot
    // coordinates (so they follow zoom), and the legend says what they are.
    const QList<QCPItemLine *> arrows = w.arrows();
    ASSERT_EQ(arrows.size(), 2);
    bool drewB = false;
    for (QCPItemLine *line : arrows)
        if (near(line->end->coords().y(), 4e19)) {
            drewB = true;
            EXPECT_TRUE(near(line->start->coords().y(), 1e19));
            EXPECT_TRUE(near(line->start->coords().x(), keyOf(2013, 1, 1)));
        }
    EXPECT_TRUE(drewB);
    QStringList legend;
    for (const app::LegendEntry &e : w.chart->renderer().legendEntries())
        legend << e.text;
    EXPECT_TRUE(legend.contains(QStringLiteral("Added since the older vintage")))
        << legend.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(legend.contains(QStringLiteral("Moved: old place → new")));

    // In petaflop/s-days the marks move with the points.
    w.window.viewState()->setUnits(compute::ComputeUnit::PfsDays);
    const app::ChartScene &pfs = w.scene();
    ASSERT_EQ(pfs.moved.size(), 2);
    for (const app::SceneArrow &a : pfs.moved)
        if (near(a.toKey, keyOf(2013, 1, 1))) {
            EXPECT_TRUE(near(a.fromValue, 1e19 / compute::kFlopPerPfsDay)) << a.fromValue;
            EXPECT_TRUE(near(a.toValue, 4e19 / compute::kFlopPerPfsDay)) << a.toValue;
        }
    ASSERT_EQ(pfs.removed.size(), 1);
    EXPECT_TRUE(near(pfs.removed[0].value, 1e20 / compute::kFlopPerPfsDay));
}

TEST(CompareWindow, ClearComparisonTakesTheMarksOffTheChart)
{
    CompareInWindow w;
    ASSERT_TRUE(w.window.compares()->compareWith(w.vintages.oldFile));
    ASSERT_TRUE(w.window.comparison()->waitForResult());
    ASSERT_FALSE(w.window.viewState()->overlays().comparison.isEmpty());
    ASSERT_EQ(w.scene().moved.size(), 2);
    ASSERT_EQ(w.arrows().size(), 2);
    QAction *clear = w.action("clearComparisonAction");
    ASSERT_NE(clear, nullptr);
    ASSERT_TRUE(clear->isEnabled());
    clear->trigger();
    EXPECT_TRUE(w.window.viewState()->overlays().comparison.isEmpty());
    const app::ChartScene &scene = w.scene();
    EXPECT_TRUE(scene.moved.isEmpty());
    EXPECT_TRUE(scene.added.isEmpty());
    EXPECT_TRUE(scene.removed.isEmpty());
    EXPECT_TRUE(w.arrows().isEmpty());
    EXPECT_EQ(w.window.compareDock()->changesTable()->model()->rowCount(), 0);
    EXPECT_FALSE(clear->isEnabled());
    EXPECT_FALSE(w.window.comparison()->isActive());
}

TEST(CompareWindow, OpeningAnotherDatasetEndsTheComparison)
{
    CompareInWindow w;
    ASSERT_TRUE(w.window.compares()->compareWith(w.vintages.oldFile));
    ASSERT_TRUE(w.window.comparison()->waitForResult());
    ASSERT_TRUE(w.window.openBundled(QStringLiteral("openai")));
    EXPECT_FALSE(w.window.comparison()->isActive());
    EXPECT_TRUE(w.window.viewState()->overlays().comparison.isEmpty());
}

} // namespace
