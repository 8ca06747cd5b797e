// SPDX-License-Identifier: GPL-3.0-or-later
// writeFileDurably, the one way the app writes a file (saves, CSV and figure exports,
// sidecars, recovery copies): whatever goes wrong, the file is the old one, and
// nothing else appears next to it.
#include "app/data/atomic_file.h"

#include "tests/app/gui_test_util.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const QString kName = QStringLiteral("data.ce.json");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything in the folder, hidden files included.
QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                  QDir::NoDotAndDotDot);
}

mode_t permissionsOf(const QString &path)
{
    struct stat info {};
    EXPECT_EQ(::stat(QFile::encodeName(path).constData(), &info), 0);
    return info.st_mode & 07777;
}

TEST(AtomicSave, ReplacesTheBytesAndLeavesNothingElseInTheFolder)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kName);
    ASSERT_FALSE(app::writeFileDurably(path, "first version, the longer one\n").has_value());
    ASSERT_FALSE(app::writeFileDurably(path, "second\n").has_value());
    EXPECT_EQ(readAll(path), QByteArray("second\n"));
    EXPECT_EQ(entriesOf(dir.path()), QStringList{kName});
}

// A write that fails halfway (here the file size limit, as a full disk would) must
// not reach the file: the old bytes stay, and no temporary file is left behind.
TEST(AtomicSave, AWriteThatFailsHalfwayKeepsTheOldFileByteForByteAndLeavesNoTemporaryFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kName);
    const QByteArray old = "the old content\n";
    ASSERT_FALSE(app::writeFileDurably(path, old).has_value());
    const QByteArray bigger(256 * 1024, 'x');

    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails (EFBIG) instead
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const auto error = app::writeFileDurably(path, bigger);
        const QByteArray message = error ? error->toUtf8() : QByteArray();
        (void)!::write(pipeFds[1], message.constData(), static_cast<size_t>(message.size()));
        ::_exit(error ? 0 : 1);
    }
    ::close(pipeFds[1]);
    QByteArray message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, n);
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0) << "the write past the size limit did not fail";

    EXPECT_TRUE(message.contains(path.toUtf8())) << message.constData();
    EXPECT_TRUE(message.contains("writing")) << message.constData();
    EXPECT_EQ(readAll(path), old);
    EXPECT_EQ(entriesOf(dir.path()), QStringList{kName});
}

TEST(AtomicSave, AMissingFolderIsNamedAndNothingIsCreated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/") + kName);
    const auto error = app::writeFileDurably(path, "x");
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->startsWith(path)) << error->toStdString();
    EXPECT_TRUE(error->contains(QStringLiteral("does not exist"))) << error->toStdString();
    EXPECT_TRUE(entriesOf(dir.path()).isEmpty());
}

TEST(AtomicSave, AFolderInTheWayIsRefusedAndKeptAsItWas)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kName);
    ASSERT_TRUE(QDir(dir.path()).mkdir(kName));
    ASSERT_FALSE(app::writeFileDurably(path + QStringLiteral("/inside"), "in").has_value());
    const auto error = app::writeFileDurably(path, "x");
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->startsWith(path)) << error->toStdString();
    EXPECT_TRUE(QFileInfo(path).isDir());
    EXPECT_EQ(entriesOf(path), QStringList{QStringLiteral("inside")});
    EXPECT_EQ(entriesOf(dir.path()), QStringList{kName});
}

TEST(AtomicSave, TheReplacedFileKeepsItsPermissions)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kName);
    for (const mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0664}, mode_t{0604}}) {
        ASSERT_FALSE(app::writeFileDurably(path, "before").has_value());
        ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), mode), 0);
        ASSERT_FALSE(app::writeFileDurably(path, "after").has_value());
        EXPECT_EQ(permissionsOf(path), mode) << std::oct << mode;
        EXPECT_EQ(readAll(path), QByteArray("after"));
    }
}

TEST(AtomicSave, ANewFileGetsReadWritePermissionsLessTheUmask)
{
    QTemporaryDir dir;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const QString path = dir.filePath(kName);
    ASSERT_FALSE(app::writeFileDurably(path, "new").has_value());
    EXPECT_EQ(permissionsOf(path), mode_t{0666} & ~mask);
}

// Saving through a symbolic link (a dataset linked into a project folder) writes the
// file it points to and keeps the link.
TEST(AtomicSave, SavingThroughASymbolicLinkReplacesTheTargetAndKeepsTheLink)
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("real.ce.json"));
    const QString link = dir.filePath(kName);
    ASSERT_FALSE(app::writeFileDurably(target, "old").has_value());
    ASSERT_TRUE(QFile::link(target, link));
    ASSERT_FALSE(app::writeFileDurably(link, "new").has_value());
    EXPECT_TRUE(QFileInfo(link).isSymLink());
    EXPECT_EQ(readAll(target), QByteArray("new"));
    EXPECT_EQ(entriesOf(dir.path()), (QStringList{kName, QStringLiteral("real.ce.json")}));
}

TEST(AtomicSave, AReadOnlyFileIsRefusedAndKept)
{
    if (::geteuid() == 0) GTEST_SKIP() << "root may replace a read-only file";
    QTemporaryDir dir;
    const QString path = dir.filePath(kName);
    ASSERT_FALSE(app::writeFileDurably(path, "kept").has_value());
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0444), 0);
    const auto error = app::writeFileDurably(path, "lost");
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->startsWith(path)) << error->toStdString();
    EXPECT_EQ(readAll(path), QByteArray("kept"));
    EXPECT_EQ(entriesOf(dir.path()), QStringList{kName});
}

} // namespace
