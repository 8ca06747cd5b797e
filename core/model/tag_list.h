// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/shared_text.h"

#include <cstddef>
#include <initializer_list>
#include <iterator>
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

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;
        const_iterator() = default;
        std::string_view operator*() const;
        const_iterator &operator++();
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const const_iterator &) const = default;

    private:
        friend class TagList;
        explicit const_iterator(const char *at) : m_at(at) {}
        const char *m_at = nullptr;
    };

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
    // Each tag as its length (7 bits a byte, the high bit set on all but the last) and
    // its bytes.
    SharedText m_list;
};

} // namespace compute
