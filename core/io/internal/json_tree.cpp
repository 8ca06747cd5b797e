// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/json_tree.h"

#include "core/util/text_util.h"

#include <nlohmann/json.hpp>

namespace compute {

namespace {

// a == b, fast for the short strings that keys are (a loop beats a call to memcmp).
bool sameKey(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

} // namespace

void JsonTree::clear()
{
    m_nodes.clear();
    m_open.clear();
    m_text.clear();
    m_key = {};
}

void JsonTree::addKey(std::string_view key)
{
    m_key = store(key);
}

void JsonTree::addString(std::string_view value)
{
    const Span span = store(value);
    add(Type::String).value = span;
}

JsonTree::Node &JsonTree::add(Type type)
{
    Node &node = m_nodes.emplace_back();
    node.type = type;
    node.end = m_nodes.size();
    if (!m_open.empty()) {
        Node &parent = m_nodes[m_open.back()];
        ++parent.size;
        if (parent.type == Type::Object) node.key = m_key;
    }
    return node;
}

void JsonTree::open(Type type)
{
    add(type);
    m_open.push_back(m_nodes.size() - 1);
}

void JsonTree::close()
{
    m_nodes[m_open.back()].end = m_nodes.size();
    m_open.pop_back();
}

JsonTree::Span JsonTree::store(std::string_view bytes)
{
    const Span span{m_text.size(), bytes.size()};
    m_text.append(bytes);
    return span;
}

const char *JsonTree::typeName(Index node) const
{
    switch (type(node)) {
    case Type::Null:
        return "null";
    case Type::Boolean:
        return "boolean";
    case Type::Unsigned:
    case Type::Integer:
    case Type::Float:
        return "number";
    case Type::String:
        return "string";
    case Type::Array:
        return "array";
    case Type::Object:
        return "object";
    }
    return "null";
}

bool JsonTree::isNumber(Index node) const
{
    const Type t = type(node);
    return t == Type::Unsigned || t == Type::Integer || t == Type::Float;
}

double JsonTree::number(Index node) const
{
    const Node &n = m_nodes[node];
    switch (n.type) {
    case Type::Unsigned:
        return static_cast<double>(n.whole);
    case Type::Integer:
        return static_cast<double>(n.signedWhole);
    case Type::Float:
        return n.real;
    default:
        return 0;
    }
}

JsonTree::Index JsonTree::find(Index object, std::string_view key) const
{
    Index found = npos;
    for (Index i = begin(object); i != end(object); i = next(i))
        if (sameKey(text(m_nodes[i].key), key)) found = i;
    return found;
}

void appendJson(JsonTree &tree, const nlohmann::json &value)
{
    // An explicit stack rather than recursion: a file may nest arrays 100,000 deep.
    struct Level {
        const nlohmann::json *container;
        nlohmann::json::const_iterator next;
    };
    std::vector<Level> stack;
    const nlohmann::json *item = &value;
    for (;;) {
        if (item) {
            switch (item->type()) {
            case nlohmann::json::value_t::object:
                tree.openObject();
                stack.push_back({item, item->cbegin()});
                break;
            case nlohmann::json::value_t::array:
                tree.openArray();
                stack.push_back({item, item->cbegin()});
                break;
            case nlohmann::json::value_t::boolean:
                tree.addBoolean(item->get<bool>());
                break;
            case nlohmann::json::value_t::number_unsigned:
                tree.addUnsigned(item->get<std::uint64_t>());
                break;
            case nlohmann::json::value_t::number_integer:
                tree.addInteger(item->get<std::int64_t>());
                break;
            case nlohmann::json::value_t::number_float:
                tree.addFloat(item->get<double>());
                break;
            case nlohmann::json::value_t::string:
                tree.addString(item->get_ref<const std::string &>());
                break;
            default:
                tree.addNull();
                break; // null, and binary or discarded, which JSON text never gives
            }
            item = nullptr;
        }
        if (stack.empty()) return;
        Level &level = stack.back();
        if (level.next == level.container->cend()) {
            tree.close();
            stack.pop_back();
            continue;
        }
        if (level.container->is_object()) tree.addKey(level.next.key());
        item = &*level.next;
        ++level.next;
    }
}

std::string JsonPath::text() const
{
    std::vector<const JsonPath *> chain;
    for (const JsonPath *p = this; p->m_parent; p = p->m_parent)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonPath &segment = **it;
        if (segment.m_indexPlusOne) {
            out += '[';
            out += std::to_string(segment.m_indexPlusOne - 1);
            out += ']';
        } else {
            if (!out.empty()) out += '.';
            out += messageExcerpt(segment.m_key, kMaxKeyInPath);
        }
    }
    return out;
}

} // namespace compute
