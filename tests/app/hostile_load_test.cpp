// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile loads through the app's background path (loadWithProgress, FileController):
// a large CSV is read off the GUI thread behind a progress dialog while the event loop
// keeps running; cancelling leaves the open document as it was; a file that another
// thread appends to, truncates and rewrites while it is read ends in a dataset that
// is one version of the file, or in an error naming the file, never in a mix.
#include "app/controllers/background_load.h"
#include "core/io/csv_reader.h"
#include "core/util/number_parse.h"
#include "tests/app/gui_test_util.h"
#include "tests/app/quiet_files.h"
#include "tests/support/synthetic_dataset.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <random>
#include <thread>
#include <unistd.h>

namespace {

// Long enough that the dialog shows (after 400 ms) on any machine: ~75 MB, a second or
// more to import.
constexpr std::size_t kLargeRows = 400000;

QString writeLargeCsv(const QTemporaryDir &dir, std::size_t rows)
{
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    testing_support::syntheticEpochCsv(rows, 7, [&file](std::string_view piece) {
        file.write(piece.data(), static_cast<qint64>(piece.size()));
    });
    return path;
}

// The load's progress dialog: it exists from the start, and shows after 400 ms.
QProgressDialog *progressDialog(bool visibleOnly = true)
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *dialog = qobject_cast<QProgressDialog *>(widget);
            dialog && (dialog->isVisible() || !visibleOnly))
            return dialog;
    return nullptr;
}

TEST(HostileLoad, LargeCsvLoadsOffTheGuiThreadBehindAProgressDialog)
{
    QTemporaryDir dir;
    const QString path = writeLargeCsv(dir, kLargeRows);
    ASSERT_FALSE(path.isEmpty());

    int ticks = 0;
    int dialogSeenAt = -1;
    int highestValue = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        ++ticks;
        if (QProgressDialog *dialog = progressDialog()) {
            if (dialogSeenAt < 0) dialogSeenAt = ticks;
            highestValue = std::max(highestValue, dialog->value());
        }
    });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    const auto loaded = app::loadWithProgress(path, nullptr);
    const qint64 elapsed = clock.elapsed();
    ticker.stop();
    std::printf("[ figure   ] %zu-row CSV through the app: %.2f s, %d timer ticks\n", kLargeRows,
                static_cast<double>(elapsed) / 1000, ticks);

    ASSERT_TRUE(loaded.has_value());
    ASSERT_TRUE(loaded->ok()) << loaded->errorText();
    EXPECT_EQ(loaded->value().dataset.runs.size(), kLargeRows);
    ASSERT_TRUE(loaded->value().importReport);
    EXPECT_FALSE(loaded->value().importReport->cancelled);
    // The event loop ran throughout: a 10 ms timer fired at least every 100 ms or so.
    EXPECT_GT(ticks, elapsed / 100) << "the GUI thread was blocked";
    // The dialog shows after 400 ms (small files never flash one); this load is longer
    // on any machine this runs on, but a faster one says so rather than fail.
    if (elapsed < 600) {
        std::printf("[ note     ] a %lld ms load is too short to see the progress dialog\n",
                    static_cast<long long>(elapsed));
    } else {
        EXPECT_GE(dialogSeenAt, 0) << "no progress dialog during a " << elapsed << " ms load";
        EXPECT_GT(highestValue, 0) << "the progress dialog never moved";
    }
    EXPECT_EQ(progressDialog(), nullptr) << "the dialog closes with the load";
}

TEST(HostileLoad, CancellingALargeOpenOrImportLeavesTheDocumentUntouched)
{
    QTemporaryDir dir;
    const QString path = writeLargeCsv(dir, kLargeRows);
    ASSERT_FALSE(path.isEmpty());
    QuietFiles q;
    q.answer = app::FileController::SaveAnswer::Discard;
    q.document.reset(testing_support::syntheticDataset(5), QStringLiteral("/some/where.ce.json"));
    q.document.undoStack()->push(new QUndoCommand(QStringLiteral("edit"))); // unsaved work
    const compute::Dataset before = q.document.dataset();

    // Clicks Cancel 200 ms into the load, before the dialog shows (at 400 ms) if need be:
    // how long a load takes to show it depends on the machine.
    qint64 cancelledAt = -1;
    QElapsedTimer clock;
    QTimer canceller;
    QObject::connect(&canceller, &QTimer::timeout, [&] {
        QProgressDialog *dialog = progressDialog(false);
        if (!dialog || cancelledAt >= 0 || clock.elapsed() < 200) return;
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            cancelledAt = clock.elapsed();
            button->click();
            break;
        }
    });

    for (const bool import : {false, true}) {
        SCOPED_TRACE(import ? "import" : "open");
        cancelledAt = -1;
        canceller.start(10);
        clock.start();
        const bool done = import ? q.files.importCsv(path, false) : q.files.open(path);
        const qint64 returnedAt = clock.elapsed();
        canceller.stop();
        ASSERT_GE(cancelledAt, 0) << "the load ended within 200 ms";
        EXPECT_FALSE(done);
        EXPECT_LT(returnedAt - cancelledAt, 500) << "Cancel did not stop the load at once";
        EXPECT_TRUE(q.document.dataset() == before);
        EXPECT_EQ(q.document.filePath(), QStringLiteral("/some/where.ce.json"));
        EXPECT_TRUE(q.document.isModified());
        EXPECT_EQ(q.document.undoStack()->count(), 1);
        EXPECT_TRUE(q.warnings.isEmpty()) << q.warnings.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(progressDialog(), nullptr);
    }
}

