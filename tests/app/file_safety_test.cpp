// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/file_controller.h"
#include "app/data/atomic_file.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/recovery.h"
#include "app/document/view_state.h"
#include "core/io/json_format.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/quiet_files.h"
#include "tests/support/synthetic_dataset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <new>
#include <random>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray bytesOf(const compute::Dataset &dataset)
{
    const std::string text = compute::writeDatasetJson(dataset);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

TEST(FileSafety, SaveThenOpenIsLosslessForEveryBundledDataset)
{
    QTemporaryDir dir;
    for (const QString &key : {QStringLiteral("openai"), QStringLiteral("epoch")}) {
        auto loaded = app::loadBundledDataset(key);
        ASSERT_TRUE(loaded.ok());
        const QString path = dir.filePath(key + QStringLiteral(".ce.json"));
        ASSERT_FALSE(app::saveDataset(path, loaded->dataset).has_value());
        auto reopened = app::loadDataset(path);
        ASSERT_TRUE(reopened.ok()) << reopened.errorText();
        EXPECT_TRUE(reopened->dataset == loaded->dataset) << key.toStdString();
        EXPECT_EQ(readAll(path), bytesOf(loaded->dataset));
    }
}

TEST(FileSafety, DocumentIsMarkedSavedOnlyAfterASuccessfulWrite)
{
    QTemporaryDir dir;
    QuietFiles q;
    q.document.reset(testing_support::syntheticDataset(20), QString());
    q.document.undoStack()->push(new QUndoCommand(QStringLiteral("edit"))); // any change
    ASSERT_TRUE(q.document.isModified());

    // A read-only folder: the write fails, is reported, and nothing is marked saved.
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QDir().mkpath(locked);
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const bool rootCanWriteAnyway = ::access(QFile::encodeName(locked).constData(), W_OK) == 0;
    if (!rootCanWriteAnyway) {
        EXPECT_FALSE(q.files.saveTo(locked + QStringLiteral("/data.ce.json")));
        EXPECT_TRUE(q.document.isModified());
        ASSERT_EQ(q.warnings.size(), 1);
        EXPECT_TRUE(q.warnings.front().contains(QStringLiteral("locked/data.ce.json")));
        EXPECT_FALSE(QFile::exists(locked + QStringLiteral("/data.ce.json")));
    }
    // A missing folder fails the same way (also as root).
    EXPECT_FALSE(q.files.saveTo(dir.filePath(QStringLiteral("no/such/data.ce.json"))));
    EXPECT_TRUE(q.document.isModified());

    const QString good = dir.filePath(QStringLiteral("data.ce.json"));
    EXPECT_TRUE(q.files.saveTo(good));
    EXPECT_FALSE(q.document.isModified());
    EXPECT_EQ(q.document.filePath(), QFileInfo(good).absoluteFilePath());
    QFile::setPermissions(locked,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

TEST(FileSafety, AFailedOpenLeavesTheDocumentUntouched)
{
    QTemporaryDir dir;
    QuietFiles q;
    q.answer = app::FileController::SaveAnswer::Discard;
    q.document.reset(testing_support::syntheticDataset(5), QStringLiteral("/some/where.ce.json"));
    const compute::Dataset before = q.document.dataset();
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"schema_version\": 1, \"runs\": [ {\"id\": 3} ]}");
    file.close();
    EXPECT_FALSE(q.files.open(bad));
    EXPECT_TRUE(q.document.dataset() == before);
    EXPECT_EQ(q.document.filePath(), QStringLiteral("/some/where.ce.json"));
    ASSERT_EQ(q.warnings.size(), 1);
    EXPECT_TRUE(q.warnings.front().contains(QStringLiteral("runs[0].id")))
        << q.warnings.front().toStdString();
}

TEST(FileSafety, UnsavedChangesAreAskedAboutAndCancelKeepsThem)
{
    QuietFiles q;
    q.document.reset(testing_support::syntheticDataset(5), QString());
    q.document.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    q.answer = app::FileController::SaveAnswer::Cancel;
    EXPECT_FALSE(q.files.openBundled(QStringLiteral("openai")));
    EXPECT_EQ(q.document.dataset().runs.size(), 5u);
    q.answer = app::FileController::SaveAnswer::Discard;
    EXPECT_TRUE(q.files.openBundled(QStringLiteral("openai")));
    EXPECT_EQ(q.document.dataset().runs.size(), 32u);
}

// A child process saves two versions of a file over and over; it is killed with
// SIGKILL at a random moment. Whatever moment it dies, the file must be one of the two
// versions, complete.
TEST(FileSafety, KillingTheProcessMidSaveAlwaysLeavesTheOldOrTheNewFileComplete)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.ce.json"));
    const QByteArray a = bytesOf(testing_support::syntheticDataset(3000, 1)); // ~1 MB
    const QByteArray b = bytesOf(testing_support::syntheticDataset(2500, 2));
    ASSERT_FALSE(app::writeFileDurably(path, a).has_value());
    // The child says in shared memory whether it is inside a save, so the parent knows
    // where the kill landed. (Leftover temporary files cannot tell: on Linux the one
    // QSaveFile writes has no name until it is committed.)
    void *shared = ::mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(shared, MAP_FAILED);
    auto *inSave = new (shared) std::atomic<int>(0);
    std::mt19937 rng(99);
    std::uniform_int_distribution<int> delayUs(0, 40000);
    int killedMidSave = 0;
    constexpr int kRounds = 60;
    for (int round = 0; round < kRounds; ++round) {
        inSave->store(0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (int i = 0;; ++i) {
                inSave->store(1);
                app::writeFileDurably(path, i % 2 ? a : b);
                inSave->store(0);
            }
        }
        ::usleep(static_cast<useconds_t>(delayUs(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status));
        killedMidSave += inSave->load();
        const QByteArray now = readAll(path);
        const bool complete = now == a || now == b;
        ASSERT_TRUE(complete) << "round " << round << ": " << now.size() << " bytes";
        // A kill between naming the temporary file and renaming it leaves the
        // temporary file (data.ce.json.XXXXXX); nothing else may appear.
        const QStringList others =
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &other : others) {
            if (other == QStringLiteral("data.ce.json")) continue;
            ASSERT_TRUE(other.startsWith(QStringLiteral("data.ce.json."))) << other.toStdString();
            QFile::remove(dir.filePath(other));
        }
        auto parsed = compute::readDatasetJson(
            std::string_view(now.constData(), static_cast<std::size_t>(now.size())), "x");
        ASSERT_TRUE(parsed.ok());
    }
    ::munmap(shared, sizeof(std::atomic<int>));
    EXPECT_GT(killedMidSave, kRounds / 4) << "the kills rarely hit a save; the test proves little";
}

// A crashed session (a child process with unsaved work, killed) leaves a recovery copy;
// the next start finds it, and restoring gives back exactly the unsaved dataset.
TEST(FileSafety, RecoveryCopyOfACrashedSessionRestoresTheUnsavedWork)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    compute::Dataset unsaved = testing_support::syntheticDataset(50, 3);
    unsaved.runs[7].name = "Edited before the crash";
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        app::Document document;
        document.reset(testing_support::syntheticDataset(50, 3),
                       QStringLiteral("/home/me/data.ce.json"));
        auto *store = new app::RecoveryStore(&document, folder);
        document.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
        document.replaceRun(7, unsaved.runs[7]);
        store->writeNow();
        const char done = 1;
        (void)!::write(pipeFds[1], &done, 1);
        ::pause(); // killed here, like a crash: no destructor runs
    }
    char done = 0;
    ASSERT_EQ(::read(pipeFds[0], &done, 1), 1);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);

    app::Document next;
    app::RecoveryStore store(&next, folder);
    const auto orphans = store.orphans();
    ASSERT_EQ(orphans.size(), 1);
    EXPECT_EQ(orphans.front().originalPath, QStringLiteral("/home/me/data.ce.json"));
    auto restored = store.load(orphans.front());
    ASSERT_TRUE(restored.ok()) << restored.errorText();
    EXPECT_TRUE(restored.value() == unsaved);
    store.forget(orphans.front());
    EXPECT_TRUE(store.orphans().isEmpty());
}

