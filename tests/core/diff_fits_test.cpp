// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/diff_fits.h"

#include "core/report/diff_report.h"
#include "core/report/fit_report.h"
#include "tests/core/diff_vintages.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

namespace {

using namespace compute;
using diff_vintages::day;
using diff_vintages::named;
using diff_vintages::run;

// Ordinary least squares of log10(FLOP) on days / 365.25, written out here so the fits
// are checked against arithmetic of the test's own.
struct Ols {
    std::size_t n;
    double slope;
};
Ols ols(const std::vector<std::pair<Date, double>> &points)
{
    const double n = static_cast<double>(points.size());
    double sx = 0, sy = 0;
    for (const auto &[date, flop] : points) {
        sx += static_cast<double>(date.daysSinceEpoch()) / 365.25;
        sy += std::log10(flop);
    }
    const double mx = sx / n, my = sy / n;
    double sxy = 0, sxx = 0;
    for (const auto &[date, flop] : points) {
        const double dx = static_cast<double>(date.daysSinceEpoch()) / 365.25 - mx;
        sxy += dx * (std::log10(flop) - my);
        sxx += dx * dx;
    }
    return {points.size(), sxy / sxx};
}

const Date a = day(2012, 1, 1), b = day(2014, 1, 1), c = day(2016, 1, 1), d = day(2018, 1, 1),
           e = day(2019, 1, 1), g = day(2017, 1, 1);
const Date f = day(2005, 1, 1), h = day(2007, 1, 1), i = day(2009, 1, 1);

Era era(std::string name, Date from, Date to, std::string tag = {})
{
    Era x;
    x.name = std::move(name);
    x.from = from;
    x.to = to;
    x.rule.tag = std::move(tag);
    return x;
}

const std::vector<Era> kEras = {
    era("2010s", day(2010, 1, 1), day(2020, 1, 1)), era("2000s", day(2000, 1, 1), day(2010, 1, 1)),
    era("2010s frontier", day(2010, 1, 1), day(2020, 1, 1), "frontier")};

Dataset oldVintage()
{
    Dataset x;
    x.runs = {run("A", a, 1e17), run("B", b, 1e18), run("C", c, 3e19),
              run("D", d, 2e20), run("E", e, 1e21), run("F", f, 1e15),
              run("H", h, 1e16), run("I", i, 1e17), run("Bound", g, 1e24)};
    named(x, "C").tags = {"frontier"};
    named(x, "E").tags = {"frontier"};
    named(x, "Bound").upperBound = true;
    return x;
}

// B removed, G added, D's compute quadrupled and D tagged frontier, F's compute tenfold,
// a note on A (a change no fit reads), and the upper bound's compute changed (drawn only).
Dataset newVintage()
{
    Dataset x = oldVintage();
    x.runs.erase(x.runs.begin() + 1);
    x.runs.push_back(run("G", g, 5e19));
    named(x, "D").estimates[0] = ComputeEstimate::reported(8e20);
    named(x, "D").tags = {"frontier"};
    named(x, "F").estimates[0] = ComputeEstimate::reported(1e16);
    named(x, "A").notes = "a note";
    named(x, "Bound").estimates[0] = ComputeEstimate::reported(2e24);
    return x;
}

struct Compared {
    Dataset before = oldVintage();
    Dataset after = newVintage();
    DatasetDiff diff = diffDatasets(before, after);
    std::vector<EraDiffFit> fits = diffFits(before, after, diff, kEras);

