// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces that keep a run small: SharedText (texts held once for the process),
// SourceList (sources in one exact allocation) and the packed Date.
#include "core/model/date.h"
#include "core/model/training_run.h"
#include "core/util/shared_text.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <thread>
#include <vector>

namespace {

using compute::Date;
using compute::SharedText;
using compute::Source;
using compute::SourceList;

TEST(SharedText, EqualTextsShareOneNodeAndAreFreedWithTheirLastHolder)
{
    const std::size_t before = SharedText::distinctCount();
    {
        SharedText a(std::string("Google DeepMind, compact-run test"));
        SharedText b("Google DeepMind, compact-run test");
        EXPECT_EQ(SharedText::distinctCount(), before + 1);
        EXPECT_EQ(a, b);
        EXPECT_EQ(a.data(), b.data()); // the same bytes, not a copy
        SharedText c = a;
        a = "OpenAI, compact-run test";
        EXPECT_EQ(SharedText::distinctCount(), before + 2);
        EXPECT_NE(a, c);
        EXPECT_EQ(c, "Google DeepMind, compact-run test");
        EXPECT_EQ(a.str(), "OpenAI, compact-run test");
    }
    EXPECT_EQ(SharedText::distinctCount(), before);
}

TEST(SharedText, IsEmptyWithoutAllocatingAndOrdersLikeItsText)
{
    const std::size_t before = SharedText::distinctCount();
    SharedText empty(""), defaulted;
    EXPECT_TRUE(empty.empty());
    EXPECT_EQ(empty, defaulted);
    EXPECT_EQ(empty.str(), "");
    EXPECT_EQ(SharedText::distinctCount(), before);
    EXPECT_EQ(sizeof(SharedText), sizeof(void *));

    std::vector<std::string> words = {"pear", "apple", "", "fig", "apple pie", "Zebra"};
    std::vector<SharedText> shared(words.begin(), words.end());
    std::sort(words.begin(), words.end());
    std::sort(shared.begin(), shared.end());
    for (std::size_t i = 0; i < words.size(); ++i)
        EXPECT_EQ(shared[i].str(), words[i]);
}

TEST(SharedText, SurvivesMovesSelfAssignmentAndCopiesAcrossThreads)
{
    const std::size_t before = SharedText::distinctCount();
    {
        SharedText a("moved, compact-run test");
        SharedText b = std::move(a);
        EXPECT_TRUE(a.empty()); // NOLINT(bugprone-use-after-move): a moved-from value is empty
        SharedText &alias = b;
        b = alias;
        b = std::move(alias);
        EXPECT_EQ(b, "moved, compact-run test");

        // Four threads acquire, copy and drop the same few texts: the counts stay exact.
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([t] {
                std::mt19937 rng(static_cast<unsigned>(t));
                std::vector<SharedText> held;
                for (int i = 0; i < 20000; ++i) {
                    const std::string text = "thread text " + std::to_string(rng() % 16);
                    if (held.size() < 32)
                        held.emplace_back(text);
                    else
                        held[rng() % held.size()] = held[rng() % held.size()];
                    if (rng() % 3 == 0 && !held.empty()) held.pop_back();
                    if (!held.empty()) {
                        EXPECT_TRUE(held.back().starts_with("thread text "));
                    }
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        EXPECT_EQ(SharedText::distinctCount(), before + 1);
    }
    EXPECT_EQ(SharedText::distinctCount(), before);
}

// A cache hands out the same values SharedText would, holds what it remembers only as
// long as it lives, and may be used by one thread each while others use theirs.
TEST(SharedText, ACacheGivesTheSameValuesAndLetsGoOfItsTextsWhenDestroyed)
{
    const std::size_t before = SharedText::distinctCount();
    {
        std::vector<SharedText> kept;
        {
            SharedText::Cache cache;
            EXPECT_TRUE(cache.get("").empty());
            const SharedText a = cache.get("cached org, compact-run test");
            EXPECT_EQ(a, SharedText("cached org, compact-run test")); // the same node
            EXPECT_EQ(cache.get("cached org, compact-run test"), a);
            // More texts than slots: pushed out and made again, always the right text.
            for (int i = 0; i < 5000; ++i) {
                const std::string text = "cached " + std::to_string(i % 1500) + ", compact-run";
                const SharedText value = cache.get(text);
                ASSERT_EQ(value.view(), text);
                if (i < 3) kept.push_back(value);
            }
            EXPECT_GT(SharedText::distinctCount(), before + 3);
        }
        // Only what values still hold is left.
        EXPECT_EQ(SharedText::distinctCount(), before + 3);
        EXPECT_EQ(kept[2], "cached 2, compact-run");
    }
    EXPECT_EQ(SharedText::distinctCount(), before);

    // Threads with a cache each, making values of the same texts.
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([t] {
            SharedText::Cache cache;
            std::mt19937 rng(static_cast<unsigned>(t));
            std::vector<SharedText> held;
            for (int i = 0; i < 20000; ++i) {
                const std::string text = "cache thread text " + std::to_string(rng() % 40);
                held.push_back(cache.get(text));
                ASSERT_EQ(held.back().view(), text);
                if (held.size() > 64) held.erase(held.begin(), held.begin() + 32);
            }
        });
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(SharedText::distinctCount(), before);
}

TEST(SourceList, ReadsBackWhatWasPutInItsOrder)
{
    SourceList list;
    EXPECT_TRUE(list.empty());
    EXPECT_EQ(list.size(), 0u);
    EXPECT_EQ(list.begin(), list.end());
    const std::vector<Source> sources = {{"A paper", "https://example.org/a"},
                                         {"", "https://example.org/b"},
                                         {"Only a title", ""},
                                         {"", ""},
                                         {std::string(70000, 'x'), "u"}};
    for (const Source &s : sources)
        list.push_back(s);
    ASSERT_EQ(list.size(), sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        EXPECT_EQ(list[i].title, sources[i].title) << i;
        EXPECT_EQ(list[i].url, sources[i].url) << i;
    }
    EXPECT_EQ(list.toVector(), sources);
    EXPECT_EQ(SourceList(sources), list);
}

TEST(SourceList, CopiesAreEqualAndIndependent)
{
    SourceList a = {{"Title", "https://example.org"}};
    SourceList b = a;
    EXPECT_EQ(a, b);
    b.emplace_back("Second", "");
    EXPECT_NE(a, b);
    EXPECT_EQ(a.size(), 1u);
    EXPECT_EQ(b.size(), 2u);
    a = b;
    EXPECT_EQ(a, b);
    SourceList &alias = a;
    a = alias;
    EXPECT_EQ(a.size(), 2u);
    SourceList c = std::move(a);
    EXPECT_EQ(c, b);
    c.clear();
    EXPECT_TRUE(c.empty());
    EXPECT_NE(c, b);
    // The same sources split differently are different lists.
    EXPECT_NE(SourceList({{"ab", ""}}), SourceList({{"a", "b"}}));
}

TEST(TagList, ReadsLikeAVectorOfStringsAndSharesEqualLists)
{
    compute::TagList tags;
    EXPECT_TRUE(tags.empty());
    EXPECT_EQ(tags.size(), 0u);
    const std::vector<std::string> expected = {"frontier", "", "domain:Vision",
                                               std::string(300, 't'), "domain:Vision"};
    for (const std::string &tag : expected)
        tags.push_back(tag);
    EXPECT_EQ(tags, expected);
    EXPECT_EQ(tags.toVector(), expected);
    EXPECT_EQ(tags.size(), 5u);
    EXPECT_EQ(tags[2], "domain:Vision");
    EXPECT_EQ(tags[3].size(), 300u); // a length past one byte of its encoding
    EXPECT_TRUE(tags.contains(""));
    EXPECT_FALSE(tags.contains("domain:"));

    const compute::TagList same(expected);
    EXPECT_EQ(same, tags);
    compute::TagList other = {"frontier"};
    EXPECT_NE(other, tags);
    EXPECT_NE(other, compute::TagList({"frontier", ""})); // an empty tag is a tag
    other.clear();
    EXPECT_TRUE(other.empty());
    EXPECT_EQ(other, std::vector<std::string>{});

    compute::TrainingRun run;
    run.tags = {"frontier"};
    EXPECT_TRUE(run.hasTag(compute::kTagFrontier));
    EXPECT_FALSE(run.hasTag("front"));
}

TEST(CompactRun, ASpellingTakenFromTheFieldsOwnBlockIsKeptWhole)
{
    // The view points into the block that setSourceCell replaces: it must be read before
    // the old block goes (AddressSanitizer would see it read after).
    compute::RunFields fields;
    const std::string spelling(300, '7');
    fields.setExtra("Compact-run test column", spelling);
    fields.setSourceCell("Compact-run test spelt column", fields.extra("Compact-run test column"),
                         "canonical");
    EXPECT_EQ(fields.sourceCell("Compact-run test spelt column", "canonical"), spelling);
    // And again over an existing spelling of the same column.
    fields.setSourceCell("Compact-run test spelt column", fields.extra("Compact-run test column"),
                         "other");
    EXPECT_EQ(fields.sourceCell("Compact-run test spelt column", "other"), spelling);
    EXPECT_EQ(fields.sourceCell("Compact-run test spelt column", "canonical"), std::nullopt);
}

TEST(CompactDate, KeepsEveryValidDateAndNeverWrapsAnInvalidOneIntoAValidOne)
{
    for (std::int64_t days = -800000; days <= 3000000; days += 997) {
        const Date d = Date::fromDaysSinceEpoch(days);
        EXPECT_EQ(d.daysSinceEpoch(), days);
        EXPECT_EQ(Date(d.year(), d.month(), d.day()), d);
    }
    // 257 and 269 would wrap to 1 and 13 in a byte: they must stay invalid.
    EXPECT_FALSE(Date(2020, 257, 1).isValid());
    EXPECT_FALSE(Date(2020, 1, 257).isValid());
    EXPECT_FALSE(Date(2020, -255, 1).isValid());
    EXPECT_TRUE(Date(2020, 12, 31).isValid());
}

TEST(CompactRun, ARunIsAtMost176Bytes)
{
    // The run object is held a million times over; its members that repeat are SharedText
    // and its sources one allocation. 176 bytes today: a bigger one is a regression in
    // the memory of a large import, to be weighed, not slipped in.
    EXPECT_LE(sizeof(compute::TrainingRun), 176u);
    EXPECT_LE(sizeof(compute::ComputeEstimate), 72u);
}

} // namespace
