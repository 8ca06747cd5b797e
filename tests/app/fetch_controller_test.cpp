// SPDX-License-Identifier: GPL-3.0-or-later
// File > Get Latest Epoch Data without its dialogs: download from a server on
// 127.0.0.1, keep, then open or merge; a failure offers the kept copy; a cancel changes
// nothing.
#include "app/controllers/fetch_controller.h"
#include "app/dialogs/fetch_dialog.h"
#include "app/main_window.h"
#include "app/net/epoch_sources.h"
#include "tests/app/fetch_test_data.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/local_http_server.h"
#include "tests/app/quiet_files.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using Use = app::FetchController::Use;

// A FetchController on a QuietFiles, downloading from `server` into a folder of its own.
struct QuietFetch {
    QuietFiles files;
    app::FetchController fetch{&files.files, nullptr};
    QTemporaryDir folder;
    QStringList warnings;
    QStringList offers;
    bool acceptOffer = false;

    explicit QuietFetch(const LocalHttpServer &server)
    {
        fetch.setPrompts({[this](const QString &title, const QString &text) {
                              warnings << title + QStringLiteral(": ") + text;
                          },
                          [this](const QString &title, const QString &text) {
                              offers << title + QStringLiteral(": ") + text;
                              return acceptOffer;
                          }});
        fetch.setLimits(testLimits(1 << 20));
        fetch.setDownloadFolder(folder.path());
        app::setEpochSourceUrl(notable(), server.url(QStringLiteral("/notable.csv")));
    }
    ~QuietFetch() { app::setEpochSourceUrl(notable(), {}); }
    static const app::EpochSource &notable()
    {
        return *app::findEpochSource(QStringLiteral("notable"));
    }
    QString kept() const { return folder.filePath(notable().fileName); }
};

TEST(FetchController, OpensTheDownloadAsANewDocumentThatKnowsWhereItCameFrom)
{
    LocalHttpServer server;
    const QByteArray body = epochCsv(4);
    server.route(QStringLiteral("/notable.csv"), LocalHttpServer::csv(body));
    QuietFetch f(server);
    ASSERT_TRUE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false))
        << f.warnings.join(QLatin1Char('\n')).toStdString();
    const compute::Dataset &dataset = f.files.document.dataset();
    EXPECT_EQ(dataset.runs.size(), 4u);
    EXPECT_EQ(QString::fromStdString(dataset.metadata.provenance.url),
              server.url(QStringLiteral("/notable.csv")).toString());
    EXPECT_EQ(QString::fromStdString(dataset.metadata.provenance.sha256), sha256Of(body));
    EXPECT_EQ(readAll(f.kept()), body);
    EXPECT_TRUE(f.warnings.isEmpty());
    EXPECT_TRUE(
        f.fetch.lastCopyDescription(f.notable()).startsWith(QStringLiteral("Last downloaded")));
}

TEST(FetchController, MergesIntoTheOpenDatasetAsOneUndoStep)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/notable.csv"), LocalHttpServer::csv(epochCsv(3, 1)));
    QuietFetch f(server);
    ASSERT_TRUE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    const compute::DatasetProvenance first = f.files.document.dataset().metadata.provenance;
    // A later vintage: the three runs corrected, two more.
    server.route(QStringLiteral("/notable.csv"), LocalHttpServer::csv(epochCsv(5, 2)));
    const int steps = f.files.document.undoStack()->count();
    ASSERT_TRUE(f.fetch.fetch(QStringLiteral("notable"), Use::Merge, true));
    const compute::Dataset &merged = f.files.document.dataset();
    EXPECT_EQ(merged.runs.size(), 5u);
    EXPECT_EQ(merged.runs[0].flop().value_or(0), 2e20); // replaced by the later vintage
    EXPECT_EQ(QString::fromStdString(merged.metadata.provenance.sha256), sha256Of(epochCsv(5, 2)));
    EXPECT_EQ(f.files.document.undoStack()->count(), steps + 1);
    f.files.document.undoStack()->undo();
    EXPECT_EQ(f.files.document.dataset().runs.size(), 3u);
    EXPECT_EQ(f.files.document.dataset().metadata.provenance, first);
}

TEST(FetchController, AFailedDownloadOffersTheLastCopyWhichStaysUntouched)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/notable.csv"), LocalHttpServer::csv(epochCsv(2)));
    QuietFetch f(server);
    ASSERT_TRUE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    const QByteArray kept = readAll(f.kept());
    const QByteArray keptSidecar = readAll(f.kept() + QStringLiteral(".json"));
    server.route(QStringLiteral("/notable.csv"),
                 LocalHttpServer::error(503, "Service Unavailable"));

    // Declined: nothing changes.
    f.files.document.reset({}, QString());
    EXPECT_FALSE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    ASSERT_EQ(f.offers.size(), 1);
    EXPECT_TRUE(f.offers[0].contains(QStringLiteral("503 Service Unavailable")))
        << f.offers[0].toStdString();
    EXPECT_TRUE(f.offers[0].contains(QStringLiteral("Last downloaded")));
    EXPECT_TRUE(f.files.document.dataset().runs.empty());

    // Accepted: the kept copy is opened, still as it was.
    f.acceptOffer = true;
    EXPECT_TRUE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    EXPECT_EQ(f.files.document.dataset().runs.size(), 2u);
    EXPECT_FALSE(f.files.document.dataset().metadata.provenance.empty());
    EXPECT_EQ(readAll(f.kept()), kept);
    EXPECT_EQ(readAll(f.kept() + QStringLiteral(".json")), keptSidecar);
    EXPECT_TRUE(f.warnings.isEmpty());
}

