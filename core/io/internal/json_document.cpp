// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/json_document.h"

#include "core/util/text_util.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace compute {

using nlohmann::json;

namespace {

// A parser's refusal, kept to be located once parsing has stopped.
struct Refusal {
    std::string what; // json::exception::what()
    int id = 0;       // json::exception::id
    bool syntax = false;
    std::size_t byte = 0; // of a syntax error
};

// The JSON path the parser has reached ("runs[3].name"), followed on the parse that
// reports errors only, so that loading a valid file pays nothing for it.
class ParsePath {
public:
    void open(bool isArray) { m_levels.push_back({isArray, 0, {}}); }
    void key(const std::string &key)
    {
        // Enough of it for a message: keys are cut there anyway (a 100 MB key).
        if (!m_levels.empty()) m_levels.back().key.assign(key, 0, JsonPath::kMaxKeyInPath + 1);
    }
    void value()
    {
        if (!m_levels.empty() && m_levels.back().isArray) ++m_levels.back().index;
    }
    void close()
    {
        if (!m_levels.empty()) m_levels.pop_back();
        value();
    }
    std::string text() const;

private:
    struct Level {
        bool isArray = false;
        std::size_t index = 0; // elements of an array completed so far
        std::string key;       // last key read in an object
    };
    std::vector<Level> m_levels;
};

std::string ParsePath::text() const
{
    std::string path;
    for (const Level &level : m_levels) {
        if (path.size() > 120) { // "[0][0][0]..." of a pathological nesting
            path += "...";
            break;
        }
        if (level.isArray)
            path += "[" + std::to_string(level.index) + "]";
        else if (!level.key.empty())
            path += (path.empty() ? "" : ".") + messageExcerpt(level.key, JsonPath::kMaxKeyInPath);
    }
    return path;
}

// Receives the parser's events. Top-level members become nlohmann::json values, as
// json::parse would build them (a repeated key keeps its last value); the elements of
// a streamable "runs" array are built one at a time in a reused JsonTree instead.
class DocumentHandler final : public json::json_sax_t {
public:
    // Streams "runs" when `mayStream` and the file's schema_version is one of `streamed`.
    DocumentHandler(JsonDocument &document, const JsonRunCallback &onRun, bool mayStream,
                    StreamedVersions streamed, bool followPath)
        : m_document(document), m_onRun(onRun), m_mayStream(mayStream), m_streamed(streamed),
          m_followPath(followPath)
    {
    }

    // Streaming was begun on an assumption a later key broke (a repeated "runs", or
    // "schema_version" after the runs): parse again without streaming.
    bool restartWithoutStreaming() const { return m_restart; }
    const std::optional<Refusal> &refusal() const { return m_refusal; }
    // Where parsing stopped, when the handler was made to follow the path.
    const ParsePath &path() const { return m_path; }

    bool null() override
    {
        return scalar([](JsonTree &t) { t.addNull(); }, [] { return json(nullptr); });
    }
    bool boolean(bool v) override
    {
        return scalar([v](JsonTree &t) { t.addBoolean(v); }, [v] { return json(v); });
    }
    bool number_integer(std::int64_t v) override
    {
        return scalar([v](JsonTree &t) { t.addInteger(v); }, [v] { return json(v); });
    }
    bool number_unsigned(std::uint64_t v) override
    {
        return scalar([v](JsonTree &t) { t.addUnsigned(v); }, [v] { return json(v); });
    }
    bool number_float(double v, const std::string &) override
    {
        return scalar([v](JsonTree &t) { t.addFloat(v); }, [v] { return json(v); });
    }
    bool string(std::string &v) override
    {
        return scalar([&v](JsonTree &t) { t.addString(v); }, [&v] { return json(std::move(v)); });
    }
    bool binary(json::binary_t &) override { return null(); } // JSON text has none
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(std::string &key) override;

    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &e) override
    {
        const auto *syntax = dynamic_cast<const json::parse_error *>(&e);
        m_refusal = Refusal{e.what(), e.id, syntax != nullptr, syntax ? syntax->byte : 0};
        return false;
    }

private:
    enum class Mode {
        Start,   // before the top-level value
        Ignored, // the top-level value is not an object, or is complete
        Members, // in the top-level object, between members
        Member,  // in the value of a top-level member, built as nlohmann::json
        Runs,    // in the streamed "runs" array, between runs
        Run,     // in a streamed run
    };