TEST(FileSafety, ARunningInstancesRecoveryCopyIsNotAnOrphan)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    app::Document first;
    first.reset(testing_support::syntheticDataset(5), QString());
    app::RecoveryStore firstStore(&first, folder);
    first.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    firstStore.writeNow();
    ASSERT_TRUE(QFile::exists(firstStore.ownPath()));
    app::Document second;
    app::RecoveryStore secondStore(&second, folder);
    EXPECT_TRUE(secondStore.orphans().isEmpty());
    // Saving (the document becomes clean) removes the copy.
    first.undoStack()->setClean();
    EXPECT_FALSE(QFile::exists(firstStore.ownPath()));
}

TEST(FileSafety, ImportCsvMergesAndDuplicatesAreSkippedOrReplaced)
{
    QTemporaryDir dir;
    QuietFiles q;
    auto loaded = app::loadBundledDataset(QStringLiteral("openai"));
    q.document.reset(std::move(loaded).value().dataset, QString());
    const std::size_t before = q.document.dataset().runs.size();
    const QString csv = dir.filePath(QStringLiteral("more.csv"));
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Model,Publication date,Training compute (FLOP)\r\n"
               "AlexNet,2012-06-01,9e17\r\n"  // same name and date: a duplicate
               "GPT-2,2019-02-14,1.5e21\r\n"  // new
               "Something,Forthcoming,\r\n"); // new, kept without date or compute
    file.close();
    ASSERT_TRUE(q.files.importCsv(csv, false));
    EXPECT_EQ(q.document.dataset().runs.size(), before + 2);
    EXPECT_NEAR(*q.document.dataset().findRun("alexnet")->flop(), 5.0004e17, 1e14); // kept
    q.document.undoStack()->undo();
    EXPECT_EQ(q.document.dataset().runs.size(), before);
    ASSERT_TRUE(q.files.importCsv(csv, true));
    EXPECT_EQ(q.document.dataset().runs.size(), before + 2);
    EXPECT_DOUBLE_EQ(*q.document.dataset().findRun("alexnet")->flop(), 9e17); // replaced, id kept
}

} // namespace
