// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_export.h"

#include "core/io/csv_reader.h"
#include "core/io/internal/epoch_columns.h"

#include <algorithm>

namespace compute {
namespace {

using namespace epoch;

// Epoch's current columns, then those of the app's own that an export of other data needs
// to import back whole.
std::vector<std::string> headerFor(const Dataset &dataset)
{
    if (!dataset.metadata.csvColumns.empty()) return dataset.metadata.csvColumns;
    std::vector<std::string> header = currentExportHeader();
    for (Column c : {kNumberFormat, kUpperBound, kNotes})
        header.emplace_back(columnNames(c).front());
    return header;
}

std::vector<std::string> rowOf(const TrainingRun &run, const HeaderPlan &plan)
{
    std::vector<std::string> cells;
    cells.reserve(plan.columns.size());
    for (const ColumnPlan &column : plan.columns) {
        if (column.role < 0) {
            cells.emplace_back(run.fields.extra(column.key));
            continue;
        }
        std::string canonical = canonicalCell(static_cast<Column>(column.role), run);
        if (auto source = run.fields.sourceCell(column.key, canonical))
            cells.push_back(std::move(*source));
        else
            cells.push_back(std::move(canonical));
    }
    return cells;
}

} // namespace

std::string writeRunsCsv(const Dataset &dataset, const std::vector<std::size_t> &runIndices)
{
    std::vector<std::string> header = headerFor(dataset);
    HeaderPlan plan = planHeader(header);
    // A run the source's columns cannot hold whole gets the app's column for it.
    auto needs = [&](Column c, auto &&has) {
        if (plan.at[c] >= 0) return;
        const bool any =
            runIndices.empty()
                ? std::any_of(dataset.runs.begin(), dataset.runs.end(), has)
                : std::any_of(runIndices.begin(), runIndices.end(), [&](std::size_t i) {
                      return i < dataset.runs.size() && has(dataset.runs[i]);
                  });
        if (!any) return;
        header.emplace_back(columnNames(c).front());
        plan = planHeader(header);
    };
    needs(kUpperBound, [](const TrainingRun &run) { return run.upperBound; });
    needs(kNotes, [](const TrainingRun &run) { return !run.notes.empty(); });

    std::string out = csvRecord(header);
    if (runIndices.empty()) {
        for (const TrainingRun &run : dataset.runs)
            out += csvRecord(rowOf(run, plan));
    } else {
        for (std::size_t i : runIndices)
            if (i < dataset.runs.size()) out += csvRecord(rowOf(dataset.runs[i], plan));
    }
    return out;
}

} // namespace compute
