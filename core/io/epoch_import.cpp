// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/epoch_import.h"

#include "core/io/csv_reader.h"
#include "core/io/internal/epoch_columns.h"
#include "core/model/run_id_allocator.h"
#include "core/util/number_parse.h"
#include "core/util/text_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

namespace compute {
namespace {

using namespace epoch;

class RowReader {
public:
    RowReader(const std::string &source, const std::vector<std::string> &header,
              const HeaderPlan &plan)
        : m_source(source), m_header(header), m_plan(plan)
    {
    }

    // The row read next, and the report its warnings go to.
    void start(const CsvRecord &record, ImportReport &report)
    {
        m_record = &record;
        m_report = &report;
        m_spelt.fill(std::nullopt);
    }
    // The number positive() read from the column's cell of this row, if the cell is
    // pythonFloat() of it as it is in the file.
    std::optional<double> spelt(Column c) const { return m_spelt[static_cast<std::size_t>(c)]; }

    // The cell as it is in the file; empty past the end of a short row.
    std::string_view raw(std::size_t index) const
    {
        return index < m_record->fields.size() ? std::string_view(m_record->fields[index])
                                               : std::string_view();
    }
    std::string_view text(Column c) const
    {
        const int index = m_plan.at[static_cast<std::size_t>(c)];
        if (index < 0) return {};
        return trimmed(raw(static_cast<std::size_t>(index)));
    }

    std::string where(Column c) const
    {
        const int index = m_plan.at[static_cast<std::size_t>(c)];
        if (index < 0) return m_source + ": row " + std::to_string(m_record->number);
        return m_source + ": row " + std::to_string(m_record->number) + ", column '" +
               m_header[static_cast<std::size_t>(index)] + "'";
    }

    void warn(Column c, const std::string &message)
    {
        m_report->warnings.push_back({where(c), message});
    }

    // A row whose field count differs from the header's is kept: missing cells read as
    // empty, extra ones are ignored, and the user is told.
    void checkFieldCount()
    {
        const std::size_t fields = m_record->fields.size();
        if (fields == m_header.size()) return;
        std::string at = m_source + ": row " + std::to_string(m_record->number);
        std::string message = "has " + std::to_string(fields) + " fields but the header has " +
                              std::to_string(m_header.size()) + "; ";
        if (fields < m_header.size()) {
            message += "the missing cells are read as empty";
        } else {
            at += ", column " + std::to_string(m_header.size() + 1);
            message +=
                "the fields after column " + std::to_string(m_header.size()) + " are ignored";
        }
        m_report->warnings.push_back({at, message});
    }

    // A positive finite number, or nullopt (with a warning when the cell is not empty).
    // With `orZero`, 0 is a value too (citations). Epoch's "N/A" and "NA" are empty cells,
    // and a cost may start with a dollar sign.
    std::optional<double> positive(Column c, const char *what, bool orZero = false)
    {
        std::string_view cell = text(c);
        if (cell.empty() || cell == "N/A" || cell == "NA") return std::nullopt;
        // Most cells: Python's spelling of a number, read in the same pass that tells so.
        if (const auto spelt = pythonFloatValue(cell); spelt && *spelt > 0) {
            if (cell.size() == raw(static_cast<std::size_t>(m_plan.at[c])).size())
                m_spelt[static_cast<std::size_t>(c)] = *spelt;
            return spelt;
        }
        if (c == kCost && cell.front() == '$') cell.remove_prefix(1);
        const auto value = parseNumber(cell);
        if (value && (*value > 0 || (*value == 0 && orZero))) return value;
        const std::string quoted = "'" + std::string(utf8Prefix(cell, 80)) + "'";
        if (!value) {
            switch (numberRange(cell)) {
            case NumberRange::TooLarge:
                warn(c, quoted +
                            " is beyond the range of numbers (about 1.8e308 at most; "
                            "expected " +
                            what + ")");
                break;
            case NumberRange::TooSmall:
                warn(c, quoted + " is too close to 0 to be told apart from it (expected " + what +
                            ")");
                break;
            case NumberRange::InRange:
                warn(c, quoted + " is not a number (expected " + what + ", e.g. 3.14e+23)");
                break;
            }
            return std::nullopt;
        }
        warn(c, quoted + " is not greater than 0 (expected " + what + ")");
        return std::nullopt;
    }

private:
    const std::string &m_source;
    const std::vector<std::string> &m_header;
    const HeaderPlan &m_plan;
    const CsvRecord *m_record = nullptr;
    ImportReport *m_report = nullptr;
    std::array<std::optional<double>, kColumnCount> m_spelt;
};

std::optional<HardwareInputs> hardwareFromRow(RowReader &row, const TrainingRun &run,
                                              const HardwareCatalog *catalog,
                                              const ImportOptions &options, ImportReport &report,
                                              std::set<std::string> &unknown,
                                              SharedText::Cache &texts)
{
    const std::string_view hardwareText = row.text(kHardware);
    if (hardwareText.empty()) return std::nullopt;
    const auto quantity = run.fields.number(RunNumber::HardwareQuantity);
    const auto hours = run.fields.number(RunNumber::TrainingHours);
    if (!quantity || !hours || !catalog) return std::nullopt;
    // Several chips ("NVIDIA A100,NVIDIA V100") cannot be one hardware estimate.
    if (hardwareText.find(',') != std::string_view::npos) return std::nullopt;
    const Accelerator *device = catalog->find(hardwareText);
    if (!device) {
        if (unknown.insert(std::string(hardwareText)).second)
            report.unknownHardware.emplace_back(hardwareText);
        return std::nullopt;
    }
    HardwareInputs in;
    in.device = texts.get(device->id);
    in.numberFormat = device->defaultFormat;
    if (auto format = numberFormatFromText(row.text(kNumberFormat));
        format && device->peak(*format))
        in.numberFormat = *format;
    in.peakFlopsPerDevice = *device->peak(in.numberFormat);
    in.deviceCount = *quantity;
    in.trainingHours = *hours;
    in.timeUnit = TimeUnit::Hours;
    in.utilization = options.defaultUtilization;
    if (auto u = run.fields.number(RunNumber::Utilization)) {
        if (*u <= 1)
            in.utilization = *u;
        else
            row.warn(kUtilization, "'" + std::string(utf8Prefix(row.text(kUtilization), 80)) +
                                       "' is above 1 (expected a fraction such as 0.4); the "
                                       "hardware estimate assumes " +
                                       formatNumber(options.defaultUtilization));
    }
    // Finite cells can still multiply past the largest double (1e200 chips x 1e200 h).
    if (!std::isfinite(hardwareFlop(in))) {
        row.warn(kHardware, "quantity x peak FLOP/s x hours is beyond the range of numbers; "
                            "no hardware estimate (expected realistic figures)");
        return std::nullopt;
    }
    return in;
}

// A file that is not all UTF-8 was most likely saved by a spreadsheet as Windows-1252:
// from its first stray byte on, such bytes are read as Windows-1252, and the report says
// on which line that byte is, so that no invalid text enters the dataset. Fed a piece at
// a time; a character split between two pieces is held back until the next.
class Utf8Reader {
public:
    Utf8Reader(const std::string &sourceName, ImportReport &report)
        : m_source(sourceName), m_report(report)
    {
    }

