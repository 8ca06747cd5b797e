// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <iterator>

namespace compute {

// A forward iterator over values packed one after another in a block of bytes (a run's
// sources, its tags): `Read` decodes the value at a position and moves the position past
// it. Values are returned by value, as views into the block.
template <typename Value, Value (*Read)(const char *&)> class PackedIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Value;

    PackedIterator() = default;
    explicit PackedIterator(const char *at) : m_at(at) {}

    Value operator*() const
    {
        const char *at = m_at;
        return Read(at);
    }
    PackedIterator &operator++()
    {
        Read(m_at);
        return *this;
    }
    PackedIterator operator++(int)
    {
        PackedIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const PackedIterator &) const = default;

private:
    const char *m_at = nullptr;
};

} // namespace compute
