// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_fields.h"

#include "core/util/number_parse.h"
#include "core/util/varint.h"

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

// The order of a block's entries.
constexpr auto byKindAndKey = [](const auto &a, const auto &b) {
    return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
};

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

// Texts stored once for the whole process (SharedTexts::share), by a 32-bit id: written
// under a lock, read without one. An id is handed out only after its text is stored, and
// a stored text never moves; a run holding an id reached its reader through whatever
// handed the run over, which orders the text's writing before its reading.
class SharedTexts {
public:
    static SharedTexts &instance()
    {
        static SharedTexts texts;
        return texts;
    }

    // The text's id, storing it if new; nullopt once full (16,777,216 texts).
    std::optional<std::uint32_t> id(std::string_view text)
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_ids.find(text); it != m_ids.end()) return it->second;
        if (m_count == kChunkCount * kChunkSize) return std::nullopt;
        const std::uint32_t next = m_count;
        auto &chunk = m_chunks[next / kChunkSize];
        if (!chunk.load(std::memory_order_relaxed))
            chunk.store(new std::string_view[kChunkSize], std::memory_order_release);
        const std::string_view stored = store(text);
        chunk.load(std::memory_order_relaxed)[next % kChunkSize] = stored;
        m_ids.emplace(stored, next);
        ++m_count;
        return next;
    }

    std::string_view text(std::uint32_t id) const
    {
        const std::string_view *chunk = m_chunks[id / kChunkSize].load(std::memory_order_acquire);
        return chunk ? chunk[id % kChunkSize] : std::string_view();
    }

    ~SharedTexts()
    {
        for (std::uint32_t i = 0; i < kChunkCount; ++i)
            delete[] m_chunks[i].load();
    }

private:
    static constexpr std::uint32_t kChunkSize = 1 << 12, kChunkCount = 1 << 12;
    static constexpr std::size_t kArenaBlock = 1 << 16;

    // The text copied into the arena, whose blocks never move.
    std::string_view store(std::string_view text)
    {
        if (text.size() > kArenaBlock / 4) {
            m_blocks.push_back(std::make_unique<char[]>(text.size()));
            std::memcpy(m_blocks.back().get(), text.data(), text.size());
            return {m_blocks.back().get(), text.size()};
        }
        if (m_blocks.empty() || m_free < text.size()) {
            m_current = m_blocks.emplace_back(std::make_unique<char[]>(kArenaBlock)).get();
            m_free = kArenaBlock;
        }
        char *at = m_current + (kArenaBlock - m_free);
        std::memcpy(at, text.data(), text.size());
        m_free -= text.size();
        return {at, text.size()};
    }

    std::mutex m_mutex;
    std::unordered_map<std::string_view, std::uint32_t> m_ids;
    std::unique_ptr<std::atomic<std::string_view *>[]> m_chunks {
        new std::atomic<std::string_view *>[ kChunkCount ]()
    };
    std::uint32_t m_count = 0;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_current = nullptr;
    std::size_t m_free = 0;
};

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

// A number's bytes in the block: a whole number from 0 to 2^53 in as few bytes as it
// needs (0 for 0, at most 7), little-endian; any other number the double's 8 bytes.
// Counts, years, epochs and most of Epoch's figures are whole: 1 to 5 bytes, not 8.
std::size_t numberBytes(double value, char (&out)[8])
{
    constexpr double kExactWhole = 9007199254740992.0; // 2^53
    if (value >= 0 && !std::signbit(value) && value <= kExactWhole && std::floor(value) == value) {
        auto whole = static_cast<std::uint64_t>(value);
        std::size_t length = 0;
        for (; whole != 0; whole >>= 8)
            out[length++] = static_cast<char>(whole & 0xFF);
        return length;
    }
    std::memcpy(out, &value, sizeof value);
    return sizeof value;
}

double numberFromBytes(std::string_view bytes)
{
    if (bytes.size() == sizeof(double)) return read<double>(bytes.data());
    std::uint64_t whole = 0;
    for (std::size_t i = bytes.size(); i-- > 0;)
        whole = (whole << 8) | static_cast<unsigned char>(bytes[i]);
    return static_cast<double>(whole);
}

} // namespace

// Reads a block entry by entry: next() reads an entry's kind and key, then entry()
// decodes its value or skip() steps over it by its length, one of them before the next().
class RunFields::Cursor {
public:
    explicit Cursor(std::string_view block) : m_at(block.data()), m_end(block.data() + block.size())
    {
    }

