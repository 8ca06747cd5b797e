// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/internal/epoch_columns.h"

#include "core/model/run_category.h"
#include "core/util/number_parse.h"
#include "core/util/text_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace compute::epoch {
namespace {

const std::array<std::vector<std::string_view>, kColumnCount> kNames = {{
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
    // Written by the app, so that an exported file imports back whole.
    {"Upper bound"},
    {"Notes"},
    {"Training dataset size (datapoints)"},
    {"Dataset size notes"},
    // The dollar year varies: matched by prefix in planHeader().
    {"Training compute cost (2023 USD)", "Training cost (2020 USD)"},
    {"Training power draw (W)"},
    {"Training chip-hours"},
    {"Epochs"},
    {"Batch size"},
    {"Finetune compute (FLOP)"},
    {"Citations"},
    {"Organization categorization"},
    {"Country (from Organization)", "Country (of organization)"},
    {"Model accessibility"},
    {"Notability criteria", "Inclusion criteria"},
    {"Base model"},
}};

// "Training compute cost (2023 USD)" and "Training cost (2020 USD)": the year, or 0.
int costYearOf(std::string_view name)
{
    for (std::string_view prefix : {"Training compute cost (", "Training cost ("}) {
        if (name.substr(0, prefix.size()) != prefix) continue;
        const std::string_view rest = name.substr(prefix.size());
        int year = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), year);
        if (ec != std::errc() || std::string_view(end, rest.data() + rest.size() - end) != " USD)")
            continue;
        if (year > 1900 && year < 3000) return year;
    }
    return 0;
}

