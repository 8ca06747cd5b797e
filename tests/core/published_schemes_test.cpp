// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled datasets carry the published schemes, and the schemes give the papers'
// figures on the papers' data: Sevilla et al. 2022 on Epoch's 2022-05-03 export, Epoch's
// 2024 4-5x per year on the Notable AI Models export. Membership and fits are recomputed
// here from the definitions (pairwise Z-scores, plain least squares).
#include "core/io/json_format.h"
#include "core/io/published_schemes.h"
#include "core/stats/run_selection.h"
#include "tests/core/test_paths.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace compute;

namespace {

const char *const kOpenAi = "resources/datasets/openai-ai-and-compute.json";
const char *const kNotable = "resources/datasets/epoch-notable-ai-models.json";
const char *const kPcd2022 = "resources/datasets/epoch-pcd-trends-2022-05-03.json";

const Dataset &bundled(const char *path)
{
    static std::map<std::string, Dataset> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        auto result = readDatasetJson(testing_paths::readSource(path), path);
        if (!result) throw std::runtime_error(result.errorText());
        it = cache.emplace(path, std::move(result).value()).first;
    }
    return it->second;
}

int schemaVersionOnDisk(const char *path)
{
    return nlohmann::json::parse(testing_paths::readSource(path))["schema_version"].get<int>();
}

struct Point {
    double x, y;
};

// Every fittable run the default filter accepts: the population the rules compare with.
std::vector<Point> population(const Dataset &d)
{
    std::vector<Point> points;
    for (const TrainingRun &r : d.runs)
        if (r.date && r.flop() && *r.flop() > 0 && !r.upperBound && RunFilter{}.accepts(d, r))
            points.push_back({r.date->yearsSinceEpoch(), std::log10(*r.flop())});
    return points;
}

// Z of each point against the points within W years of it, by the definition.
std::vector<double> pairwiseZ(const std::vector<Point> &points, double w)
{
    std::vector<double> z;
    for (const Point &p : points) {
        std::vector<double> near;
        for (const Point &q : points)
            if (std::abs(q.x - p.x) <= w + 1e-9) near.push_back(q.y);
        double mean = 0;
        for (double y : near)
            mean += y / static_cast<double>(near.size());
        double var = 0;
        for (double y : near)
            var += (y - mean) * (y - mean) / static_cast<double>(near.size());
        z.push_back(near.size() < 3 || var == 0 ? 0.0 : (p.y - mean) / std::sqrt(var));
    }
    return z;
}

double olsSlope(const std::vector<Point> &points)
{
    double mx = 0, my = 0;
    for (const Point &p : points) {
        mx += p.x / static_cast<double>(points.size());
        my += p.y / static_cast<double>(points.size());
    }
    double sxx = 0, sxy = 0;
    for (const Point &p : points) {
        sxx += (p.x - mx) * (p.x - mx);
        sxy += (p.x - mx) * (p.y - my);
    }
    return sxy / sxx;
}

double monthsOf(double slope)
{
    return 0.301029995663981195 / slope * 12.0;
}

TEST(BundledDatasets, AreSchemaVersionThreeWithThePublishedSchemes)
{
    EXPECT_EQ(schemaVersionOnDisk(kOpenAi), 3);
    EXPECT_EQ(schemaVersionOnDisk(kNotable), 3);
    EXPECT_EQ(schemaVersionOnDisk(kPcd2022), 3);
    EXPECT_TRUE(bundled(kOpenAi).eraSchemes == openAiSchemes());
    const std::vector<EraScheme> epoch = {sevilla2022Eras(), epoch2024Scheme()};
    EXPECT_TRUE(bundled(kNotable).eraSchemes == epoch);
    // The 2022 data opens on the paper it was collected for.
    EXPECT_TRUE(bundled(kPcd2022).eraSchemes == epoch);
    EXPECT_EQ(bundled(kPcd2022).metadata.license, "CC BY 4.0");
}

