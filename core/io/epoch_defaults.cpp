// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/epoch_defaults.h"

namespace compute {

EraScheme sevilla2022Eras()
{
    EraScheme scheme;
    scheme.name = "Sevilla et al. 2022: three eras";
    scheme.description =
        "Sevilla, Heim, Ho, Besiroglu, Hobbhahn, Villalobos (2022), 'Compute Trends Across "
        "Three Eras of Machine Learning', arXiv:2202.05924. Their large-scale era fits only "
        "large-scale models (about 10-100x above the trend); here it is a date range, so "
        "it fits every run from September 2015 unless the view is filtered.";
    scheme.eras = {
        {"Pre-deep-learning era", std::nullopt, Date(2010, 1, 1), "#7f7f7f"},
        {"Deep learning era", Date(2010, 1, 1), std::nullopt, "#1f77b4"},
        {"Large-scale era", Date(2015, 9, 1), std::nullopt, "#d62728"},
    };
    return scheme;
}

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
    const EraScheme sevilla = sevilla2022Eras();
    if (!dataset.findScheme(sevilla.name)) dataset.eraSchemes.push_back(sevilla);
}

} // namespace compute
