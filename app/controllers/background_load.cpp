// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/background_load.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace app {

std::optional<compute::Result<LoadedDataset>> loadWithProgress(const QString &path, QWidget *parent)
{
    // Shared with the worker: it may outlive this function if the user cancels a load
    // that cannot stop at once (a JSON parse); it then finishes and is discarded.
    struct Shared {
        std::atomic<bool> cancelled{false};
        std::atomic<int> permille{0};
    };
    auto shared = std::make_shared<Shared>();

    QFutureWatcher<compute::Result<LoadedDataset>> watcher;
    watcher.setFuture(QtConcurrent::run([path, shared] {
        return loadDataset(path, [shared](double fraction) {
            shared->permille.store(static_cast<int>(fraction * 1000));
            return !shared->cancelled.load();
        });
    }));

    QProgressDialog progress(QObject::tr("Reading %1...").arg(QFileInfo(path).fileName()),
                             QObject::tr("Cancel"), 0, 1000, parent);
    progress.setWindowTitle(QObject::tr("Opening"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);

    QEventLoop loop;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &progress,
                     [&] { progress.setValue(shared->permille.load()); });
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, [&] {
        shared->cancelled = true;
        loop.quit();
    });
    ticker.start(50);
    if (!watcher.isFinished()) loop.exec();
    ticker.stop();
    // Decide before closing: closing a progress dialog emits canceled() too. A cancel
    // wins even when the worker has finished meanwhile: it may have stopped early.
    const bool cancelled = shared->cancelled.load();
    progress.disconnect();
    progress.close();

    if (cancelled) return std::nullopt;
    watcher.waitForFinished();
    // Taken, not copied: a million runs are several hundred megabytes.
    return watcher.future().takeResult();
}

} // namespace app
