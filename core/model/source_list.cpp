// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/source_list.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace compute {
namespace {

std::uint32_t readU32(const char *at)
{
    std::uint32_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

void writeU32(char *at, std::size_t value)
{
    const auto v = static_cast<std::uint32_t>(value);
    std::memcpy(at, &v, sizeof v);
}

// The text at `at`, moving `at` past it.
std::string_view readText(const char *&at)
{
    const std::uint32_t length = readU32(at);
    const std::string_view text(at + 4, length);
    at += 4 + length;
    return text;
}

} // namespace

SourceList::SourceList(const SourceList &other)
{
    if (!other.m_block) return;
    const std::size_t n = other.bytes();
    m_block.reset(new char[n]);
    std::memcpy(m_block.get(), other.m_block.get(), n);
}

SourceList &SourceList::operator=(const SourceList &other)
{
    if (this != &other) *this = SourceList(other);
    return *this;
}

std::size_t SourceList::bytes() const
{
    return m_block ? readU32(m_block.get()) : 0;
}

SourceView SourceList::const_iterator::operator*() const
{
    const char *at = m_at;
    SourceView source;
    source.title = readText(at);
    source.url = readText(at);
    return source;
}

SourceList::const_iterator &SourceList::const_iterator::operator++()
{
    m_at += 4 + readU32(m_at);
    m_at += 4 + readU32(m_at);
    return *this;
}

SourceList::const_iterator SourceList::begin() const
{
    return const_iterator(m_block ? m_block.get() + 4 : nullptr);
}

SourceList::const_iterator SourceList::end() const
{
    return const_iterator(m_block ? m_block.get() + bytes() : nullptr);
}

std::size_t SourceList::size() const
{
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it)
        ++n;
    return n;
}

SourceView SourceList::operator[](std::size_t i) const
{
    auto it = begin();
    while (i--)
        ++it;
    return *it;
}

void SourceList::emplace_back(std::string_view title, std::string_view url)
{
    const std::size_t old = m_block ? bytes() : 4;
    const std::size_t added = 8 + title.size() + url.size();
    if (old + added > UINT32_MAX) throw std::length_error("SourceList: more than 4 GB of sources");
    std::unique_ptr<char[]> block(new char[old + added]);
    if (m_block) std::memcpy(block.get(), m_block.get(), old);
    char *at = block.get() + old;
    for (std::string_view text : {title, url}) {
        writeU32(at, text.size());
        if (!text.empty()) std::memcpy(at + 4, text.data(), text.size());
        at += 4 + text.size();
    }
    writeU32(block.get(), old + added);
    m_block = std::move(block);
}

bool SourceList::operator==(const SourceList &other) const
{
    const std::size_t n = bytes();
    return n == other.bytes() &&
           (n == 0 || std::memcmp(m_block.get(), other.m_block.get(), n) == 0);
}

} // namespace compute
