// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/dataset_file.h"

#include "core/io/csv_export.h"

#include "app/data/atomic_file.h"
#include "app/data/bundled_data.h"
#include "app/data/provenance_sidecar.h"
#include "core/io/epoch_defaults.h"
#include "core/io/json_format.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace app {
namespace {

// What tells one version of a file from the next: a write changes its size or its
// modification time (to the file system's granularity).
struct FileStamp {
    qint64 size = 0;
    QDateTime modified;
    bool operator==(const FileStamp &) const = default;
};

FileStamp stampOf(const QString &path)
{
    const QFileInfo info(path);
    return {info.size(), info.lastModified()};
}

// Share of the progress bar given to reading a file; parsing takes the rest (reading
// from the disk cache is several times faster than parsing).
constexpr double kReadShare = 0.1;

// The bytes of one version of the file, read in chunks with progress (which may cancel).
// A file that changes while it is read (another program still writing it) is read
// again after a pause, and refused if it keeps changing: parsing a mix of two versions
// would load a dataset that never existed.
compute::Result<QByteArray> readWhole(const QString &path, const std::string &name,
                                      const std::function<bool(double)> &progress)
{
    constexpr int kAttempts = 4;
    constexpr qint64 kChunk = 4 << 20;
    for (int attempt = 1;; ++attempt) {
        const FileStamp before = stampOf(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return compute::Error{name, "cannot be opened: " + file.errorString().toStdString()};
        auto readFailure = [&] {
            return compute::Error{name, "cannot be read: " + file.errorString().toStdString()};
        };
        // A pipe has no size to compare; a bundled resource never changes.
        if (file.isSequential() || path.startsWith(QStringLiteral(":/"))) {
            QByteArray bytes = file.readAll();
            if (file.error() != QFileDevice::NoError) return readFailure();
            return bytes;
        }
        QByteArray bytes(before.size, Qt::Uninitialized);
        qint64 filled = 0;
        while (filled < bytes.size()) {
            const qint64 n =
                file.read(bytes.data() + filled, std::min(kChunk, bytes.size() - filled));
            if (n < 0) return readFailure();
            if (n == 0) break; // shorter than it was
            filled += n;
            const double fraction = static_cast<double>(filled) / static_cast<double>(bytes.size());
            if (progress && !progress(kReadShare * fraction))
                return compute::Error{name, "was not read: the load was cancelled"};
        }
        char beyond = 0;
        const bool longer = file.read(&beyond, 1) > 0;
        if (filled == bytes.size() && !longer && stampOf(path) == before) return bytes;
        if (attempt == kAttempts)
            return compute::Error{name, "changed while it was being read, " +
                                            std::to_string(kAttempts) +
                                            " times (is another program still writing it?); "
                                            "nothing was loaded, try again when it is complete"};
        QThread::msleep(50 * static_cast<unsigned long>(attempt));
    }
}

} // namespace

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
    const compute::Result<QByteArray> read = readWhole(path, name, progress);
    if (!read) return read.errors();
    const QByteArray &bytes = read.value();
    const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));

    if (fileKindOf(path) == FileKind::EpochCsv) {
        compute::ImportOptions options;
        if (progress)
            options.progress = [&progress](double f) {
                return progress(kReadShare + (1 - kReadShare) * f);
            };
        auto imported = compute::importEpochCsv(view, name, &hardwareCatalog(), options);
        if (!imported) return imported.errors();
        std::string title = "Epoch AI export: " + QFileInfo(path).fileName().toStdString();
        // A download (File > Get Latest Epoch Data, --fetch) remembers where and when
        // it came from in the file beside it.
        if (!imported->report.cancelled && !path.startsWith(QStringLiteral(":/"))) {
            if (auto provenance = provenanceOfFile(path, view, imported->report.warnings)) {
                title += ", downloaded " + provenance->downloadedAt.substr(0, 10);
                imported->dataset.metadata.provenance = std::move(*provenance);
            }
        }
        compute::addEpochDefaults(imported->dataset, title);
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
    if (!bundled) {
        QStringList keys;
        for (const BundledDataset &d : bundledDatasets())
            keys << d.key;
        return compute::Error{key.toStdString(), "is not a bundled dataset (expected " +
                                                     keys.join(QStringLiteral(", ")).toStdString() +
                                                     ")"};
    }
    return loadDataset(bundled->resourcePath);
}

std::optional<QString> saveDataset(const QString &path, const compute::Dataset &dataset)
{
    const std::string text = compute::writeDatasetJson(dataset);
    return writeFileDurably(path, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

std::optional<QString> saveRunsCsv(const QString &path, const compute::Dataset &dataset,
                                   const std::vector<std::size_t> &runIndices)
{
    const std::string csv = compute::writeRunsCsv(dataset, runIndices);
    return writeFileDurably(path, QByteArray(csv.data(), static_cast<qsizetype>(csv.size())));
}

} // namespace app