    // The text of `piece` (after what was held back) up to a character that may be cut,
    // or all of it when `last`; valid until the next call.
    std::string_view next(std::string_view piece, bool last)
    {
        std::string_view text = piece;
        if (!m_held.empty()) {
            m_joined.assign(m_held).append(piece);
            m_held.clear();
            text = m_joined;
        }
        if (!last) {
            const std::size_t cut = incompleteTail(text);
            m_held.assign(text.substr(cut));
            text = text.substr(0, cut);
        }
        if (!m_repairing) {
            const std::size_t bad = firstInvalidUtf8(text);
            if (bad == std::string_view::npos) {
                m_lines += lineBreaks(text);
                return text;
            }
            m_repairing = true;
            m_report.warnings.push_back(
                {m_source + ": line " +
                     std::to_string(1 + m_lines + lineBreaks(text.substr(0, bad))),
                 "not UTF-8 text: bytes that are not UTF-8 were read as Windows-1252"});
        }
        m_repaired = repairUtf8(text);
        return m_repaired;
    }

private:
    static std::size_t lineBreaks(std::string_view text)
    {
        std::size_t count = 0;
        if (text.empty())
            return count; // an empty view's data() may be null, which memchr must not get
        for (const char *p = text.data(), *end = p + text.size();
             (p = static_cast<const char *>(
                  std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
             ++p)
            ++count;
        return count;
    }
    // Where a UTF-8 sequence that the end of `text` cuts short begins; text.size() if none.
    static std::size_t incompleteTail(std::string_view text)
    {
        for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
            const auto byte = static_cast<unsigned char>(text[text.size() - back]);
            if ((byte & 0xC0) == 0x80) continue; // a continuation byte: look further back
            const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            return length > back ? text.size() - back : text.size();
        }
        return text.size();
    }

    const std::string &m_source;
    ImportReport &m_report;
    std::string m_held, m_joined, m_repaired;
    std::size_t m_lines = 0; // line breaks before the text handed out next
    bool m_repairing = false;
};

// The header's columns by what they hold; an error when the name, date or compute
// column is missing.
std::optional<Error> checkColumns(const std::vector<std::string> &header, const HeaderPlan &plan,
                                  const std::string &sourceName)
{
    std::string missing;
    for (Column c : {kName, kDate, kCompute}) {
        if (plan.at[c] >= 0) continue;
        if (!missing.empty()) missing += ", ";
        const auto &names = columnNames(c);
        missing += "'" + std::string(names[0]) + "'";
        if (names.size() > 1) missing += " (or '" + std::string(names[1]) + "')";
    }
    if (missing.empty()) return std::nullopt;
    std::string found;
    for (std::size_t i = 0; i < header.size() && i < 12; ++i)
        found += (i ? ", '" : "'") + header[i].substr(0, 40) + "'";
    return Error{sourceName + ": row 1",
                 "not an Epoch AI export: no column " + missing + " (found " +
                     (found.empty() ? std::string("no columns") : found) + ")"};
}

// Whether a column's values repeat enough to be stored once for the whole process
// (RunFields::Builder::share): judged on its first 256 values, which are shared meanwhile,
// and kept when at most a quarter of them differ. Countries, categories and hardware
// are; names, titles and abstracts are not.
class ColumnSharing {
public:
    explicit ColumnSharing(std::size_t columns = 0) : m_columns(columns) {}
    bool share(int column, std::string_view value)
    {
        // (Judging writes: only on the thread that reads the file, before freeze().)
        if (column < 0 || static_cast<std::size_t>(column) >= m_columns.size()) return false;
        Judged &c = m_columns[static_cast<std::size_t>(column)];
        if (c.decided || value.empty()) return c.shared;
        c.seen.emplace(value);
        if (++c.values == kJudged) {
            c.decided = true;
            c.shared = c.seen.size() <= kJudged / 4;
            c.seen = {};
        }
        return true;
    }
    // Decides the columns still being judged on the values seen so far, after which
    // share() reads only, and threads may call it at once.
    void freeze()
    {
        for (Judged &c : m_columns) {
            if (c.decided) continue;
            c.decided = true;
            c.shared = c.seen.size() <= c.values / 4;
            c.seen = {};
        }
    }

private:
    static constexpr std::size_t kJudged = 256;
    struct Judged {
        std::unordered_set<std::string> seen;
        std::size_t values = 0;
        bool decided = false, shared = true;
    };
    std::vector<Judged> m_columns;
};

// The numbers of RunFields a row has, by RunNumber, as readFields() set them.
using RowNumbers = std::array<std::optional<double>, kRunNumberCount>;

// Every number and text of RunFields the row has.
void readFields(RowReader &row, const HeaderPlan &plan, int costYear, ColumnSharing &sharing,
                RunFields::Builder &fields, RowNumbers &numbers)
{
    numbers = {};
    static constexpr std::pair<Column, const char *> kNumbers[] = {
        {kDatasetSize, "a dataset size in datapoints"},
        {kHours, "a training time in hours"},
        {kQuantity, "a number of devices"},
        {kUtilization, "a utilization between 0 and 1"},
        {kCost, "a cost in US dollars"},
        {kPowerDraw, "a power draw in W"},
        {kChipHours, "a number of chip-hours"},
        {kEpochs, "a number of epochs"},
        {kBatchSize, "a batch size"},
        {kFinetuneCompute, "a finetune compute in FLOP"},
        {kCitations, "a number of citations"},
    };
    for (const auto &[column, what] : kNumbers) {
        // 0 is a value of these (no finetuning, no citations); the hardware's are not.
        const auto value = row.positive(
            column, what, column != kQuantity && column != kHours && column != kUtilization);
        if (!value) continue;
        fields.setNumber(*numberOf(column), value);
        numbers[static_cast<std::size_t>(*numberOf(column))] = value;
    }
    // After the numbers: the builder takes fields set in their order without sorting them.
    if (numbers[static_cast<std::size_t>(RunNumber::Cost)]) fields.setCostYear(costYear);
    for (Column column : {kDatasetNotes, kHardware, kOrganizationCategory, kCountry, kAccessibility,
                          kNotability, kBaseModel}) {
        const std::string_view value = row.text(column);
        if (value.empty()) continue; // nothing to clear in a row's fields
        fields.share(sharing.share(plan.at[column], value));
        fields.setText(*textOf(column), value);
    }
    fields.share(false);
}

// Whether the app writes a known cell of the row just read as it is in the file, told
// from what readFields() stored rather than by looking it up in the run's fields again
// (as canonicalCell() does): a text is stored trimmed, and a number as read.
bool writtenAsItIs(const RowReader &row, Column column, std::string_view raw,
                   const RowNumbers &numbers, const TrainingRun &run)
{
    if (textOf(column)) {
        // The hardware's text when the cell is empty is the hardware estimate's device,
        // but a row with no hardware has no hardware estimate.
        return raw == trimmed(raw);
    }
    if (!isNumberColumn(column)) return false; // not known here: asked of canonicalCell()
    std::optional<double> value;
    if (const auto field = numberOf(column)) value = numbers[static_cast<std::size_t>(*field)];
    // Compute and parameters are the run's own; an empty hardware column may be written
    // as what the hardware estimate assumed (the default utilization).
    const bool hardware = column == kQuantity || column == kHours || column == kUtilization;
    if (!value && (!numberOf(column) || hardware)) value = numberCellValue(column, run);
    if (!value) return raw.empty();
    const auto spelt = row.spelt(column);
    return (spelt && *spelt == *value) || isPythonFloat(raw, *value);
}

// The cells of columns the app does not know, and the file's own spelling of a known
// cell wherever the app would write it otherwise: so that the run writes back as it came.
// `keys` are the columns' keys (columnKey()), nullopt for a column that cannot be kept.
void keepCells(const RowReader &row, const HeaderPlan &plan,
               const std::vector<std::optional<std::uint16_t>> &keys, ColumnSharing &sharing,
               RunFields::Builder &fields, const TrainingRun &run, const RowNumbers &numbers)
{
    std::string scratch;
    for (std::size_t i = 0; i < plan.columns.size(); ++i) {
        const ColumnPlan &column = plan.columns[i];
        if (!keys[i]) continue;
        const std::string_view raw = row.raw(i);
        if (column.role < 0) {
            if (raw.empty()) continue;
            fields.share(sharing.share(static_cast<int>(i), raw));
            fields.setExtra(*keys[i], raw);
            fields.share(false);
            continue;
        }
        const auto known = static_cast<Column>(column.role);
        if (writtenAsItIs(row, known, raw, numbers, run)) continue;
        const std::string_view canonical = canonicalCell(known, run, scratch);
        if (canonical != raw) fields.setSourceCell(*keys[i], raw, canonical);
    }
}

// Name (the Reference when the name is empty, a placeholder when both are), organization and
// domains: the first domain is the run's, the others become "domain:" tags.
void readIdentity(RowReader &row, std::size_t rowNumber, SharedText::Cache &texts, TrainingRun &run)
{
    run.name = std::string(row.text(kName));
    // Epoch's 2022 exports leave System empty for many papers that name no system; their
    // Reference (the paper's title) is what names them there.
    if (run.name.empty()) run.name = std::string(row.text(kReference));
    if (run.name.empty()) {
        run.name = "(unnamed, row " + std::to_string(rowNumber) + ")";
        row.warn(kName, "empty; the run is kept as '" + run.name + "'");
    }
    run.organization = texts.get(row.text(kOrganization));
    bool firstDomain = true;
    forEachTrimmedPart(row.text(kDomain), ',', [&](std::string_view domain) {
        if (firstDomain)
            run.domain = texts.get(domain);
        else
            run.tags.push_back("domain:" + std::string(domain));
        firstDomain = false;
    });
}

// Date, parameters, confidence, flags and notes. A date that cannot be read is a
// warning, unless Epoch wrote "Forthcoming".
void readDescription(RowReader &row, SharedText::Cache &texts, TrainingRun &run)
{
    const std::string_view dateText = row.text(kDate);
    run.date = parseFlexibleDate(dateText);
    if (!run.date && !dateText.empty() && !normalizedEquals(dateText, "forthcoming"))
        row.warn(kDate, "'" + std::string(utf8Prefix(dateText, 80)) +
                            "' is not a date (expected yyyy-mm-dd, d/m/yyyy, m/yyyy or yyyy)");

    run.parameters = row.positive(kParameters, "a number of parameters");
    if (auto c = confidenceFromText(row.text(kConfidence)))
        run.confidence = *c;
    else
        row.warn(kConfidence, "'" + std::string(utf8Prefix(row.text(kConfidence), 80)) +
                                  "' is not a confidence (expected Confident, Likely, "
                                  "Speculative or Unknown)");
    if (normalizedEquals(row.text(kFrontier), "true")) run.tags.emplace_back(kTagFrontier);
    run.upperBound = normalizedEquals(row.text(kUpperBound), "true");
    run.notes = texts.get(row.text(kNotes));
}

// The Link cell may hold several URLs separated by commas: one source each, the
// Reference cell the title of the first.
void readSources(RowReader &row, TrainingRun &run)
{
    const std::string_view link = row.text(kLink);
    const std::string_view reference = row.text(kReference);
    if (link.empty() && reference.empty()) return;
    bool firstUrl = true;
    forEachTrimmedPart(link, ',', [&](std::string_view url) {
        run.sources.emplace_back(firstUrl ? reference : std::string_view(), url);
        firstUrl = false;
    });
    if (firstUrl) run.sources.emplace_back(reference, {});
}

// The compute column as a reported estimate, noted with Epoch's method and notes.
std::optional<ComputeEstimate> reportedEstimate(RowReader &row, SharedText::Cache &texts)
{
    const auto flop = row.positive(kCompute, "a training compute in FLOP");
    if (!flop) return std::nullopt;
    const std::string_view method = row.text(kMethod);
    const std::string_view notes = row.text(kComputeNotes);
    std::string note;
    note.reserve(16 + method.size() + notes.size());
    note += "Epoch AI";
    if (!method.empty()) note.append(" (").append(method).append(")");
    if (!notes.empty()) note.append(": ").append(notes);
    return ComputeEstimate::reported(*flop, texts.get(note));
}

// What a stretch of rows gave: their runs, each id its name slugify()d (made unique in
// the order of the file once the runs are in the dataset), and what the rows' reading
// reports (without notPlottable, an index into the dataset).
struct RowsRead {
    std::vector<TrainingRun> runs;
    ImportReport report;
    std::set<std::string> unknownHardware; // report.unknownHardware, to name each once
    void clear()
    {
        runs.clear();
        report = {};
        unknownHardware.clear();
    }
};

// Reads rows into runs, given the file's header: one for each thread reading rows.
class RowImporter {
public:
    struct Shared { // the same for every row, read-only while rows are read
        const std::string &source;
        const HardwareCatalog *catalog;
        const ImportOptions &options;
        const std::vector<std::string> &header;
        const HeaderPlan &plan;
        const std::vector<std::optional<std::uint16_t>> &keys; // columnKey() of each column
        ColumnSharing &sharing;                                // by column index
    };
    explicit RowImporter(const Shared &shared)
        : m(shared), m_row(shared.source, shared.header, shared.plan)
    {
    }
    void row(const CsvRecord &record, RowsRead &out);

private:
    void addEstimates(TrainingRun &run, RowsRead &out);

