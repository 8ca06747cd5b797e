// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/fetch_controller.h"

#include "app/controllers/file_controller.h"
#include "app/data/provenance_sidecar.h"
#include "app/dialogs/fetch_dialog.h"
#include "app/net/epoch_sources.h"
#include "app/net/kept_download.h"
#include "app/net/redirect_policy.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>

namespace app {
namespace {

const auto kLastKey = QStringLiteral("fetch/lastDataset");
const auto kLastMerged = QStringLiteral("fetch/lastMerged");

} // namespace

FetchController::FetchController(FileController *files, QWidget *window)
    : QObject(window), m_files(files), m_window(window),
      m_limits(DownloadLimits::fromEnvironment()), m_folder(downloadFolder())
{
    m_prompts.warn = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Ok, m_window);
        box.setInformativeText(text);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    };
    m_prompts.offerLastCopy = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Cancel, m_window);
        box.setInformativeText(text);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        QAbstractButton *useCopy = box.addButton(tr("Use the Last Copy"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == useCopy;
    };
}

QString FetchController::keptCopyPath(const EpochSource &source) const
{
    return m_folder + QLatin1Char('/') + source.fileName;
}

QString FetchController::lastCopyDescription(const EpochSource &source) const
{
    const QString path = keptCopyPath(source);
    if (!QFileInfo(path).isFile()) return {};
    const auto sidecar = readProvenanceSidecar(path);
    if (!sidecar || !*sidecar)
        return tr("A copy is kept from an earlier download (when is not recorded).");
    const compute::DatasetProvenance &p = sidecar->value();
    QString at = QString::fromStdString(p.downloadedAt);
    at.replace(QLatin1Char('T'), QLatin1Char(' '))
        .replace(QLatin1Char('Z'), QStringLiteral(" UTC"));
    return tr("Last downloaded %1 from %2.").arg(at, QString::fromStdString(p.url));
}

bool FetchController::fetchWithDialog()
{
    std::vector<FetchDialog::Choice> choices;
    for (const EpochSource &source : epochSources())
        choices.push_back({source.key, source.title, epochSourceUrl(source), source.defaultUrl,
                           lastCopyDescription(source)});
    FetchDialog dialog(
        choices,
        [](const QUrl &url) {
            return isWebAddress(url) ? QString() : tr("Enter an http:// or https:// address.");
        },
        m_window);
    // The dataset and the way it was used last time are the likely ones again.
    QSettings settings;
    if (const QString last = settings.value(kLastKey).toString(); findEpochSource(last))
        dialog.setKey(last);
    if (settings.value(kLastMerged, false).toBool()) dialog.setUse(FetchDialog::Use::Merge);
    if (dialog.exec() != QDialog::Accepted) return false;
    const std::vector<QUrl> urls = dialog.urls();
    for (std::size_t i = 0; i < urls.size() && i < epochSources().size(); ++i)
        setEpochSourceUrl(epochSources()[i], urls[i]);
    settings.setValue(kLastKey, dialog.key());
    settings.setValue(kLastMerged, dialog.use() == FetchDialog::Use::Merge);
    return fetch(dialog.key(), dialog.use() == FetchDialog::Use::Merge ? Use::Merge : Use::Open,
                 dialog.replaceDuplicates());
}

std::optional<DownloadResult> FetchController::download(const QUrl &url, const QString &title)
{
    Download download(url, m_limits);
    QProgressDialog progress(tr("Downloading %1 from %2...").arg(title, url.host()), tr("Cancel"),
                             0, 0, m_window);
    progress.setWindowTitle(tr("Get Latest Epoch Data"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    const QString label = progress.labelText();
    connect(&download, &Download::progress, &progress, [&](qint64 received, qint64 total) {
        // QProgressDialog counts in int; a per-mille scale fits any size.
        if (total > 0) {
            progress.setMaximum(1000);
            progress.setValue(static_cast<int>(1000 * received / total));
        }
        const QLocale locale;
        progress.setLabelText(total > 0
                                  ? tr("%1\n%2 of %3")
                                        .arg(label, locale.formattedDataSize(received),
                                             locale.formattedDataSize(total))
                                  : tr("%1\n%2").arg(label, locale.formattedDataSize(received)));
        emit downloadProgress(received, total);
    });
    connect(&progress, &QProgressDialog::canceled, &download, &Download::cancel);

    QEventLoop loop;
    connect(&download, &Download::finished, &loop, &QEventLoop::quit);
    m_current = &download;
    download.start();
    if (!download.isFinished()) loop.exec();
    m_current = nullptr;
    progress.disconnect(); // closing emits canceled() too
    progress.close();
    if (download.result().cancelled) return std::nullopt;
    return download.result();
}

void FetchController::cancelDownload()
{
    if (m_current) m_current->cancel();
}

bool FetchController::fetch(const QString &key, Use use, bool replaceDuplicates)
{
    const EpochSource *source = findEpochSource(key);
    if (!source) return false;
    const QUrl url = epochSourceUrl(*source);
    const auto result = download(url, source->title);
    if (!result) {
        emit message(tr("Download cancelled; nothing was changed."));
        return false;
    }
    const QString path = keptCopyPath(*source);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto error = keepDownload(*result, path);
    if (!error) {
        emit message(tr("Downloaded %1 (%2 bytes).").arg(source->title).arg(result->body.size()));
        return useFile(path, use, replaceDuplicates);
    }
    const QString title = tr("Cannot download %1").arg(source->title);
    // The reasons are written to follow "file: " on the command line; here each starts
    // a sentence.
    QString reason = *error;
    if (!reason.isEmpty()) reason[0] = reason[0].toUpper();
    const QString why = tr("%1\n\n%2.").arg(url.toDisplayString(), reason);
    const QString lastCopy = lastCopyDescription(*source);
    if (lastCopy.isEmpty()) {
        m_prompts.warn(title, why + QLatin1Char(' ') + tr("No earlier copy is kept."));
        return false;
    }
    if (!m_prompts.offerLastCopy(title, why + tr(" The copy kept from the last download is "
                                                 "unchanged.\n\n%1 Use it instead?")
                                                  .arg(lastCopy)))
        return false;
    return useFile(path, use, replaceDuplicates);
}

bool FetchController::useFile(const QString &path, Use use, bool replaceDuplicates)
{
    if (use == Use::Merge) return m_files->importCsv(path, replaceDuplicates);
    return m_files->open(path);
}

} // namespace app
