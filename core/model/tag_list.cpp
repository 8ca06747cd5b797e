// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/tag_list.h"

#include <algorithm>
#include <ostream>

namespace compute {
namespace {

// The tag at `at`, moving `at` past it.
std::string_view readTag(const char *&at)
{
    std::size_t length = 0;
    for (unsigned shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(*at++);
        length |= static_cast<std::size_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    const std::string_view tag(at, length);
    at += length;
    return tag;
}

} // namespace

void TagList::append(std::string &list, std::string_view tag)
{
    std::size_t length = tag.size();
    while (length >= 0x80) {
        list.push_back(static_cast<char>(0x80 | (length & 0x7F)));
        length >>= 7;
    }
    list.push_back(static_cast<char>(length));
    list.append(tag);
}

std::string_view TagList::const_iterator::operator*() const
{
    const char *at = m_at;
    return readTag(at);
}

TagList::const_iterator &TagList::const_iterator::operator++()
{
    readTag(m_at);
    return *this;
}

TagList::const_iterator TagList::begin() const
{
    return const_iterator(empty() ? nullptr : m_list.data());
}

TagList::const_iterator TagList::end() const
{
    return const_iterator(empty() ? nullptr : m_list.data() + m_list.size());
}

std::size_t TagList::size() const
{
    return static_cast<std::size_t>(std::distance(begin(), end()));
}

std::string_view TagList::operator[](std::size_t i) const
{
    return *std::next(begin(), static_cast<std::ptrdiff_t>(i));
}

bool TagList::contains(std::string_view tag) const
{
    return std::find(begin(), end(), tag) != end();
}

void TagList::push_back(std::string_view tag)
{
    std::string list = m_list.str();
    append(list, tag);
    m_list = list;
}

bool TagList::operator==(const std::vector<std::string> &other) const
{
    return std::equal(begin(), end(), other.begin(), other.end());
}

std::ostream &operator<<(std::ostream &out, const TagList &tags)
{
    out << '{';
    bool first = true;
    for (std::string_view tag : tags) {
        out << (first ? "\"" : ", \"") << tag << '"';
        first = false;
    }
    return out << '}';
}

} // namespace compute
