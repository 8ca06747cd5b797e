// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/varint.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

// A set of strings in one flat table (open addressing, linear probing) over one block of
// text. For the ids of 100,000 runs it is several times faster than std::unordered_set,
// whose nodes are each a cache miss away, and a million ids take about 30 MB: 8 bytes a
// slot (at most half full) and each text once, after its length.
class FlatStringSet {
public:
    void reserve(std::size_t count)
    {
        std::size_t capacity = 16;
        while (capacity < count * 2)
            capacity *= 2; // at most half full
        if (capacity > m_slots.size()) rehash(capacity);
    }
    // Adds `text`; false when it was there already.
    bool insert(std::string_view text)
    {
        if ((m_size + 1) * 2 > m_slots.size()) rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        const std::uint32_t hash = hashOf(text);
        Slot &slot = m_slots[indexOf(hash, text)];
        if (slot.hash != 0) return false;
        if (m_text.size() + text.size() + 5 > UINT32_MAX)
            throw std::length_error("FlatStringSet: more than 4 GB of text");
        slot = {hash, static_cast<std::uint32_t>(m_text.size())};
        appendVarint(m_text, text.size());
        m_text.append(text);
        ++m_size;
        return true;
    }
    bool contains(std::string_view text) const
    {
        return !m_slots.empty() && m_slots[indexOf(hashOf(text), text)].hash != 0;
    }
    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint32_t hash = 0;   // 0: empty
        std::uint32_t offset = 0; // of the text's length in m_text
    };
    static std::uint32_t hashOf(std::string_view text)
    {
        const std::size_t h = std::hash<std::string_view>{}(text);
        return static_cast<std::uint32_t>(h ^ (h >> 32)) | 1; // never 0
    }
    std::string_view textAt(std::uint32_t offset) const
    {
        const char *at = m_text.data() + offset;
        const auto length = static_cast<std::size_t>(readVarint(at));
        return {at, length};
    }
    // The slot holding `text`, or the empty one where it would go.
    std::size_t indexOf(std::uint32_t hash, std::string_view text) const
    {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.hash == 0 || (slot.hash == hash && textAt(slot.offset) == text)) return i;
        }
    }
    void rehash(std::size_t capacity)
    {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.hash == 0) continue;
            std::size_t i = slot.hash & mask;
            while (m_slots[i].hash != 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots; // a power of two in size
    std::string m_text;        // every text once, after its length
    std::size_t m_size = 0;
};

} // namespace compute