    std::string nameOf(const DiffChange &change) const
    {
        switch (change.kind) {
        case DiffChange::Kind::Added:
            return after.runs[diff.added[change.index]].name;
        case DiffChange::Kind::Removed:
            return before.runs[diff.removed[change.index]].name;
        case DiffChange::Kind::Changed:
            break;
        }
        return after.runs[diff.matches[change.index].newIndex].name;
    }
    const ChangeEffect *effect(std::size_t eraIndex, const std::string &name) const
    {
        for (const ChangeEffect &candidate : fits[eraIndex].movedBy)
            if (nameOf(candidate.change) == name) return &candidate;
        return nullptr;
    }
};

TEST(DiffFits, BeforeAndAfterAreTheFitsOfEachVintage)
{
    const Compared x;
    ASSERT_EQ(x.fits.size(), 3u);
    const Ols before = ols({{a, 1e17}, {b, 1e18}, {c, 3e19}, {d, 2e20}, {e, 1e21}});
    const Ols after = ols({{a, 1e17}, {c, 3e19}, {d, 8e20}, {e, 1e21}, {g, 5e19}});
    EXPECT_EQ(x.fits[0].before.n, before.n);
    EXPECT_NEAR(x.fits[0].before.slope, before.slope, 1e-12);
    EXPECT_EQ(x.fits[0].after.n, after.n);
    EXPECT_NEAR(x.fits[0].after.slope, after.slope, 1e-12);
    EXPECT_NEAR(x.fits[1].before.slope, ols({{f, 1e15}, {h, 1e16}, {i, 1e17}}).slope, 1e-12);
    EXPECT_NEAR(x.fits[1].after.slope, ols({{f, 1e16}, {h, 1e16}, {i, 1e17}}).slope, 1e-12);
    EXPECT_EQ(x.fits[2].before.status, FitStatus::NotEnoughData); // C and E
    EXPECT_NEAR(x.fits[2].after.slope, ols({{c, 3e19}, {d, 8e20}, {e, 1e21}}).slope, 1e-12);
}

TEST(DiffFits, EachChangeInsideAnEraIsLeftOutAloneAndRefitted)
{
    const Compared x;
    const std::vector<std::pair<std::string, Ols>> expected = {
        {"G", ols({{a, 1e17}, {c, 3e19}, {d, 8e20}, {e, 1e21}})},                       // added
        {"B", ols({{a, 1e17}, {b, 1e18}, {c, 3e19}, {d, 8e20}, {e, 1e21}, {g, 5e19}})}, // removed
        {"D", ols({{a, 1e17}, {c, 3e19}, {d, 2e20}, {e, 1e21}, {g, 5e19}})}};           // changed
    ASSERT_EQ(x.fits[0].movedBy.size(), expected.size()); // not F (other era), A, Bound
    for (const auto &[name, fit] : expected) {
        const ChangeEffect *effect = x.effect(0, name);
        ASSERT_NE(effect, nullptr) << name;
        EXPECT_EQ(effect->without.n, fit.n) << name;
        EXPECT_NEAR(effect->without.slope, fit.slope, 1e-9) << name;
    }
    // The largest move of the slope first.
    const TrendFit &after = x.fits[0].after;
    for (std::size_t k = 1; k < x.fits[0].movedBy.size(); ++k)
        EXPECT_GE(std::abs(after.slope - x.fits[0].movedBy[k - 1].without.slope),
                  std::abs(after.slope - x.fits[0].movedBy[k].without.slope));
    ASSERT_EQ(x.fits[1].movedBy.size(), 1u);
    EXPECT_EQ(x.nameOf(x.fits[1].movedBy[0].change), "F");
    EXPECT_NEAR(x.fits[1].movedBy[0].without.slope, x.fits[1].before.slope, 1e-9);
}

TEST(DiffFits, AChangeOfTagsMovesAnEraWhoseRuleReadsThem)
{
    const Compared x;
    ASSERT_EQ(x.fits[2].movedBy.size(), 1u);
    const ChangeEffect *effect = x.effect(2, "D");
    ASSERT_NE(effect, nullptr);
    EXPECT_EQ(effect->without.n, 2u); // untagged again: C and E
    EXPECT_EQ(effect->without.status, FitStatus::NotEnoughData);
}

TEST(DiffFits, TheSameDatasetMovesNothing)
{
    const Dataset x = oldVintage();
    const DatasetDiff diff = diffDatasets(x, x);
    for (const EraDiffFit &fit : diffFits(x, x, diff, kEras)) {
        EXPECT_TRUE(fit.movedBy.empty()) << fit.era.name;
        EXPECT_EQ(fit.before.n, fit.after.n);
        EXPECT_EQ(fit.before.slope, fit.after.slope);
    }
}

using json = nlohmann::json;

TEST(DiffReport, ListsAddedRemovedAndChangedRunsWithTheirFieldsAndRatio)
{
    const Compared x;
    const json j = json::parse(diffReportJson(x.before, x.after, x.diff, x.fits, false));
    ASSERT_EQ(j["added"].size(), 1u);
    EXPECT_EQ(j["added"][0]["name"], "G");
    EXPECT_EQ(j["added"][0]["date"], "2017-01-01");
    ASSERT_EQ(j["removed"].size(), 1u);
    EXPECT_EQ(j["removed"][0]["name"], "B");
    EXPECT_EQ(j["removed"][0]["date"], "2014-01-01");
    json changed; // by name
    for (const json &entry : j["changed"])
        changed[entry["name"].get<std::string>()] = entry;
    EXPECT_EQ(changed.size(), 3u); // D, F, Bound; not A (a note only)
    const json &dj = changed["D"];
    EXPECT_EQ(dj["fields"]["compute"]["old"].get<double>(), 2e20);
    EXPECT_EQ(dj["fields"]["compute"]["new"].get<double>(), 8e20);
    EXPECT_DOUBLE_EQ(dj["compute_ratio"].get<double>(), 4.0);
    EXPECT_EQ(dj["fields"]["tags"]["old"], json::array());
    EXPECT_EQ(dj["fields"]["tags"]["new"], json::array({"frontier"}));
    EXPECT_EQ(dj["uncertain"], false);
    EXPECT_EQ(dj["match"], "exact");
    EXPECT_DOUBLE_EQ(changed["F"]["compute_ratio"].get<double>(), 10.0);
    EXPECT_EQ(j["other_field_counts"], json({{"notes", 1}}));
    EXPECT_EQ(j["duplicates"], json::array());
    EXPECT_EQ(j["summary"]["matched"], 8);
    EXPECT_EQ(j["summary"]["changed"], 3);
    EXPECT_EQ(j["summary"]["other_changes_only"], 1);
}

TEST(DiffReport, AllFieldsListsRunsWithOtherChangesAndNamesTheirFields)
{
    const Compared x;
    const json j = json::parse(diffReportJson(x.before, x.after, x.diff, x.fits, true));
    ASSERT_EQ(j["changed"].size(), 4u);
    bool sawA = false;
    for (const json &entry : j["changed"]) {
        if (entry["name"] != "A") continue;
        sawA = true;
        EXPECT_EQ(entry["fields"], json({{"notes", {{"old", ""}, {"new", "a note"}}}}));
    }
    EXPECT_TRUE(sawA);
}

TEST(DiffReport, FitsAreShapedAsFitPrintsThemWithWhatMovedThem)
{
    const Compared x;
    const json j = json::parse(diffReportJson(x.before, x.after, x.diff, x.fits, false));
    ASSERT_EQ(j["fits"].size(), 3u);
    const json &first = j["fits"][0];
    EXPECT_EQ(first["era"], "2010s");
    EXPECT_EQ(first["from"], "2010-01-01");
    EXPECT_EQ(first["to"], "2020-01-01");
    const json fitOld =
        json::parse(fitReportJson({EraFit{kEras[0], fitEra(x.before, kEras[0])}}))["fits"][0];
    const json fitNew =
        json::parse(fitReportJson({EraFit{kEras[0], fitEra(x.after, kEras[0])}}))["fits"][0];
    EXPECT_EQ(first["before"], fitOld);
    EXPECT_EQ(first["after"], fitNew);
    ASSERT_EQ(first["moved_by"].size(), 3u);
    for (const json &moved : first["moved_by"]) {
        const std::string name = moved["name"];
        const ChangeEffect *effect = x.effect(0, name);
        ASSERT_NE(effect, nullptr) << name;
        const double kDoubling = std::log10(2.0) * 365.25 / 30.4375; // months per (1/slope)
        EXPECT_NEAR(moved["moved_slope_log10_per_year"].get<double>(),
                    x.fits[0].after.slope - effect->without.slope, 1e-9);
        EXPECT_NEAR(moved["moved_doubling_time_months"].get<double>(),
                    kDoubling / x.fits[0].after.slope - kDoubling / effect->without.slope, 1e-6);
        EXPECT_EQ(moved["n_without"], effect->without.n);
    }
    EXPECT_EQ(first["moved_by"][0]["change"].is_string(), true);
    const json &frontier = j["fits"][2];
    EXPECT_EQ(frontier["moved_by"][0]["doubling_time_months_without"], nullptr); // 2 runs
    EXPECT_EQ(frontier["moved_by"][0]["moved_doubling_time_months"], nullptr);
}

} // namespace
