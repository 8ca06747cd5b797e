// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/bundled_data.h"

#include "core/io/hardware_catalog_json.h"

#include <QFile>

namespace app {

const QList<BundledDataset> &bundledDatasets()
{
    static const QList<BundledDataset> datasets = {
        {QStringLiteral("openai"), QStringLiteral("OpenAI: AI and Compute (2018, 2019 addendum)"),
         QStringLiteral(":/datasets/openai-ai-and-compute.json")},
        {QStringLiteral("epoch"), QStringLiteral("Epoch AI: Notable AI Models (2025-02-24)"),
         QStringLiteral(":/datasets/epoch-notable-ai-models.json")},
        {QStringLiteral("epoch-2022"),
         QStringLiteral("Epoch AI: Parameter, Compute and Data Trends (2022-05-03)"),
         QStringLiteral(":/datasets/epoch-pcd-trends-2022-05-03.json")},
    };
    return datasets;
}

const BundledDataset *findBundledDataset(const QString &key)
{
    for (const BundledDataset &d : bundledDatasets())
        if (d.key == key) return &d;
    return nullptr;
}

const compute::HardwareCatalog &hardwareCatalog()
{
    static const compute::HardwareCatalog catalog = [] {
        QFile file(QStringLiteral(":/hardware/accelerators.json"));
        if (!file.open(QIODevice::ReadOnly)) qFatal("the bundled hardware catalog is missing");
        const QByteArray bytes = file.readAll();
        auto result = compute::readHardwareCatalogJson(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
            "accelerators.json");
        // A broken bundled catalog is a build defect; tests load it too.
        if (!result) qFatal("bundled hardware catalog: %s", result.errorText().c_str());
        return std::move(result).value();
    }();
    return catalog;
}

} // namespace app