    Shared m;
    RowReader m_row;
    RunFields::Builder m_fields; // reused row after row
    RunFields m_scratch;         // likewise
    RowNumbers m_numbers;        // of the row being read
    SharedText::Cache m_texts;   // organizations, domains, notes: no lock for a repeat
};

void RowImporter::row(const CsvRecord &record, RowsRead &out)
{
    ImportReport &report = out.report;
    m_row.start(record, report);
    m_row.checkFieldCount();
    ++report.rows;
    TrainingRun run;
    readIdentity(m_row, record.number, m_texts, run);
    run.id = slugify(run.name); // made unique once the run is in the dataset (take())
    readDescription(m_row, m_texts, run);
    readSources(m_row, run);
    m_fields.clear();
    readFields(m_row, m.plan, m.plan.costYear, m.sharing, m_fields, m_numbers);
    // Read by the hardware estimate and the canonical cells: lent to the run meanwhile,
    // so that only the run's final block is allocated.
    m_fields.build(m_scratch);
    std::swap(run.fields, m_scratch);
    addEstimates(run, out);
    // The extras and spellings then go after those numbers and texts, which are not
    // encoded again.
    m_fields.clear();
    keepCells(m_row, m.plan, m.keys, m.sharing, m_fields, run, m_numbers);
    std::swap(run.fields, m_scratch);
    m_fields.buildOnto(m_scratch, run.fields);
    if (!run.date) ++report.withoutDate;
    if (run.estimates.empty()) ++report.withoutCompute;
    out.runs.push_back(std::move(run));
}

// The reported estimate first (primary) and the hardware one as its check; a hardware
// estimate alone is primary, and the run is tagged for it.
void RowImporter::addEstimates(TrainingRun &run, RowsRead &out)
{
    ImportReport &report = out.report;
    std::optional<ComputeEstimate> reported = reportedEstimate(m_row, m_texts);
    if (reported) ++report.withReportedCompute;
    auto hw =
        hardwareFromRow(m_row, run, m.catalog, m.options, report, out.unknownHardware, m_texts);
    run.estimates.reserve(std::size_t{reported.has_value()} + std::size_t{hw.has_value()});
    if (reported) run.estimates.push_back(std::move(*reported));
    if (!hw) return;
    const bool primary = run.estimates.empty();
    static constexpr std::string_view kHardwareNote = "Epoch AI inputs";
    run.estimates.push_back({*hw, m_texts.get(kHardwareNote)});
    ++report.hardwareEstimates;
    if (primary) {
        ++report.computeFromHardware;
        run.tags.emplace_back("compute-from-hardware");
    }
}

// Rows taken out of the CSV reader (whose records live only as long as their piece), to
// be read on a worker thread.
struct RowBatch {
    // Most fields are views of a copy of the piece they were read from, held by the
    // batch; a field the reader had to put together (across pieces, or with doubled
    // quotes) is copied into `bytes`.
    std::vector<std::shared_ptr<const std::string>> pieces;
    std::string bytes;
    struct Field {
        const char *data; // null: in `bytes` from `offset`
        std::size_t offset, size;
    };
    std::vector<Field> fields;
    struct Row {
        std::size_t number, firstField, fieldCount;
    };
    std::vector<Row> rows;
    RowsRead read;              // what the rows gave, once `done`
    std::exception_ptr failure; // what reading them threw, if anything
    bool done = false;          // under RowWorkers' lock

