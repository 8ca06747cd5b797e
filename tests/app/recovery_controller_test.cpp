// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up offer to restore the work a crashed session left: what each answer does
// to the document and to the recovery copies.
#include "app/controllers/recovery_controller.h"
#include "app/document/document.h"
#include "app/document/recovery.h"
#include "tests/app/quiet_files.h"
#include "tests/support/synthetic_dataset.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr auto kOriginal = "/home/me/data.ce.json";

// A session with unsaved work that dies without cleaning up (SIGKILL), leaving its
// recovery copy in `folder`. Returns the dataset it had open.
compute::Dataset crashedSession(const QString &folder, const std::string &editedName)
{
    compute::Dataset unsaved = testing_support::syntheticDataset(20, 2);
    unsaved.runs[3].name = editedName;
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) return {};
    const pid_t child = ::fork();
    if (child == 0) {
        app::Document document;
        document.reset(testing_support::syntheticDataset(20, 2), QString::fromUtf8(kOriginal));
        auto *store = new app::RecoveryStore(&document, folder);
        document.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
        document.replaceRun(3, unsaved.runs[3]);
        store->writeNow();
        const char done = 1;
        (void)!::write(pipeFds[1], &done, 1);
        ::pause(); // killed here: no destructor runs
    }
    char done = 0;
    (void)!::read(pipeFds[0], &done, 1);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    return unsaved;
}

struct RecoveryOffer : ::testing::Test {
    QTemporaryDir dir;
    QString folder = dir.filePath(QStringLiteral("recovery"));
    QuietFiles quiet;
    app::Document &document = quiet.document;
    app::RecoveryStore store{&document, folder};
    app::RecoveryController offer{&document, &store, &quiet.files, nullptr};
    QStringList asked;

    void answer(app::RecoveryController::Answer a)
    {
        offer.setAsk([this, a](const app::RecoveryStore::Found &found) {
            asked << found.title;
            return a;
        });
    }
};

TEST_F(RecoveryOffer, RestoringMakesTheCrashedWorkTheUnsavedDocument)
{
    const compute::Dataset unsaved = crashedSession(folder, "Edited before the crash");
    ASSERT_EQ(store.orphans().size(), 1);
    answer(app::RecoveryController::Answer::Restore);
    offer.offerRecovery();
    EXPECT_EQ(asked.size(), 1);
    EXPECT_TRUE(document.dataset() == unsaved);
    EXPECT_TRUE(document.isModified());
    EXPECT_EQ(document.filePath(), QString::fromUtf8(kOriginal));
    // This instance keeps the work now: the orphan is gone, its own copy written.
    EXPECT_TRUE(store.orphans().isEmpty());
    EXPECT_TRUE(QFile::exists(store.ownPath()));
    EXPECT_TRUE(quiet.warnings.isEmpty()) << quiet.warnings.join(QLatin1Char('\n')).toStdString();
}

TEST_F(RecoveryOffer, LaterKeepsTheCopyForTheNextStartAndTheDocumentAsItWas)
{
    crashedSession(folder, "Edited before the crash");
    const compute::Dataset before = document.dataset();
    answer(app::RecoveryController::Answer::Later);
    offer.offerRecovery();
    EXPECT_EQ(asked.size(), 1);
    EXPECT_TRUE(document.dataset() == before);
    EXPECT_FALSE(document.isModified());
    EXPECT_EQ(store.orphans().size(), 1);
}

TEST_F(RecoveryOffer, DiscardingThrowsTheCopyAwayAndLeavesTheDocument)
{
    crashedSession(folder, "Edited before the crash");
    const compute::Dataset before = document.dataset();
    answer(app::RecoveryController::Answer::Discard);
    offer.offerRecovery();
    EXPECT_EQ(asked.size(), 1);
    EXPECT_TRUE(document.dataset() == before);
    EXPECT_FALSE(document.isModified());
    EXPECT_TRUE(store.orphans().isEmpty());
}

TEST_F(RecoveryOffer, OneCopyIsRestoredAndTheOthersWaitForTheNextStart)
{
    crashedSession(folder, "First crash");
    crashedSession(folder, "Second crash");
    ASSERT_EQ(store.orphans().size(), 2);
    answer(app::RecoveryController::Answer::Restore);
    offer.offerRecovery();
    EXPECT_EQ(asked.size(), 1); // one window, one document
    EXPECT_TRUE(document.isModified());
    EXPECT_EQ(store.orphans().size(), 1);
}

TEST_F(RecoveryOffer, WithoutCopiesNothingIsAsked)
{
    answer(app::RecoveryController::Answer::Restore);
    offer.offerRecovery();
    EXPECT_TRUE(asked.isEmpty());
    EXPECT_FALSE(document.isModified());
}

} // namespace
