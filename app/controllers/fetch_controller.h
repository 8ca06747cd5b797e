// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/net/download.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace app {

class FileController;
struct EpochSource;

// File > Get Latest Epoch Data: asks which of Epoch AI's exports to download and from
// where, downloads it with a progress bar and cancel, keeps it with its provenance in
// the application's data folder (the previous copy is replaced only by a complete,
// checked download), then opens it or merges it through the FileController. When the
// download fails it says why and offers the copy kept from the last download.
class FetchController : public QObject {
    Q_OBJECT

public:
    enum class Use { Open, Merge };

    FetchController(FileController *files, QWidget *window);

    bool fetchWithDialog();
    // Downloads the source named `key` (notable, all, ...) from its address in the
    // settings, then opens or merges it; false when nothing was opened or merged.
    bool fetch(const QString &key, Use use, bool replaceDuplicates);
    // Stops the download in progress (as its Cancel button does).
    void cancelDownload();

    // "Last downloaded 2025-08-07 14:03 UTC from ..." for the kept copy of a source, or
    // empty when there is none.
    QString lastCopyDescription(const EpochSource &source) const;
    // Where the download of `source` is kept: in downloadFolder() unless set otherwise.
    QString keptCopyPath(const EpochSource &source) const;
    void setDownloadFolder(const QString &folder) { m_folder = folder; }

    // How the controller talks to the user; message boxes by default, replaced by tests.
    struct Prompts {
        std::function<void(const QString &title, const QString &text)> warn;
        // The download failed and a copy from an earlier one is kept: use it instead?
        std::function<bool(const QString &title, const QString &text)> offerLastCopy;
    };
    void setPrompts(Prompts prompts) { m_prompts = std::move(prompts); }
    void setLimits(const DownloadLimits &limits) { m_limits = limits; }

signals:
    void downloadProgress(qint64 received, qint64 total);
    // For the status bar.
    void message(const QString &text);

private:
    // nullopt when the user cancelled.
    std::optional<DownloadResult> download(const QUrl &url, const QString &title);
    bool useFile(const QString &path, Use use, bool replaceDuplicates);

    FileController *m_files;
    QWidget *m_window;
    Prompts m_prompts;
    DownloadLimits m_limits;
    QString m_folder;
    QPointer<Download> m_current;
};

} // namespace app