    // `piece` is the text being read; `pieceBytes` the same bytes for as long as the
    // batch is read (those of `copy`, which the batch then holds, if not null).
    void add(const CsvRecord &record, std::string_view piece, const char *pieceBytes,
             const std::shared_ptr<const std::string> &copy)
    {
        rows.push_back({record.number, fields.size(), record.fields.size()});
        if (copy && (pieces.empty() || pieces.back() != copy)) pieces.push_back(copy);
        const char *const begin = piece.data(), *const end = begin + piece.size();
        for (std::string_view field : record.fields) {
            if (field.empty()) {
                fields.push_back({"", 0, 0});
            } else if (field.data() >= begin && field.data() + field.size() <= end) {
                fields.push_back({pieceBytes + (field.data() - begin), 0, field.size()});
            } else {
                fields.push_back({nullptr, bytes.size(), field.size()});
                bytes.append(field);
            }
        }
    }
    // Empty again, keeping its room, for the next rows.
    void clear()
    {
        pieces.clear();
        bytes.clear();
        fields.clear();
        rows.clear();
        read.clear();
        failure = nullptr;
        done = false;
    }
};

// Threads reading batches of rows, one RowImporter each; batches are handed back in
// the order they were given.
class RowWorkers {
public:
    RowWorkers(std::size_t count, const RowImporter::Shared &shared)
    {
        for (std::size_t i = 0; i < count; ++i)
            m_threads.emplace_back(
                [this, importer = RowImporter(shared)]() mutable { work(importer); });
    }
    ~RowWorkers()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }
    RowWorkers(const RowWorkers &) = delete;
    RowWorkers &operator=(const RowWorkers &) = delete;

