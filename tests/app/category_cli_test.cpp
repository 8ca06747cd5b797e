// SPDX-License-Identifier: GPL-3.0-or-later
// --only CATEGORY=VALUE and --color-by CATEGORY: the fits count exactly the runs a filter
// written here keeps, and an export's legend is headed by the category.
#include "app/data/dataset_file.h"
#include "core/model/run_category.h"
#include "tests/app/cli_test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace cli_test;

namespace {

int fittedCount(const CliOutcome &outcome)
{
    return QJsonDocument::fromJson(outcome.out.toUtf8())
        .object()
        .value(QStringLiteral("fits"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("n"))
        .toInt();
}

// Fittable runs of the bundled Notable data dated in [2010, 2025), not hidden, that
// `keep` keeps: counted here by hand.
template <typename Keep> int byHand(Keep keep)
{
    const auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
    EXPECT_TRUE(loaded.ok());
    const compute::Dataset &d = loaded->dataset;
    const compute::Date from(2010, 1, 1), to(2025, 1, 1);
    int n = 0;
    for (const compute::TrainingRun &run : d.runs)
        if (run.isFittable() && !(*run.date < from) && *run.date < to &&
            !d.isHiddenByDefault(run) && keep(run))
            ++n;
    return n;
}

QStringList range(QStringList more)
{
    QStringList a =
        args({"--fit", "--bundled", "epoch", "--from", "2010-01-01", "--to", "2025-01-01"});
    a << more;
    return a;
}

} // namespace

TEST(CategoryCli, OnlyKeepsRunsWithTheValueInEveryCategoryGiven)
{
    const CliOutcome all = run(range({}));
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();

    const CliOutcome frontier = run(range(args({"--only", "frontier=Frontier"})));
    ASSERT_EQ(frontier.exitCode, 0) << frontier.err.toStdString();
    const int frontierRuns =
        byHand([](const compute::TrainingRun &r) { return r.hasTag(compute::kTagFrontier); });
    EXPECT_GT(frontierRuns, 20);
    EXPECT_EQ(fittedCount(frontier), frontierRuns);
    EXPECT_LT(fittedCount(frontier), fittedCount(all));

    // Two countries: either; a run listing several counts when one of them is chosen.
    const CliOutcome countries = run(range(args({"--only", "country=China", "--only",
                                                 "country=United Kingdom of Great "
                                                 "Britain and Northern Ireland"})));
    ASSERT_EQ(countries.exitCode, 0) << countries.err.toStdString();
    const auto inCountries = [](const compute::TrainingRun &r) {
        const std::string c(r.fields.text(compute::RunText::Country));
        return c.find("China") != std::string::npos ||
               c.find("United Kingdom of Great Britain and Northern Ireland") != std::string::npos;
    };
    EXPECT_EQ(fittedCount(countries), byHand(inCountries));

    // Across categories, every one.
    const CliOutcome both =
        run(range(args({"--only", "country=China", "--only", "confidence=Confident"})));
    ASSERT_EQ(both.exitCode, 0) << both.err.toStdString();
    EXPECT_EQ(fittedCount(both), byHand([](const compute::TrainingRun &r) {
                  return r.fields.text(compute::RunText::Country).find("China") !=
                             std::string_view::npos &&
                         r.confidence == compute::Confidence::Confident;
              }));
}

TEST(CategoryCli, BadCategoriesAreUsageErrorsThatSayWhatIsExpected)
{
    const CliOutcome colour = run(args({"--fit", "--color-by", "colour"}));
    EXPECT_EQ(colour.exitCode, 2);
    EXPECT_TRUE(colour.err.contains(QStringLiteral("organization-category")))
        << colour.err.toStdString();
    const CliOutcome noEquals = run(args({"--fit", "--only", "China"}));
    EXPECT_EQ(noEquals.exitCode, 2);
    EXPECT_TRUE(noEquals.err.contains(QStringLiteral("CATEGORY=VALUE")))
        << noEquals.err.toStdString();
    const CliOutcome badKey = run(args({"--fit", "--only", "continent=Asia"}));
    EXPECT_EQ(badKey.exitCode, 2);
    EXPECT_TRUE(badKey.err.contains(QStringLiteral("'continent'"))) << badKey.err.toStdString();
    const QString help = run(args({"--help"})).out;
    EXPECT_TRUE(help.contains(QStringLiteral("--only CATEGORY=VALUE")));
    EXPECT_TRUE(help.contains(QStringLiteral("--color-by CATEGORY")));
}

TEST(CategoryCli, AnExportColouredByCountryHasALegendHeadedCountry)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("by-country.svg"));
    const CliOutcome r = run(QStringList{QStringLiteral("--export"), out} +
                             args({"--bundled", "epoch", "--color-by", "country"}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile svg(out);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    EXPECT_TRUE(text.contains(">Country<")) << "no legend heading";
    EXPECT_TRUE(text.contains(">United States<")); // the short name
    EXPECT_FALSE(text.contains(">Domain<"));

    const QString byDomain = dir.filePath(QStringLiteral("by-domain.svg"));
    ASSERT_EQ(run(QStringList{QStringLiteral("--export"), byDomain} + args({"--bundled", "epoch"}))
                  .exitCode,
              0);
    QFile plain(byDomain);
    ASSERT_TRUE(plain.open(QIODevice::ReadOnly));
    EXPECT_TRUE(plain.readAll().contains(">Domain<"));
}