    template <typename ToTree, typename ToJson> bool scalar(ToTree &&toTree, ToJson &&toJson);
    bool open(bool object);
    bool close();
    json *place(json value);
    void emitRun() { m_onRun(m_tree, m_runIndex++); }

    JsonDocument &m_document;
    const JsonRunCallback &m_onRun;
    const bool m_mayStream;
    const StreamedVersions m_streamed;
    const bool m_followPath;
    ParsePath m_path;
    Mode m_mode = Mode::Start;
    bool m_restart = false;
    bool m_streamable = false;  // the member being read is "runs" of a current file
    json *m_member = nullptr;   // the top-level member being built
    std::vector<json *> m_open; // its objects and arrays not closed yet
    std::string m_key;          // the key of the next value in m_open.back()
    JsonTree m_tree;            // the run being streamed
    std::size_t m_runIndex = 0;
    std::optional<Refusal> m_refusal;
};

template <typename ToTree, typename ToJson>
bool DocumentHandler::scalar(ToTree &&toTree, ToJson &&toJson)
{
    if (m_followPath) m_path.value();
    switch (m_mode) {
    case Mode::Start:
        m_document.root = toJson();
        m_mode = Mode::Ignored;
        break;
    case Mode::Member:
        place(toJson());
        if (m_open.empty()) m_mode = Mode::Members;
        break;
    case Mode::Runs: // a run that is not an object: the reader reports it
        m_tree.clear();
        toTree(m_tree);
        emitRun();
        break;
    case Mode::Run:
        toTree(m_tree);
        break;
    case Mode::Ignored:
    case Mode::Members:
        break;
    }
    return true;
}

bool DocumentHandler::open(bool object)
{
    if (m_followPath) m_path.open(!object);
    switch (m_mode) {
    case Mode::Start:
        m_document.root = object ? json::object() : json::array();
        m_mode = object ? Mode::Members : Mode::Ignored;
        break;
    case Mode::Member:
        if (m_open.empty() && m_streamable && !object) {
            *m_member = json::array();
            m_document.runsStreamed = true;
            m_runIndex = 0;
            m_mode = Mode::Runs;
            break;
        }
        m_open.push_back(place(object ? json::object() : json::array()));
        break;
    case Mode::Runs:
        m_tree.clear();
        m_mode = Mode::Run;
        [[fallthrough]];
    case Mode::Run:
        if (object)
            m_tree.openObject();
        else
            m_tree.openArray();
        break;
    case Mode::Ignored:
    case Mode::Members:
        break;
    }
    return true;
}

bool DocumentHandler::close()
{
    if (m_followPath) m_path.close();
    switch (m_mode) {
    case Mode::Members:
        m_mode = Mode::Ignored;
        break; // the end of the document
    case Mode::Member:
        m_open.pop_back();
        if (m_open.empty()) m_mode = Mode::Members;
        break;
    case Mode::Runs:
        m_mode = Mode::Members;
        break;
    case Mode::Run:
        m_tree.close();
        if (m_tree.complete()) {
            emitRun();
            m_mode = Mode::Runs;
        }
        break;
    case Mode::Start:
    case Mode::Ignored:
        break;
    }
    return true;
}

bool DocumentHandler::key(std::string &key)
{
    if (m_followPath) m_path.key(key);
    switch (m_mode) {
    case Mode::Members: {
        if (m_document.runsStreamed && (key == "runs" || key == "schema_version")) {
            m_restart = true;
            return false; // stops the parser
        }
        // Runs are read as they stream by only when no migration will change them.
        const auto version = m_document.root.find("schema_version");
        m_streamable = m_mayStream && key == "runs" && version != m_document.root.end() &&
                       version->is_number_unsigned() &&
                       m_streamed.contains(version->get<std::uint64_t>());
        m_member = &m_document.root[key];
        m_mode = Mode::Member;
        break;
    }
    case Mode::Member:
        m_key = std::move(key);
        break;
    case Mode::Run:
        m_tree.addKey(key);
        break;
    case Mode::Start:
    case Mode::Ignored:
    case Mode::Runs:
        break;
    }
    return true;
}