    std::size_t size() const { return m_threads.size(); }
    std::size_t pending() const { return m_batches.size(); }
    void give(std::unique_ptr<RowBatch> batch)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(batch.get());
            m_batches.push_back(std::move(batch));
        }
        m_wake.notify_one();
    }
    // The first batch given and not yet taken, once read (null when there is none).
    std::unique_ptr<RowBatch> takeFirst()
    {
        if (m_batches.empty()) return nullptr;
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_batches.front()->done; });
        std::unique_ptr<RowBatch> first = std::move(m_batches.front());
        m_batches.pop_front();
        return first;
    }
    bool firstDone()
    {
        std::lock_guard lock(m_mutex);
        return !m_batches.empty() && m_batches.front()->done;
    }

private:
    void work(RowImporter &importer)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) return; // what is still queued is not wanted
            RowBatch *batch = m_queue.front();
            m_queue.pop_front();
            lock.unlock();
            try {
                CsvRecord record;
                for (const RowBatch::Row &row : batch->rows) {
                    record.number = row.number;
                    record.fields.clear();
                    for (std::size_t f = row.firstField; f < row.firstField + row.fieldCount; ++f) {
                        const RowBatch::Field &field = batch->fields[f];
                        record.fields.emplace_back(field.data ? field.data
                                                              : batch->bytes.data() + field.offset,
                                                   field.size);
                    }
                    importer.row(record, batch->read);
                }
            } catch (...) {
                batch->failure = std::current_exception();
            }
            lock.lock();
            batch->done = true;
            m_done.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::deque<RowBatch *> m_queue;                  // not yet started
    std::deque<std::unique_ptr<RowBatch>> m_batches; // given, not taken: in order
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

