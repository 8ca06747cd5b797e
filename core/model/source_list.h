// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

struct Source {
    std::string title;
    std::string url;
    bool operator==(const Source &) const = default;
};

// A source as a SourceList holds it: views into the list, valid until it changes.
struct SourceView {
    std::string_view title;
    std::string_view url;
    operator Source() const { return {std::string(title), std::string(url)}; }
    bool operator==(const SourceView &) const = default;
};

// A run's sources (most have one or two) in one allocation of their exact size, 8 bytes
// in the run: a vector of Source is 24 bytes and three allocations for one source.
// Read like a vector; written by push_back or by assigning a whole list.
class SourceList {
public:
    SourceList() noexcept = default;
    SourceList(std::initializer_list<Source> sources) { assign(sources.begin(), sources.end()); }
    SourceList(const std::vector<Source> &sources) { assign(sources.begin(), sources.end()); }
    SourceList(const SourceList &other);
    SourceList(SourceList &&other) noexcept = default;
    SourceList &operator=(const SourceList &other);
    SourceList &operator=(SourceList &&other) noexcept = default;

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = SourceView;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = SourceView;
        const_iterator() = default;
        SourceView operator*() const;
        const_iterator &operator++();
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const const_iterator &) const = default;

    private:
        friend class SourceList;
        explicit const_iterator(const char *at) : m_at(at) {}
        const char *m_at = nullptr;
    };

    const_iterator begin() const;
    const_iterator end() const;
    std::size_t size() const;
    bool empty() const noexcept { return !m_block; }
    SourceView operator[](std::size_t i) const;
    SourceView front() const { return *begin(); }
    void push_back(const Source &source) { emplace_back(source.title, source.url); }
    void emplace_back(std::string_view title, std::string_view url);
    void clear() noexcept { m_block.reset(); }
    std::vector<Source> toVector() const { return {begin(), end()}; }

    bool operator==(const SourceList &other) const;

private:
    template <typename It> void assign(It first, It last)
    {
        for (; first != last; ++first)
            emplace_back(first->title, first->url);
    }
    std::size_t bytes() const; // of the block, its size prefix included
    // A 32-bit size, then each source's title and URL, each a 32-bit length and bytes.
    std::unique_ptr<char[]> m_block;
};

} // namespace compute
