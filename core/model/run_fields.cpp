// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_fields.h"

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

std::array<double, kRunNumberCount> RunFields::nanArray()
{
    std::array<double, kRunNumberCount> numbers;
    numbers.fill(std::numeric_limits<double>::quiet_NaN());
    return numbers;
}

std::optional<double> RunFields::number(RunNumber which) const
{
    const double value = m_numbers[static_cast<std::size_t>(which)];
    if (std::isnan(value)) return std::nullopt;
    return value;
}

void RunFields::setNumber(RunNumber which, std::optional<double> value)
{
    m_numbers[static_cast<std::size_t>(which)] =
        value && std::isfinite(*value) ? *value : std::numeric_limits<double>::quiet_NaN();
}

void RunFields::setCostYear(int year)
{
    m_costYear = year > 0 && year < 10000 ? static_cast<std::uint16_t>(year) : 0;
}

std::vector<RunFields::Entry> RunFields::entries() const
{
    std::vector<Entry> out;
    const char *at = m_block.data();
    const char *end = at + m_block.size();
    while (at < end) {
        Entry e{};
        e.kind = static_cast<Kind>(static_cast<std::uint8_t>(*at));
        at += 1;
        e.key = read<std::uint16_t>(at);
        at += 2;
        if (e.kind == kSource) {
            e.hash = read<std::uint64_t>(at);
            at += 8;
        }
        const auto length = read<std::uint32_t>(at);
        at += 4;
        e.value = std::string_view(at, length);
        at += length;
        out.push_back(e);
    }
    return out;
}

std::optional<RunFields::Entry> RunFields::find(Kind kind, std::uint16_t key) const
{
    const char *at = m_block.data();
    const char *end = at + m_block.size();
    while (at < end) {
        const auto k = static_cast<Kind>(static_cast<std::uint8_t>(*at));
        const auto entryKey = read<std::uint16_t>(at + 1);
        at += 3;
        std::uint64_t hash = 0;
        if (k == kSource) {
            hash = read<std::uint64_t>(at);
            at += 8;
        }
        const auto length = read<std::uint32_t>(at);
        at += 4;
        if (k == kind && entryKey == key) return Entry{k, entryKey, hash, {at, length}};
        at += length;
    }
    return std::nullopt;
}

void RunFields::put(Kind kind, std::uint16_t key, std::uint64_t hash, std::string_view value)
{
    std::vector<Entry> all = entries();
    // `value` may point into the block itself: copy it before the block is rewritten.
    const std::string copy(value);
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Entry &e) { return e.kind == kind && e.key == key; });
    const bool remove = copy.empty() && kind != kSource;
    if (it != all.end()) {
        if (remove)
            all.erase(it);
        else
            *it = {kind, key, hash, copy};
    } else if (!remove) {
        all.push_back({kind, key, hash, copy});
    }
    std::sort(all.begin(), all.end(), [](const Entry &a, const Entry &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
    });
    std::string block;
    std::size_t size = 0;
    for (const Entry &e : all)
        size += 7 + (e.kind == kSource ? 8 : 0) + e.value.size();
    block.reserve(size);
    for (const Entry &e : all) {
        block.push_back(static_cast<char>(e.kind));
        append<std::uint16_t>(block, e.key);
        if (e.kind == kSource) append<std::uint64_t>(block, e.hash);
        append<std::uint32_t>(block, static_cast<std::uint32_t>(e.value.size()));
        block.append(e.value);
    }
    m_block = std::move(block);
}

std::string_view RunFields::text(RunText which) const
{
    const auto e = find(kText, static_cast<std::uint16_t>(which));
    return e ? e->value : std::string_view();
}

void RunFields::setText(RunText which, std::string_view value)
{
    put(kText, static_cast<std::uint16_t>(which), 0, value);
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
    if (const auto key = columnKey(column)) put(kExtra, *key, 0, value);
}

std::vector<RunFields::Extra> RunFields::extras() const
{
    std::vector<Extra> out;
    for (const Entry &e : entries())
        if (e.kind == kExtra) out.push_back({columnName(e.key), e.value});
    return out;
}

std::uint64_t RunFields::hashOf(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

void RunFields::setSourceCell(std::string_view column, std::string_view text,
                              std::string_view canonical)
{
    if (const auto key = columnKey(column)) put(kSource, *key, hashOf(canonical), text);
}

std::optional<std::string_view> RunFields::sourceCell(std::string_view column,
                                                      std::string_view canonicalNow) const
{
    const auto key = columnKey(column);
    if (!key) return std::nullopt;
    const auto e = find(kSource, *key);
    if (!e || e->hash != hashOf(canonicalNow)) return std::nullopt;
    return e->value;
}

std::vector<RunFields::SourceCell> RunFields::sourceCells() const
{
    std::vector<SourceCell> out;
    for (const Entry &e : entries())
        if (e.kind == kSource) out.push_back({columnName(e.key), e.value, e.hash});
    return out;
}

bool RunFields::empty() const
{
    return m_block.empty() && m_costYear == 0 &&
           std::all_of(m_numbers.begin(), m_numbers.end(), [](double v) { return std::isnan(v); });
}

bool RunFields::operator==(const RunFields &other) const
{
    for (std::size_t i = 0; i < kRunNumberCount; ++i) {
        const double a = m_numbers[i], b = other.m_numbers[i];
        if (!(a == b || (std::isnan(a) && std::isnan(b)))) return false;
    }
    return m_costYear == other.m_costYear && m_block == other.m_block;
}

} // namespace compute
