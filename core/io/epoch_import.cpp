// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/epoch_import.h"

#include "core/io/csv_reader.h"
#include "core/model/run_id_allocator.h"
#include "core/util/number_parse.h"
#include "core/util/text_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>

namespace compute {
namespace {

enum Column {
    kName,
    kDomain,
    kOrganization,
    kDate,
    kCompute,
    kParameters,
    kHardware,
    kQuantity,
    kHours,
    kUtilization,
    kLink,
    kReference,
    kComputeNotes,
    kConfidence,
    kFrontier,
    kMethod,
    kNumberFormat,
    kUpperBound,
    kNotes,
    kColumnCount
};

// Where each column is in the file; -1 when it has none.
using Columns = std::array<int, kColumnCount>;

// Column names as they appear across Epoch's exports (compared normalised).
const std::array<std::vector<std::string_view>, kColumnCount> kColumnNames = {{
    {"Model", "System"},
    {"Domain"},
    {"Organization", "Organization(s)", "Organisation"},
    {"Publication date"},
    {"Training compute (FLOP)", "Training compute (FLOPs)"},
    {"Parameters"},
    {"Training hardware"},
    {"Hardware quantity"},
    {"Training time (hours)"},
    {"Hardware utilization", "Hardware utilization (MFU)"},
    {"Link"},
    {"Reference"},
    {"Training compute notes"},
    {"Confidence"},
    {"Frontier model"},
    {"Training compute estimation method"},
    {"Numerical format"},
    // Written by writeRunsCsv, so that an exported file imports back whole.
    {"Upper bound"},
    {"Notes"},
}};

class RowReader {
public:
    RowReader(const std::string &source, ImportReport &report) : m_source(source), m_report(report)
    {
    }

    void setHeader(std::vector<std::string> header) { m_header = std::move(header); }
    void start(const CsvRecord &record, const Columns &columns)
    {
        m_record = &record;
        m_columns = &columns;
    }

    std::string_view text(Column c) const
    {
        const int index = (*m_columns)[c];
        if (index < 0 || static_cast<std::size_t>(index) >= m_record->fields.size()) return {};
        return trimmed(m_record->fields[static_cast<std::size_t>(index)]);
    }

    std::string where(Column c) const
    {
        const int index = (*m_columns)[c];
        if (index < 0) return m_source + ": row " + std::to_string(m_record->number);
        return m_source + ": row " + std::to_string(m_record->number) + ", column '" +
               m_header[static_cast<std::size_t>(index)] + "'";
    }

    void warn(Column c, const std::string &message)
    {
        m_report.warnings.push_back({where(c), message});
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
        m_report.warnings.push_back({at, message});
    }

