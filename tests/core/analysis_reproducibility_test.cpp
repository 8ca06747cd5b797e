// SPDX-License-Identifier: GPL-3.0-or-later
// Reproducibility metadata of figures: SHA-256 against published vectors, the content
// hash against a hash of the saved file with its app_version line dropped, the JSON.
#include "core/io/json_format.h"
#include "core/report/fit_report.h"
#include "core/report/reproducibility.h"
#include "core/stats/run_selection.h"
#include "core/util/sha256.h"
#include "core/util/version.h"
#include "tests/core/analysis_fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using namespace compute;
using analysis_fixtures::openAi;

namespace {

// `grep -v '^  "app_version"'`, line by line.
std::string withoutAppVersionLine(const std::string &text)
{
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line))
        if (line.rfind("  \"app_version\"", 0) != 0) out += line + "\n";
    return out;
}

} // namespace

TEST(Sha256, MatchesPublishedTestVectors)
{
    // FIPS 180-2 examples.
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingAtBlockBoundariesMatchesPythonHashlib)
{
    EXPECT_EQ(sha256Hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256Hex(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256Hex(std::string(63, 'a')),
              "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    EXPECT_EQ(sha256Hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    EXPECT_EQ(sha256Hex(std::string(65, 'a')),
              "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
    EXPECT_EQ(sha256Hex(std::string(119, 'a')),
              "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
    EXPECT_EQ(sha256Hex(std::string(120, 'a')),
              "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
    EXPECT_EQ(sha256Hex(std::string(128, 'a')),
              "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e");
}

TEST(DatasetContentHash, IsTheHashOfTheSavedFileWithoutItsAppVersionLine)
{
    const std::string saved = writeDatasetJson(openAi());
    ASSERT_NE(saved.find("\n  \"app_version\": "), std::string::npos);
    const std::string content = withoutAppVersionLine(saved);
    EXPECT_EQ(content.find("app_version"), std::string::npos);
    EXPECT_EQ(datasetContentHash(openAi()), sha256Hex(content));
    EXPECT_EQ(datasetContentHash(openAi()).size(), 64u);
}

TEST(DatasetContentHash, ChangesWithTheDataAndNotOtherwise)
{
    Dataset copy = openAi();
    EXPECT_EQ(datasetContentHash(copy), datasetContentHash(openAi()));
    copy.runs[0].notes = copy.runs[0].notes.str() + " edited";
    EXPECT_NE(datasetContentHash(copy), datasetContentHash(openAi()));
}

TEST(ReproducibilityJson, NamesTheDataTheErasTheirFitsAndTheVersion)
{
    const EraScheme &scheme = openAi().eraSchemes.front();
    FigureProvenance figure;
    figure.eraScheme = scheme.name;
    figure.fits = fitScheme(openAi(), scheme);
    figure.units = ComputeUnit::PfsDays;
    const auto json = nlohmann::json::parse(reproducibilityJson(openAi(), figure));
    EXPECT_EQ(json["software"], "Compute Explorer");
    EXPECT_EQ(json["app_version"], kAppVersion);
    EXPECT_EQ(json["dataset"]["title"], openAi().metadata.title);
    EXPECT_EQ(json["dataset"]["content_sha256"], datasetContentHash(openAi()));
    EXPECT_EQ(json["dataset"]["runs"], openAi().runs.size());
    EXPECT_EQ(json["era_scheme"], "OpenAI 2019: two eras");
    EXPECT_EQ(json["units"], "pfs-days");
    EXPECT_EQ(json["include_hidden"], false);
    // The eras carry exactly what --fit prints for them.
    const auto fits = nlohmann::json::parse(fitReportJson(figure.fits));
    EXPECT_EQ(json["eras"], fits["fits"]);
    ASSERT_EQ(json["eras"].size(), 2u);
    EXPECT_EQ(json["eras"][1]["era"], "Modern era");
    EXPECT_EQ(json["eras"][1]["from"], "2012-01-01");
    EXPECT_TRUE(json["eras"][1]["to"].is_null());
    EXPECT_TRUE(json["eras"][1]["slope_log10_per_year"].is_number());
}

TEST(ReproducibilityJson, RangeWithoutSchemeHasANullScheme)
{
    const Era era = analysis_fixtures::chartYears();
    FigureProvenance figure;
    figure.fits = {{era, fitEra(openAi(), era)}};
    const auto json = nlohmann::json::parse(reproducibilityJson(openAi(), figure));
    EXPECT_TRUE(json["era_scheme"].is_null());
    EXPECT_EQ(json["eras"][0]["n"], 15);
}