// ---------------------------------------------------------------------------------------
// A file that changes while it is read

// Rows of exactly 256 bytes (a page holds 16), header included: whatever prefix of a
// write in progress a reader sees, the file it sees ends after a whole row.
constexpr std::size_t kRowBytes = 256;
constexpr std::size_t kMaxRows = 40000; // 10 MB

std::string paddedRecord(std::vector<std::string> fields)
{
    const std::size_t length = compute::csvRecord(fields).size();
    fields.back().append(kRowBytes - length, 'p');
    return compute::csvRecord(fields);
}

std::string header()
{
    return paddedRecord({"Model", "Publication date", "Training compute (FLOP)", "Padding"});
}

// Row i of generation g: its name says both, its compute says i.
std::string row(int generation, std::size_t i)
{
    return paddedRecord({"G" + std::to_string(generation) + " row " + std::to_string(i),
                         "2020-01-01", compute::formatNumber(static_cast<double>(i + 1) * 1e12),
                         ""});
}

std::string rows(int generation, std::size_t from, std::size_t to)
{
    std::string text;
    text.reserve((to - from) * kRowBytes);
    for (std::size_t i = from; i < to; ++i)
        text += row(generation, i);
    return text;
}

// Empty when `dataset` is the first k rows of one generation (k may be 0), or what is
// wrong with it.
std::string notAVersion(const compute::Dataset &dataset)
{
    if (dataset.runs.empty()) return {};
    const std::string &first = dataset.runs.front().name;
    const std::string generation = first.substr(0, first.find(' '));
    for (std::size_t i = 0; i < dataset.runs.size(); ++i) {
        const compute::TrainingRun &run = dataset.runs[i];
        if (run.name != generation + " row " + std::to_string(i))
            return "run " + std::to_string(i) + " is '" + run.name + "' after '" + first + "'";
        if (run.flop() != static_cast<double>(i + 1) * 1e12)
            return "run " + std::to_string(i) + " has the compute of another row";
    }
    return {};
}

bool writeAll(int fd, const std::string &bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Appends to, truncates and rewrites the file on its own thread until stopped, as
// another program might. `pause` between changes; none when zero.
class Scribbler {
public:
    Scribbler(const QString &path, std::chrono::milliseconds pause)
        : m_path(QFile::encodeName(path).toStdString()), m_pause(pause)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~Scribbler()
    {
        m_stop = true;
        m_thread.join();
    }
    Scribbler(const Scribbler &) = delete;
    Scribbler &operator=(const Scribbler &) = delete;
    int changes() const { return m_changes; }

private:
    void run()
    {
        std::mt19937 random(1234);
        int generation = 1;
        std::size_t count = kMaxRows / 2;
        while (!m_stop) {
            const auto change = random() % 3;
            std::string text; // made before the file is touched, as a program would
            std::size_t newCount = count;
            if (change == 0) { // a new version, written from empty as most programs save
                newCount = 1 + random() % kMaxRows;
                text = header() + rows(generation + 1, 0, newCount);
            } else if (change == 1) { // whole rows appended
                newCount = std::min<std::size_t>(count + 1 + random() % 2000, kMaxRows);
                text = rows(generation, count, newCount);
            } else { // cut back to fewer rows
                newCount = random() % (count + 1);
            }
            const int fd = ::open(m_path.c_str(), O_WRONLY);
            if (fd < 0) return;
            if (change == 0) {
                ++generation;
                (void)!::ftruncate(fd, 0);
                (void)writeAll(fd, text);
            } else if (change == 1) {
                ::lseek(fd, 0, SEEK_END);
                (void)writeAll(fd, text);
            } else {
                (void)!::ftruncate(fd, static_cast<off_t>(kRowBytes * (1 + newCount)));
            }
            ::close(fd);
            count = newCount;
            ++m_changes;
            if (m_pause.count() > 0) std::this_thread::sleep_for(m_pause);
        }
    }

    std::string m_path;
    std::chrono::milliseconds m_pause;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_changes{0};
    std::thread m_thread;
};

// Writes `text` over the file: from empty (truncate), in place, or at its end.
enum class Write { Replace, InPlace, Append };
void writeFile(const QString &path, const std::string &text, Write how)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | (how == Write::Append ? O_APPEND : 0), 0644);
    ASSERT_GE(fd, 0);
    if (how == Write::Replace) {
        ASSERT_EQ(::ftruncate(fd, 0), 0);
    }
    EXPECT_TRUE(writeAll(fd, text));
    ::close(fd);
}

