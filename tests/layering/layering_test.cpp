// SPDX-License-Identifier: GPL-3.0-or-later
// Who may include whom (DESIGN: rooms), read from the #include lines of every file under
// core/ and app/. The self-tests copy the tree, slip in one violation of each kind and
// check that it is named with its file and line, so a pass means something.
#include "tests/layering/include_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSourceRoot = COMPUTE_SOURCE_DIR;

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &l : lines)
        text += l + "\n";
    return text;
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeFile(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

int lineCount(const std::string &text)
{
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// A scratch copy of core/ and app/, removed when the test ends.
struct ScratchTree {
    fs::path path;
    ScratchTree()
    {
        path = fs::temp_directory_path() /
               ("compute-layering-" + std::to_string(std::random_device{}()));
        fs::remove_all(path);
        fs::create_directories(path);
        for (const char *top : {"core", "app"})
            fs::copy(kSourceRoot / top, path / top, fs::copy_options::recursive);
    }
    ~ScratchTree() { fs::remove_all(path); }
};

layering::Include include(const std::string &file, const std::string &target, bool quoted = true)
{
    const std::string text = "#include " + (quoted ? "\"" + target + "\"" : "<" + target + ">");
    return {file, 1, text, target, quoted};
}

} // namespace

TEST(Layering, EveryIncludeOfCoreAndAppFollowsTheRooms)
{
    std::size_t files = 0;
    const std::vector<layering::Include> includes = layering::includesUnder(kSourceRoot, &files);
    // The scan must have seen the sources, or passing would prove nothing.
    EXPECT_GE(files, 150u);
    EXPECT_GE(includes.size(), 1000u);
    const std::vector<std::string> problems = layering::layeringProblems(includes);
    EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(Layering, EverySourceIsListedInItsCMakeLists)
{
    for (const char *top : {"core", "app"}) {
        const std::string cmake = readFile(kSourceRoot / top / "CMakeLists.txt");
        ASSERT_FALSE(cmake.empty()) << top;
        for (const fs::directory_entry &entry :
             fs::recursive_directory_iterator(kSourceRoot / top)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
            const std::string name = fs::relative(entry.path(), kSourceRoot / top).generic_string();
            const std::size_t at = cmake.find(name);
            const bool listed =
                at != std::string::npos &&
                (at == 0 || std::isspace(static_cast<unsigned char>(cmake[at - 1])) ||
                 cmake[at - 1] == '(');
            EXPECT_TRUE(listed) << top << "/" << name << " is not in " << top << "/CMakeLists.txt";
        }
    }
}

TEST(Layering, FoldersAreTheRoomsOfCoreAndTheFirstFoldersOfApp)
{
    EXPECT_EQ(layering::folderOf("core/model/date.h"), "core/model");
    EXPECT_EQ(layering::folderOf("core/io/internal/json_tree.h"), "core/io/internal");
    EXPECT_EQ(layering::folderOf("app/widgets/analysis/bootstrap_panel.cpp"), "app/widgets");
    EXPECT_EQ(layering::folderOf("app/main_window.h"), "app");
    EXPECT_EQ(layering::folderOf("QString"), "");
    EXPECT_EQ(layering::folderOf("nlohmann/json.hpp"), "");
    EXPECT_EQ(layering::folderOf("tests/app/quiet_files.h"), "");
}

TEST(Layering, DocumentAndCommandsMayIncludeEachOtherNoOtherPair)
{
    EXPECT_TRUE(layering::layeringProblems(
                    {include("app/commands/run_commands.cpp", "app/document/document.h"),
                     include("app/document/document.cpp", "app/commands/run_commands.h")})
                    .empty());
    const std::vector<std::string> problems = layering::layeringProblems(
        {include("app/models/era_list_model.cpp", "app/widgets/era_dock.h"),
         include("app/widgets/era_dock.cpp", "app/models/era_list_model.h")});
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_EQ(problems[0], "app/models/era_list_model.cpp:1: app/models and app/widgets include "
                           "each other: #include \"app/widgets/era_dock.h\", and "
                           "app/widgets/era_dock.cpp:1: #include \"app/models/era_list_model.h\"");
}

TEST(Layering, QtInCoreAndWidgetsInTheDocumentAreRecognisedHoweverSpelled)
{
    for (const char *qt : {"QString", "QtCore/QDate", "qtwidgetsglobal.h", "qcustomplot.h"})
        EXPECT_EQ(layering::layeringProblems({include("core/model/date.h", qt, false)}).size(), 1u)
            << qt;
    for (const char *fine : {"queue", "nlohmann/json.hpp", "quadmath.h", "core/util/result.h"})
        EXPECT_TRUE(layering::layeringProblems({include("core/model/date.h", fine, false)}).empty())
            << fine;
    for (const char *ui : {"QMessageBox", "QFileDialog", "QProgressDialog", "QDialog", "QWidget",
                           "QDockWidget", "QtWidgets", "QtWidgets/QLabel", "QApplication"})
        EXPECT_EQ(
            layering::layeringProblems({include("app/document/document.cpp", ui, false)}).size(),
            1u)
            << ui;
    for (const char *fine : {"QUndoStack", "QObject", "QFileInfo", "QSaveFile", "QTimer"})
        EXPECT_TRUE(
            layering::layeringProblems({include("app/document/document.cpp", fine, false)}).empty())
            << fine;
    // The scanner reads the spellings the preprocessor accepts.
    const std::vector<std::string> lines = {"  #  include <QObject>", "#include<QVector>",
                                            "\t#include \"core/util/result.h\" // why"};
    const ScratchTree tree;
    const fs::path file = tree.path / "core" / "util" / "spellings.h";
    writeFile(file, "// SPDX-License-Identifier: GPL-3.0-or-later\n" + joined(lines));
    std::vector<std::string> targets;
    for (const layering::Include &i : layering::includesUnder(tree.path))
        if (i.file == "core/util/spellings.h") targets.push_back(i.target);
    EXPECT_EQ(targets, (std::vector<std::string>{"QObject", "QVector", "core/util/result.h"}));
}

// One violation of each kind, slipped into a copy of the tree one at a time: the check
// names it with its file and line, and finds nothing else new.
TEST(Layering, SelfTestEachKindOfViolationIsNamedWithItsFileAndLine)
{
    struct Injection {
        const char *file;
        const char *line;
        const char *why;
    };
    const Injection injections[] = {
        {"core/model/date.h", "#include \"app/document/document.h\"", "core must not include app"},
        {"core/util/text_util.h", "#include <QString>", "core must not include Qt"},
        {"core/util/sha256.h", "#include \"core/model/date.h\"",
         "core/util must not include core/model"},
        {"core/model/dataset.h", "#include \"core/stats/trend_fit.h\"",
         "core/model must not include core/stats"},
        {"core/model/era.h", "#include \"core/io/json_format.h\"",
         "core/model must not include core/io"},
        {"core/io/internal/json_tree.h", "#include \"core/io/csv_reader.h\"",
         "core/io/internal must not include core/io"},
        {"core/stats/trend_fit.h", "#include \"core/io/json_format.h\"",
         "core/stats must not include core/io"},
        {"core/io/csv_export.h", "#include \"core/stats/fit_cache.h\"",
         "core/io must not include core/stats"},
        {"core/stats/fit_cache.h", "#include \"core/report/fit_json.h\"",
         "core/stats must not include core/report"},
        {"core/io/epoch_import.cpp", "#include \"core/report/fit_report.h\"",
         "core/io must not include core/report"},
        {"app/document/document.h", "#include \"app/controllers/file_controller.h\"",
         "app/document must not include app/controllers"},
        {"app/document/view_state.cpp", "#include \"app/dialogs/export_dialog.h\"",
         "app/document must not include app/dialogs"},
        {"app/document/trend_model.cpp", "#include \"app/widgets/era_dock.h\"",
         "app/document must not include app/widgets"},
        {"app/document/document.cpp", "#include <QMessageBox>", "no widget, dialog or message box"},
        {"app/document/view_state.h", "#include <QFileDialog>", "no widget, dialog or message box"},
        {"app/document/trend_model.h", "#include <QProgressDialog>",
         "no widget, dialog or message box"},
        {"app/document/document.cpp", "#include <QWidget>", "no widget, dialog or message box"},
        {"app/models/era_list_model.cpp", "#include \"app/chart/chart_scene.h\"",
         "app/models must not include app/chart"},
        {"app/format/number_format.cpp", "#include \"app/chart/chart_scene.h\"",
         "app/chart and app/format include each other"},
        {"app/dialogs/export_dialog.cpp", "#include \"app/controllers/era_controller.h\"",
         "app/controllers and app/dialogs include each other"},
        {"app/widgets/era_dock.cpp", "#include \"app/main_window.h\"",
         "app and app/widgets include each other"},
        {"app/net/download.cpp", "#include \"app/document/document.h\"",
         "app/net may include only app/data of the app"},
        {"app/net/download.h", "#include <QMessageBox>", "app/net shows nothing"},
        {"app/dialogs/fetch_dialog.cpp", "#include \"app/net/epoch_sources.h\"",
         "only app/controllers and app/cli may include app/net"},
    };
    const ScratchTree tree;
    const std::vector<std::string> baseline =
        layering::layeringProblems(layering::includesUnder(tree.path));
    for (const Injection &injection : injections) {
        SCOPED_TRACE(std::string(injection.file) + ": " + injection.line);
        const fs::path file = tree.path / injection.file;
        const std::string original = readFile(file);
        ASSERT_FALSE(original.empty());
        // Appended, so that the lines of what is already there do not move.
        writeFile(file, original + injection.line + "\n");
        const std::string at =
            std::string(injection.file) + ":" + std::to_string(lineCount(original) + 1);
        std::vector<std::string> added;
        for (const std::string &p : layering::layeringProblems(layering::includesUnder(tree.path)))
            if (std::find(baseline.begin(), baseline.end(), p) == baseline.end())
                added.push_back(p);
        writeFile(file, original);

        ASSERT_FALSE(added.empty()) << "not caught";
        bool named = false;
        for (const std::string &p : added) {
            EXPECT_NE(p.find(at), std::string::npos) << "unrelated: " << p;
            named = named ||
                    (p.find(at) != std::string::npos && p.find(injection.why) != std::string::npos);
        }
        EXPECT_TRUE(named) << "expected '" << injection.why << "' at " << at << ", got:\n"
                           << joined(added);
    }
}
