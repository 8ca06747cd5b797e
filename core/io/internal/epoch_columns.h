// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The columns of Epoch AI's CSV exports, shared by the importer and the writer so that a
// file read and written back keeps every column and every cell: what each column of a
// header holds, and what the app writes in it for a run.

#include "core/model/training_run.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace compute::epoch {

enum Column : int {
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
    kDatasetSize,
    kDatasetNotes,
    kCost,
    kPowerDraw,
    kChipHours,
    kEpochs,
    kBatchSize,
    kFinetuneCompute,
    kCitations,
    kOrganizationCategory,
    kCountry,
    kAccessibility,
    kNotability,
    kBaseModel,
    kColumnCount
};

// The names a column has had across Epoch's exports; the first is today's.
const std::vector<std::string_view> &columnNames(Column column);

// The numeric field a column holds, if it is one of RunFields' numbers.
std::optional<RunNumber> numberOf(Column column);
// The text field a column holds, if it is one of RunFields' texts.
std::optional<RunText> textOf(Column column);
// Whether the column holds a number: compute, parameters or one of RunFields' numbers.
bool isNumberColumn(Column column);
// The number a number column writes for `run` (as pythonFloat()), nullopt for none.
std::optional<double> numberCellValue(Column column, const TrainingRun &run);

// What one column of a header holds: a known column (role) or one the app does not know
// (role -1), whose cells the runs keep under `key` (its name; "name#2" for the second
// column of that name).
struct ColumnPlan {
    int role = -1;
    std::string key;
};

struct HeaderPlan {
    std::vector<ColumnPlan> columns;  // one per column of the header
    std::array<int, kColumnCount> at; // the header index of each known column, -1 if none
    int costYear = 0;                 // the dollar year of the cost column ("(2023 USD)")
};

// Columns are matched by name compared normalised; the first match of a name is kept,
// later ones are kept as unknown columns.
HeaderPlan planHeader(const std::vector<std::string> &header);

// The header of Epoch's current export (Notable AI Models), for data from no CSV.
const std::vector<std::string> &currentExportHeader();

// What the app writes in a known column for `run` (before the source's own spelling of
// the cell, RunFields::sourceCell, is preferred).
std::string canonicalCell(Column column, const TrainingRun &run);
// The same as a view of the run's own text where it holds the cell as it is, else of
// `scratch`, which it overwrites: valid while both are.
std::string_view canonicalCell(Column column, const TrainingRun &run, std::string &scratch);

// Python's repr of a float, as Epoch's exports write numbers: "24000000000.0",
// "4.64e+26", "0.33", "1e-05".
std::string pythonFloat(double value);
// The same into a buffer of the stack, returning its length: an import compares several
// numbers of every row with their cells.
using PythonFloatBuffer = std::array<char, 48>;
std::size_t pythonFloat(double value, PythonFloatBuffer &out);
// Whether `text` is pythonFloat(value), told without formatting the number when it has
// at most 15 significant digits (most cells): the cell an import keeps as the app writes it.
bool isPythonFloat(std::string_view text, double value);
// The number `text` is pythonFloat() of, when it has at most 15 significant digits and is
// not 0: read in one pass, without from_chars (an import reads most numbers so). nullopt
// otherwise, which says nothing about the text.
std::optional<double> pythonFloatValue(std::string_view text);

// The text of Epoch's estimation method and compute notes inside an estimate's note
// ("Epoch AI (Hardware): notes").
std::string_view methodInNote(std::string_view note);
std::string_view notesInNote(std::string_view note);

} // namespace compute::epoch
