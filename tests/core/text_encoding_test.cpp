// SPDX-License-Identifier: GPL-3.0-or-later
// Text that is not UTF-8: found, repaired as Windows-1252, quoted without cutting a
// character; an Epoch CSV saved by a spreadsheet imports and saves losslessly.
#include "core/io/epoch_import.h"
#include "core/io/json_format.h"
#include "core/util/text_util.h"

#include <gtest/gtest.h>

#include <string>

using namespace compute;

TEST(Utf8, FirstInvalidByteIsFoundPastLongAsciiRuns)
{
    EXPECT_EQ(firstInvalidUtf8("plain ASCII text, longer than eight bytes"),
              std::string_view::npos);
    EXPECT_EQ(firstInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
              std::string_view::npos);
    EXPECT_EQ(firstInvalidUtf8("0123456789abcdef\xE1"
                               "AI"),
              16u);
    EXPECT_EQ(firstInvalidUtf8("\xC0\x80"), 0u);           // overlong NUL
    EXPECT_EQ(firstInvalidUtf8("x\xED\xA0\x80"), 1u);      // a surrogate
    EXPECT_EQ(firstInvalidUtf8("ab\xF4\x90\x80\x80"), 2u); // above U+10FFFF
    EXPECT_EQ(firstInvalidUtf8("abc\xE2\x82"), 3u);        // cut short
}

TEST(Utf8, RepairReadsStrayBytesAsWindows1252)
{
    EXPECT_EQ(repairUtf8("Ope\xE1"
                         "AI"),
              "Ope\xC3\xA1"
              "AI");                                                           // á
    EXPECT_EQ(repairUtf8("\x93quoted\x94"), "\xE2\x80\x9Cquoted\xE2\x80\x9D"); // “ ”
    EXPECT_EQ(repairUtf8("\x80"), "\xE2\x82\xAC");                             // €
    EXPECT_EQ(repairUtf8("\x81"), "\xEF\xBF\xBD");                             // undefined: U+FFFD
    EXPECT_EQ(repairUtf8("caf\xC3\xA9"), "caf\xC3\xA9");                       // valid: unchanged
    EXPECT_EQ(firstInvalidUtf8(repairUtf8("\xC0\x80\xFF\xFE\xED\xA0\x80")), std::string_view::npos);
}

TEST(Utf8, PrefixNeverCutsACharacter)
{
    const std::string text = "ab\xE2\x82\xAC"
                             "cd"; // ab€cd
    EXPECT_EQ(utf8Prefix(text, 3), "ab");
    EXPECT_EQ(utf8Prefix(text, 4), "ab");
    EXPECT_EQ(utf8Prefix(text, 5), "ab\xE2\x82\xAC");
    EXPECT_EQ(utf8Prefix(text, 100), text);
}

TEST(Utf8, WindowsCsvImportsWithAWarningAndSavesLosslessly)
{
    // Found by the CSV fuzzer: a Latin-1 byte in a name became U+FFFD on save.
    const std::string csv = "Model,Organization,Publication date,Training compute (FLOP)\n"
                            "GPT-2,Ope\xE1"
                            "AI,2019-02-14,1.5e21\n";
    auto imported = importEpochCsv(csv, "windows.csv", nullptr);
    ASSERT_TRUE(imported.ok()) << imported.errorText();
    ASSERT_EQ(imported->dataset.runs.size(), 1u);
    EXPECT_EQ(imported->dataset.runs[0].organization, "Ope\xC3\xA1"
                                                      "AI");
    ASSERT_EQ(imported->report.warnings.size(), 1u);
    EXPECT_EQ(imported->report.warnings[0].where, "windows.csv: line 2");
    EXPECT_NE(imported->report.warnings[0].message.find("Windows-1252"), std::string::npos);
    auto reloaded = readDatasetJson(writeDatasetJson(imported->dataset), "saved.json");
    ASSERT_TRUE(reloaded.ok()) << reloaded.errorText();
    EXPECT_EQ(*reloaded, imported->dataset);
}
