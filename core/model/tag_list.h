// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/packed_iterator.h"
#include "core/util/shared_text.h"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A run's tags ("frontier", "domain:Vision", ...): read like a vector of strings, held as
// one SharedText of the whole list, so the thousands of runs with the same tags share one
// copy and a run spends 8 bytes on them. Tags read as views, valid until the list changes.
class TagList {
public:
    TagList() noexcept = default;
    TagList(std::initializer_list<std::string_view> tags) { assign(tags.begin(), tags.end()); }
    TagList(const std::vector<std::string> &tags) { assign(tags.begin(), tags.end()); }

    // Decodes the std::string_view at `at` and moves `at` past it.
    static std::string_view read(const char *&at);
    using const_iterator = PackedIterator<std::string_view, &TagList::read>;

    const_iterator begin() const;
    const_iterator end() const;
    std::size_t size() const;
    bool empty() const noexcept { return m_list.empty(); }
    std::string_view operator[](std::size_t i) const;
    bool contains(std::string_view tag) const;
    void push_back(std::string_view tag);
    void emplace_back(std::string_view tag) { push_back(tag); }
    void clear() noexcept { m_list = SharedText(); }
    std::vector<std::string> toVector() const { return {begin(), end()}; }

    bool operator==(const TagList &other) const { return m_list == other.m_list; }
    bool operator==(const std::vector<std::string> &other) const;
    friend std::ostream &operator<<(std::ostream &out, const TagList &tags);

private:
    template <typename It> void assign(It first, It last)
    {
        std::string list;
        for (; first != last; ++first)
            append(list, *first);
        m_list = list;
    }
    static void append(std::string &list, std::string_view tag);
    // Each tag as its length (a varint) and its bytes.
    SharedText m_list;
};

} // namespace compute
