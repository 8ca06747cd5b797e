// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/run_commands.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/run_tooltip.h"
#include "app/widgets/run_details_dock.h"
#include "core/model/compute_estimate.h"
#include "tests/app/gui_test_util.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextBrowser>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace {

class RunDetails : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
        ASSERT_TRUE(loaded) << loaded.errorText();
        document.reset(std::move(loaded->dataset), QString());
        dock = std::make_unique<app::RunDetailsDock>(&document, &view);
    }

    QString text() const { return dock->browser()->toPlainText(); }
    const compute::TrainingRun &run(const char *id) const
    {
        return *document.dataset().findRun(id);
    }
    void addAndSelect(compute::TrainingRun added)
    {
        const QString id = QString::fromStdString(added.id);
        document.undoStack()->push(
            new app::AddRunsCommand(&document, {0}, {std::move(added)}, QStringLiteral("Add")));
        view.setSelection({id});
    }
    static QString ratio(const compute::TrainingRun &r, std::size_t other)
    {
        const auto c = compute::compareEstimates(r.estimates[r.primary], r.estimates[other]);
        return QStringLiteral("Ratio to primary: %1×").arg(QLocale::c().toString(c->ratio, 'g', 3));
    }

    app::Document document;
    app::ViewState view;
    std::unique_ptr<app::RunDetailsDock> dock;
};

TEST_F(RunDetails, ShowsAHintWhenNothingIsSelected)
{
    EXPECT_EQ(dock->shownRun(), -1);
    EXPECT_TRUE(text().contains(QStringLiteral("Select a run"))) << text().toStdString();
    EXPECT_FALSE(dock->objectName().isEmpty());
}

TEST_F(RunDetails, AlexNetShowsEveryEstimateWithItsRatioToThePrimary)
{
    view.setSelection({QStringLiteral("alexnet")});
    const QString t = text();
    EXPECT_EQ(dock->shownRun(), 0);
    EXPECT_TRUE(t.contains(QStringLiteral("AlexNet"))) << t.toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("Reported (primary)"))) << t.toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("Hardware time"))) << t.toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("Counting operations"))) << t.toStdString();
    const compute::TrainingRun &alexnet = run("alexnet");
    EXPECT_TRUE(t.contains(ratio(alexnet, 1))) << t.toStdString();
    EXPECT_TRUE(t.contains(ratio(alexnet, 2))) << t.toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("implied utilization"))) << t.toStdString();
    EXPECT_TRUE(t.contains(app::describeInputs(alexnet.estimates[2]))) << t.toStdString();
    EXPECT_TRUE(t.contains(QStringLiteral("pfs-days"))) << t.toStdString();
    EXPECT_FALSE(t.contains(QStringLiteral("Disagrees")))
        << t.toStdString(); // within 3x of each other
    EXPECT_TRUE(t.contains(QStringLiteral("2012-06-01 (known to the day)"))) << t.toStdString();
}

TEST_F(RunDetails, WarnsWhenAnEstimateDisagreesWithThePrimaryByMoreThanThreeTimes)
{
    compute::TrainingRun r;
    r.id = "disagreeing";
    r.name = "Disagreeing";
    r.estimates.push_back(compute::ComputeEstimate::reported(1e20));
    r.estimates.push_back({compute::ParametersTokensInputs{1e9, 1e12}, {}}); // 6e21
    addAndSelect(r);
    EXPECT_TRUE(text().contains(QStringLiteral("Ratio to primary: 60×"))) << text().toStdString();
    EXPECT_TRUE(
        text().contains(QStringLiteral("Disagrees with the primary estimate by more than 3×")))
        << text().toStdString();
}

TEST_F(RunDetails, EscapesHtmlInEveryUserText)
{
    compute::TrainingRun r;
    r.id = "html";
    r.name = R"(<b>R&D "x"</b>)";
    r.organization = "<i>Org</i>";
    r.notes = "<script>alert(1)</script>";
    r.sources.emplace_back("<u>title</u>", "javascript:alert(1)");
    addAndSelect(r);
    const QString html = app::runDetailsHtml(run("html"));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;R&amp;D &quot;x&quot;&lt;/b&gt;")))
        << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("<b>R&D"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("<script>"))) << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("href=\"javascript"))) << html.toStdString();
    // What the reader sees is the text as typed.
    EXPECT_TRUE(text().contains(QStringLiteral(R"(<b>R&D "x"</b>)"))) << text().toStdString();
    EXPECT_TRUE(text().contains(QStringLiteral("<i>Org</i>"))) << text().toStdString();
}

TEST_F(RunDetails, SourcesAreClickableLinks)
{
    view.setSelection({QStringLiteral("dqn")});
    EXPECT_TRUE(dock->browser()->openExternalLinks());
    const QString html = dock->browser()->toHtml();
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"https://arxiv.org/abs/1312.5602\"")))
        << html.toStdString();
}

TEST_F(RunDetails, ShowsHowManyRunsAreSelectedAndTheFirst)
{
    view.setSelection({QStringLiteral("vgg"), QStringLiteral("dqn"), QStringLiteral("alphazero")});
    EXPECT_TRUE(text().contains(QStringLiteral("3 runs selected"))) << text().toStdString();
    EXPECT_EQ(dock->shownRun(), static_cast<int>(document.dataset().indexOfRun("dqn")));
}

TEST_F(RunDetails, ShowsUpperBoundConfidenceAndDatePrecision)
{
    view.setSelection({QStringLiteral("adam-optimizer")});
    EXPECT_TRUE(text().contains(QStringLiteral("yes: the compute is at most this")))
        << text().toStdString();
    EXPECT_TRUE(text().contains(QStringLiteral("2014-12 (known to the month)")))
        << text().toStdString();
    EXPECT_TRUE(text().contains(QStringLiteral("≤ "))) << text().toStdString();
}

TEST_F(RunDetails, FollowsEditsOfTheRunShown)
{
    view.setSelection({QStringLiteral("dqn")});
    const std::size_t index = static_cast<std::size_t>(document.dataset().indexOfRun("dqn"));
    compute::TrainingRun edited = run("dqn");
    edited.name = "DQN (Nature 2015)";
    document.undoStack()->push(app::makeEditRunCommand(&document, index, edited).release());
    QCoreApplication::processEvents(); // edits are shown on the next event loop pass
    EXPECT_TRUE(text().contains(QStringLiteral("DQN (Nature 2015)"))) << text().toStdString();
    document.undoStack()->push(new app::RemoveRunsCommand(&document, {index}));
    QCoreApplication::processEvents();
    EXPECT_EQ(dock->shownRun(), -1);
}

} // namespace

namespace {

TEST(RunDetailsHeader, ALongNameIsElidedInTheHeaderAndGivenWhole)
{
    compute::TrainingRun r;
    r.id = "long";
    r.name = std::string(150, 'n');
    const QString html = app::runDetailsHtml(r);
    const qsizetype open = html.indexOf(QStringLiteral("<h2>"));
    const qsizetype close = html.indexOf(QStringLiteral("</h2>"));
    ASSERT_GE(open, 0);
    const QString header = html.mid(open + 4, close - open - 4);
    EXPECT_LT(header.size(), 60);
    EXPECT_TRUE(header.endsWith(QChar(0x2026)));
    EXPECT_TRUE(html.contains(QString::fromStdString(r.name)));
}

} // namespace
