// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/dataset_file.h"

#include "core/io/csv_export.h"

#include "app/data/atomic_file.h"
#include "app/data/bundled_data.h"
#include "app/data/provenance_sidecar.h"
#include "core/io/epoch_defaults.h"
#include "core/io/json_format.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <optional>

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

// Reads one version of the file a piece at a time: `start` is told the file's size
// (0 when unknown) before its first piece, and again if the file is read over; `feed` gets
// each piece and returns false to stop reading; `progress` gets the fraction read (and may
// cancel). A file that changes while it is read (another program still writing it) is
// read again after a pause, and refused if it keeps changing: parsing a mix of two
// versions would load a dataset that never existed. False when `feed` stopped early.
compute::Result<bool> readPieces(const QString &path, const std::string &name,
                                 const std::function<void(qint64)> &start,
                                 const std::function<bool(std::string_view)> &feed,
                                 const std::function<bool(double)> &progress)
{
    constexpr int kAttempts = 4;
    constexpr qint64 kChunk = 4 << 20;
    QByteArray piece(kChunk, Qt::Uninitialized);
    for (int attempt = 1;; ++attempt) {
        const FileStamp before = stampOf(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return compute::Error{name, "cannot be opened: " + file.errorString().toStdString()};
        // A pipe has no size to compare; a bundled resource never changes.
        const bool fixed = file.isSequential() || path.startsWith(QStringLiteral(":/"));
        const qint64 size = file.isSequential() ? 0 : file.size();
        start(size);
        // A file of known size is read to that size, and then must end there.
        qint64 filled = 0;
        while (fixed || filled < size) {
            const qint64 want = fixed ? kChunk : std::min(kChunk, size - filled);
            const qint64 n = file.read(piece.data(), want);
            if (n < 0)
                return compute::Error{name, "cannot be read: " + file.errorString().toStdString()};
            if (n == 0) break; // shorter than it was
            filled += n;
            if (!feed(std::string_view(piece.constData(), static_cast<std::size_t>(n))))
                return false;
            if (progress && size > 0 &&
                !progress(std::min(1.0, static_cast<double>(filled) / static_cast<double>(size))))
                return compute::Error{name, "was not read: the load was cancelled"};
        }
        if (fixed) return true;
        char beyond = 0;
        const bool longer = file.read(&beyond, 1) > 0;
        if (filled == size && !longer && stampOf(path) == before) return true;
        if (attempt == kAttempts)
            return compute::Error{name, "changed while it was being read, " +
                                            std::to_string(kAttempts) +
                                            " times (is another program still writing it?); "
                                            "nothing was loaded, try again when it is complete"};
        QThread::msleep(50 * static_cast<unsigned long>(attempt));
    }
}

// An Epoch AI export, imported as it is read so that a large file is never in memory
// whole, with the provenance of its sidecar when the file's SHA-256 matches.
compute::Result<LoadedDataset> loadEpochCsv(const QString &path, const std::string &name,
                                            const std::function<bool(double)> &progress)
{
    std::optional<compute::EpochCsvStream> stream;
    QCryptographicHash sha256(QCryptographicHash::Sha256);
    compute::ImportOptions options;
    options.progress = progress; // the fraction of the file parsed, which may cancel
    // Only a download has a sidecar to compare the hash with: hashing a file without one
    // would cost as much as a third of the load for nothing.
    const bool hashed =
        !path.startsWith(QStringLiteral(":/")) && QFileInfo::exists(provenanceSidecarPath(path));
    const compute::Result<bool> read = readPieces(
        path, name,
        [&](qint64 size) {
            stream.emplace(name, &hardwareCatalog(), options, static_cast<std::size_t>(size));
            sha256.reset();
        },
        [&](std::string_view piece) {
            if (hashed)
                sha256.addData(QByteArrayView(piece.data(), static_cast<qsizetype>(piece.size())));
            return stream->feed(piece);
        },
        {});
    if (!read) return read.errors();
    auto imported = stream->finish();
    if (!imported) return imported.errors();
    std::string title = "Epoch AI export: " + QFileInfo(path).fileName().toStdString();
    // A download (File > Get Latest Epoch Data, --fetch) remembers where and when it came
    // from in the file beside it. A file read only in part has no hash to compare.
    if (hashed && !imported->report.cancelled && read.value()) {
        const std::string digest = sha256.result().toHex().toStdString();
        if (auto provenance = provenanceOfFile(path, digest, imported->report.warnings)) {
            title += ", downloaded " + provenance->downloadedAt.substr(0, 10);
            imported->dataset.metadata.provenance = std::move(*provenance);
        }
    }
    compute::addEpochDefaults(imported->dataset, title);
    return LoadedDataset{std::move(imported->dataset), std::move(imported->report)};
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
    if (fileKindOf(path) == FileKind::EpochCsv) return loadEpochCsv(path, name, progress);

    // A native file is parsed whole; reading it takes the first tenth of the progress.
    constexpr double kReadShare = 0.1;
    QByteArray bytes;
    const compute::Result<bool> read = readPieces(
        path, name,
        [&](qint64 size) {
            bytes.clear();
            bytes.reserve(size);
        },
        [&](std::string_view piece) {
            bytes.append(piece.data(), static_cast<qsizetype>(piece.size()));
            return true;
        },
        [&](double fraction) { return !progress || progress(kReadShare * fraction); });
    if (!read) return read.errors();
    const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
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