// Puts a value where the next one goes; returns it.
json *DocumentHandler::place(json value)
{
    if (m_open.empty()) {
        *m_member = std::move(value);
        return m_member;
    }
    json &parent = *m_open.back();
    if (parent.is_array()) {
        parent.push_back(std::move(value));
        return &parent.back();
    }
    json &slot = parent[m_key];
    slot = std::move(value);
    return &slot;
}

// nlohmann's messages quote the token they read last ("...; last read: '<token>';
// expected ...", "number overflow parsing '<token>'"): all 100 MB of an unclosed string,
// and bytes that are not UTF-8. Quotes a short excerpt instead.
std::string shortenQuotedToken(std::string what, std::string_view opening)
{
    const std::size_t start = what.find(opening);
    if (start == std::string::npos) return what;
    const std::size_t tokenStart = start + opening.size();
    const std::size_t expected = what.rfind("; expected ");
    const std::size_t tokenEnd = expected != std::string::npos && expected > tokenStart
                                     ? expected - 1
                                     : what.size() - 1; // the closing '
    if (tokenEnd < tokenStart) return what;
    const std::string token =
        messageExcerpt(std::string_view(what).substr(tokenStart, tokenEnd - tokenStart), 80);
    return what.replace(tokenStart, tokenEnd - tokenStart, token);
}

// A located error for bytes that nlohmann::json refused: the JSON path reached and,
// for syntax errors, the line and column.
Error parseFailure(std::string_view bytes, const std::string &sourceName, const Refusal &refusal,
                   const ParsePath &path)
{
    std::string where = path.text();
    std::string what = refusal.what; // "[json.exception.parse_error.101] parse error at ...: ..."
    if (refusal.syntax) {
        const std::size_t offset = std::min<std::size_t>(refusal.byte, bytes.size());
        const std::string_view before = bytes.substr(0, offset > 0 ? offset - 1 : 0);
        const auto newlines = std::count(before.begin(), before.end(), '\n');
        const std::size_t lineStart = before.rfind('\n');
        const std::size_t column =
            before.size() - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
        where += (where.empty() ? "" : ", ") + std::string("line ") + std::to_string(newlines + 1) +
                 ", column " + std::to_string(column);
        // After "parse error at line 1, column 5: " comes what was expected.
        if (const auto colon = what.find(": "); colon != std::string::npos)
            what =
                "not valid JSON: " + shortenQuotedToken(what.substr(colon + 2), "; last read: '");
    } else if (const auto bracket = what.find("] "); bracket != std::string::npos) {
        what = shortenQuotedToken(what.substr(bracket + 2), " parsing '");
        if (refusal.id == 406)
            what += " (expected a number within the range of a double, ~1.8e308)";
    }
    return {where.empty() ? sourceName : sourceName + ": " + where, what};
}

// Parses with nlohmann's SAX parser. The first pass does not follow the JSON path; a
// refused document is parsed again following it, so that the error names its place.
Result<JsonDocument> parse(std::string_view bytes, const std::string &sourceName,
                           const JsonRunCallback &onRun, bool mayStream, StreamedVersions streamed)
{
    JsonDocument document;
    bool followPath = false;
    for (;;) {
        document = {};
        DocumentHandler handler(document, onRun, mayStream, streamed, followPath);
        // A UTF-8 byte order mark (Windows editors add one) is skipped by the parser.
        json::sax_parse(bytes.begin(), bytes.end(), &handler);
        if (handler.refusal()) {
            if (followPath)
                return parseFailure(bytes, sourceName, *handler.refusal(), handler.path());
            followPath = true;
            continue;
        }
        if (!handler.restartWithoutStreaming()) return document;
        mayStream = false;
    }
}

} // namespace

Result<JsonDocument> parseJsonDocument(std::string_view bytes, const std::string &sourceName,
                                       StreamedVersions streamed, const JsonRunCallback &onRun)
{
    return parse(bytes, sourceName, onRun, true, streamed);
}

Result<nlohmann::json> parseJson(std::string_view bytes, const std::string &sourceName)
{
    const JsonRunCallback none;
    Result<JsonDocument> parsed = parse(bytes, sourceName, none, false, {});
    if (!parsed) return parsed.errors();
    return std::move(parsed.value().root);
}

} // namespace compute