    // A positive finite number, or nullopt (with a warning when the cell is not empty).
    std::optional<double> positive(Column c, const char *what)
    {
        const std::string_view cell = text(c);
        if (cell.empty()) return std::nullopt;
        const auto value = parseNumber(cell);
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
        if (*value <= 0) {
            warn(c, quoted + " is not greater than 0 (expected " + what + ")");
            return std::nullopt;
        }
        return value;
    }

private:
    const std::string &m_source;
    ImportReport &m_report;
    std::vector<std::string> m_header;
    const CsvRecord *m_record = nullptr;
    const Columns *m_columns = nullptr;
};

std::optional<HardwareInputs> hardwareFromRow(RowReader &row, const HardwareCatalog *catalog,
                                              const ImportOptions &options, ImportReport &report,
                                              std::set<std::string> &unknown)
{
    const std::string_view hardwareText = row.text(kHardware);
    if (hardwareText.empty()) return std::nullopt;
    const auto quantity = row.positive(kQuantity, "a number of devices");
    const auto hours = row.positive(kHours, "a training time in hours");
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
    in.device = device->id;
    in.numberFormat = device->defaultFormat;
    if (auto format = numberFormatFromText(row.text(kNumberFormat));
        format && device->peak(*format))
        in.numberFormat = *format;
    in.peakFlopsPerDevice = *device->peak(in.numberFormat);
    in.deviceCount = *quantity;
    in.trainingHours = *hours;
    in.timeUnit = TimeUnit::Hours;
    in.utilization = options.defaultUtilization;
    if (auto u = row.positive(kUtilization, "a utilization between 0 and 1")) {
        if (*u <= 1)
            in.utilization = *u;
        else
            row.warn(kUtilization, "'" + std::string(utf8Prefix(row.text(kUtilization), 80)) +
                                       "' is above 1 (expected a fraction such as 0.4)");
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
// its stray bytes are read as such (into `repaired`), and the report says where the
// first one is, so that no invalid text enters the dataset.
std::string_view asUtf8(std::string_view bytes, const std::string &sourceName, ImportReport &report,
                        std::string &repaired)
{
    const std::size_t bad = firstInvalidUtf8(bytes);
    if (bad == std::string_view::npos) return bytes;
    const auto line =
        1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    report.warnings.push_back(
        {sourceName + ": line " + std::to_string(line),
         "not UTF-8 text: bytes that are not UTF-8 were read as Windows-1252"});
    repaired = repairUtf8(bytes);
    return repaired;
}

// The header's columns by what they hold (names compared normalised, the first match
// kept); an error when the name, date or compute column is missing.
std::optional<Error> mapColumns(const std::vector<std::string> &header,
                                const std::string &sourceName, Columns &columns)
{
    columns.fill(-1);
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string key = normalizedKey(header[i]);
        for (int c = 0; c < kColumnCount; ++c)
            for (std::string_view name : kColumnNames[static_cast<std::size_t>(c)])
                if (columns[static_cast<std::size_t>(c)] < 0 && key == normalizedKey(name))
                    columns[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
    std::string missing;
    for (Column c : {kName, kDate, kCompute}) {
        if (columns[c] >= 0) continue;
        if (!missing.empty()) missing += ", ";
        const auto &names = kColumnNames[c];
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

// Name (the Reference when the name is empty, a placeholder when both are), id, organization and
// domains: the first domain is the run's, the others become "domain:" tags.
void readIdentity(RowReader &row, std::size_t rowNumber, RunIdAllocator &ids, TrainingRun &run)
{
    run.name = std::string(row.text(kName));
    // Epoch's 2022 exports leave System empty for many papers that name no system; their
    // Reference (the paper's title) is what names them there.
    if (run.name.empty()) run.name = std::string(row.text(kReference));
    if (run.name.empty()) {
        run.name = "(unnamed, row " + std::to_string(rowNumber) + ")";
        row.warn(kName, "empty; the run is kept as '" + run.name + "'");
    }
    run.id = ids.allocate(run.name);
    run.organization = std::string(row.text(kOrganization));
    bool firstDomain = true;
    forEachTrimmedPart(row.text(kDomain), ',', [&](std::string_view domain) {
        if (firstDomain)
            run.domain = domain;
        else
            run.tags.push_back("domain:" + std::string(domain));
        firstDomain = false;
    });
}

// Date, parameters, confidence, flags and notes. A date that cannot be read is a
// warning, unless Epoch wrote "Forthcoming".
void readDescription(RowReader &row, TrainingRun &run)
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
    run.notes = std::string(row.text(kNotes));
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
        run.sources.push_back(
            {firstUrl ? std::string(reference) : std::string(), std::string(url)});
        firstUrl = false;
    });
    if (firstUrl) run.sources.push_back({std::string(reference), {}});
}

// The compute column as a reported estimate, noted with Epoch's method and notes.
std::optional<ComputeEstimate> reportedEstimate(RowReader &row)
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
    return ComputeEstimate::reported(*flop, std::move(note));
}

// Reads an export record by record into a dataset: the first record is the header.
class EpochImporter {
public:
    EpochImporter(const std::string &sourceName, const HardwareCatalog *catalog,
                  const ImportOptions &options, ImportResult &result)
        : m_source(sourceName), m_catalog(catalog), m_options(options), m_result(result),
          m_row(sourceName, result.report)
    {
    }

    // Both return false to stop reading.
    bool record(const CsvRecord &record);
    bool progress(double fraction);
    // A file that is not an export at all.
    const std::optional<Error> &fatal() const { return m_fatal; }

private:
    bool header(const CsvRecord &record);
    void row(const CsvRecord &record);
    void addEstimates(TrainingRun &run);

    const std::string &m_source;
    const HardwareCatalog *m_catalog;
    const ImportOptions &m_options;
    ImportResult &m_result;
    RowReader m_row;
    Columns m_columns{};
    RunIdAllocator m_ids;
    std::set<std::string> m_unknownHardware;
    std::optional<Error> m_fatal;
    bool m_reserved = false;
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
    std::vector<std::string> header(record.fields.begin(), record.fields.end());
    m_fatal = mapColumns(header, m_source, m_columns);
    if (m_fatal) return false;
    m_row.setHeader(std::move(header));
    return true;
}

void EpochImporter::row(const CsvRecord &record)
{
    ImportReport &report = m_result.report;
    Dataset &dataset = m_result.dataset;
    m_row.start(record, m_columns);
    m_row.checkFieldCount();
    ++report.rows;
    TrainingRun run;
    readIdentity(m_row, record.number, m_ids, run);
    readDescription(m_row, run);
    readSources(m_row, run);
    addEstimates(run);
    if (!run.date) ++report.withoutDate;
    if (run.estimates.empty()) ++report.withoutCompute;
    if (!run.isPlottable()) report.notPlottable.push_back(dataset.runs.size());
    dataset.runs.push_back(std::move(run));
}

// The reported estimate first (primary) and the hardware one as its check; a hardware
// estimate alone is primary, and the run is tagged for it.
void EpochImporter::addEstimates(TrainingRun &run)
{
    ImportReport &report = m_result.report;
    std::optional<ComputeEstimate> reported = reportedEstimate(m_row);
    if (reported) ++report.withReportedCompute;
    auto hw = hardwareFromRow(m_row, m_catalog, m_options, report, m_unknownHardware);
    run.estimates.reserve(std::size_t{reported.has_value()} + std::size_t{hw.has_value()});
    if (reported) run.estimates.push_back(std::move(*reported));
    if (!hw) return;
    const bool primary = run.estimates.empty();
    run.estimates.push_back({*hw, "From the row's hardware, quantity and training time columns"});
    ++report.hardwareEstimates;
    if (primary) {
        ++report.computeFromHardware;
        run.tags.emplace_back("compute-from-hardware");
    }
}

bool EpochImporter::progress(double fraction)
{
    // Past the first chunk, make room for the rest of the rows at the rate seen so far,
    // rather than moving 100,000 runs each time the vector outgrows itself.
    std::vector<TrainingRun> &runs = m_result.dataset.runs;
    if (!m_reserved && fraction < 1 && !runs.empty()) {
        const double expected = static_cast<double>(runs.size()) / fraction * 1.1;
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

Result<ImportResult> importEpochCsv(std::string_view bytes, const std::string &sourceName,
                                    const HardwareCatalog *catalog, const ImportOptions &options)
{
    ImportResult result;
    ImportReport &report = result.report;
    std::string repaired;
    bytes = asUtf8(bytes, sourceName, report, repaired);
    EpochImporter importer(sourceName, catalog, options, result);
    const Result<std::size_t> read = readCsv(
        bytes, sourceName, [&](const CsvRecord &record) { return importer.record(record); },
        [&](double fraction) { return importer.progress(fraction); });
    if (importer.fatal()) return *importer.fatal();
    if (!read) return read.errors();
    if (report.cancelled) { // nothing of it, rather than the rows read so far
        ImportResult cancelled;
        cancelled.report.cancelled = true;
        return cancelled;
    }
    if (read.value() == 0)
        return Error{sourceName, "is empty (expected a CSV file with a header row)"};
    if (report.rows == 0)
        report.warnings.push_back({sourceName + ": row 2",
                                   "no data rows after the header (expected "
                                   "one row per training run)"});
    return result;
}

} // namespace compute
