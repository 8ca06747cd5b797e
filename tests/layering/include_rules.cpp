// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/layering/include_rules.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <utility>

namespace fs = std::filesystem;

namespace layering {
namespace {

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.rfind(prefix, 0) == 0;
}

bool isSource(const fs::path &path)
{
    const std::string name = path.filename().string();
    for (const char *ext : {".h", ".cpp", ".h.in"})
        if (name.size() > std::string(ext).size() &&
            name.compare(name.size() - std::string(ext).size(), std::string::npos, ext) == 0)
            return true;
    return false;
}

// The rooms of core and the rooms each may include (itself included).
const std::map<std::string, std::set<std::string>> &coreRooms()
{
    static const std::map<std::string, std::set<std::string>> rooms = {
        {"core/util", {"core/util"}},
        {"core/model", {"core/util", "core/model"}},
        {"core/io", {"core/util", "core/model", "core/io", "core/io/internal"}},
        {"core/io/internal", {"core/util", "core/model", "core/io/internal"}},
        {"core/stats", {"core/util", "core/model", "core/stats"}},
        {"core/report", {"core/util", "core/model", "core/io", "core/stats", "core/report"}},
    };
    return rooms;
}

const char *kRoomOrder =
    "util < model < io and io/internal, model < stats < report; report may include io";

// <QString>, <QtCore/QDate>, "qt_windows.h", <qcustomplot.h>.
bool isQt(const Include &include)
{
    static const std::regex qt(R"(^(Q|[qQ][tT]|qcustomplot))");
    return std::regex_search(include.target, qt);
}

// A QtWidgets dialog, widget or message box, or the whole module.
bool isWidgetHeader(const Include &include)
{
    static const std::regex widget(
        R"(^(QtWidgets\b.*|Q\w*Dialog|Q\w*Widget|QMessageBox|QErrorMessage|QWizard|QMainWindow|QApplication)$)");
    return !include.quoted && std::regex_match(include.target, widget);
}

std::string where(const Include &include)
{
    return include.file + ":" + std::to_string(include.line);
}

std::string problem(const Include &include, const std::string &why)
{
    return where(include) + ": " + include.text + ": " + why;
}

} // namespace

std::string folderOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return {};
    const std::string dir = path.substr(0, slash);
    if (dir == "core" || startsWith(dir, "core/")) return dir;
    if (dir == "app") return "app";
    if (startsWith(dir, "app/")) return "app/" + dir.substr(4, dir.find('/', 4) - 4);
    return {};
}

std::vector<Include> includesUnder(const fs::path &root, std::size_t *filesScanned)
{
    static const std::regex pattern(R"(^\s*#\s*include\s*([<"])([^">]+)[">])");
    std::vector<fs::path> files;
    for (const char *top : {"core", "app"}) {
        if (!fs::is_directory(root / top)) continue;
        for (const fs::directory_entry &entry : fs::recursive_directory_iterator(root / top))
            if (entry.is_regular_file() && isSource(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Include> includes;
    for (const fs::path &path : files) {
        std::ifstream in(path, std::ios::binary);
        std::string line;
        std::smatch match;
        for (int number = 1; std::getline(in, line); ++number) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!std::regex_search(line, match, pattern)) continue;
            includes.push_back({fs::relative(path, root).generic_string(), number, line,
                                match[2].str(), match[1].str() == "\""});
        }
    }
    if (filesScanned) *filesScanned = files.size();
    return includes;
}

std::vector<std::string> layeringProblems(const std::vector<Include> &includes)
{
    std::vector<std::string> problems;
    // folder -> folder it includes -> the first include that does it.
    std::map<std::pair<std::string, std::string>, const Include *> edges;
    for (const Include &include : includes) {
        const std::string from = folderOf(include.file);
        const std::string to = include.quoted ? folderOf(include.target) : std::string();
        const bool inCore = startsWith(from, "core");
        if (inCore) {
            if (startsWith(to, "app"))
                problems.push_back(problem(include, "core must not include app"));
            else if (isQt(include))
                problems.push_back(problem(include, "core must not include Qt"));
            if (!coreRooms().count(from))
                problems.push_back(
                    problem(include, from + " is not a room of core (" + kRoomOrder + ")"));
            else if (startsWith(to, "core") && !coreRooms().at(from).count(to))
                problems.push_back(
                    problem(include, from + " must not include " + to + " (" + kRoomOrder + ")"));
        }
        if (from == "app/document") {
            for (const char *ui : {"app/controllers", "app/dialogs", "app/widgets"})
                if (to == ui)
                    problems.push_back(problem(include, "app/document must not include " + to +
                                                            ": it shows nothing"));
            if (isWidgetHeader(include))
                problems.push_back(problem(
                    include, "app/document shows nothing: no widget, dialog or message box"));
        }
        // Downloads: net uses only the dataset files of the app (atomic saves), and
        // only the workflows (controllers) and the command line use it.
        if (from == "app/net") {
            if (startsWith(to, "app") && to != "app/net" && to != "app/data")
                problems.push_back(
                    problem(include, "app/net may include only app/data of the app, not " + to));
            if (isWidgetHeader(include))
                problems.push_back(problem(include, "app/net shows nothing: it only downloads"));
        }
        if (to == "app/net" && from != "app/net" && from != "app/controllers" && from != "app/cli")
            problems.push_back(
                problem(include, "only app/controllers and app/cli may include app/net"));
        if (from == "app/models" && to == "app/chart")
            problems.push_back(problem(include, "app/models must not include app/chart"));
        if (!from.empty() && !to.empty() && from != to)
            edges.emplace(std::pair(from, to), &include);
    }
    // Folders that include each other; the document and its commands may.
    for (const auto &[edge, include] : edges) {
        const auto &[from, to] = edge;
        if (from > to) continue; // each pair once
        const auto back = edges.find(std::pair(to, from));
        if (back == edges.end()) continue;
        if ((from == "app/commands" && to == "app/document") ||
            (from == "app/document" && to == "app/commands"))
            continue;
        problems.push_back(where(*include) + ": " + from + " and " + to +
                           " include each other: " + include->text + ", and " +
                           where(*back->second) + ": " + back->second->text);
    }
    return problems;
}

} // namespace layering
