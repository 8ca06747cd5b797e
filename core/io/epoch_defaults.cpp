// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/epoch_defaults.h"

namespace compute {

void addEpochDefaults(Dataset &dataset, const std::string &title)
{
    DatasetMetadata &m = dataset.metadata;
    if (m.title.empty()) m.title = title;
    if (m.license.empty()) m.license = "CC BY 4.0";
    if (m.citation.empty()) m.citation = kEpochCitation;
    if (m.sourceUrl.empty()) m.sourceUrl = "https://epoch.ai/data/notable-ai-models";
    if (m.description.empty())
        m.description = "Imported from a CSV export of Epoch AI's database of AI models. "
                        "Credit: Epoch AI, 'Parameter, Compute and Data Trends in Machine "
                        "Learning', https://epoch.ai/data/notable-ai-models (CC BY 4.0).";
    for (const EraScheme &scheme : {sevilla2022Eras(), epoch2024Scheme()})
        if (!dataset.findScheme(scheme.name)) dataset.eraSchemes.push_back(scheme);
}

} // namespace compute
