// SPDX-License-Identifier: GPL-3.0-or-later
// Comparisons of two real vintages of Epoch AI's data (tests/data/epoch/, PROVENANCE.md):
// the 2022 "Parameter, Compute and Data Trends" table against the Notable AI Models export
// of 2025-02-24. Nobody knows the true answer; the tests pin what must hold of any answer.
#include "core/io/epoch_defaults.h"
#include "core/io/epoch_import.h"
#include "core/model/dataset_diff.h"
#include "core/stats/diff_fits.h"
#include "tests/core/test_paths.h"
#include "tests/support/test_catalog.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <stdexcept>

namespace {

using namespace compute;

Dataset importedVintage(const std::string &file)
{
    const std::string bytes = testing_paths::readSource("tests/data/epoch/" + file);
    auto result = importEpochCsv(bytes, file, &testing_support::testCatalog());
    if (!result) throw std::runtime_error(result.errorText());
    Dataset dataset = std::move(result).value().dataset;
    addEpochDefaults(dataset, file);
    return dataset;
}

struct RealDiff {
    Dataset before = importedVintage("pcd_trends_2022-05-03.csv");
    Dataset after = importedVintage("notable_ai_models_2025-02-24.csv");
    DatasetDiff diff = diffDatasets(before, after);
};

const RealDiff &realDiff()
{
    static const RealDiff diff;
    return diff;
}

std::size_t duplicateRuns(const DatasetDiff &diff, bool inNew)
{
    std::size_t n = 0;
    for (const DuplicateGroup &g : diff.duplicates)
        if (g.inNew == inNew) n += g.indices.size();
    return n;
}

TEST(RealVintages, EveryRunIsMatchedAddedRemovedOrADuplicateExactlyOnce)
{
    const RealDiff &x = realDiff();
    std::set<std::size_t> oldSeen, newSeen;
    for (const RunMatch &m : x.diff.matches) {
        EXPECT_TRUE(oldSeen.insert(m.oldIndex).second) << "old run matched twice: " << m.oldIndex;
        EXPECT_TRUE(newSeen.insert(m.newIndex).second) << "new run matched twice: " << m.newIndex;
    }
    for (std::size_t i : x.diff.removed)
        EXPECT_TRUE(oldSeen.insert(i).second) << i;
    for (std::size_t j : x.diff.added)
        EXPECT_TRUE(newSeen.insert(j).second) << j;
    for (const DuplicateGroup &g : x.diff.duplicates)
        for (std::size_t k : g.indices)
            EXPECT_TRUE((g.inNew ? newSeen : oldSeen).insert(k).second) << k;
    EXPECT_EQ(oldSeen.size(), x.before.runs.size());
    EXPECT_EQ(newSeen.size(), x.after.runs.size());
    EXPECT_EQ(x.diff.matches.size() + x.diff.removed.size(),
              x.before.runs.size() - duplicateRuns(x.diff, false));
    EXPECT_EQ(x.diff.matches.size() + x.diff.added.size(),
              x.after.runs.size() - duplicateRuns(x.diff, true));
}

TEST(RealVintages, EachMatchHoldsTheConditionsOfItsStage)
{
    const RealDiff &x = realDiff();
    // Most systems of 2022 are still in the notable export three years on.
    EXPECT_GT(x.diff.matches.size(), x.before.runs.size() / 2);
    std::size_t uncertain = 0;
    for (const RunMatch &m : x.diff.matches) {
        const TrainingRun &a = x.before.runs[m.oldIndex];
        const TrainingRun &b = x.after.runs[m.newIndex];
        const auto days = [](const TrainingRun &r) { return r.date->daysSinceEpoch(); };
        switch (m.stage) {
        case MatchStage::Exact:
            EXPECT_EQ(runNameKey(a.name), runNameKey(b.name));
            EXPECT_EQ(a.date.has_value(), b.date.has_value());
            if (a.date && b.date) {
                EXPECT_EQ(days(a), days(b)) << a.name;
            }
            break;
        case MatchStage::DateMoved:
            EXPECT_EQ(runNameKey(a.name), runNameKey(b.name));
            if (a.date && b.date) {
                EXPECT_LE(std::llabs(days(a) - days(b)), kDateToleranceDays);
            }
            break;
        case MatchStage::Renamed:
            EXPECT_GE(nameSimilarity(a.name, b.name), kRenameSimilarity) << a.name;
            EXPECT_LE(std::llabs(days(a) - days(b)), kRenameDays) << a.name;
            break;
        }
        uncertain += m.uncertain();
        for (RunField f : m.significant)
            EXPECT_TRUE(isSignificant(f));
    }
    EXPECT_LT(uncertain, x.diff.matches.size() / 4);
}

TEST(RealVintages, FitsOfEpochsSchemeAccountForEveryAddedAndRemovedRunOfAnEra)
{
    const RealDiff &x = realDiff();
    const std::vector<Era> &eras = x.after.eraSchemes.front().eras;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<EraDiffFit> fits = diffFits(x.before, x.after, x.diff, eras);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RecordProperty("diff_fits_seconds", std::to_string(seconds));
    ASSERT_EQ(fits.size(), eras.size());
    for (const EraDiffFit &f : fits) {
        EXPECT_EQ(f.before.n, fitEra(x.before, f.era).n) << f.era.name;
        EXPECT_EQ(f.after.n, fitEra(x.after, f.era).n) << f.era.name;
        if (!f.era.rule.isAllRuns()) continue;
        // One change moves one run in or out of an era whose rule holds every run.
        for (const ChangeEffect &effect : f.movedBy) {
            const auto gap =
                static_cast<long long>(f.after.n) - static_cast<long long>(effect.without.n);
            EXPECT_LE(std::llabs(gap), 1) << f.era.name;
            if (effect.change.kind == DiffChange::Kind::Added) {
                EXPECT_EQ(gap, 1);
            }
            if (effect.change.kind == DiffChange::Kind::Removed) {
                EXPECT_EQ(gap, -1);
            }
        }
    }
}

} // namespace
