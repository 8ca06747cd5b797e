// SPDX-License-Identifier: GPL-3.0-or-later
// --y and --x: every quantity on either axis in --fit, --project-* and --export, checked
// against least squares done here on the bundled data; --save OUT.csv.
#include "app/data/dataset_file.h"
#include "core/io/csv_reader.h"
#include "core/model/quantity.h"
#include "tests/app/cli_test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

using namespace cli_test;

namespace {

QJsonArray fitsOf(const CliOutcome &outcome)
{
    return QJsonDocument::fromJson(outcome.out.toUtf8())
        .object()
        .value(QStringLiteral("fits"))
        .toArray();
}

struct Ols {
    std::size_t n = 0;
    double slope = 0;
    double intercept = 0;
};

// Least squares of log10 y on x over the bundled Notable AI Models runs dated in
// [2010, 2025), without the runs the dataset hides, by the definition.
Ols byHand(compute::Quantity y, compute::Quantity x)
{
    const auto loaded = app::loadBundledDataset(QStringLiteral("epoch"));
    EXPECT_TRUE(loaded.ok());
    const compute::Dataset &d = loaded->dataset;
    const compute::Date from(2010, 1, 1), to(2025, 1, 1);
    std::vector<double> xs, ys;
    for (const compute::TrainingRun &run : d.runs) {
        if (!run.date || *run.date < from || !(*run.date < to) || d.isHiddenByDefault(run))
            continue;
        if (run.upperBound && (x == compute::Quantity::Compute || y == compute::Quantity::Compute))
            continue;
        const auto yv = compute::quantityValue(run, y);
        const auto xv = compute::quantityValue(run, x);
        if (!yv || !xv) continue;
        xs.push_back(x == compute::Quantity::Date ? *xv : std::log10(*xv));
        ys.push_back(std::log10(*yv));
    }
    Ols ols;
    ols.n = xs.size();
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        mx += xs[i];
        my += ys[i];
    }
    mx /= static_cast<double>(ols.n);
    my /= static_cast<double>(ols.n);
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) * (xs[i] - mx);
    }
    ols.slope = sxy / sxx;
    ols.intercept = my - ols.slope * mx;
    return ols;
}

