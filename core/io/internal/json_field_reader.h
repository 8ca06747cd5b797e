// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/internal/json_tree.h"
#include "core/model/date.h"
#include "core/util/result.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// An object of a JsonTree being read, and where it is in the document.
struct JsonObject {
    const JsonTree &tree;
    JsonTree::Index node;
    const JsonPath &path;
};

// Reads typed fields of JSON objects and collects every problem with its JSON path,
// so a user sees all of them at once rather than one per attempt. A null field reads
// as an absent one. Paths are spelt out only for errors.
class JsonFieldReader {
public:
    explicit JsonFieldReader(std::string sourceName) : m_source(std::move(sourceName)) {}

    Errors &errors() { return m_errors; }
    void fail(const JsonPath &path, std::string message);
    void fail(const JsonPath &path, std::string_view key, std::string message);

    // Reports keys that are not in `known` (typos would otherwise be lost on the next
    // save), in key order.
    void checkKeys(const JsonObject &object, std::initializer_list<std::string_view> known);
    // The field's node, or npos when it is absent or null.
    JsonTree::Index field(const JsonObject &object, std::string_view key) const;

    bool isObject(const JsonTree &tree, JsonTree::Index node, const JsonPath &path);
    // The string (a view into the tree), or "" when absent or not a string (reported).
    std::string_view stringView(const JsonObject &object, std::string_view key,
                                bool required = false);
    std::string string(const JsonObject &object, std::string_view key, bool required = false)
    {
        return std::string(stringView(object, key, required));
    }
    std::optional<double> number(const JsonObject &object, std::string_view key,
                                 bool required = false);
    double numberOr(const JsonObject &object, std::string_view key, double fallback)
    {
        return number(object, key).value_or(fallback);
    }
    bool boolean(const JsonObject &object, std::string_view key);
    std::optional<Date> date(const JsonObject &object, std::string_view key);
    // The array's node, or npos when absent or not an array (reported).
    JsonTree::Index array(const JsonObject &object, std::string_view key);
    std::vector<std::string> strings(const JsonObject &object, std::string_view key);

private:
    std::string m_source;
    Errors m_errors;
};

} // namespace compute