    bool next()
    {
        if (m_at == m_end) return false;
        const auto header = static_cast<std::uint8_t>(*m_at++);
        const auto kind = static_cast<Kind>(header >> kStepBits);
        m_ordinal = m_base.of(kind) + step(header, m_at);
        m_base.next = m_ordinal + 1;
        return true;
    }
    std::uint32_t position() const { return m_ordinal; } // ordinal()
    Kind kind() const { return static_cast<Kind>(m_ordinal >> 16); }
    std::uint16_t key() const { return static_cast<std::uint16_t>(m_ordinal); }
    Entry entry()
    {
        Entry e{kind(), key(), 0, {}};
        readValue(e, m_at);
        return e;
    }
    void skip()
    {
        if (kind() != kShortest) skipValue(m_at);
    }

    // The step of the key in an entry's first byte, `at` just past it (and past the rest
    // of the step, if any).
    static std::uint32_t step(std::uint8_t header, const char *&at)
    {
        const std::uint32_t step = header & kStepEscape;
        return step == kStepEscape ? step + static_cast<std::uint32_t>(readVarint(at)) : step;
    }
    // The value of `e`, whose kind is set, from `at` on; `at` ends past it.
    static void readValue(Entry &e, const char *&at)
    {
        if (e.kind == kShortest) return;
        const std::uint64_t lengthOrId = readVarint(at);
        if (lengthOrId & 1) {
            e.shared = static_cast<std::uint32_t>(lengthOrId >> 1);
            e.value = SharedTexts::instance().text(e.shared);
            return;
        }
        e.value = std::string_view(at, static_cast<std::size_t>(lengthOrId >> 1));
        at += e.value.size();
        if (e.kind == kSource) {
            e.hash = read<std::uint64_t>(e.value.data());
            e.value.remove_prefix(sizeof e.hash);
        }
    }
    // Steps `at` over the value of an entry of any kind but kShortest.
    static void skipValue(const char *&at)
    {
        const std::uint64_t lengthOrId = readVarint(at);
        at += lengthOrId & 1 ? 0 : lengthOrId >> 1;
    }

    static constexpr unsigned kStepBits = 5;
    static constexpr std::uint32_t kStepEscape = (1u << kStepBits) - 1;
    static_assert(kShortest < (1u << (8 - kStepBits)), "every kind fits above the step");

private:
    const char *m_at;
    const char *m_end;
    std::uint32_t m_ordinal = 0;
    KeyBase m_base;
};

char *RunFields::encode(char *out, const Entry &e, KeyBase &base)
{
    const std::uint32_t step = ordinal(e.kind, e.key) - base.of(e.kind);
    base.next = ordinal(e.kind, e.key) + 1;
    *out++ = static_cast<char>(e.kind << Cursor::kStepBits | std::min(step, Cursor::kStepEscape));
    if (step >= Cursor::kStepEscape) out = writeVarint(out, step - Cursor::kStepEscape);
    if (e.kind == kShortest) return out; // a style alone, no value
    if (e.shared != kOwnText) return writeVarint(out, std::uint64_t{e.shared} << 1 | 1);
    const std::size_t hashBytes = e.kind == kSource ? sizeof e.hash : 0;
    out = writeVarint(out, std::uint64_t{hashBytes + e.value.size()} << 1);
    std::memcpy(out, &e.hash, hashBytes);
    out += hashBytes;
    if (!e.value.empty()) std::memcpy(out, e.value.data(), e.value.size());
    return out + e.value.size();
}

void RunFields::assignEntries(const std::vector<Entry> &all)
{
    std::size_t room = 0;
    for (const Entry &e : all)
        room += kMaxEntryHead + e.value.size();
    std::string block(room, '\0');
    char *end = block.data();
    KeyBase base;
    for (const Entry &e : all)
        end = encode(end, e, base);
    assign({block.data(), static_cast<std::size_t>(end - block.data())});
}

RunFields::RunFields(const RunFields &other)
{
    assign(other.block());
}

RunFields &RunFields::operator=(const RunFields &other)
{
    if (this != &other) assign(other.block());
    return *this;
}

std::string_view RunFields::block() const
{
    if (!m_data) return {};
    const char *at = m_data.get();
    const std::uint64_t size = readVarint(at);
    return {at, static_cast<std::size_t>(size)};
}

std::size_t RunFields::storedBytes() const
{
    const std::string_view bytes = block();
    return m_data ? static_cast<std::size_t>(bytes.data() + bytes.size() - m_data.get()) : 0;
}