void truncateFile(const QString &path, std::size_t rowCount)
{
    ASSERT_EQ(::truncate(QFile::encodeName(path).constData(),
                         static_cast<off_t>(kRowBytes * (1 + rowCount))),
              0);
}

TEST(HostileLoad, FileChangedDuringTheReadIsReadAgainWhole)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("changed.csv"));
    constexpr std::size_t kRows = 30000; // 7.5 MB: read in two chunks at least
    struct Case {
        const char *what;
        std::function<void()> change;
        int generation;
        std::size_t rows;
    };
    const Case cases[] = {
        {"rows appended", [&] { writeFile(path, rows(1, kRows, kRows + 500), Write::Append); }, 1,
         kRows + 500},
        {"cut to fewer rows", [&] { truncateFile(path, 100); }, 1, 100},
        {"rewritten in place, same size",
         [&] { writeFile(path, header() + rows(2, 0, kRows), Write::InPlace); }, 2, kRows},
        {"replaced by a shorter version",
         [&] { writeFile(path, header() + rows(3, 0, 7), Write::Replace); }, 3, 7},
        {"emptied", [&] { truncateFile(path, 0); }, 1, 0},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.what);
        writeFile(path, header() + rows(1, 0, kRows), Write::Replace);
        // Later changes must get a later modification time, even on a coarse clock.
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        int calls = 0;
        const auto loaded = app::loadDataset(path, [&](double) {
            if (calls++ == 0) c.change(); // after the first chunk, in the middle of the read
            return true;
        });
        ASSERT_TRUE(loaded.ok()) << loaded.errorText();
        const compute::Dataset &dataset = loaded->dataset;
        EXPECT_EQ(dataset.runs.size(), c.rows);
        EXPECT_EQ(notAVersion(dataset), "");
        if (!dataset.runs.empty()) {
            EXPECT_EQ(dataset.runs.front().name, "G" + std::to_string(c.generation) + " row 0");
        }
    }
}

TEST(HostileLoad, FileThatKeepsChangingIsRefusedWithItsName)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("growing.csv"));
    writeFile(path, header() + rows(1, 0, 20000), Write::Replace);
    std::size_t appended = 20000;
    const auto loaded = app::loadDataset(path, [&](double) {
        writeFile(path, rows(1, appended, appended + 1), Write::Append);
        ++appended;
        return true;
    });
    ASSERT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.errors().size(), 1u);
    EXPECT_EQ(loaded.errors().front().where, QFile::encodeName(path).toStdString());
    EXPECT_EQ(loaded.errors().front().message,
              "changed while it was being read, 4 times (is another program still writing it?); "
              "nothing was loaded, try again when it is complete");
}

TEST(HostileLoad, FileChangingWhileItIsReadGivesOneVersionOfItOrAClearError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("changing.csv"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        const std::string initial = header() + rows(1, 0, kMaxRows / 2);
        file.write(initial.data(), static_cast<qint64>(initial.size()));
    }
    QuietFiles q;
    q.answer = app::FileController::SaveAnswer::Discard;
    q.document.reset(testing_support::syntheticDataset(3), QStringLiteral("/before.ce.json"));

    // Changes spaced wider than file time stamps' granularity, so that every change
    // made while a read is under way is seen; then changes back to back.
    int loaded = 0, refused = 0, changedWhileRead = 0;
    for (const auto pause : {std::chrono::milliseconds(25), std::chrono::milliseconds(0)}) {
        Scribbler scribbler(path, pause);
        QElapsedTimer clock;
        clock.start();
        for (int attempt = 0; attempt < 8 || clock.elapsed() < 1000; ++attempt) {
            SCOPED_TRACE(attempt);
            const compute::Dataset before = q.document.dataset();
            const QString pathBefore = q.document.filePath();
            const int warningsBefore = static_cast<int>(q.warnings.size());
            if (q.files.open(path)) {
                ++loaded;
                const std::string wrong = notAVersion(q.document.dataset());
                EXPECT_TRUE(wrong.empty()) << wrong;
                continue;
            }
            ++refused;
            // The document is as it was, and the one message names the file.
            EXPECT_TRUE(q.document.dataset() == before);
            EXPECT_EQ(q.document.filePath(), pathBefore);
            ASSERT_EQ(q.warnings.size(), warningsBefore + 1);
            const QString &warning = q.warnings.back();
            EXPECT_TRUE(warning.contains(path)) << warning.toStdString();
            if (warning.contains(QStringLiteral("changed while it was being read")))
                ++changedWhileRead;
        }
        std::printf("[ figure   ] %d changes made while loading\n", scribbler.changes());
    }
    std::printf("[ figure   ] changing file: %d loads, %d refused (%d as changing)\n", loaded,
                refused, changedWhileRead);
}

} // namespace
