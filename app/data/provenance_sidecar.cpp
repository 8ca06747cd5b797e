// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/provenance_sidecar.h"

#include "app/data/atomic_file.h"
#include "core/io/provenance_json.h"

#include <QFile>
#include <QFileInfo>

namespace app {

QString provenanceSidecarPath(const QString &path)
{
    return path + QStringLiteral(".json");
}

std::optional<compute::Result<compute::DatasetProvenance>>
readProvenanceSidecar(const QString &path)
{
    const QString sidecar = provenanceSidecarPath(path);
    const QFileInfo info(sidecar);
    if (!info.isFile()) return std::nullopt;
    const std::string name = sidecar.toStdString();
    constexpr qint64 kMaxSize = 64 * 1024; // a few hundred bytes are written
    if (info.size() > kMaxSize)
        return compute::Result<compute::DatasetProvenance>(
            compute::Error{name, "is too large to be the record of a download"});
    QFile file(sidecar);
    if (!file.open(QIODevice::ReadOnly))
        return compute::Result<compute::DatasetProvenance>(
            compute::Error{name, "cannot be opened: " + file.errorString().toStdString()});
    const QByteArray text = file.read(kMaxSize);
    return compute::readProvenanceJson(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), name);
}

std::optional<compute::DatasetProvenance>
provenanceOfFile(const QString &path, const std::string &sha256Hex, compute::Errors &warnings)
{
    auto sidecar = readProvenanceSidecar(path);
    if (!sidecar) return std::nullopt;
    const std::string name = provenanceSidecarPath(path).toStdString();
    if (!*sidecar) {
        for (const compute::Error &e : sidecar->errors())
            warnings.push_back(e);
        warnings.push_back({name, "was not read, so where and when the data was downloaded is "
                                  "not recorded"});
        return std::nullopt;
    }
    if (sidecar->value().sha256 != sha256Hex) {
        warnings.push_back({name, "describes another version of the file (its SHA-256 differs: "
                                  "the file was changed after it was downloaded), so where and "
                                  "when the data was downloaded is not recorded"});
        return std::nullopt;
    }
    return std::move(*sidecar).value();
}

std::optional<QString> writeProvenanceSidecar(const QString &path,
                                              const compute::DatasetProvenance &provenance,
                                              qint64 size, const QString &finalUrl)
{
    const std::string text = compute::writeProvenanceJson(
        provenance, static_cast<std::uint64_t>(size), finalUrl.toStdString());
    return writeFileDurably(provenanceSidecarPath(path), QByteArray::fromStdString(text));
}

} // namespace app