void RunFields::assign(std::string_view head, std::string_view tail)
{
    const std::size_t size = head.size() + tail.size();
    if (size == 0) {
        m_data.reset();
        return;
    }
    auto data = std::make_unique_for_overwrite<char[]>(varintSize(size) + size);
    char *at = writeVarint(data.get(), size);
    if (!head.empty()) std::memcpy(at, head.data(), head.size());
    if (!tail.empty()) std::memcpy(at + head.size(), tail.data(), tail.size());
    m_data = std::move(data);
}

std::vector<RunFields::Entry> RunFields::entries() const
{
    std::vector<Entry> out;
    for (Cursor c(block()); c.next();)
        out.push_back(c.entry());
    return out;
}

std::optional<RunFields::Entry> RunFields::find(Kind kind, std::uint16_t key) const
{
    // Lookups are frequent (every canonical cell of an import): no Cursor, which keeps
    // every entry's key. Entries of the kinds before `kind` are stepped over without their
    // keys, which only count within a kind, and only the entry looked for is decoded.
    const std::string_view bytes = block();
    const char *at = bytes.data();
    const char *end = at + bytes.size();
    std::uint32_t base = 0; // the key after the previous entry's of `kind`
    while (at != end) {
        const auto header = static_cast<std::uint8_t>(*at++);
        const auto entryKind = static_cast<Kind>(header >> Cursor::kStepBits);
        if (entryKind > kind) break; // sorted
        const std::uint32_t step = Cursor::step(header, at);
        if (entryKind < kind) { // of a kind before kShortest: with a value
            Cursor::skipValue(at);
            continue;
        }
        if (base + step == key) {
            Entry e{kind, key, 0, {}};
            Cursor::readValue(e, at);
            return e;
        }
        if (base + step > key) break;
        base += step + 1;
        if (kind != kShortest) Cursor::skipValue(at);
    }
    return std::nullopt;
}

void RunFields::put(Kind kind, std::uint16_t key, std::uint64_t hash, std::string_view value)
{
    // `value` may point into the block itself, as the entries do: the block is only freed
    // once the new one is written (assign()).
    std::vector<Entry> all = entries(); // shared texts stay shared
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Entry &e) { return e.kind == kind && e.key == key; });
    if (it != all.end())
        *it = {kind, key, hash, value};
    else
        all.push_back({kind, key, hash, value});
    std::sort(all.begin(), all.end(), byKindAndKey);
    assignEntries(all);
}

void RunFields::erase(Kind kind, std::uint16_t key)
{
    if (!find(kind, key)) return;
    std::vector<Entry> rest = entries();
    std::erase_if(rest, [&](const Entry &e) { return e.kind == kind && e.key == key; });
    assignEntries(rest);
}

bool RunFields::operator==(const RunFields &other) const
{
    const std::string_view mine = block(), theirs = other.block();
    if (mine == theirs) return true;
    Cursor a(mine), b(theirs);
    for (;;) {
        const bool more = a.next();
        if (more != b.next()) return false;
        if (!more) return true;
        const Entry x = a.entry(), y = b.entry();
        if (x.kind != y.kind || x.key != y.key || x.hash != y.hash || x.value != y.value)
            return false;
    }
}

std::optional<double> RunFields::number(RunNumber which) const
{
    const auto e = find(kNumber, static_cast<std::uint16_t>(which));
    if (!e) return std::nullopt;
    return numberFromBytes(e->value);
}

void RunFields::setNumber(RunNumber which, std::optional<double> value)
{
    const auto key = static_cast<std::uint16_t>(which);
    if (!value || !std::isfinite(*value)) return erase(kNumber, key);
    char bytes[8];
    put(kNumber, key, 0, std::string_view(bytes, numberBytes(*value, bytes)));
}

int RunFields::costYear() const
{
    const auto e = find(kNumber, kCostYearKey);
    return e ? static_cast<int>(numberFromBytes(e->value)) : 0;
}

void RunFields::setCostYear(int year)
{
    if (year <= 0 || year >= 10000) return erase(kNumber, kCostYearKey);
    char bytes[8];
    put(kNumber, kCostYearKey, 0,
        std::string_view(bytes, numberBytes(static_cast<double>(year), bytes)));
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
    // One new block from the old one's entries: `text` may point into the old block.
    std::vector<Entry> all = entries();
    std::erase_if(all, [&](const Entry &e) {
        return (e.kind == kSource || e.kind == kShortest) && e.key == *key;
    });
    if (isShortestSpelling(text, canonical))
        all.push_back({kShortest, *key, 0, {}});
    else
        all.push_back({kSource, *key, hashOf(canonical), text});
    std::sort(all.begin(), all.end(), byKindAndKey);
    assignEntries(all);
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
    m_entries.push_back({{kind, key, hash, value}, 0, erased, false});
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
    if (m_share && !value.empty()) m_entries.back().share = true;
}

