// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QString>
#include <QUndoCommand>

#include <memory>
#include <vector>

namespace app {

class Document;

// Changes one era of one scheme (boundary drag, rename, recolour).
std::unique_ptr<QUndoCommand> makeEditEraCommand(Document *document, std::size_t scheme,
                                                 std::size_t era, compute::Era value,
                                                 const QString &text);
// Replaces the list of era schemes: adding, removing or renaming eras and schemes.
// Schemes are a handful of small values, so the command keeps the whole list.
std::unique_ptr<QUndoCommand> makeSetEraSchemesCommand(Document *document,
                                                       std::vector<compute::EraScheme> schemes,
                                                       const QString &text);
// Replaces the dataset's metadata (title, license, citation, hidden tags).
std::unique_ptr<QUndoCommand>
makeSetMetadataCommand(Document *document, compute::DatasetMetadata metadata, const QString &text);

} // namespace app