TEST(FetchController, AFailedFirstDownloadSaysWhyAndChangesNothing)
{
    LocalHttpServer server;
    server.route(QStringLiteral("/notable.csv"),
                 LocalHttpServer::csv("<!DOCTYPE html><p>Please sign in</p>"));
    QuietFetch f(server);
    EXPECT_FALSE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    ASSERT_EQ(f.warnings.size(), 1);
    EXPECT_TRUE(f.warnings[0].contains(QStringLiteral("web page"))) << f.warnings[0].toStdString();
    EXPECT_TRUE(f.warnings[0].contains(QStringLiteral("No earlier copy")));
    EXPECT_TRUE(f.offers.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(f.kept()));
    EXPECT_TRUE(f.files.document.dataset().metadata.provenance.empty());
}

TEST(FetchController, CancelMidTransferChangesNothing)
{
    LocalHttpServer server;
    LocalHttpServer::Response half = LocalHttpServer::csv(epochCsv(40));
    half.mode = LocalHttpServer::Response::Mode::StallAfterPart;
    half.part = 300;
    server.route(QStringLiteral("/notable.csv"), half);
    QuietFetch f(server);
    app::DownloadLimits patient;
    patient.timeoutMs = 20000; // only the cancel may end it
    f.fetch.setLimits(patient);
    QObject::connect(&f.fetch, &app::FetchController::downloadProgress, &f.fetch,
                     [&](qint64 received, qint64) {
                         if (received > 0) f.fetch.cancelDownload();
                     });
    QStringList messages;
    QObject::connect(&f.fetch, &app::FetchController::message, &f.fetch,
                     [&](const QString &text) { messages << text; });
    const auto before = f.files.document.dataset();
    EXPECT_FALSE(f.fetch.fetch(QStringLiteral("notable"), Use::Open, false));
    EXPECT_TRUE(f.warnings.isEmpty());
    EXPECT_TRUE(f.offers.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(f.kept()));
    EXPECT_EQ(f.files.document.dataset(), before);
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages[0].contains(QStringLiteral("cancelled")));
}

TEST(EpochSources, TheAddressOfASourceIsSetInTheSettingsAndEpochsClearsIt)
{
    const app::EpochSource &all = *app::findEpochSource(QStringLiteral("all"));
    EXPECT_EQ(all.defaultUrl, QUrl(QStringLiteral("https://epoch.ai/data/all_ai_models.csv")));
    EXPECT_EQ(app::epochSourceUrl(all), all.defaultUrl);
    const QUrl mirror(QStringLiteral("http://mirror.example/epoch/all_ai_models.csv"));
    app::setEpochSourceUrl(all, mirror);
    EXPECT_EQ(app::epochSourceUrl(all), mirror);
    QString error;
    EXPECT_EQ(app::fetchAddress(QStringLiteral("all"), &error), mirror);
    app::setEpochSourceUrl(all, all.defaultUrl);
    EXPECT_EQ(app::epochSourceUrl(all), all.defaultUrl);
    EXPECT_FALSE(QSettings().contains(QStringLiteral("fetch/url/all")));
    EXPECT_EQ(app::fetchAddress(QStringLiteral("https://example.org/x.csv"), &error),
              QUrl(QStringLiteral("https://example.org/x.csv")));
    EXPECT_FALSE(app::fetchAddress(QStringLiteral("ftp://example.org/x.csv"), &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("notable, all, frontier or large-scale")));
}

TEST(FetchDialog, DownloadStaysDisabledWhileTheAddressCannotBeDownloadedFrom)
{
    std::vector<app::FetchDialog::Choice> choices;
    for (const app::EpochSource &s : app::epochSources())
        choices.push_back({s.key, s.title, s.defaultUrl, s.defaultUrl, QString()});
    app::FetchDialog dialog(choices, [](const QUrl &url) {
        return url.scheme().startsWith(QLatin1String("http")) ? QString()
                                                              : QStringLiteral("not http");
    });
    QPushButton *download = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(download->isEnabled());
    dialog.setKey(QStringLiteral("frontier"));
    dialog.setAddress(QStringLiteral("ftp://mirror.example/frontier.csv"));
    EXPECT_FALSE(download->isEnabled());
    EXPECT_EQ(dialog.problem(), QStringLiteral("not http"));
    dialog.setAddress(QStringLiteral("http://mirror.example/frontier.csv"));
    EXPECT_TRUE(download->isEnabled());
    dialog.setKey(QStringLiteral("notable")); // each keeps its own address
    const std::vector<QUrl> urls = dialog.urls();
    ASSERT_EQ(urls.size(), 4u);
    EXPECT_EQ(urls[0], app::epochSources()[0].defaultUrl);
    EXPECT_EQ(urls[2], QUrl(QStringLiteral("http://mirror.example/frontier.csv")));
    EXPECT_EQ(dialog.key(), QStringLiteral("notable"));
    EXPECT_EQ(dialog.use(), app::FetchDialog::Use::Open);
    dialog.setUse(app::FetchDialog::Use::Merge);
    EXPECT_EQ(dialog.use(), app::FetchDialog::Use::Merge);
}

TEST(FetchController, TheFileMenuOffersGetLatestEpochData)
{
    app::MainWindow window;
    auto *action = window.findChild<QAction *>(QStringLiteral("fetchAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("Get &Latest Epoch Data..."));
    EXPECT_NE(window.fetches(), nullptr);
}

} // namespace
