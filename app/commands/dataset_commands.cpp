// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/dataset_commands.h"

#include "app/commands/change_value_command.h"
#include "app/document/document.h"

namespace app {

std::unique_ptr<QUndoCommand> makeEditEraCommand(Document *document, std::size_t scheme,
                                                 std::size_t era, compute::Era value,
                                                 const QString &text)
{
    return std::make_unique<ChangeValueCommand<compute::Era>>(
        [document, scheme, era] { return document->dataset().eraSchemes.at(scheme).eras.at(era); },
        [document, scheme, era](compute::Era v) { document->setEra(scheme, era, v); },
        std::move(value), text);
}

std::unique_ptr<QUndoCommand> makeSetEraSchemesCommand(Document *document,
                                                       std::vector<compute::EraScheme> schemes,
                                                       const QString &text)
{
    return std::make_unique<ChangeValueCommand<std::vector<compute::EraScheme>>>(
        [document] { return document->dataset().eraSchemes; },
        [document](std::vector<compute::EraScheme> s) {
            document->replaceEraSchemes(std::move(s));
        },
        std::move(schemes), text);
}

std::unique_ptr<QUndoCommand>
makeSetMetadataCommand(Document *document, compute::DatasetMetadata metadata, const QString &text)
{
    return std::make_unique<ChangeValueCommand<compute::DatasetMetadata>>(
        [document] { return document->dataset().metadata; },
        [document](compute::DatasetMetadata m) { document->setMetadata(m); }, std::move(metadata),
        text);
}

} // namespace app
