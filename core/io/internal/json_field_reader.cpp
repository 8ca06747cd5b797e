// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/json_field_reader.h"

#include "core/util/text_util.h"

#include <algorithm>
#include <cmath>

namespace compute {

namespace {

std::string expected(const char *what, const JsonTree &tree, JsonTree::Index node)
{
    return std::string("expected ") + what + ", got " + tree.typeName(node);
}

} // namespace

void JsonFieldReader::fail(const JsonPath &path, std::string message)
{
    m_errors.push_back({m_source + ": " + path.text(), std::move(message)});
}

void JsonFieldReader::fail(const JsonPath &path, std::string_view key, std::string message)
{
    fail(path.key(key), std::move(message));
}

void JsonFieldReader::checkKeys(const JsonObject &object,
                                std::initializer_list<std::string_view> known)
{
    const JsonTree &t = object.tree;
    std::vector<std::string_view> unknown; // allocates only when there is one
    for (JsonTree::Index i = t.begin(object.node); i != t.end(object.node); i = t.next(i)) {
        const std::string_view key = t.key(i);
        if (std::find(known.begin(), known.end(), key) == known.end()) unknown.push_back(key);
    }
    // In key order, each once, as a std::map of the members would list them.
    std::sort(unknown.begin(), unknown.end());
    unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
    for (std::string_view key : unknown)
        fail(object.path, key, "unknown field");
}

JsonTree::Index JsonFieldReader::field(const JsonObject &object, std::string_view key) const
{
    const JsonTree::Index i = object.tree.find(object.node, key);
    return i == JsonTree::npos || object.tree.type(i) == JsonTree::Type::Null ? JsonTree::npos : i;
}

bool JsonFieldReader::isObject(const JsonTree &tree, JsonTree::Index node, const JsonPath &path)
{
    if (tree.type(node) == JsonTree::Type::Object) return true;
    fail(path, expected("an object", tree, node));
    return false;
}

std::string_view JsonFieldReader::stringView(const JsonObject &object, std::string_view key,
                                             bool required)
{
    const JsonTree::Index value = field(object, key);
    if (value == JsonTree::npos) {
        if (required) fail(object.path, key, "missing (expected a string)");
        return {};
    }
    if (object.tree.type(value) != JsonTree::Type::String) {
        fail(object.path, key, expected("a string", object.tree, value));
        return {};
    }
    return object.tree.string(value);
}

std::optional<double> JsonFieldReader::number(const JsonObject &object, std::string_view key,
                                              bool required)
{
    const JsonTree::Index value = field(object, key);
    if (value == JsonTree::npos) {
        if (required) fail(object.path, key, "missing (expected a number)");
        return std::nullopt;
    }
    if (!object.tree.isNumber(value)) {
        fail(object.path, key, expected("a number", object.tree, value));
        return std::nullopt;
    }
    const double d = object.tree.number(value);
    if (!std::isfinite(d)) {
        fail(object.path, key, "expected a finite number");
        return std::nullopt;
    }
    return d;
}

bool JsonFieldReader::boolean(const JsonObject &object, std::string_view key)
{
    const JsonTree::Index value = field(object, key);
    if (value == JsonTree::npos) return false;
    if (object.tree.type(value) != JsonTree::Type::Boolean) {
        fail(object.path, key, expected("true or false", object.tree, value));
        return false;
    }
    return object.tree.boolean(value);
}

std::optional<Date> JsonFieldReader::date(const JsonObject &object, std::string_view key)
{
    const std::string_view text = stringView(object, key);
    if (text.empty()) return std::nullopt;
    auto parsed = Date::fromIso(text);
    if (!parsed)
        fail(object.path, key,
             "'" + messageExcerpt(text, 80) +
                 "' is not a date (expected yyyy-mm-dd, yyyy-mm or yyyy)");
    return parsed;
}

JsonTree::Index JsonFieldReader::array(const JsonObject &object, std::string_view key)
{
    const JsonTree::Index value = field(object, key);
    if (value == JsonTree::npos) return JsonTree::npos;
    if (object.tree.type(value) != JsonTree::Type::Array) {
        fail(object.path, key, expected("an array", object.tree, value));
        return JsonTree::npos;
    }
    return value;
}

std::vector<std::string> JsonFieldReader::strings(const JsonObject &object, std::string_view key)
{
    std::vector<std::string> out;
    const JsonTree::Index list = array(object, key);
    if (list == JsonTree::npos) return out;
    const JsonTree &t = object.tree;
    out.reserve(t.size(list));
    std::size_t index = 0;
    for (JsonTree::Index i = t.begin(list); i != t.end(list); i = t.next(i), ++index) {
        if (t.type(i) == JsonTree::Type::String) {
            out.emplace_back(t.string(i));
        } else {
            const JsonPath at = object.path.key(key);
            fail(at.at(index), "expected a string");
        }
    }
    return out;
}

} // namespace compute
