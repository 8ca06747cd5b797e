#include "app/data/dataset_file.h"

#include "app/data/atomic_file.h"
#include "app/data/bundled_data.h"
#include "core/epoch_defaults.h"
#include "core/json_format.h"

#include <QFile>
#include <QFileInfo>

namespace app {

FileKind fileKindOf(const QString &path)
{
    return path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) ? FileKind::EpochCsv
                                                                      : FileKind::NativeJson;
}

compute::Result<LoadedDataset> loadDataset(const QString &path,
                                           const std::function<bool(double)> &progress)
{
    const std::string name = path.startsWith(QStringLiteral(":/"))
                                 ? QFileInfo(path).fileName().toStdString()
                                 : path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return compute::Error{name, "cannot be opened: " + file.errorString().toStdString()};
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return compute::Error{name, "cannot be read: " + file.errorString().toStdString()};
    const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));

    if (fileKindOf(path) == FileKind::EpochCsv) {
        compute::ImportOptions options;
        options.progress = progress;
        auto imported = compute::importEpochCsv(view, name, &hardwareCatalog(), options);
        if (!imported) return imported.errors();
        compute::addEpochDefaults(imported->dataset,
                                  "Epoch AI export: " + QFileInfo(path).fileName().toStdString());
        LoadedDataset loaded{std::move(imported->dataset), std::move(imported->report)};
        return loaded;
    }
    auto dataset = compute::readDatasetJson(view, name);
    if (!dataset) return dataset.errors();
    return LoadedDataset{std::move(dataset).value(), std::nullopt};
}

compute::Result<LoadedDataset> loadBundledDataset(const QString &key)
{
    const BundledDataset *bundled = findBundledDataset(key);
    if (!bundled)
        return compute::Error{key.toStdString(), "is not a bundled dataset (expected openai or epoch)"};
    return loadDataset(bundled->resourcePath);
}

std::optional<QString> saveDataset(const QString &path, const compute::Dataset &dataset)
{
    const std::string text = compute::writeDatasetJson(dataset);
    return writeFileDurably(path, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

} // namespace app