// Reads an export record by record into a dataset: the first record is the header. The
// first rows are read on the calling thread, which judges meanwhile which columns'
// texts to share; past them, with ImportOptions::parallel, rows go in batches to a
// thread for each core, while the calling thread reads the file on.
class EpochImporter {
public:
    EpochImporter(const std::string &sourceName, const HardwareCatalog *catalog,
                  const ImportOptions &options, ImportResult &result)
        : m_source(sourceName), m_options(options),
          m_result(result), m_shared{m_source, catalog, m_options, m_header,
                                     m_plan,   m_keys,  m_sharing}
    {
    }

    // Both return false to stop reading.
    bool record(const CsvRecord &record);
    bool progress(double fraction);
    // Every row given so far read and in the dataset (before a warning that comes after
    // them, and at the end).
    void finishRows();
    // A file that is not an export at all.
    const std::optional<Error> &fatal() const { return m_fatal; }
    // The text the next records are read from (valid until the next call), copied whole
    // when rows read on other threads need it after it is gone, unless it lies within
    // `stable` (bytes that outlive the import).
    void setPiece(std::string_view text, std::string_view stable = {})
    {
        m_piece = text;
        m_pieceCopy = nullptr;
        m_pieceBytes = nullptr;
        if (!text.empty() && text.data() >= stable.data() &&
            text.data() + text.size() <= stable.data() + stable.size())
            m_pieceBytes = text.data();
    }

private:
    // Rows read on the calling thread, before batches: enough for ColumnSharing to judge.
    static constexpr std::size_t kFirstRows = 1024;
    static constexpr std::size_t kBatchRows = 512;

    bool header(const CsvRecord &record);
    void row(const CsvRecord &record);
    // Adds what rows gave to the dataset and the report, in the file's order.
    void take(RowsRead &read);
    void take(std::unique_ptr<RowBatch> batch);
    void giveBatch();

