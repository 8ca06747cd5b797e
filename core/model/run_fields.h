// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace compute {

// Quantities Epoch AI records for a run besides its compute estimates and parameters.
enum class RunNumber : std::uint8_t {
    DatasetSize,      // training dataset size, in datapoints
    TrainingHours,    // training time, in hours
    HardwareQuantity, // number of chips
    Utilization,      // hardware utilization (MFU), a fraction in (0, 1]
    Cost,             // training compute cost, in US dollars of costYear()
    PowerDraw,        // training power draw, in W
    ChipHours,        // training chip-hours
    Epochs,
    BatchSize,
    FinetuneCompute, // FLOP
    Citations,
};
inline constexpr std::size_t kRunNumberCount = 11;

// Text Epoch AI records for a run besides its name, organization, domain and notes.
enum class RunText : std::uint8_t {
    DatasetNotes,
    TrainingHardware,
    OrganizationCategory, // Industry, Academia, Industry - Academia Collaboration, ...
    Country,
    Accessibility, // model accessibility: Open weights (unrestricted), API access, ...
    NotabilityCriteria,
    BaseModel,
};
inline constexpr std::size_t kRunTextCount = 7;

// A column name as a small number, the same for the same name all through the process,
// so that a run keeps the cells of columns the app does not know without a copy of the
// column's name. nullopt once 65,535 distinct names are registered.
std::optional<std::uint16_t> columnKey(std::string_view name);
std::string_view columnName(std::uint16_t key);

// Everything Epoch AI records for a run beyond what TrainingRun names: numbers (absent or
// finite), known text, the cells of columns the app does not know, and the source CSV's
// own spelling of a cell where the app would write it differently ("4.00E+01" for 40,
// "25/11/2019" for 2019-11-25). Everything sits in one block, only what the run has,
// allocated at its exact size: a million runs hold a million of them. A run with no field
// is a null pointer and allocates nothing.
class RunFields {
public:
    RunFields() = default;
    RunFields(const RunFields &other);
    RunFields &operator=(const RunFields &other);
    RunFields(RunFields &&) noexcept = default;
    RunFields &operator=(RunFields &&) noexcept = default;
    ~RunFields() = default;

    std::optional<double> number(RunNumber which) const;
    // A missing or non-finite value clears the field.
    void setNumber(RunNumber which, std::optional<double> value);
    // The year of the dollars of RunNumber::Cost (2023 in the 2025 exports, 2020 in the
    // 2022 one); 0 when unknown.
    int costYear() const;
    void setCostYear(int year);

    std::string_view text(RunText which) const;
    void setText(RunText which, std::string_view value); // empty clears

    // The cell of a column the app does not know; empty when the run has none.
    std::string_view extra(std::string_view column) const;
    void setExtra(std::string_view column, std::string_view value); // empty clears
    struct Extra {
        std::string_view column;
        std::string_view value;
    };
    std::vector<Extra> extras() const; // in column key order

    // The source CSV's text of a known column, kept because the app writes the value as
    // `canonical`. A number spelt in its shortest form ("512", "1e+16", as formatNumber
    // writes it) is kept as that style, not as text, and holds for whatever value the
    // column takes later; any other spelling is only returned while the app would still
    // write `canonicalNow` as it wrote `canonical`: an edit makes it stale.
    void setSourceCell(std::string_view column, std::string_view text, std::string_view canonical);
    std::optional<std::string> sourceCell(std::string_view column,
                                          std::string_view canonicalNow) const;
    // The columns with a kept spelling, in column key order.
    std::vector<std::string_view> sourceCellColumns() const;

    bool empty() const { return !m_data; }
    // The bytes the fields take beyond the object itself (memory figures and tests).
    std::size_t storedBytes() const;
    // The same fields, whether a text is the run's own or shared (Builder::share).
    bool operator==(const RunFields &other) const;