// Sevilla et al. 2022, Table 2, on their data: each doubling time inside the published
// 95% interval. The paper's n: 19, 72, 16.
TEST(BundledDatasets, Sevilla2022SchemeOnThe2022DataGivesDoublingTimesInsideTheirIntervals)
{
    const Dataset &d = bundled(kPcd2022);
    const EraScheme &scheme = d.eraSchemes.at(0);
    ASSERT_EQ(scheme.name, "Sevilla et al. 2022: three eras");
    const std::vector<Point> points = population(d);
    const std::vector<double> z = pairwiseZ(points, 1.5);
    const std::vector<EraFit> fits = fitScheme(d, scheme);
    ASSERT_EQ(fits.size(), 3u);
    for (const EraFit &f : fits) {
        const Era &era = f.era;
        std::vector<Point> members;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double x = points[i].x;
            if (era.from && x < era.from->yearsSinceEpoch()) continue;
            if (era.to && !(x < era.to->yearsSinceEpoch())) continue;
            if (era.rule.excludeLowOutliers && z[i] < -2) continue;
            if (era.rule.zBand && !era.rule.zBand->contains(z[i])) continue;
            members.push_back(points[i]);
        }
        const double months = monthsOf(olsSlope(members));
        EXPECT_EQ(f.fit.n, members.size()) << era.name;
        EXPECT_NEAR(f.fit.doublingTimeMonths(), months, 1e-9) << era.name;
        ASSERT_TRUE(era.published && era.published->ciLow && era.published->ciHigh);
        EXPECT_GE(months, *era.published->ciLow) << era.name;
        EXPECT_LE(months, *era.published->ciHigh) << era.name;
        std::cout << "[ evidence ] " << era.name << ": n = " << members.size() << " (paper "
                  << era.published->n.value_or(0) << "), " << months << " months (paper "
                  << era.published->value << " [" << *era.published->ciLow << "; "
                  << *era.published->ciHigh << "])\n";
    }
}

// Epoch AI 2024: 4-5x per year for notable models and for the running top 10, to the
// nearest half (3.5 to 5.5), on the bundled Notable AI Models data.
TEST(BundledDatasets, Epoch2024SchemeOnNotableModelsGivesFourToFiveTimesAYear)
{
    const Dataset &d = bundled(kNotable);
    const EraScheme *scheme = d.findScheme("Epoch 2024: 4-5x per year");
    ASSERT_NE(scheme, nullptr);
    const std::vector<EraFit> fits = fitScheme(d, *scheme);
    ASSERT_EQ(fits.size(), 2u);
    // The notable era, independently: every fittable run of [2010-01-01, 2024-06-01).
    std::vector<Point> notable;
    for (const Point &p : population(d))
        if (p.x >= Date(2010, 1, 1).yearsSinceEpoch() && p.x < Date(2024, 6, 1).yearsSinceEpoch())
            notable.push_back(p);
    EXPECT_EQ(fits[0].fit.n, notable.size());
    EXPECT_NEAR(fits[0].fit.growthFactorPerYear(), std::pow(10.0, olsSlope(notable)), 1e-9);
    for (const EraFit &f : fits) {
        EXPECT_GE(f.fit.growthFactorPerYear(), 3.5) << f.era.name;
        EXPECT_LE(f.fit.growthFactorPerYear(), 5.5) << f.era.name;
        std::cout << "[ evidence ] " << f.era.name << ": n = " << f.fit.n << ", "
                  << f.fit.growthFactorPerYear() << "x per year\n";
    }
}

// --- migration of the scheme version 1 shipped ---------------------------------------

const char *const kV1 = "tests/data/json/v1_epoch_sevilla_scheme.json";

TEST(Migration, TheSevillaSchemeVersionOneShippedBecomesThePapers)
{
    const auto read = readDatasetJson(testing_paths::readSource(kV1), kV1);
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->eraSchemes.size(), 1u);
    EXPECT_TRUE(read->eraSchemes[0] == sevilla2022Eras());
    EXPECT_EQ(read->runs.size(), 3u);
}

TEST(Migration, AnEditedCopyOfTheShippedSchemeIsKeptUnderEditedAndThePapersFollows)
{
    nlohmann::json file = nlohmann::json::parse(testing_paths::readSource(kV1));
    file["era_schemes"][0]["eras"][2]["color"] = "#000000"; // one edit, of a colour
    const auto read = readDatasetJson(file.dump(), kV1);
    ASSERT_TRUE(read.ok()) << read.errorText();
    ASSERT_EQ(read->eraSchemes.size(), 2u);
    EXPECT_EQ(read->eraSchemes[0].name, "Sevilla et al. 2022: three eras (edited)");
    EXPECT_EQ(read->eraSchemes[0].eras.at(2).color, "#000000");
    EXPECT_EQ(read->eraSchemes[0].eras.at(2).from, Date(2015, 9, 1));
    EXPECT_TRUE(read->eraSchemes[0].eras.at(2).rule.isAllRuns());
    EXPECT_TRUE(read->eraSchemes[1] == sevilla2022Eras());
}

} // namespace
