// SPDX-License-Identifier: GPL-3.0-or-later
// App benchmarks: the live refit + replot after an edit, figure export, start-up.
#include "app/chart/chart_view.h"
#include "app/data/dataset_file.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/export/dataset_figure.h"
#include "app/main_window.h"
#include "core/io/published_schemes.h"
#include "tests/support/synthetic_dataset.h"

#include <QApplication>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>

namespace {

compute::Dataset datasetFor(std::int64_t runs)
{
    if (runs == 0) {
        auto bundled = app::loadBundledDataset(QStringLiteral("openai"));
        return std::move(bundled).value().dataset;
    }
    return testing_support::syntheticDataset(static_cast<std::size_t>(runs));
}

// Edits one run after another, spread over the dataset: each one's compute doubles or
// halves (a reported estimate), as a form edit or an undo would.
class OneRunEdits {
public:
    explicit OneRunEdits(app::Document &document) : m_document(document) {}
    void next()
    {
        const std::size_t index = (m_count++ * 7919) % m_document.dataset().runs.size();
        compute::TrainingRun run = m_document.dataset().runs[index];
        run.estimates = {compute::ComputeEstimate::reported(run.flop().value_or(1e20) * m_factor)};
        if (run.parameters) *run.parameters *= m_factor; // moves it on a parameters axis too
        m_factor = 1.0 / m_factor;
        m_document.replaceRun(index, std::move(run));
    }

private:
    app::Document &m_document;
    std::size_t m_count = 0;
    double m_factor = 2.0;
};

// One run edited (its compute changes), then every ticked era of the first scheme
// refitted and the chart redrawn, as after a form edit or an undo. Offscreen, 1200 x 800.
void refitReplot(benchmark::State &state, compute::Dataset dataset, const compute::Axes &axes = {})
{
    app::Document document;
    document.reset(std::move(dataset), QString());
    app::ViewState view;
    view.setAxes(axes);
    view.setSchemeIndex(0);
    view.setTickedEras({0, 1, 2});
    app::TrendModel trends(&document, &view);
    app::ChartView chart(&document, &view, &trends);
    chart.resize(1200, 800);
    chart.show();
    QApplication::processEvents();
    chart.rebuildNow();
    OneRunEdits edits(document);
    for (auto _ : state) {
        edits.next();
        chart.rebuildNow();
    }
    state.counters["plotted"] = chart.renderer().scene().plotted;
    state.counters["drawn"] = chart.renderer().drawnPointCount();
    state.counters["n_third_era"] = static_cast<double>(trends.fit(2).n);
}

void BM_RefitReplot(benchmark::State &state)
{
    refitReplot(state, datasetFor(state.range(0)));
}
BENCHMARK(BM_RefitReplot)
    ->Arg(0)
    ->Arg(3000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same with parameters on y (every run given some, about sqrt(C / 120) as
// Chinchilla would have it, with a spread): the edit moves the run's compute, and with it
// its parameters, and the eras refit parameters against date.
void BM_RefitReplotParameters(benchmark::State &state)
{
    compute::Dataset dataset = datasetFor(state.range(0));
    for (std::size_t i = 0; i < dataset.runs.size(); ++i) {
        compute::TrainingRun &run = dataset.runs[i];
        const double spread = 0.5 + static_cast<double>((i * 7919) % 1000) / 1000.0;
        if (auto flop = run.flop()) run.parameters = std::sqrt(*flop / 120.0) * spread;
    }
    refitReplot(state, std::move(dataset),
                compute::Axes{compute::Quantity::Parameters, compute::Quantity::Date});
}
BENCHMARK(BM_RefitReplotParameters)
    ->Arg(3000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same with Sevilla et al.'s rules ticked: low outliers excluded before 2010, the
// regular-scale (-2 <= Z < 0.76) and large-scale (Z >= 0.76) eras, so that every edit
// changes the Z-scores of the runs near it before the eras refit.
void BM_RefitReplotZScoreEra(benchmark::State &state)
{
    compute::Dataset dataset = datasetFor(state.range(0));
    compute::EraScheme scheme = compute::sevilla2022Eras();
    for (compute::Era &era : scheme.eras) // over the synthetic data's years, to 2025
        if (era.to && *era.to == compute::Date(2022, 3, 1)) era.to.reset();
    dataset.eraSchemes.insert(dataset.eraSchemes.begin(), scheme);
    refitReplot(state, std::move(dataset));
}
BENCHMARK(BM_RefitReplotZScoreEra)
    ->Arg(3000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same edit in the whole window at its first-start layout (run table, era list,
// status bar, chart; the analysis dock waits in its tab behind the run table), until
// every view has caught up with it.
void BM_EditInWindow(benchmark::State &state)
{
    app::MainWindow window;
    window.resize(1600, 1000);
    window.document()->reset(datasetFor(state.range(0)), QString());
    window.viewState()->setSchemeIndex(0);
    window.viewState()->setTickedEras({0, 1, 2});
    window.show();
    QApplication::processEvents();
    app::Document &document = *window.document();
    OneRunEdits edits(document);
    for (auto _ : state) {
        edits.next();
        QApplication::processEvents(); // the coalesced refreshes run here
    }
}
BENCHMARK(BM_EditInWindow)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

void exportBenchmark(benchmark::State &state, app::FigureFormat format)
{
    const compute::Dataset dataset = datasetFor(state.range(0));
    app::DatasetFigureSettings settings;
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto figure = app::renderDatasetFigure(dataset, settings, format);
        if (!figure)
            state.SkipWithError("render failed");
        else
            bytes = static_cast<std::size_t>(figure->size());
    }
    state.counters["KB"] = static_cast<double>(bytes) / 1e3;
}

// Arg 0 = the bundled OpenAI dataset; otherwise that many synthetic runs.
void BM_ExportPng(benchmark::State &state)
{
    exportBenchmark(state, app::FigureFormat::Png);
}
void BM_ExportSvg(benchmark::State &state)
{
    exportBenchmark(state, app::FigureFormat::Svg);
}
void BM_ExportPdf(benchmark::State &state)
{
    exportBenchmark(state, app::FigureFormat::Pdf);
}
BENCHMARK(BM_ExportPng)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ExportSvg)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ExportPdf)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Main window built, bundled dataset opened, shown and painted once.
void BM_StartToFirstPaint(benchmark::State &state)
{
    for (auto _ : state) {
        app::MainWindow window;
        window.openBundled(QStringLiteral("openai"));
        window.show();
        QApplication::processEvents();
        window.repaint();
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_StartToFirstPaint)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