TEST(AxesCli, FitOfParametersAgainstDateIsTheirOwnExponential)
{
    const CliOutcome r = run(args({"--fit", "--bundled", "epoch", "--y", "parameters", "--from",
                                   "2010-01-01", "--to", "2025-01-01"}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject fit = fitsOf(r).at(0).toObject();
    EXPECT_EQ(fit.value(QStringLiteral("y")).toString(), QStringLiteral("parameters"));
    EXPECT_EQ(fit.value(QStringLiteral("x")).toString(), QStringLiteral("date"));
    const Ols ols = byHand(compute::Quantity::Parameters, compute::Quantity::Date);
    ASSERT_GT(ols.n, 100u);
    EXPECT_EQ(fit.value(QStringLiteral("n")).toInt(), static_cast<int>(ols.n));
    EXPECT_NEAR(fit.value(QStringLiteral("slope_log10_per_year")).toDouble(), ols.slope, 1e-9);
    EXPECT_NEAR(fit.value(QStringLiteral("growth_factor_per_year")).toDouble(),
                std::pow(10.0, ols.slope), 1e-8);
}

TEST(AxesCli, FitOfComputeAgainstParametersIsAPowerLaw)
{
    const CliOutcome r = run(args({"--fit", "--bundled", "epoch", "--y", "compute", "--x",
                                   "parameters", "--from", "2010-01-01", "--to", "2025-01-01"}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject fit = fitsOf(r).at(0).toObject();
    for (const char *key : {"era", "from", "to", "n", "status", "y", "x", "exponent",
                            "exponent_ci95", "intercept_log10", "r_squared"})
        EXPECT_TRUE(fit.contains(QString::fromUtf8(key))) << key;
    EXPECT_EQ(fit.value(QStringLiteral("x")).toString(), QStringLiteral("parameters"));
    EXPECT_TRUE(fit.value(QStringLiteral("doubling_time_months")).isNull());
    EXPECT_TRUE(fit.value(QStringLiteral("growth_factor_per_year")).isNull());
    const Ols ols = byHand(compute::Quantity::Compute, compute::Quantity::Parameters);
    EXPECT_EQ(fit.value(QStringLiteral("n")).toInt(), static_cast<int>(ols.n));
    EXPECT_NEAR(fit.value(QStringLiteral("exponent")).toDouble(), ols.slope, 1e-9);
    EXPECT_NEAR(fit.value(QStringLiteral("intercept_log10")).toDouble(), ols.intercept, 1e-8);
    const QJsonArray ci = fit.value(QStringLiteral("exponent_ci95")).toArray();
    EXPECT_LT(ci.at(0).toDouble(), ols.slope);
    EXPECT_GT(ci.at(1).toDouble(), ols.slope);
}

TEST(AxesCli, EveryQuantityNameIsAcceptedAndOthersAreRefused)
{
    for (compute::Quantity q : compute::kQuantities) {
        if (q == compute::Quantity::Date || q == compute::Quantity::Compute) continue;
        const QString name = QString::fromStdString(std::string(compute::quantityKey(q)));
        const CliOutcome r = run(QStringList{QStringLiteral("--fit"), QStringLiteral("--bundled"),
                                             QStringLiteral("epoch"), QStringLiteral("--y"), name});
        EXPECT_EQ(r.exitCode, 0) << name.toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(fitsOf(r).at(0).toObject().value(QStringLiteral("y")).toString(), name);
    }
    const CliOutcome date = run(args({"--fit", "--y", "date"}));
    EXPECT_EQ(date.exitCode, 2);
    EXPECT_TRUE(date.err.contains(QStringLiteral("tokens-per-parameter")))
        << date.err.toStdString();
    EXPECT_EQ(run(args({"--fit", "--x", "flops"})).exitCode, 2);
    EXPECT_EQ(run(args({"--fit", "--y", "cost", "--x", "cost"})).exitCode, 2);
    EXPECT_EQ(run(args({"--fit", "-y", "cost"})).exitCode, 2); // two dashes, as --help says
    const CliOutcome project = run(args({"--project-to", "1e25", "--x", "parameters"}));
    EXPECT_EQ(project.exitCode, 2);
    EXPECT_TRUE(project.err.contains(QStringLiteral("--x date"))) << project.err.toStdString();
    EXPECT_TRUE(run(args({"--help"})).out.contains(QStringLiteral("--y NAME --x NAME")));
}

TEST(AxesCli, ProjectionsFollowTheYQuantity)
{
    const CliOutcome r = run(args({"--project-at", "2030-01-01", "--bundled", "epoch", "--y",
                                   "parameters", "--from", "2010-01-01", "--to", "2025-01-01"}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject p = QJsonDocument::fromJson(r.out.toUtf8())
                              .object()
                              .value(QStringLiteral("projections"))
                              .toArray()
                              .at(0)
                              .toObject();
    EXPECT_EQ(p.value(QStringLiteral("query")).toString(), QStringLiteral("value_at_date"));
    EXPECT_EQ(p.value(QStringLiteral("y")).toString(), QStringLiteral("parameters"));
    const Ols ols = byHand(compute::Quantity::Parameters, compute::Quantity::Date);
    const double x = compute::Date(2030, 1, 1).yearsSinceEpoch();
    EXPECT_NEAR(p.value(QStringLiteral("log10_value")).toDouble(), ols.intercept + ols.slope * x,
                1e-6);
    EXPECT_FALSE(p.contains(QStringLiteral("flop")));
}

TEST(AxesCli, SaveCsvWritesTheSourceColumnsBack)
{
    QTemporaryDir dir;
    const QString source =
        QStringLiteral(COMPUTE_SOURCE_DIR "/tests/data/epoch/pcd_trends_2022-05-03.csv");
    const QString out = dir.filePath(QStringLiteral("back.csv"));
    const CliOutcome r = run(QStringList{QStringLiteral("--save"), out, source});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile a(source), b(out);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    auto cells = [](const QByteArray &bytes) {
        std::vector<std::vector<std::string>> rows;
        const auto read = compute::readCsv(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), "x",
            [&](const compute::CsvRecord &record) {
                rows.emplace_back(record.fields.begin(), record.fields.end());
                return true;
            });
        EXPECT_TRUE(read.ok());
        return rows;
    };
    const auto before = cells(a.readAll()), after = cells(b.readAll());
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        ASSERT_EQ(after[i], before[i]) << "row " << i + 1;
    EXPECT_EQ(
        run(QStringList{QStringLiteral("--save"), dir.filePath(QStringLiteral("x.txt")), source})
            .exitCode,
        2);
}

TEST(AxesCli, ExportOfComputeAgainstParametersDrawsTheChinchillaLine)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("cp.svg"));
    const CliOutcome r =
        run(QStringList{QStringLiteral("--export"), svg, QStringLiteral("--bundled"),
                        QStringLiteral("epoch"), QStringLiteral("--y"), QStringLiteral("compute"),
                        QStringLiteral("--x"), QStringLiteral("parameters")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("Chinchilla-optimal"))) << "no 6ND line in the legend";
    EXPECT_TRUE(text.contains(QStringLiteral("Parameters")));
    EXPECT_FALSE(text.contains(QStringLiteral("Publication date")));
}

} // namespace