    const std::string &m_source;
    const ImportOptions &m_options;
    ImportResult &m_result;
    std::vector<std::string> m_header;
    HeaderPlan m_plan;
    std::vector<std::optional<std::uint16_t>> m_keys;
    ColumnSharing m_sharing;
    RowImporter::Shared m_shared;
    std::optional<RowImporter> m_here; // reads rows on the calling thread
    RowsRead m_read;                   // one row read here at a time
    RunIdAllocator m_ids;
    std::set<std::string> m_unknownHardware;
    std::size_t m_rows = 0; // data rows given so far
    std::optional<Error> m_fatal;
    bool m_reserved = false;
    std::unique_ptr<RowBatch> m_batch;              // being filled
    std::vector<std::unique_ptr<RowBatch>> m_spare; // read and taken, with their room
    std::string_view m_piece;                       // setPiece()
    std::shared_ptr<const std::string> m_pieceCopy; // of m_piece, once a batch needs it
    const char *m_pieceBytes = nullptr;             // m_piece's bytes for as long as batches
    std::unique_ptr<RowWorkers> m_workers;          // last: joined before the rest goes
};

bool EpochImporter::record(const CsvRecord &record)
{
    if (record.number == 1) return header(record);
    // A blank line at the end of a file is not a row.
    if (record.fields.size() == 1 && trimmed(record.fields[0]).empty()) return true;
    row(record);
    return true;
}

bool EpochImporter::header(const CsvRecord &record)
{
    m_header.assign(record.fields.begin(), record.fields.end());
    m_plan = planHeader(m_header);
    m_fatal = checkColumns(m_header, m_plan, m_source);
    if (m_fatal) return false;
    for (const ColumnPlan &column : m_plan.columns)
        m_keys.push_back(columnKey(column.key));
    m_sharing = ColumnSharing(m_header.size());
    m_result.dataset.metadata.csvColumns = m_header;
    m_here.emplace(m_shared);
    return true;
}

void EpochImporter::row(const CsvRecord &record)
{
    ++m_rows;
    if (m_rows == kFirstRows + 1) {
        // Judged on the first rows either way, so that the same texts are shared.
        m_sharing.freeze();
        // As many workers as there are cores (asked once: it reads files of /sys): the
        // calling thread mostly waits for them. None on a single core.
        const unsigned cores = std::thread::hardware_concurrency();
        if (m_options.parallel && cores >= 2)
            m_workers = std::make_unique<RowWorkers>(std::min(cores, 8u), m_shared);
    }
    if (!m_workers) {
        m_here->row(record, m_read);
        take(m_read);
        m_read.clear();
        return;
    }
    if (!m_batch) {
        if (m_spare.empty()) {
            m_batch = std::make_unique<RowBatch>();
            m_batch->rows.reserve(kBatchRows);
            m_batch->read.runs.reserve(kBatchRows);
        } else {
            m_batch = std::move(m_spare.back());
            m_spare.pop_back();
        }
    }
    if (!m_pieceBytes) {
        m_pieceCopy = std::make_shared<const std::string>(m_piece);
        m_pieceBytes = m_pieceCopy->data();
    }
    m_batch->add(record, m_piece, m_pieceBytes, m_pieceCopy);
    if (m_batch->rows.size() == kBatchRows) giveBatch();
}

void EpochImporter::giveBatch()
{
    // At most a few batches a worker ahead of what the dataset holds: they hold pieces
    // of the file, which should not pile up.
    while (m_workers->pending() >= 4 * m_workers->size())
        take(m_workers->takeFirst());
    while (m_workers->firstDone())
        take(m_workers->takeFirst());
    m_workers->give(std::move(m_batch));
}

void EpochImporter::finishRows()
{
    if (!m_workers) return;
    if (m_batch) m_workers->give(std::move(m_batch));
    while (auto batch = m_workers->takeFirst())
        take(std::move(batch));
}

void EpochImporter::take(std::unique_ptr<RowBatch> batch)
{
    if (batch->failure) std::rethrow_exception(batch->failure);
    take(batch->read);
    batch->clear();
    m_spare.push_back(std::move(batch));
}

void EpochImporter::take(RowsRead &read)
{
    ImportReport &report = m_result.report;
    std::vector<TrainingRun> &runs = m_result.dataset.runs;
    for (TrainingRun &run : read.runs) {
        run.id = m_ids.allocateSlug(std::move(run.id)); // slugify()'d by the row's reader
        if (!run.isPlottable()) report.notPlottable.push_back(runs.size());
        runs.push_back(std::move(run));
    }
    const ImportReport &more = read.report;
    report.rows += more.rows;
    report.withReportedCompute += more.withReportedCompute;
    report.computeFromHardware += more.computeFromHardware;
    report.hardwareEstimates += more.hardwareEstimates;
    report.withoutDate += more.withoutDate;
    report.withoutCompute += more.withoutCompute;
    for (const std::string &name : more.unknownHardware)
        if (m_unknownHardware.insert(name).second) report.unknownHardware.push_back(name);
    report.warnings.insert(report.warnings.end(), std::make_move_iterator(more.warnings.begin()),
                           std::make_move_iterator(more.warnings.end()));
}

