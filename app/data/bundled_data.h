// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/hardware_catalog.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace app {

// A dataset compiled into the binary (resources/datasets, via resources.qrc).
struct BundledDataset {
    QString key;   // "openai", "epoch": used on the command line (--bundled KEY)
    QString title; // menu text
    QString resourcePath;
};

// The bundled datasets, the default (OpenAI 2018) first.
const QList<BundledDataset> &bundledDatasets();
const BundledDataset *findBundledDataset(const QString &key);

// The accelerator catalog shipped in the binary; loaded once, on first use.
const compute::HardwareCatalog &hardwareCatalog();

} // namespace app
