// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/tag_list.h"

#include "core/util/varint.h"

#include <algorithm>
#include <ostream>

namespace compute {

std::string_view TagList::read(const char *&at)
{
    const auto length = static_cast<std::size_t>(readVarint(at));
    const std::string_view tag(at, length);
    at += length;
    return tag;
}

void TagList::append(std::string &list, std::string_view tag)
{
    appendVarint(list, tag.size());
    list.append(tag);
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
