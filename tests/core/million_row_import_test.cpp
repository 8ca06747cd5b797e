// SPDX-License-Identifier: GPL-3.0-or-later
// A 1,000,000-row Epoch-style CSV (185 MB) imports whole, in a few seconds, with a peak
// memory under 1 GB; a cancelled import stops at once and gives nothing. The
// import runs in a forked child so that its peak resident set (wait4's ru_maxrss) is
// its own and not that of the other tests in this binary.
#include "core/io/epoch_import.h"
#include "core/io/hardware_catalog_json.h"
#include "tests/core/test_paths.h"
#include "tests/support/synthetic_dataset.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace compute;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr std::size_t kRows = 1000000;
constexpr long kGigabyteInKilobytes = 1L << 20;

// A temporary file, removed when it goes out of scope.
class TemporaryFile {
public:
    TemporaryFile()
    {
        std::string pattern =
            (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : "/tmp") +
            "/million-rows-XXXXXX.csv";
        const int fd = ::mkstemps(pattern.data(), 4);
        if (fd >= 0) {
            ::close(fd);
            m_path = pattern;
        }
    }
    ~TemporaryFile()
    {
        if (!m_path.empty()) std::remove(m_path.c_str());
    }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What the child reports back through a pipe.
struct ChildReport {
    std::size_t rows = 0, runs = 0, withReportedCompute = 0, computeFromHardware = 0,
                hardwareEstimates = 0, withoutDate = 0, withoutCompute = 0, warnings = 0;
    bool ok = false;
    double readSeconds = 0, importSeconds = 0;
};

// In the child: reads the file a piece at a time into the import, as the app does, so
// that the file is never in memory whole.
ChildReport importInChild(const std::string &path)
{
    ChildReport report;
    const auto catalog = readHardwareCatalogJson(
        testing_paths::readSource("resources/hardware/accelerators.json"), "accelerators.json");
    if (!catalog) return report;
    const auto importStart = std::chrono::steady_clock::now();
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file) return report;
    std::fseek(file, 0, SEEK_END);
    const auto size = static_cast<std::size_t>(std::ftell(file));
    std::fseek(file, 0, SEEK_SET);
    EpochCsvStream stream("million.csv", &*catalog, {}, size);
    std::string piece(std::size_t{4} << 20, '\0');
    double readSeconds = 0;
    for (;;) {
        const auto readStart = std::chrono::steady_clock::now();
        const std::size_t n = std::fread(piece.data(), 1, piece.size(), file);
        readSeconds += secondsSince(readStart);
        if (n == 0 || !stream.feed(std::string_view(piece).substr(0, n))) break;
    }
    const bool readError = std::ferror(file) != 0;
    std::fclose(file);
    if (readError) return report;
    const auto imported = stream.finish();
    report.readSeconds = readSeconds;
    report.importSeconds = secondsSince(importStart) - readSeconds;
    if (!imported) return report;
    const ImportReport &r = imported->report;
    report.ok = !r.cancelled;
    report.rows = r.rows;
    report.runs = imported->dataset.runs.size();
    report.withReportedCompute = r.withReportedCompute;
    report.computeFromHardware = r.computeFromHardware;
    report.hardwareEstimates = r.hardwareEstimates;
    report.withoutDate = r.withoutDate;
    report.withoutCompute = r.withoutCompute;
    report.warnings = r.warnings.size();
    return report;
}

TEST(MillionRowImport, ImportsEveryRowWithAPeakMemoryUnderAGigabyte)
{
    if (kSanitized)
        GTEST_SKIP() << "AddressSanitizer's shadow memory and quarantine inflate the peak";
    TemporaryFile file;
    ASSERT_FALSE(file.path().empty());
    const auto writeStart = std::chrono::steady_clock::now();
    std::size_t bytes = 0;
    {
        std::FILE *out = std::fopen(file.path().c_str(), "wb");
        ASSERT_NE(out, nullptr);
        testing_support::syntheticEpochCsv(kRows, 42, [&](std::string_view piece) {
            bytes += std::fwrite(piece.data(), 1, piece.size(), out);
        });
        ASSERT_EQ(std::fclose(out), 0);
    }
    std::printf("[ figure   ] 1,000,000-row CSV: %.0f MB written in %.2f s\n",
                static_cast<double>(bytes) / (1 << 20), secondsSince(writeStart));

    int channel[2];
    ASSERT_EQ(::pipe(channel), 0);
    std::fflush(nullptr);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(channel[0]);
        const ChildReport report = importInChild(file.path());
        const bool sent = ::write(channel[1], &report, sizeof report) == sizeof report;
        ::_exit(sent ? 0 : 1); // no gtest or static destructors in the child
    }
    ::close(channel[1]);
    ChildReport report;
    const ssize_t received = ::read(channel[0], &report, sizeof report);
    ::close(channel[0]);
    int status = 0;
    rusage usage{};
    ASSERT_EQ(::wait4(child, &status, 0, &usage), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
    ASSERT_EQ(received, static_cast<ssize_t>(sizeof report));
    ASSERT_TRUE(report.ok);

    const long peakKilobytes = usage.ru_maxrss; // Linux: kilobytes
    std::printf("[ figure   ] 1,000,000-row CSV: read %.2f s, import %.2f s, peak RSS %.0f MB\n",
                report.readSeconds, report.importSeconds,
                static_cast<double>(peakKilobytes) / 1024);
    EXPECT_LT(peakKilobytes, kGigabyteInKilobytes);

    // The generator's rows: every tenth (i % 10 == 9) has no compute; every third
    // (i % 3 == 0) runs on 512 NVIDIA A100 for 720 hours, a chip the catalog knows.
    constexpr std::size_t withoutReported = kRows / 10;
    constexpr std::size_t onHardware = (kRows + 2) / 3;
    constexpr std::size_t bothMissing = (kRows - 9 + 29) / 30; // i % 30 == 9
    EXPECT_EQ(report.rows, kRows);
    EXPECT_EQ(report.runs, kRows);
    EXPECT_EQ(report.withReportedCompute, kRows - withoutReported);
    EXPECT_EQ(report.hardwareEstimates, onHardware);
    EXPECT_EQ(report.computeFromHardware, bothMissing);
    EXPECT_EQ(report.withoutCompute, withoutReported - bothMissing);
    EXPECT_EQ(report.withoutDate, 0u);
    EXPECT_EQ(report.warnings, 0u);
}

TEST(MillionRowImport, CancellingStopsAtOnceAndKeepsNothing)
{
    const std::string bytes = testing_support::syntheticEpochCsv(20000);
    ImportOptions options;
    std::vector<double> seen;
    bool askedToStop = false;
    bool calledAfterStop = false;
    options.progress = [&](double fraction) {
        calledAfterStop = calledAfterStop || askedToStop;
        seen.push_back(fraction);
        askedToStop = fraction >= 0.5;
        return !askedToStop;
    };
    const auto result = importEpochCsv(bytes, "cancel.csv", nullptr, options);
    ASSERT_TRUE(result.ok()) << result.errorText();
    EXPECT_TRUE(result->report.cancelled);
    EXPECT_FALSE(calledAfterStop);
    ASSERT_FALSE(seen.empty());
    EXPECT_LT(seen.back(), 1.0) << "stopped before the end of the text";
    // Nothing partial: no runs, no counts, no warnings about rows never read.
    EXPECT_TRUE(result->dataset.runs.empty());
    EXPECT_EQ(result->report.rows, 0u);
    EXPECT_TRUE(result->report.notPlottable.empty());
    EXPECT_TRUE(result->report.warnings.empty());
}

} // namespace
