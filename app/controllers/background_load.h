// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/data/dataset_file.h"

#include <QString>

#include <optional>

class QWidget;

namespace app {

// Loads a dataset on a worker thread while the window stays responsive: a progress
// dialog (after a short delay, so small files never flash one) shows how far an Epoch
// CSV import has read and lets the user cancel. Returns nullopt when cancelled;
// otherwise the load's result, errors included.
std::optional<compute::Result<LoadedDataset>> loadWithProgress(const QString &path,
                                                               QWidget *parent);

} // namespace app
