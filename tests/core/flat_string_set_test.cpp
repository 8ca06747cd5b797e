// SPDX-License-Identifier: GPL-3.0-or-later
// The set behind run ids: every text once, found again after the table grows, texts of
// any length (the length before each text takes one byte below 128, more above).
#include "core/util/flat_string_set.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using compute::FlatStringSet;

TEST(FlatStringSet, InsertsEachTextOnceAndFindsItAfterEveryGrowth)
{
    FlatStringSet set;
    std::set<std::string> reference;
    for (int i = 0; i < 5000; ++i) {
        // Lengths 0 to 299, so that some lengths take two bytes; every text twice.
        const int j = i % 2500;
        const std::string text =
            std::string(static_cast<std::size_t>(j % 300), 'x') + std::to_string(j);
        EXPECT_EQ(set.insert(text), reference.insert(text).second) << text;
    }
    EXPECT_EQ(set.size(), reference.size());
    EXPECT_EQ(set.size(), 2500u); // i and i + 2500 give the same text
    for (const std::string &text : reference)
        EXPECT_TRUE(set.contains(text)) << text;
    EXPECT_FALSE(set.contains("absent"));
    EXPECT_FALSE(set.contains(std::string(200, 'x')));
}

TEST(FlatStringSet, TheEmptyTextIsATextLikeAnyOther)
{
    FlatStringSet set;
    EXPECT_FALSE(set.contains(""));
    EXPECT_TRUE(set.insert(""));
    EXPECT_FALSE(set.insert(""));
    EXPECT_TRUE(set.contains(""));
    set.reserve(100000);
    EXPECT_TRUE(set.contains("")) << "kept through a reserve";
    EXPECT_EQ(set.size(), 1u);
}
