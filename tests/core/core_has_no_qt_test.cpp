// SPDX-License-Identifier: GPL-3.0-or-later
// core/ is the standard library and nlohmann_json only: it must build without Qt. This
// scans every file under core/ for a Qt include and names the file and line of each.
#include "tests/core/test_paths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// `#include <QString>`, `#include "QtCore/qobject.h"`, `#include <qtwidgetsglobal.h>`,
// with any spacing around '#'. "core/..." and <queue> do not match: the name must start
// with a capital Q, or with "qt" in any case.
bool isQtInclude(const std::string &line)
{
    static const std::regex pattern(R"(^\s*#\s*include\s*[<"](Q|[qQ][tT]))");
    return std::regex_search(line, pattern);
}

// "core/model/date.h:12: #include <QDate>" for every Qt include under `root`.
std::vector<std::string> qtIncludesUnder(const fs::path &root, std::size_t *filesScanned = nullptr)
{
    std::vector<std::string> findings;
    std::size_t files = 0;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            if (isQtInclude(line))
                findings.push_back(fs::relative(entry.path(), root.parent_path()).string() + ":" +
                                   std::to_string(number) + ": " + line);
        }
    }
    if (filesScanned) *filesScanned = files;
    return findings;
}

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &l : lines)
        text += l + "\n";
    return text;
}

// A scratch directory removed when the test ends.
struct ScratchDir {
    fs::path path;
    ScratchDir()
    {
        path = fs::temp_directory_path() /
               ("compute-core-has-no-qt-" + std::to_string(std::random_device{}()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
};

} // namespace

TEST(CoreHasNoQt, NoFileInCoreIncludesAQtHeader)
{
    const fs::path core = testing_paths::sourcePath("core");
    ASSERT_TRUE(fs::is_directory(core)) << core;
    std::size_t files = 0;
    const std::vector<std::string> findings = qtIncludesUnder(core, &files);
    // The scan must have seen the library, or passing would prove nothing.
    EXPECT_GE(files, 30u);
    EXPECT_TRUE(findings.empty()) << "core/ must not depend on Qt:\n" << joined(findings);
}

TEST(CoreHasNoQt, CoreCMakeListsLinksNoQtTarget)
{
    const std::string cmake = testing_paths::readSource("core/CMakeLists.txt");
    EXPECT_NE(cmake.find("add_library(compute_core"), std::string::npos);
    EXPECT_EQ(cmake.find("Qt6::"), std::string::npos);
    EXPECT_EQ(cmake.find("Qt::"), std::string::npos);
    EXPECT_EQ(cmake.find("find_package(Qt"), std::string::npos);
}

TEST(CoreHasNoQt, DetectorRecognisesQtIncludeSpellings)
{
    for (const char *line :
         {"#include <QString>", "#include <QtCore/QDate>", "#include \"QCustomPlot.h\"",
          "#include <qtwidgetsglobal.h>", "  #  include <QObject>", "#include<QVector>",
          "#include <QTimer> // for timeouts", "\t#include \"qt_windows.h\""})
        EXPECT_TRUE(isQtInclude(line)) << line;
    for (const char *line :
         {"#include \"core/date.h\"", "#include <queue>", "#include <nlohmann/json.hpp>",
          "// never #include <QString> here", "#include <quadmath.h>", "QString s;", "#pragma once",
          "#include \"core/qt_free.h\""})
        EXPECT_FALSE(isQtInclude(line)) << line;
}

TEST(CoreHasNoQt, ScanFailsOnAScratchCopyWithAQtInclude)
{
    // Copy core/ to a scratch directory, slip a Qt include into one header, and check
    // that the scan names that file and line (and nothing else).
    const ScratchDir scratch;
    const fs::path copy = scratch.path / "core";
    fs::copy(testing_paths::sourcePath("core"), copy, fs::copy_options::recursive);
    ASSERT_TRUE(qtIncludesUnder(copy).empty());

    const fs::path header = copy / "model" / "date.h";
    std::string text = testing_paths::readFile(header.string());
    const std::size_t pragma = text.find("#pragma once\n");
    ASSERT_NE(pragma, std::string::npos);
    text.insert(pragma + 13, "#include <QDate>\n"); // line 3: after the SPDX line and #pragma once
    std::ofstream(header, std::ios::binary | std::ios::trunc) << text;

    const std::vector<std::string> findings = qtIncludesUnder(copy);
    ASSERT_EQ(findings.size(), 1u) << joined(findings);
    EXPECT_EQ(findings[0], "core/model/date.h:3: #include <QDate>");
}