    class Builder;

private:
    enum Kind : std::uint8_t { kNumber, kText, kExtra, kSource, kShortest };
    static constexpr std::uint32_t kOwnText = 0xFFFFFFFF;
    struct Entry {
        Kind kind;
        std::uint16_t key;
        std::uint64_t hash;              // kSource: of the canonical text it was kept against
        std::string_view value;          // kNumber: the number's bytes
        std::uint32_t shared = kOwnText; // the value's id among shared texts, if it is one
    };
    // An entry's kind and key as one number, in the order the entries sort.
    static constexpr std::uint32_t ordinal(Kind kind, std::uint16_t key)
    {
        return std::uint32_t{kind} << 16 | key;
    }
    // What an entry's key is written relative to: the key after the previous entry's when
    // that one is of the same kind, else 0 (as for the first entry).
    struct KeyBase {
        std::uint32_t next = 0; // the previous entry's ordinal() + 1
        std::uint32_t of(Kind kind) const { return next >> 16 == kind ? next : ordinal(kind, 0); }
    };
    class Cursor; // reads a block entry by entry (run_fields.cpp)
    // The most bytes an entry takes besides its value's: kind and key, the rest of the
    // key's step, the length or id, a hash.
    static constexpr std::size_t kMaxEntryHead = 1 + 5 + 10 + 8;
    // Writes the entry at `out`, which has room for kMaxEntryHead bytes and the value's,
    // and returns the end. The entry sorts after the one `base` was last set after.
    static char *encode(char *out, const Entry &e, KeyBase &base);
    // The block of `all`, sorted, in a new allocation.
    void assignEntries(const std::vector<Entry> &all);
    std::vector<Entry> entries() const;
    std::optional<Entry> find(Kind kind, std::uint16_t key) const;
    // The ordinal() of the last entry, if there is one.
    std::optional<std::uint32_t> lastOrdinal() const;
    void put(Kind kind, std::uint16_t key, std::uint64_t hash, std::string_view value);
    void erase(Kind kind, std::uint16_t key);
    // The entries, without the length in front of them.
    std::string_view block() const;
    // Makes the block `head` then `tail` in a new allocation of exactly their size (with
    // the length in front), or none when both are empty. Either may be a view of the
    // current block, which is only freed once the new one is written.
    void assign(std::string_view head, std::string_view tail = {});

    // Entries sorted by (kind, key), each in as few bytes as it can be: an imported row
    // has about 30, half of them a shared text or a number of a byte or two.
    // - One byte: the kind in its top 3 bits, and in its low 5 the key's step, how far the
    //   key is past the one after the previous entry's key if that entry is of the same
    //   kind, else past 0: the columns of a row, close together, need no other byte. A
    //   step of 31 or more is 31 there and the rest in a varint after it.
    // - kShortest ends there. Any other: a varint of the length of what follows times 2,
    //   then the value's bytes (for kSource, after the u64 hash of the canonical text, so
    //   that every entry is stepped over by its length alone); or a varint of a shared
    //   text's id times 2 plus 1.
    // Varints are LEB128 (7 bits a byte): a value of up to 63 bytes, or one of the first
    // 64 texts shared, takes one. A number's bytes are a whole number's in as few as it
    // needs, or a double's 8.
    // The block's length (a LEB128 varint) is in front of it, in the same allocation: the
    // object is one pointer, null when there is no field.
    std::unique_ptr<char[]> m_data;
};
static_assert(sizeof(RunFields) == sizeof(void *));

// Sets many fields at once, as an import does for each row: the same setters as
// RunFields', encoded in one pass by build() rather than once per field. Texts are
// views: they must outlive build(). Reused row after row, it allocates nothing.
class RunFields::Builder {
public:
    void clear()
    {
        m_entries.clear();
        m_share = false;
    }
    void setNumber(RunNumber which, std::optional<double> value);
    void setCostYear(int year);
    void setText(RunText which, std::string_view value);
    // By column key (columnKey()), looked up once per column rather than per cell.
    void setExtra(std::uint16_t column, std::string_view value);
    // Texts and extras set from now on (until clear()) are stored once for the whole
    // process, each run holding an id of a byte or two: for columns whose values repeat
    // row after row (countries, categories, hardware). A text that cannot be shared is
    // kept whole.
    void share(bool shared) { m_share = shared; }
    void setSourceCell(std::uint16_t column, std::string_view text, std::string_view canonical);
    // `fields` as RunFields' setters would leave it, called in the same order.
    void build(RunFields &fields);
    // `fields` as `base` with RunFields' setters called on it in the same order. Cheap
    // when every field set sorts after all of base's (by kind: numbers, texts, extras,
    // source spellings; then by key), as an import's second pass over a row sets only
    // extras and spellings after the first set numbers and texts: base's bytes are kept
    // as they are and the new ones appended.
    void buildOnto(const RunFields &base, RunFields &fields);

private:
    struct Pending {
        Entry entry;
        double number = 0; // a kNumber's value, encoded by build()
        bool erased = false;
        bool share = false;
    };
    void put(Kind kind, std::uint16_t key, std::uint64_t hash, std::string_view value,
             bool erased = false);
    // Into m_block, its first entry's key written relative to `base`.
    void encodePending(KeyBase base = {});
    // The id of a shared text (SharedTexts), looked up in the process's table only the
    // first time this builder meets the text: that table is behind a lock and a hash of
    // the whole text, and an import shares a dozen texts a row.
    std::uint32_t sharedId(std::string_view text);
    std::vector<Pending> m_entries;     // in the order they were set: the last of a field wins
    std::vector<std::uint64_t> m_order; // each entry's ordinal() << 32 | its index
    std::string m_block;
    // Hashes the length and up to eight bytes from each end: the texts shared are short.
    struct ShortTextHash {
        std::size_t operator()(std::string_view text) const noexcept;
    };
    // By the shared table's own copy of each text.
    std::unordered_map<std::string_view, std::uint32_t, ShortTextHash> m_sharedIds;
    bool m_share = false;
};

} // namespace compute
