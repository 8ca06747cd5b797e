// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_fields.h"

#include "core/util/number_parse.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace compute {
namespace {

// The process's column names: written under a lock, read without one (a key is only
// handed out after its name is stored, and a stored name never moves).
class ColumnRegistry {
public:
    static ColumnRegistry &instance()
    {
        static ColumnRegistry registry;
        return registry;
    }

    std::optional<std::uint16_t> key(std::string_view name)
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_keys.find(name); it != m_keys.end()) return it->second;
        const std::size_t next = m_count.load(std::memory_order_relaxed);
        if (next >= kCapacity) return std::nullopt;
        auto stored = std::make_unique<std::string>(name);
        const std::string_view view = *stored;
        m_names[next].store(stored.release(), std::memory_order_release);
        m_keys.emplace(view, static_cast<std::uint16_t>(next));
        m_count.store(next + 1, std::memory_order_release);
        return static_cast<std::uint16_t>(next);
    }

    std::string_view name(std::uint16_t key) const
    {
        if (key >= m_count.load(std::memory_order_acquire)) return {};
        const std::string *name = m_names[key].load(std::memory_order_acquire);
        return name ? std::string_view(*name) : std::string_view();
    }

    ~ColumnRegistry()
    {
        for (std::size_t i = 0; i < m_count.load(); ++i)
            delete m_names[i].load();
    }

private:
    static constexpr std::size_t kCapacity = 65535;
    std::mutex m_mutex;
    std::unordered_map<std::string_view, std::uint16_t> m_keys;
    std::unique_ptr<std::atomic<const std::string *>[]> m_names {
        new std::atomic<const std::string *>[ kCapacity ]()
    };
    std::atomic<std::size_t> m_count{0};
};

template <typename T> void append(std::string &out, T value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template <typename T> T read(const char *at)
{
    T value;
    std::memcpy(&value, at, sizeof(T));
    return value;
}

} // namespace

std::optional<std::uint16_t> columnKey(std::string_view name)
{
    return ColumnRegistry::instance().key(name);
}

std::string_view columnName(std::uint16_t key)
{
    return ColumnRegistry::instance().name(key);
}

namespace {

constexpr std::uint16_t kCostYearKey = kRunNumberCount; // a number entry of its own

std::uint64_t hashOf(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ULL; // FNV-1a: the same in every run of the app
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// The text is a number spelt as formatNumber spells it, and `canonical` the same number.
bool isShortestSpelling(std::string_view text, std::string_view canonical)
{
    if (text.empty()) return false;
    const auto value = parseNumber(text);
    const auto same = parseNumber(canonical);
    return value && same && *value == *same && formatNumber(*value) == text;
}

} // namespace

RunFields::Entry RunFields::decode(const char *&at)
{
    Entry e{};
    e.kind = static_cast<Kind>(static_cast<std::uint8_t>(*at));
    e.key = read<std::uint16_t>(at + 1);
    at += 3;
    std::uint32_t length = static_cast<std::uint8_t>(*at++);
    if (length == 255) {
        length = read<std::uint32_t>(at);
        at += 4;
    }
    if (e.kind == kSource) {
        e.hash = read<std::uint64_t>(at);
        at += 8;
    }
    e.value = std::string_view(at, length);
    at += length;
    return e;
}

void RunFields::encode(std::string &block, const Entry &e)
{
    block.push_back(static_cast<char>(e.kind));
    append<std::uint16_t>(block, e.key);
    if (e.value.size() < 255) {
        block.push_back(static_cast<char>(e.value.size()));
    } else {
        block.push_back(static_cast<char>(255));
        append<std::uint32_t>(block, static_cast<std::uint32_t>(e.value.size()));
    }
    if (e.kind == kSource) append<std::uint64_t>(block, e.hash);
    block.append(e.value);
}

std::vector<RunFields::Entry> RunFields::entries() const
{
    std::vector<Entry> out;
    const char *at = m_block.data();
    const char *end = at + m_block.size();
    while (at < end)
        out.push_back(decode(at));
    return out;
}

std::optional<RunFields::Entry> RunFields::find(Kind kind, std::uint16_t key) const
{
    // Lookups are frequent (every canonical cell of an import): no vector of entries.
    const char *at = m_block.data();
    const char *end = at + m_block.size();
    while (at < end) {
        const Entry e = decode(at);
        if (e.kind == kind && e.key == key) return e;
        if (e.kind > kind || (e.kind == kind && e.key > key)) break; // sorted: not there
    }
    return std::nullopt;
}

void RunFields::put(Kind kind, std::uint16_t key, std::uint64_t hash, std::string_view value)
{
    // `value` may point into the block itself: copy it before the block is rewritten.
    const std::string copy(value);
    std::vector<Entry> all = entries();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Entry &e) { return e.kind == kind && e.key == key; });
    if (it != all.end())
        *it = {kind, key, hash, copy};
    else
        all.push_back({kind, key, hash, copy});
    std::sort(all.begin(), all.end(), [](const Entry &a, const Entry &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
    });
    std::string block;
    for (const Entry &e : all)
        encode(block, e);
    m_block = std::move(block);
}

void RunFields::erase(Kind kind, std::uint16_t key)
{
    if (!find(kind, key)) return;
    RunFields rest;
    for (const Entry &e : entries())
        if (e.kind != kind || e.key != key) rest.put(e.kind, e.key, e.hash, e.value);
    m_block = std::move(rest.m_block);
}

