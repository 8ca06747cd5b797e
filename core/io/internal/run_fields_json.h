// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A run's RunFields in the native format (schema 3):
//   "fields": {"dataset_size": 1.4e12, "cost_usd": 4e6, "cost_year": 2023,
//              "organization_category": "Industry", ...}
//   "extra": {"Abstract": "...", ...}             columns the app does not know
//   "csv_cells": {"Publication date": ["25/11/2019", "2019-11-25"], ...}
//                the source CSV's spelling of a cell, and what the app would write there

#include "core/io/internal/epoch_columns.h"
#include "core/io/internal/json_field_reader.h"
#include "core/model/training_run.h"

#include <nlohmann/json.hpp>

namespace compute {

// Adds "fields", "extra" and "csv_cells" to `j` where the run has any (keys in a fixed
// order, so that the same run always gives the same bytes). `plan` is that of the
// dataset's csvColumns: a source cell whose column is not there, or stale (the run was
// edited since), is left out.
void putRunFields(nlohmann::ordered_json &j, const TrainingRun &run, const epoch::HeaderPlan &plan);

// Reads them back into run.fields.
void readRunFields(JsonFieldReader &r, const JsonObject &j, TrainingRun &run);

// The native keys of the numbers and texts, for the migration of schema 2 and for tests.
std::string_view fieldJsonKey(RunNumber which);
std::string_view fieldJsonKey(RunText which);

} // namespace compute
