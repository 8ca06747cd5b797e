// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A JSON value stored flat for fast reading: nodes in document order (a container is
// followed by its members), string bytes in one buffer. Filled from parser events and
// reused from one run to the next, so reading 100,000 runs allocates almost nothing.
// Lookups behave as nlohmann::json does: a repeated key means its last value.
class JsonTree {
public:
    using Index = std::size_t;
    static constexpr Index npos = static_cast<Index>(-1);
    enum class Type : std::uint8_t {
        Null,
        Boolean,
        Unsigned,
        Integer,
        Float,
        String,
        Array,
        Object
    };

    void clear();
    // The root value is complete (every object and array opened has been closed).
    bool complete() const { return !m_nodes.empty() && m_open.empty(); }

    // Building, in document order: the events of a SAX parser.
    void addKey(std::string_view key);
    void addNull() { add(Type::Null); }
    void addBoolean(bool value) { add(Type::Boolean).boolean = value; }
    void addUnsigned(std::uint64_t value) { add(Type::Unsigned).whole = value; }
    void addInteger(std::int64_t value) { add(Type::Integer).signedWhole = value; }
    void addFloat(double value) { add(Type::Float).real = value; }
    void addString(std::string_view value);
    void openObject() { open(Type::Object); }
    void openArray() { open(Type::Array); }
    void close(); // the innermost open object or array

    // Reading; the root is node 0.
    Type type(Index node) const { return m_nodes[node].type; }
    const char *typeName(Index node) const; // as nlohmann::json names it: "number", ...
    bool isNumber(Index node) const;
    bool boolean(Index node) const { return m_nodes[node].boolean; }
    double number(Index node) const; // any kind of number, as a double
    std::uint64_t unsignedNumber(Index node) const { return m_nodes[node].whole; }
    std::string_view string(Index node) const { return text(m_nodes[node].value); }

    // Members of an object or elements of an array: for (i = begin(c); i != end(c); i = next(i)).
    Index begin(Index container) const { return container + 1; }
    Index end(Index container) const { return m_nodes[container].end; }
    Index next(Index node) const { return m_nodes[node].end; }
    std::size_t size(Index container) const { return m_nodes[container].size; }
    std::string_view key(Index member) const { return text(m_nodes[member].key); }

    // The member of `object` named `key` (the last one if repeated), or npos.
    Index find(Index object, std::string_view key) const;

private:
    struct Span {
        std::size_t offset = 0;
        std::size_t length = 0;
    };
    struct Node {
        Type type = Type::Null;
        bool boolean = false;
        Index end = 0;        // one past the last node of this value
        std::size_t size = 0; // members or elements
        Span key;             // when a member of an object
        Span value;           // of a string
        union {
            std::uint64_t whole = 0;
            std::int64_t signedWhole;
            double real;
        };
    };

    Node &add(Type type);
    void open(Type type);
    Span store(std::string_view bytes);
    std::string_view text(Span span) const { return {m_text.data() + span.offset, span.length}; }

    std::vector<Node> m_nodes;
    std::vector<Index> m_open; // objects and arrays not closed yet
    std::string m_text;
    Span m_key; // of the next member
};

// Appends a nlohmann::json value to `tree` (iteratively: any depth of nesting).
void appendJson(JsonTree &tree, const nlohmann::json &value);

// Where a value is ("runs[3].estimates[0]"), spelt out only when an error needs it.
// A path refers to its parent: keep the parent alive while the child is used.
class JsonPath {
public:
    JsonPath() = default; // the document itself: ""

    JsonPath key(std::string_view key) const { return JsonPath(this, key, 0); }
    JsonPath at(std::size_t index) const { return JsonPath(this, {}, index + 1); }
    // Keys longer than kMaxKeyInPath bytes are cut ("kkkk..."): a path goes in messages.
    std::string text() const;
    static constexpr std::size_t kMaxKeyInPath = 80;

private:
    JsonPath(const JsonPath *parent, std::string_view key, std::size_t indexPlusOne)
        : m_parent(parent), m_key(key), m_indexPlusOne(indexPlusOne)
    {
    }

    const JsonPath *m_parent = nullptr;
    std::string_view m_key;
    std::size_t m_indexPlusOne = 0; // 0 for a key
};

} // namespace compute
