// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/packed_iterator.h"

#include <cstddef>
#include <initializer_list>
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

    // Decodes the SourceView at `at` and moves `at` past it.
    static SourceView read(const char *&at);
    using const_iterator = PackedIterator<SourceView, &SourceList::read>;

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
    // The size of what follows (a varint), then each source's title and URL, each its
    // length (a varint) and its bytes.
    std::unique_ptr<char[]> m_block;
};

} // namespace compute