void RunFields::Builder::setExtra(std::uint16_t column, std::string_view value)
{
    put(kExtra, column, 0, value, value.empty());
    if (m_share && !value.empty()) m_entries.back().share = true;
}

void RunFields::Builder::setSourceCell(std::uint16_t column, std::string_view text,
                                       std::string_view canonical)
{
    const bool shortest = isShortestSpelling(text, canonical);
    put(kShortest, column, 0, {}, !shortest);
    put(kSource, column, shortest ? 0 : hashOf(canonical), text, shortest);
}

std::size_t RunFields::Builder::ShortTextHash::operator()(std::string_view text) const noexcept
{
    std::uint64_t head = 0, tail = 0;
    if (text.size() >= 8) {
        std::memcpy(&head, text.data(), 8);
        std::memcpy(&tail, text.data() + text.size() - 8, 8);
    } else {
        for (std::size_t i = 0; i < text.size(); ++i)
            head |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    }
    const std::uint64_t mixed =
        (head * 0x9E3779B97F4A7C15ULL) ^ ((tail + text.size()) * 0xC2B2AE3D27D4EB4FULL);
    return static_cast<std::size_t>(mixed >> 32 ^ mixed);
}

std::uint32_t RunFields::Builder::sharedId(std::string_view text)
{
    if (const auto it = m_sharedIds.find(text); it != m_sharedIds.end()) return it->second;
    const auto id = SharedTexts::instance().id(text);
    if (!id) return kOwnText; // the table is full: the text is kept whole
    // No more than 65,536 texts remembered; past them the table is asked.
    if (m_sharedIds.size() < (1u << 16))
        m_sharedIds.emplace(SharedTexts::instance().text(*id), *id);
    return *id;
}

void RunFields::Builder::encodePending(KeyBase base)
{
    // Sorted by kind and key, and for one field in the order of setting, so that the last
    // setting wins, as with RunFields' setters. An import sets them in order already.
    m_order.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_order.push_back(
            std::uint64_t{ordinal(m_entries[i].entry.kind, m_entries[i].entry.key)} << 32 | i);
    if (!std::is_sorted(m_order.begin(), m_order.end())) std::sort(m_order.begin(), m_order.end());
    std::size_t room = 0;
    for (const Pending &p : m_entries)
        room += kMaxEntryHead + sizeof p.number + p.entry.value.size();
    m_block.clear();
    m_block.resize(room); // reused row after row: no allocation
    char *end = m_block.data();
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        const bool superseded = i + 1 < m_order.size() && m_order[i + 1] >> 32 == m_order[i] >> 32;
        const Pending &p = m_entries[static_cast<std::uint32_t>(m_order[i])];
        if (superseded || p.erased) continue;
        Entry e = p.entry;
        char bytes[8];
        if (e.kind == kNumber) e.value = std::string_view(bytes, numberBytes(p.number, bytes));
        if (p.share) e.shared = sharedId(e.value);
        end = encode(end, e, base);
    }
    m_block.resize(static_cast<std::size_t>(end - m_block.data()));
}

void RunFields::Builder::build(RunFields &fields)
{
    encodePending();
    fields.assign(m_block);
}

void RunFields::Builder::buildOnto(const RunFields &base, RunFields &fields)
{
    const auto last = base.lastOrdinal();
    const bool after =
        !last || std::all_of(m_entries.begin(), m_entries.end(), [&](const Pending &p) {
            return ordinal(p.entry.kind, p.entry.key) > *last;
        });
    if (after) {
        // An erasure of a field base does not have is nothing to do, and encodePending()
        // leaves the erased out.
        KeyBase onto; // the first new key is written relative to base's last
        if (last) onto.next = *last + 1;
        encodePending(onto);
        fields.assign(base.block(), m_block);
        return;
    }
    // Otherwise one setting after the other, in the order they were made, each text the
    // run's own (shared or own, the fields are equal).
    RunFields merged = base;
    for (const Pending &p : m_entries) {
        char bytes[8];
        if (p.erased)
            merged.erase(p.entry.kind, p.entry.key);
        else if (p.entry.kind == kNumber)
            merged.put(kNumber, p.entry.key, 0,
                       std::string_view(bytes, numberBytes(p.number, bytes)));
        else
            merged.put(p.entry.kind, p.entry.key, p.entry.hash, p.entry.value);
    }
    fields = std::move(merged);
}

std::optional<std::uint32_t> RunFields::lastOrdinal() const
{
    std::optional<std::uint32_t> last;
    for (Cursor c(block()); c.next(); c.skip())
        last = c.position();
    return last;
}

} // namespace compute
