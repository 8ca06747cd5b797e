// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"

#include <QColor>
#include <QString>
#include <QUndoCommand>

#include <memory>
#include <optional>

namespace app {

class Document;

// The edits of eras and era schemes, each one undo command with a readable text ("Rename
// era 'Modern era'"), built on makeEditEraCommand (one era) and makeSetEraSchemesCommand
// (structure). Indices must be valid; a factory returns nullptr when the edit would
// change nothing or is refused (the *Problem functions say why).

// Why an era range is refused ("From must be before To"); empty when valid.
QString eraRangeProblem(const std::optional<compute::Date> &from,
                        const std::optional<compute::Date> &to);
// Why a name is refused (empty); for schemes also a name another scheme uses.
QString eraNameProblem(const QString &name);
QString schemeNameProblem(const compute::Dataset &dataset, const QString &name,
                          int renamedScheme = -1);

std::unique_ptr<QUndoCommand> makeRenameEraCommand(Document *document, std::size_t scheme,
                                                   std::size_t era, const QString &name);
std::unique_ptr<QUndoCommand> makeRecolorEraCommand(Document *document, std::size_t scheme,
                                                    std::size_t era, const QColor &color);
// Why an era's membership rule is refused (core's validateRule); empty when valid.
QString eraRuleProblem(const compute::EraRule &rule);
// Which runs of its dates the era fits (core/model/era_rule.h).
std::unique_ptr<QUndoCommand> makeSetEraRuleCommand(Document *document, std::size_t scheme,
                                                    std::size_t era, compute::EraRule rule);
std::unique_ptr<QUndoCommand> makeSetEraRangeCommand(Document *document, std::size_t scheme,
                                                     std::size_t era,
                                                     std::optional<compute::Date> from,
                                                     std::optional<compute::Date> to);

// Adds an era after era `after`: its range is the second half of that era's (which keeps
// the first half); the ends of an open era come from the runs dated in it. Without
// `after`, or when that era cannot be halved, the new era starts where it ends.
// The new era is at index after + 1 (0 without `after`).
std::unique_ptr<QUndoCommand> makeAddEraCommand(Document *document, std::size_t scheme,
                                                std::optional<std::size_t> after);
std::unique_ptr<QUndoCommand> makeRemoveEraCommand(Document *document, std::size_t scheme,
                                                   std::size_t era);
// Replaces the era by [from, at) and [at, to), at indices era and era + 1; nullptr
// unless `at` lies strictly inside the era.
std::unique_ptr<QUndoCommand> makeSplitEraCommand(Document *document, std::size_t scheme,
                                                  std::size_t era, const compute::Date &at);

// A new scheme, appended, with one era over all runs.
std::unique_ptr<QUndoCommand> makeAddSchemeCommand(Document *document, const QString &name);
std::unique_ptr<QUndoCommand> makeRenameSchemeCommand(Document *document, std::size_t scheme,
                                                      const QString &name);
// A copy of the scheme ("... (copy)"), inserted right after it.
std::unique_ptr<QUndoCommand> makeDuplicateSchemeCommand(Document *document, std::size_t scheme);
std::unique_ptr<QUndoCommand> makeRemoveSchemeCommand(Document *document, std::size_t scheme);

// A scheme name not used yet: `base`, "base 2", "base 3"...
QString uniqueSchemeName(const compute::Dataset &dataset, const QString &base);

} // namespace app
