// SPDX-License-Identifier: GPL-3.0-or-later
// Published against recomputed: the Analysis dock's "Published" tab and the paper's figure
// in the Eras list, checked against core's own fits and bootstraps of the same runs.
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/published_format.h"
#include "app/models/era_list_model.h"
#include "app/widgets/analysis/published_panel.h"
#include "app/widgets/analysis/published_table_model.h"
#include "app/widgets/analysis_dock.h"
#include "core/io/published_schemes.h"
#include "core/stats/published_comparison.h"
#include "core/stats/run_selection.h"
#include "tests/app/gui_test_util.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using Model = app::PublishedTableModel;
constexpr double kLog2 = 0.30102999566398119521;

class PublishedPanelTest : public ::testing::Test {
protected:
    void open(const QString &bundled, std::vector<compute::EraScheme> extra = {})
    {
        auto loaded = app::loadBundledDataset(bundled);
        ASSERT_TRUE(loaded) << loaded.errorText();
        for (compute::EraScheme &scheme : extra)
            loaded->dataset.eraSchemes.push_back(std::move(scheme));
        document.reset(std::move(loaded->dataset), QString());
    }
    void showScheme(const std::string &name)
    {
        const auto &schemes = document.dataset().eraSchemes;
        int index = -1;
        for (std::size_t i = 0; i < schemes.size(); ++i)
            if (schemes[i].name == name) index = static_cast<int>(i);
        ASSERT_GE(index, 0) << name;
        view.setSchemeIndex(index);
        QSet<int> all;
        for (int i = 0; i < static_cast<int>(schemes[static_cast<std::size_t>(index)].eras.size());
             ++i)
            all.insert(i);
        view.setTickedEras(all);
    }
    const compute::EraScheme &scheme() const
    {
        return document.dataset().eraSchemes.at(static_cast<std::size_t>(view.schemeIndex()));
    }
    // Core's fit of the era, from its own selection of the runs (not the window's cache).
    compute::FitPoints pointsOf(std::size_t era) const
    {
        return compute::selectFitPoints(document.dataset(), scheme().eras.at(era), view.filter());
    }
    app::PublishedPanel *panel() const { return dock.publishedPanel(); }
    Model *model() const { return panel()->model(); }
    QString cell(int row, int column) const
    {
        return model()->index(row, column).data().toString();
    }

    app::Document document;
    app::ViewState view;
    app::TrendModel trends{&document, &view};
    app::AnalysisDock dock{&document, &view, &trends};
};

} // namespace

TEST_F(PublishedPanelTest, OpenAiChartSystemsBesideTheirPublished343Months)
{
    open(QStringLiteral("openai"), {compute::openAi2018ChartScheme()});
    showScheme("OpenAI 2018: the 15 chart systems");
    panel()->runNow();
    ASSERT_EQ(model()->rowCount(), 1);

    const compute::FitPoints points = pointsOf(0);
    ASSERT_EQ(points.x.size(), 15u);
    const compute::TrendFit fit = compute::fitTrend(points.x, points.y);
    ASSERT_TRUE(fit.ok());
    const double months = kLog2 / fit.slope * 12;
    const double low = kLog2 / fit.slopeCiHigh * 12, high = kLog2 / fit.slopeCiLow * 12;

    const Model::Row &row = model()->rows()[0];
    ASSERT_TRUE(row.comparison);
    EXPECT_DOUBLE_EQ(row.comparison->published.value, 3.43);
    EXPECT_NEAR(*row.comparison->fitValue, months, 1e-9);
    EXPECT_NEAR(*row.comparison->fitCi95.low, low, 1e-9);
    EXPECT_NEAR(*row.comparison->fitCi95.high, high, 1e-9);
    EXPECT_EQ(*row.comparison->insideFitCi95, 3.43 >= low && 3.43 <= high);
    EXPECT_TRUE(*row.comparison->insideFitCi95); // the post's own runs give its number

    // The paper's method: B = 1000, jittered, seeded; the same as core's bootstrap.
    compute::BootstrapOptions options;
    options.resamples = 1000;
    options.jitter = true;
    const compute::BootstrapResult boot = compute::bootstrapTrend(points.x, points.y, options);
    ASSERT_TRUE(boot.ok());
    EXPECT_EQ(row.comparison->bootstrap.requested, 1000u);
    EXPECT_TRUE(row.comparison->bootstrap.jitter);
    EXPECT_FALSE(row.bootstrapPending);
    EXPECT_NEAR(*row.comparison->bootstrapMedian, kLog2 / boot.slopeMedian * 12, 1e-9);
    EXPECT_NEAR(*row.comparison->bootstrapCi95.low, kLog2 / *boot.slopeCi95.high * 12, 1e-9);

    // What is shown.
    EXPECT_EQ(cell(0, Model::EraColumn), QStringLiteral("The 15 chart systems"));
    EXPECT_TRUE(cell(0, Model::PublishedColumn).startsWith(QStringLiteral("3.43 mo")))
        << cell(0, Model::PublishedColumn).toStdString();
    EXPECT_EQ(cell(0, Model::FitColumn),
              app::formatQuantityWithInterval(compute::PublishedQuantity::DoublingTimeMonths,
                                              months, compute::Interval{low, high}));
    EXPECT_EQ(cell(0, Model::InsideColumn), QStringLiteral("yes"));
    EXPECT_EQ(cell(0, Model::NColumn), QStringLiteral("15 / 15"));
    EXPECT_TRUE(cell(0, Model::WhyColumn).contains(QStringLiteral("n = 15")));
    EXPECT_FALSE(panel()->detailLabel()->text().isEmpty());
}

