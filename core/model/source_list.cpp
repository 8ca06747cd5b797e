// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/source_list.h"

#include "core/util/varint.h"

#include <cstring>
#include <string>

namespace compute {
namespace {

// The text at `at`, moving `at` past it.
std::string_view readText(const char *&at)
{
    const auto length = static_cast<std::size_t>(readVarint(at));
    const std::string_view text(at, length);
    at += length;
    return text;
}

// The sources of a block: what follows its size.
std::string_view contents(const char *block)
{
    if (!block) return {};
    const char *at = block;
    const auto size = static_cast<std::size_t>(readVarint(at));
    return {at, size};
}

} // namespace

SourceList::SourceList(const SourceList &other)
{
    const std::string_view sources = contents(other.m_block.get());
    if (sources.empty()) return;
    const std::size_t n = varintSize(sources.size()) + sources.size();
    m_block.reset(new char[n]);
    std::memcpy(m_block.get(), other.m_block.get(), n);
}

SourceList &SourceList::operator=(const SourceList &other)
{
    if (this != &other) *this = SourceList(other);
    return *this;
}

SourceView SourceList::read(const char *&at)
{
    SourceView source;
    source.title = readText(at);
    source.url = readText(at);
    return source;
}

SourceList::const_iterator SourceList::begin() const
{
    return const_iterator(contents(m_block.get()).data());
}

SourceList::const_iterator SourceList::end() const
{
    const std::string_view sources = contents(m_block.get());
    return const_iterator(sources.data() + sources.size());
}

std::size_t SourceList::size() const
{
    return static_cast<std::size_t>(std::distance(begin(), end()));
}

SourceView SourceList::operator[](std::size_t i) const
{
    return *std::next(begin(), static_cast<std::ptrdiff_t>(i));
}

void SourceList::emplace_back(std::string_view title, std::string_view url)
{
    std::string sources(contents(m_block.get()));
    for (std::string_view text : {title, url}) {
        appendVarint(sources, text.size());
        sources.append(text);
    }
    auto block =
        std::make_unique_for_overwrite<char[]>(varintSize(sources.size()) + sources.size());
    std::memcpy(writeVarint(block.get(), sources.size()), sources.data(), sources.size());
    m_block = std::move(block);
}

bool SourceList::operator==(const SourceList &other) const
{
    return contents(m_block.get()) == contents(other.m_block.get());
}

} // namespace compute
