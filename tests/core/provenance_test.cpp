// SPDX-License-Identifier: GPL-3.0-or-later
// Where and when a dataset was downloaded: kept in the native format (optional, so
// older files read as before), in the sidecar beside a download, and in the
// reproducibility metadata of every figure.
#include "core/io/json_format.h"
#include "core/io/provenance_json.h"
#include "core/report/reproducibility.h"
#include "core/util/sha256.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace compute;

namespace {

DatasetProvenance downloaded()
{
    return {"https://epoch.ai/data/notable_ai_models.csv", "2025-08-07T12:34:56Z",
            sha256Hex("Model,Publication date\n"), "2025-08-06"};
}

Dataset smallDataset()
{
    Dataset d;
    d.metadata.title = "Epoch AI export";
    TrainingRun run;
    run.id = "gpt-3";
    run.name = "GPT-3";
    run.date = Date(2020, 5, 28);
    run.estimates = {ComputeEstimate{ReportedInputs{.value = 3.14e23}, {}}};
    d.runs.push_back(run);
    return d;
}

TEST(Provenance, TheNativeFormatKeepsItUnderMetadata)
{
    Dataset dataset = smallDataset();
    dataset.metadata.provenance = downloaded();
    const std::string text = writeDatasetJson(dataset);
    const auto json = nlohmann::json::parse(text);
    const auto &p = json["metadata"]["provenance"];
    EXPECT_EQ(p["url"], "https://epoch.ai/data/notable_ai_models.csv");
    EXPECT_EQ(p["downloaded_at"], "2025-08-07T12:34:56Z");
    EXPECT_EQ(p["sha256"], sha256Hex("Model,Publication date\n"));
    EXPECT_EQ(p["vintage"], "2025-08-06");
    const auto read = readDatasetJson(text, "d.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(read->metadata.provenance, downloaded());
}

TEST(Provenance, AFileWithoutItReadsAsBeforeAndIsWrittenAsBefore)
{
    const std::string text = writeDatasetJson(smallDataset());
    EXPECT_EQ(text.find("provenance"), std::string::npos);
    const auto read = readDatasetJson(text, "d.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_TRUE(read->metadata.provenance.empty());
    EXPECT_EQ(writeDatasetJson(read.value()), text);
}

TEST(Provenance, MalformedFieldsAreLocatedErrors)
{
    Dataset dataset = smallDataset();
    dataset.metadata.provenance = downloaded();
    dataset.metadata.provenance.sha256 = "ABC";
    dataset.metadata.provenance.downloadedAt = "2025-08-07 12:34";
    dataset.metadata.provenance.vintage = "2025-02-30";
    const auto read = readDatasetJson(writeDatasetJson(dataset), "d.json");
    ASSERT_FALSE(read.ok());
    const std::string errors = read.errorText();
    EXPECT_NE(errors.find("metadata.provenance.sha256: expected 64 lowercase hexadecimal digits"),
              std::string::npos)
        << errors;
    EXPECT_NE(errors.find("metadata.provenance.downloaded_at"), std::string::npos) << errors;
    EXPECT_NE(errors.find("metadata.provenance.vintage"), std::string::npos) << errors;

    std::string typo = writeDatasetJson(smallDataset());
    typo.replace(typo.find("\"title\""), 7, "\"provenance\": {\"ur1\": \"x\"}, \"title\"");
    const auto refused = readDatasetJson(typo, "d.json");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.errorText().find("ur1"), std::string::npos) << refused.errorText();
}

TEST(Provenance, UtcTimestampsAreCheckedToTheSecond)
{
    EXPECT_TRUE(isUtcTimestamp("2025-08-07T23:59:59Z"));
    EXPECT_TRUE(isUtcTimestamp("2024-02-29T00:00:00Z"));
    for (const char *bad :
         {"2025-08-07T24:00:00Z", "2025-08-07T12:60:00Z", "2023-02-29T00:00:00Z",
          "2025-08-07T12:34:56", "2025-08-07 12:34:56Z", "2025-8-7T12:34:56Z", ""})
        EXPECT_FALSE(isUtcTimestamp(bad)) << bad;
}

TEST(ProvenanceSidecar, ReadsBackWhatIsWrittenWithTheSizeAndFinalAddress)
{
    const std::string text =
        writeProvenanceJson(downloaded(), 23, "https://cdn.example/notable_ai_models.csv");
    const auto json = nlohmann::json::parse(text);
    EXPECT_EQ(json["bytes"], 23);
    EXPECT_EQ(json["final_url"], "https://cdn.example/notable_ai_models.csv");
    EXPECT_EQ(json["software"], "Compute Explorer");
    const auto read = readProvenanceJson(text, "n.csv.json");
    ASSERT_TRUE(read.ok()) << read.errorText();
    EXPECT_EQ(read.value(), downloaded());
    // No redirect: no final_url.
    EXPECT_FALSE(nlohmann::json::parse(writeProvenanceJson(downloaded(), 23, downloaded().url))
                     .contains("final_url"));
}

TEST(ProvenanceSidecar, NeedsUrlTimeAndSha256AndIgnoresKeysItDoesNotKnow)
{
    const auto minimal = readProvenanceJson(
        R"({"url":"http://m/n.csv","downloaded_at":"2025-01-02T03:04:05Z","sha256":")" +
            std::string(64, '0') + R"(","added_later":[1,2]})",
        "n.csv.json");
    ASSERT_TRUE(minimal.ok()) << minimal.errorText();
    EXPECT_EQ(minimal->vintage, "2025-01-02"); // the day of the download
    const auto missing = readProvenanceJson(R"({"url":"http://m/n.csv"})", "n.csv.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.errorText().find("downloaded_at"), std::string::npos);
    EXPECT_NE(missing.errorText().find("sha256"), std::string::npos);
    const auto badSha = readProvenanceJson(
        R"({"url":"u","downloaded_at":"2025-01-02T03:04:05Z","sha256":"xyz"})", "n.csv.json");
    ASSERT_FALSE(badSha.ok());
    EXPECT_EQ(badSha.errorText(), "n.csv.json: sha256: expected 64 lowercase hexadecimal digits");
    EXPECT_FALSE(readProvenanceJson("[1]", "n.csv.json").ok());
    EXPECT_FALSE(readProvenanceJson("{", "n.csv.json").ok());
}

TEST(Provenance, FiguresCarryTheVintageNextToTheDatasetsSha256)
{
    Dataset dataset = smallDataset();
    const auto plain = nlohmann::json::parse(reproducibilityJson(dataset, {}));
    for (const char *key :
         {"data_vintage", "downloaded_from", "downloaded_at", "download_sha256"}) {
        ASSERT_TRUE(plain["dataset"].contains(key)) << key;
        EXPECT_TRUE(plain["dataset"][key].is_null()) << key;
    }
    dataset.metadata.provenance = downloaded();
    const auto json = nlohmann::json::parse(reproducibilityJson(dataset, {}));
    EXPECT_EQ(json["dataset"]["data_vintage"], "2025-08-06");
    EXPECT_EQ(json["dataset"]["downloaded_from"], downloaded().url);
    EXPECT_EQ(json["dataset"]["downloaded_at"], "2025-08-07T12:34:56Z");
    EXPECT_EQ(json["dataset"]["download_sha256"], downloaded().sha256);
    EXPECT_EQ(json["dataset"]["content_sha256"], datasetContentHash(dataset));
}

} // namespace
