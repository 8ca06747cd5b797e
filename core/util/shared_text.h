// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace compute {

// A text held once for the whole process, however many values hold it: a pointer's
// worth (8 bytes) instead of std::string's 32, and one copy of "Google DeepMind" for
// the thousands of runs that name it. Meant for the texts that repeat across runs
// (organizations, domains, estimate notes, devices); a text no value holds any more is
// freed. A regular value type: copies share the text, an assignment replaces it, and
// two values are equal when their texts are. Safe to copy, assign and destroy from any
// thread; a value itself is no more thread-safe than a std::string.
class SharedText {
public:
    SharedText() noexcept = default;
    SharedText(std::string_view text) : m_node(acquire(text)) {}
    SharedText(const std::string &text) : SharedText(std::string_view(text)) {}
    SharedText(const char *text) : SharedText(std::string_view(text)) {}
    SharedText(const SharedText &other) noexcept;
    SharedText(SharedText &&other) noexcept : m_node(other.m_node) { other.m_node = nullptr; }
    SharedText &operator=(const SharedText &other) noexcept;
    SharedText &operator=(SharedText &&other) noexcept;
    SharedText &operator=(std::string_view text) { return *this = SharedText(text); }
    SharedText &operator=(const std::string &text) { return *this = SharedText(text); }
    SharedText &operator=(const char *text) { return *this = SharedText(text); }
    ~SharedText() { release(m_node); }

    const std::string &str() const noexcept;
    operator const std::string &() const noexcept { return str(); }
    operator std::string_view() const noexcept { return str(); }
    std::string_view view() const noexcept { return str(); }
    bool empty() const noexcept { return m_node == nullptr; }
    std::size_t size() const noexcept { return str().size(); }
    const char *data() const noexcept { return str().data(); }
    const char *c_str() const noexcept { return str().c_str(); }
    std::size_t find(std::string_view what, std::size_t from = 0) const noexcept
    {
        return view().find(what, from);
    }
    bool starts_with(std::string_view prefix) const noexcept { return view().starts_with(prefix); }
    friend std::ostream &operator<<(std::ostream &out, const SharedText &text)
    {
        return out << text.str();
    }

    // Equal texts share one node, so equality is a pointer's.
    friend bool operator==(const SharedText &a, const SharedText &b) noexcept
    {
        return a.m_node == b.m_node;
    }
    friend bool operator==(const SharedText &a, std::string_view b) noexcept
    {
        return a.view() == b;
    }
    friend bool operator==(const SharedText &a, const std::string &b) noexcept
    {
        return a.view() == b;
    }
    friend bool operator==(const SharedText &a, const char *b) noexcept { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SharedText &a, const SharedText &b) noexcept
    {
        return a.view() <=> b.view();
    }
    friend std::strong_ordering operator<=>(const SharedText &a, std::string_view b) noexcept
    {
        return a.view() <=> b;
    }
    friend std::strong_ordering operator<=>(const SharedText &a, const std::string &b) noexcept
    {
        return a.view() <=> std::string_view(b);
    }

    // How many distinct texts the process holds (tests and memory figures).
    static std::size_t distinctCount();

    // The texts one thread made values of lately, so that another value of one of them
    // takes no lock, only a count: for a thread making values of the same few texts
    // again and again (an import's rows, several threads at once). Holds each text it
    // remembers (one for each slot its hash picks) until pushed out or destroyed.
    class Cache;

private:
    struct Node;
    static Node *acquire(std::string_view text);
    static void release(Node *node) noexcept;
    Node *m_node = nullptr; // nullptr: the empty text
};

class SharedText::Cache {
public:
    SharedText get(std::string_view text);

private:
    std::array<SharedText, 512> m_slots;
};

} // namespace compute