std::optional<double> RunFields::number(RunNumber which) const
{
    const auto e = find(kNumber, static_cast<std::uint16_t>(which));
    if (!e) return std::nullopt;
    return read<double>(e->value.data());
}

void RunFields::setNumber(RunNumber which, std::optional<double> value)
{
    const auto key = static_cast<std::uint16_t>(which);
    if (!value || !std::isfinite(*value)) return erase(kNumber, key);
    std::string bytes;
    append<double>(bytes, *value);
    put(kNumber, key, 0, bytes);
}

int RunFields::costYear() const
{
    const auto e = find(kNumber, kCostYearKey);
    return e ? static_cast<int>(read<double>(e->value.data())) : 0;
}

void RunFields::setCostYear(int year)
{
    if (year <= 0 || year >= 10000) return erase(kNumber, kCostYearKey);
    std::string bytes;
    append<double>(bytes, static_cast<double>(year));
    put(kNumber, kCostYearKey, 0, bytes);
}

std::string_view RunFields::text(RunText which) const
{
    const auto e = find(kText, static_cast<std::uint16_t>(which));
    return e ? e->value : std::string_view();
}

void RunFields::setText(RunText which, std::string_view value)
{
    const auto key = static_cast<std::uint16_t>(which);
    if (value.empty()) return erase(kText, key);
    put(kText, key, 0, value);
}

std::string_view RunFields::extra(std::string_view column) const
{
    // A name never registered is a column no run has.
    const auto key = columnKey(column);
    if (!key) return {};
    const auto e = find(kExtra, *key);
    return e ? e->value : std::string_view();
}

void RunFields::setExtra(std::string_view column, std::string_view value)
{
    const auto key = columnKey(column);
    if (!key) return;
    if (value.empty()) return erase(kExtra, *key);
    put(kExtra, *key, 0, value);
}

std::vector<RunFields::Extra> RunFields::extras() const
{
    std::vector<Extra> out;
    for (const Entry &e : entries())
        if (e.kind == kExtra) out.push_back({columnName(e.key), e.value});
    return out;
}

void RunFields::setSourceCell(std::string_view column, std::string_view text,
                              std::string_view canonical)
{
    const auto key = columnKey(column);
    if (!key) return;
    erase(kSource, *key);
    erase(kShortest, *key);
    if (isShortestSpelling(text, canonical))
        put(kShortest, *key, 0, {});
    else
        put(kSource, *key, hashOf(canonical), text);
}

std::optional<std::string> RunFields::sourceCell(std::string_view column,
                                                 std::string_view canonicalNow) const
{
    const auto key = columnKey(column);
    if (!key) return std::nullopt;
    if (find(kShortest, *key)) {
        const auto value = parseNumber(canonicalNow);
        if (value) return formatNumber(*value);
        return std::nullopt;
    }
    const auto e = find(kSource, *key);
    if (!e || e->hash != hashOf(canonicalNow)) return std::nullopt;
    return std::string(e->value);
}

std::vector<std::string_view> RunFields::sourceCellColumns() const
{
    std::vector<std::string_view> out;
    for (const Entry &e : entries())
        if (e.kind == kSource || e.kind == kShortest) out.push_back(columnName(e.key));
    return out;
}

void RunFields::Builder::put(Kind kind, std::uint16_t key, std::uint64_t hash,
                             std::string_view value, bool erased)
{
    m_entries.push_back({{kind, key, hash, value}, 0, erased});
}

void RunFields::Builder::setNumber(RunNumber which, std::optional<double> value)
{
    const bool erased = !value || !std::isfinite(*value);
    put(kNumber, static_cast<std::uint16_t>(which), 0, {}, erased);
    if (!erased) m_entries.back().number = *value;
}

void RunFields::Builder::setCostYear(int year)
{
    const bool erased = year <= 0 || year >= 10000;
    put(kNumber, kCostYearKey, 0, {}, erased);
    m_entries.back().number = static_cast<double>(year);
}

void RunFields::Builder::setText(RunText which, std::string_view value)
{
    put(kText, static_cast<std::uint16_t>(which), 0, value, value.empty());
}

void RunFields::Builder::setExtra(std::uint16_t column, std::string_view value)
{
    put(kExtra, column, 0, value, value.empty());
}

void RunFields::Builder::setSourceCell(std::uint16_t column, std::string_view text,
                                       std::string_view canonical)
{
    const bool shortest = isShortestSpelling(text, canonical);
    put(kShortest, column, 0, {}, !shortest);
    put(kSource, column, shortest ? 0 : hashOf(canonical), text, shortest);
}

void RunFields::Builder::build(RunFields &fields)
{
    // The last setting of a field wins, as with RunFields' setters.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Pending &a, const Pending &b) {
        return a.entry.kind != b.entry.kind ? a.entry.kind < b.entry.kind
                                            : a.entry.key < b.entry.key;
    });
    m_block.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        Pending &p = m_entries[i];
        const bool superseded = i + 1 < m_entries.size() &&
                                m_entries[i + 1].entry.kind == p.entry.kind &&
                                m_entries[i + 1].entry.key == p.entry.key;
        if (superseded || p.erased) continue;
        if (p.entry.kind == kNumber)
            p.entry.value =
                std::string_view(reinterpret_cast<const char *>(&p.number), sizeof p.number);
        encode(m_block, p.entry);
    }
    if (fields.m_block.capacity() >= m_block.size())
        fields.m_block.assign(m_block); // a scratch RunFields reused: no allocation
    else
        fields.m_block = std::string(m_block); // exactly its size: no spare capacity per run
}

} // namespace compute