TEST_F(PublishedPanelTest, SevillaErasOnEpochDataShowOursAndThePapersN)
{
    open(QStringLiteral("epoch"));
    showScheme("Sevilla et al. 2022: three eras");
    panel()->runNow();
    ASSERT_EQ(model()->rowCount(), 3);
    const std::size_t paperN[3] = {19, 72, 16};
    for (int r = 0; r < 3; ++r) {
        const Model::Row &row = model()->rows()[static_cast<std::size_t>(r)];
        ASSERT_TRUE(row.comparison) << r;
        const compute::FitPoints points = pointsOf(static_cast<std::size_t>(r));
        const compute::TrendFit fit = compute::fitTrend(points.x, points.y);
        ASSERT_TRUE(fit.ok()) << r;
        EXPECT_EQ(row.fit.n, points.x.size());
        EXPECT_NEAR(*row.comparison->fitValue, kLog2 / fit.slope * 12, 1e-9) << r;
        const double pub = row.comparison->published.value;
        const bool inside =
            pub >= kLog2 / fit.slopeCiHigh * 12 && pub <= kLog2 / fit.slopeCiLow * 12;
        EXPECT_EQ(*row.comparison->insideFitCi95, inside) << r;
        EXPECT_EQ(cell(r, Model::InsideColumn),
                  inside ? QStringLiteral("yes") : QStringLiteral("no"));
        EXPECT_EQ(cell(r, Model::NColumn),
                  QStringLiteral("%1 / %2").arg(points.x.size()).arg(paperN[r]));
        EXPECT_TRUE(cell(r, Model::WhyColumn).contains(QStringLiteral("data of 2022-02"))) << r;
    }
    // The large-scale era: 9.9 months [7.7; 17.1] published.
    EXPECT_TRUE(cell(2, Model::PublishedColumn).startsWith(QStringLiteral("9.9 mo [7.7, 17.1]")))
        << cell(2, Model::PublishedColumn).toStdString();
}

TEST_F(PublishedPanelTest, GrowthPerYearFiguresAreComparedAsGrowth)
{
    open(QStringLiteral("epoch"), {compute::epoch2024Scheme()});
    showScheme("Epoch 2024: 4-5x per year");
    panel()->runNow();
    ASSERT_EQ(model()->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        const Model::Row &row = model()->rows()[static_cast<std::size_t>(r)];
        ASSERT_TRUE(row.comparison);
        const compute::FitPoints points = pointsOf(static_cast<std::size_t>(r));
        const compute::TrendFit fit = compute::fitTrend(points.x, points.y);
        EXPECT_NEAR(*row.comparison->fitValue, std::pow(10.0, fit.slope), 1e-9);
        EXPECT_NEAR(*row.comparison->fitCi95.low, std::pow(10.0, fit.slopeCiLow), 1e-9);
        EXPECT_TRUE(cell(r, Model::FitColumn).contains(QStringLiteral("×/yr")));
        EXPECT_TRUE(cell(r, Model::PublishedColumn).contains(QStringLiteral("(a range)")));
    }
}

TEST_F(PublishedPanelTest, BootstrapRunsOffTheUiThreadAndGivesTheSameAnswer)
{
    open(QStringLiteral("epoch"));
    showScheme("Sevilla et al. 2022: three eras");
    dock.resize(900, 500);
    dock.show();
    dock.tabs()->setCurrentWidget(dock.pageOf(panel()));
    dock.refreshNow();
    EXPECT_TRUE(panel()->isComputing());
    EXPECT_EQ(cell(2, Model::PapersMethodColumn), QStringLiteral("computing…"));
    QElapsedTimer clock;
    clock.start();
    while (panel()->isComputing() && clock.elapsed() < 20000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_FALSE(panel()->isComputing());
    std::vector<double> medians;
    for (const Model::Row &row : model()->rows())
        medians.push_back(*row.comparison->bootstrapMedian);
    panel()->runNow(); // on this thread
    for (std::size_t r = 0; r < medians.size(); ++r)
        EXPECT_DOUBLE_EQ(*model()->rows()[r].comparison->bootstrapMedian, medians[r]);
    EXPECT_NE(cell(2, Model::PapersMethodColumn), QStringLiteral("computing…"));
}

TEST_F(PublishedPanelTest, SchemeWithoutFiguresShowsFitsAlone)
{
    open(QStringLiteral("openai"));
    showScheme("OpenAI 2018: four eras");
    panel()->runNow();
    ASSERT_EQ(model()->rowCount(), 4);
    EXPECT_FALSE(model()->rows()[0].comparison);
    EXPECT_EQ(cell(0, Model::PublishedColumn), QStringLiteral("none published"));
    EXPECT_TRUE(panel()->headerLabel()->text().contains(QStringLiteral("no published figures")));
}

TEST_F(PublishedPanelTest, EraListShowsThePapersNumberNextToOursWithItsNote)
{
    open(QStringLiteral("epoch"));
    showScheme("Sevilla et al. 2022: three eras");
    app::EraListModel eras(&trends, &view);
    const QModelIndex fit = eras.index(2, app::EraListModel::FitColumn);
    const compute::FitPoints points = pointsOf(2);
    const compute::TrendFit ours = compute::fitTrend(points.x, points.y);
    ASSERT_TRUE(ours.ok());
    EXPECT_EQ(fit.data().toString(), QStringLiteral("n = %1 · %2 mo (paper 9.9)")
                                         .arg(points.x.size())
                                         .arg(QString::number(ours.doublingTimeMonths(), 'f', 1)))
        << fit.data().toString().toStdString();
    const QString tip = fit.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Published: 9.9 mo [7.7, 17.1] (95%), n = 16")))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(QString::fromStdString(scheme().eras[2].published->note)))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Z ≥ 0.76"))) << tip.toStdString();
}