bool EpochImporter::progress(double fraction)
{
    // Past the first chunk, make room for the rest of the rows at the rate seen so far,
    // rather than moving 100,000 runs each time the vector outgrows itself.
    std::vector<TrainingRun> &runs = m_result.dataset.runs;
    if (!m_reserved && fraction < 1 && m_rows > 0) {
        const double expected = static_cast<double>(m_rows) / fraction * 1.1;
        runs.reserve(static_cast<std::size_t>(expected));
        m_reserved = true;
    }
    if (!m_options.progress || m_options.progress(fraction)) return true;
    m_result.report.cancelled = true;
    return false;
}

} // namespace

std::string ImportReport::summary() const
{
    std::string s =
        std::to_string(rows) + " rows: " + std::to_string(withReportedCompute) + " with compute";
    if (computeFromHardware)
        s += ", " + std::to_string(computeFromHardware) + " estimated from hardware";
    s += ", " + std::to_string(withoutCompute) + " without compute, " +
         std::to_string(withoutDate) + " without a usable date";
    if (!warnings.empty()) s += ", " + std::to_string(warnings.size()) + " cells not read";
    return s;
}

struct EpochCsvStream::State {
    State(std::string sourceName, const HardwareCatalog *catalog, ImportOptions importOptions,
          std::size_t expectedBytes)
        : source(std::move(sourceName)), options(std::move(importOptions)), expected(expectedBytes),
          utf8(source, result.report), importer(source, catalog, this->options, result),
          csv(source, [this](const CsvRecord &record) { return importer.record(record); })
    {
    }
    const std::string source;
    const ImportOptions options;
    const std::size_t expected;
    std::string_view stable; // bytes the caller keeps until finish() (importEpochCsv's)
    std::size_t fed = 0;
    ImportResult result;
    Utf8Reader utf8;
    EpochImporter importer;
    CsvStream csv;

    // The text of `piece` (Utf8Reader::next), whose warning, if it has one, comes after
    // those of every row before it, as when the rows are read one after the other.
    std::string_view decoded(std::string_view piece, bool last)
    {
        Errors &warnings = result.report.warnings;
        const std::size_t before = warnings.size();
        const std::string_view text = utf8.next(piece, last);
        if (warnings.size() == before) return text;
        Errors found(
            std::make_move_iterator(warnings.begin() + static_cast<std::ptrdiff_t>(before)),
            std::make_move_iterator(warnings.end()));
        warnings.resize(before);
        importer.finishRows();
        warnings.insert(warnings.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
        return text;
    }
};

EpochCsvStream::EpochCsvStream(std::string sourceName, const HardwareCatalog *catalog,
                               ImportOptions options, std::size_t expectedBytes)
    : m(std::make_unique<State>(std::move(sourceName), catalog, std::move(options), expectedBytes))
{
}

EpochCsvStream::~EpochCsvStream() = default;

bool EpochCsvStream::feed(std::string_view piece)
{
    const std::string_view text = m->decoded(piece, false);
    m->importer.setPiece(text, m->stable);
    if (!m->csv.feed(text)) return false;
    m->fed += piece.size();
    if (m->expected == 0) return true;
    const double fraction =
        std::min(1.0, static_cast<double>(m->fed) / static_cast<double>(m->expected));
    if (m->importer.progress(fraction)) return true;
    m->csv.stop();
    return false;
}

Result<ImportResult> EpochCsvStream::finish()
{
    ImportReport &report = m->result.report;
    if (!report.cancelled) {
        const std::string_view text = m->decoded({}, true);
        m->importer.setPiece(text, m->stable);
        m->csv.feed(text);
    }
    const Result<std::size_t> read = m->csv.finish();
    if (m->importer.fatal()) return *m->importer.fatal();
    if (!report.cancelled) {
        try {
            m->importer.finishRows();
        } catch (const std::bad_alloc &) {
            return Error{m->source, "ran out of memory reading its rows (expected a file that "
                                    "fits in memory once read)"};
        }
    }
    if (!read) return read.errors();
    if (report.cancelled) { // nothing of it, rather than the rows read so far
        ImportResult cancelled;
        cancelled.report.cancelled = true;
        return cancelled;
    }
    if (read.value() == 0)
        return Error{m->source, "is empty (expected a CSV file with a header row)"};
    if (report.rows == 0)
        report.warnings.push_back({m->source + ": row 2", "no data rows after the header (expected "
                                                          "one row per training run)"});
    return std::move(m->result);
}

Result<ImportResult> importEpochCsv(std::string_view bytes, const std::string &sourceName,
                                    const HardwareCatalog *catalog, const ImportOptions &options)
{
    EpochCsvStream stream(sourceName, catalog, options, bytes.size());
    stream.m->stable = bytes; // alive until this returns: rows point into it
    // Fed in chunks so that a cancel, or a file that is not an export, stops at once.
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t pos = 0; pos < bytes.size(); pos += kChunk)
        if (!stream.feed(bytes.substr(pos, std::min(kChunk, bytes.size() - pos)))) break;
    return stream.finish();
}

} // namespace compute