std::string joined(const std::vector<std::string> &parts, std::string_view separator)
{
    std::string out;
    for (const std::string &p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

const HardwareInputs *hardwareOf(const TrainingRun &run)
{
    for (const ComputeEstimate &e : run.estimates)
        if (const auto *hardware = std::get_if<HardwareInputs>(&e.inputs)) return hardware;
    return nullptr;
}

// A number field, or else the value the hardware estimate was built from.
std::optional<double> numberOrHardware(const TrainingRun &run, RunNumber field,
                                       double HardwareInputs::*member)
{
    if (auto value = run.fields.number(field)) return value;
    const HardwareInputs *hardware = hardwareOf(run);
    return hardware ? std::optional(hardware->*member) : std::nullopt;
}

} // namespace

const std::vector<std::string_view> &columnNames(Column column)
{
    return kNames[static_cast<std::size_t>(column)];
}

std::optional<RunNumber> numberOf(Column column)
{
    switch (column) {
    case kDatasetSize:
        return RunNumber::DatasetSize;
    case kHours:
        return RunNumber::TrainingHours;
    case kQuantity:
        return RunNumber::HardwareQuantity;
    case kUtilization:
        return RunNumber::Utilization;
    case kCost:
        return RunNumber::Cost;
    case kPowerDraw:
        return RunNumber::PowerDraw;
    case kChipHours:
        return RunNumber::ChipHours;
    case kEpochs:
        return RunNumber::Epochs;
    case kBatchSize:
        return RunNumber::BatchSize;
    case kFinetuneCompute:
        return RunNumber::FinetuneCompute;
    case kCitations:
        return RunNumber::Citations;
    default:
        return std::nullopt;
    }
}

std::optional<RunText> textOf(Column column)
{
    switch (column) {
    case kDatasetNotes:
        return RunText::DatasetNotes;
    case kHardware:
        return RunText::TrainingHardware;
    case kOrganizationCategory:
        return RunText::OrganizationCategory;
    case kCountry:
        return RunText::Country;
    case kAccessibility:
        return RunText::Accessibility;
    case kNotability:
        return RunText::NotabilityCriteria;
    case kBaseModel:
        return RunText::BaseModel;
    default:
        return std::nullopt;
    }
}

bool isNumberColumn(Column column)
{
    return column == kCompute || column == kParameters || numberOf(column);
}

std::optional<double> numberCellValue(Column column, const TrainingRun &run)
{
    switch (column) {
    case kCompute:
        return run.flop();
    case kParameters:
        return run.parameters;
    case kQuantity:
        return numberOrHardware(run, RunNumber::HardwareQuantity, &HardwareInputs::deviceCount);
    case kHours:
        return numberOrHardware(run, RunNumber::TrainingHours, &HardwareInputs::trainingHours);
    case kUtilization:
        return numberOrHardware(run, RunNumber::Utilization, &HardwareInputs::utilization);
    default: {
        const auto field = numberOf(column);
        return field ? run.fields.number(*field) : std::nullopt;
    }
    }
}

HeaderPlan planHeader(const std::vector<std::string> &header)
{
    HeaderPlan plan;
    plan.at.fill(-1);
    plan.columns.resize(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string key = normalizedKey(header[i]);
        int role = -1;
        for (int c = 0; c < kColumnCount && role < 0; ++c) {
            if (plan.at[static_cast<std::size_t>(c)] >= 0) continue;
            for (std::string_view name : kNames[static_cast<std::size_t>(c)])
                if (key == normalizedKey(name)) role = c;
        }
        if (role < 0 && plan.at[kCost] < 0) {
            if (const int year = costYearOf(trimmed(header[i]))) {
                role = kCost;
                plan.costYear = year;
            }
        } else if (role == kCost) {
            plan.costYear = costYearOf(trimmed(header[i]));
        }
        if (role >= 0) {
            plan.at[static_cast<std::size_t>(role)] = static_cast<int>(i);
            plan.columns[i] = {role, header[i]};
            continue;
        }
        // A name seen before gets its rank, so that each column keeps its own cells.
        int seen = 1;
        for (std::size_t j = 0; j < i; ++j)
            if (header[j] == header[i]) ++seen;
        plan.columns[i] = {-1, seen == 1 ? header[i] : header[i] + "#" + std::to_string(seen)};
    }
    return plan;
}

const std::vector<std::string> &currentExportHeader()
{
    static const std::vector<std::string> header = {"Model",
                                                    "Domain",
                                                    "Organization",
                                                    "Organization categorization",
                                                    "Country (from Organization)",
                                                    "Authors",
                                                    "Publication date",
                                                    "Reference",
                                                    "Link",
                                                    "Citations",
                                                    "Notability criteria",
                                                    "Notability criteria notes",
                                                    "Parameters",
                                                    "Parameters notes",
                                                    "Training compute (FLOP)",
                                                    "Training compute notes",
                                                    "Training dataset",
                                                    "Training dataset notes",
                                                    "Training dataset size (datapoints)",
                                                    "Dataset size notes",
                                                    "Epochs",
                                                    "Training time (hours)",
                                                    "Training time notes",
                                                    "Training hardware",
                                                    "Hardware quantity",
                                                    "Hardware utilization",
                                                    "Training compute cost (2023 USD)",
                                                    "Compute cost notes",
                                                    "Confidence",
                                                    "Abstract",
                                                    "Base model",
                                                    "Finetune compute (FLOP)",
                                                    "Finetune compute notes",
                                                    "Batch size",
                                                    "Batch size notes",
                                                    "Model accessibility",
                                                    "Training code accessibility",
                                                    "Inference code accessibility",
                                                    "Accessibility notes",
                                                    "Frontier model",
                                                    "Training power draw (W)",
                                                    "Training compute estimation method"};
    return header;
}

std::size_t pythonFloat(double value, PythonFloatBuffer &out)
{
    const auto put = [&out](std::string_view text) {
        text.copy(out.data(), text.size());
        return text.size();
    };
    if (!std::isfinite(value)) return put(std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf"));
    if (value == 0) return put(std::signbit(value) ? "-0.0" : "0.0");
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    // At most 17 digits, 15 zeros, a sign, a point and ".0": within the buffer.
    std::size_t size = 0;
    const auto append = [&](std::string_view part) {
        part.copy(out.data() + size, part.size());
        size += part.size();
    };
    const auto zeros = [&](int count) {
        for (; count > 0; --count)
            out[size++] = '0';
    };
    if (text.front() == '-') {
        append("-");
        text.remove_prefix(1);
    }
    const std::size_t e = text.find('e');
    char digitBuffer[24];
    std::size_t n = 0;
    for (char c : text.substr(0, e))
        if (c != '.') digitBuffer[n++] = c;
    const std::string_view digits(digitBuffer, n);
    const std::string_view exponentText = text.substr(e + 1); // "+16", "-05"
    int magnitude = 0;
    std::from_chars(exponentText.data() + 1, exponentText.data() + exponentText.size(), magnitude);
    const int exponent = exponentText.front() == '-' ? -magnitude : magnitude;
    const int count = static_cast<int>(n);
    if (exponent >= -4 && exponent < 16) {
        if (exponent >= count - 1) {
            append(digits);
            zeros(exponent - (count - 1));
            append(".0");
        } else if (exponent >= 0) {
            append(digits.substr(0, static_cast<std::size_t>(exponent + 1)));
            append(".");
            append(digits.substr(static_cast<std::size_t>(exponent + 1)));
        } else {
            append("0.");
            zeros(-exponent - 1);
            append(digits);
        }
        return size;
    }
    append(digits.substr(0, 1));
    if (n > 1) {
        append(".");
        append(digits.substr(1));
    }
    append(exponent < 0 ? "e-" : "e+");
    if (magnitude < 10) append("0");
    const auto written = std::to_chars(out.data() + size, out.data() + out.size(), magnitude);
    return static_cast<std::size_t>(written.ptr - out.data());
}

std::string pythonFloat(double value)
{
    PythonFloatBuffer buffer;
    return std::string(buffer.data(), pythonFloat(value, buffer));
}

namespace {

// The digits of a number as pythonFloat() writes it, read back without formatting: the
// significant digits as a whole number, and the power of ten of the last.
struct ReprDigits {
    std::uint64_t whole = 0;
    int count = 0;    // significant digits
    int exponent = 0; // of the first digit: 2 for "512.0", -5 for "1e-05"
    bool negative = false;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads `text` as pythonFloat() would have written a non-zero finite number, or nullopt
// when it is not spelt so (any other text is not pythonFloat() of any number).
// Digits past the 19th are not added up (`count` still counts them).
std::optional<ReprDigits> readRepr(std::string_view text)
{
    ReprDigits r;
    const char *p = text.data();
    const char *const end = p + text.size();
    if (p != end && *p == '-') {
        r.negative = true;
        ++p;
    }
    const auto add = [&r](char c) {
        if (++r.count <= 19) r.whole = r.whole * 10 + static_cast<unsigned>(c - '0');
    };
    const char *const integer = p;
    while (p != end && isDigit(*p))
        ++p;
    const std::string_view whole(integer, static_cast<std::size_t>(p - integer));
    if (whole.empty() || (whole.size() > 1 && whole.front() == '0')) return std::nullopt;
    std::string_view fraction;
    if (p != end && *p == '.') {
        const char *const start = ++p;
        while (p != end && isDigit(*p))
            ++p;
        fraction = std::string_view(start, static_cast<std::size_t>(p - start));
        if (fraction.empty()) return std::nullopt;
    }
    if (p == end) { // fixed: "512.0", "0.33", "0.0001"
        if (fraction.empty()) return std::nullopt;
        if (fraction != "0" && fraction.back() == '0') return std::nullopt;
        if (whole != "0") {
            r.exponent = static_cast<int>(whole.size()) - 1;
            // Zeros ending a whole number are not significant: "100100.0" is 1001e2.
            std::string_view digits = whole;
            if (fraction == "0") {
                while (digits.back() == '0')
                    digits.remove_suffix(1);
                fraction = {};
            }
            for (char c : digits)
                add(c);
            for (char c : fraction)
                add(c);
            // Between 1 and 1e16 a number is written fixed.
            return r.exponent < 16 ? std::optional(r) : std::nullopt;
        }
        const std::size_t first = fraction.find_first_not_of('0');
        if (first == std::string_view::npos || first > 3) return std::nullopt; // 0, or < 1e-4
        r.exponent = -static_cast<int>(first) - 1;
        for (char c : fraction.substr(first))
            add(c);
        return r;
    }
    // Scientific: "1e+16", "4.64e+26", "1e-05".
    if (whole.size() != 1 || whole == "0") return std::nullopt;
    if (!fraction.empty() && fraction.back() == '0') return std::nullopt;
    if (end - p < 4 || p[0] != 'e' || (p[1] != '+' && p[1] != '-')) return std::nullopt;
    const bool negativeExponent = p[1] == '-';
    const std::string_view exponent(p + 2, static_cast<std::size_t>(end - p - 2));
    if (exponent.size() > 3 || (exponent.size() == 3 && exponent.front() == '0'))
        return std::nullopt;
    int magnitude = 0;
    for (char c : exponent) {
        if (!isDigit(c)) return std::nullopt;
        magnitude = magnitude * 10 + (c - '0');
    }
    r.exponent = negativeExponent ? -magnitude : magnitude;
    if (r.exponent >= -4 && r.exponent < 16) return std::nullopt; // written fixed
    add(whole.front());
    for (char c : fraction)
        add(c);
    return r;
}

} // namespace

namespace {

// The number `repr` spells, when it has at most 15 significant digits: the shortest
// spelling of the double they read as, and the only one of that length, which is what
// pythonFloat() writes. nullopt for more digits, which only formatting can judge.
std::optional<double> shortReprValue(const ReprDigits &repr)
{
    if (repr.count > 15) return std::nullopt;
    const auto read = exactDecimal(repr.whole, repr.exponent - (repr.count - 1));
    if (!read) return std::nullopt;
    return repr.negative ? -*read : *read;
}

} // namespace

std::optional<double> pythonFloatValue(std::string_view text)
{
    const auto repr = readRepr(text);
    return repr ? shortReprValue(*repr) : std::nullopt;
}

bool isPythonFloat(std::string_view text, double value)
{
    PythonFloatBuffer buffer;
    if (value != 0 && std::isfinite(value)) {
        const auto repr = readRepr(text);
        if (!repr) return false; // not how pythonFloat() writes anything
        // The text is the number's when it reads back as it (0 is never read here).
        if (const auto read = shortReprValue(*repr)) return *read == value;
    }
    return text == std::string_view(buffer.data(), pythonFloat(value, buffer));
}

std::string_view methodInNote(std::string_view note)
{
    constexpr std::string_view prefix = "Epoch AI (";
    if (note.substr(0, prefix.size()) != prefix) return {};
    const std::size_t close = note.find(')', prefix.size());
    if (close == std::string_view::npos) return {};
    // "Epoch AI (a): b" or "Epoch AI (a)" only: a method with a ')' inside is not split.
    const std::string_view after = note.substr(close + 1);
    if (!after.empty() && after.substr(0, 2) != ": ") return {};
    return note.substr(prefix.size(), close - prefix.size());
}

std::string_view notesInNote(std::string_view note)
{
    constexpr std::string_view plain = "Epoch AI";
    if (note == plain) return {};
    if (note.substr(0, plain.size() + 2) == "Epoch AI: ") return note.substr(plain.size() + 2);
    const std::string_view method = methodInNote(note);
    if (!method.empty()) {
        const std::size_t start = std::string_view("Epoch AI (").size() + method.size() + 1;
        return note.size() > start ? note.substr(start + 2) : std::string_view();
    }
    return note;
}

std::string canonicalCell(Column column, const TrainingRun &run)
{
    std::string scratch;
    const std::string_view cell = canonicalCell(column, run, scratch);
    return cell.data() == scratch.data() ? std::move(scratch) : std::string(cell);
}

std::string_view canonicalCell(Column column, const TrainingRun &run, std::string &scratch)
{
    // Texts the run holds as they are come back as views of it; the rest is written into
    // `scratch`: an import compares every known cell of every row, without a copy.
    const auto written = [&scratch](std::string text) -> std::string_view {
        scratch = std::move(text);
        return scratch;
    };
    if (isNumberColumn(column)) {
        const auto value = numberCellValue(column, run);
        return written(value ? pythonFloat(*value) : std::string());
    }
    if (auto field = textOf(column)) {
        const std::string_view text = run.fields.text(*field);
        if (column == kHardware && text.empty())
            if (const HardwareInputs *hardware = hardwareOf(run)) return hardware->device;
        return text;
    }
    const ComputeEstimate *primary = run.primaryEstimate();
    switch (column) {
    case kName:
        return run.name;
    case kDomain: {
        if (std::none_of(run.tags.begin(), run.tags.end(),
                         [](std::string_view tag) { return tag.starts_with("domain:"); }))
            return run.domain;
        std::vector<std::string> domains;
        if (!run.domain.empty()) domains.push_back(run.domain);
        for (std::string_view tag : run.tags)
            if (tag.starts_with("domain:")) domains.emplace_back(tag.substr(7));
        return written(joined(domains, ","));
    }
    case kOrganization:
        return run.organization;
    case kDate:
        return written(run.date ? run.date->toIso() : std::string());
    case kLink: {
        if (run.sources.size() == 1) return run.sources.front().url;
        std::vector<std::string> urls;
        for (const Source &s : run.sources)
            if (!s.url.empty()) urls.push_back(s.url);
        return written(joined(urls, ","));
    }
    case kReference: {
        if (run.sources.size() == 1) return run.sources.front().title;
        std::vector<std::string> titles;
        for (const Source &s : run.sources)
            if (!s.title.empty()) titles.push_back(s.title);
        return written(joined(titles, "; "));
    }
    case kComputeNotes:
        return primary ? notesInNote(primary->note) : std::string_view();
    case kConfidence:
        return confidenceTitle(run.confidence);
    case kFrontier:
        return run.hasTag(kTagFrontier) ? "True" : "";
    case kMethod: {
        if (!primary) return {};
        const std::string_view method = methodInNote(primary->note);
        if (!method.empty() || primary->note.view().starts_with("Epoch AI")) return method;
        return methodLabel(primary->method());
    }
    case kNumberFormat: {
        const HardwareInputs *hardware = hardwareOf(run);
        return hardware ? numberFormatKey(hardware->numberFormat) : std::string_view();
    }
    case kUpperBound:
        return run.upperBound ? "True" : "";
    case kNotes:
        return run.notes;
    default:
        return {};
    }
}

} // namespace compute::epoch
