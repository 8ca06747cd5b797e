// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/export/figure_exporter.h"
#include "app/export/figure_style.h"
#include "core/model/dataset.h"
#include "core/stats/run_selection.h"

#include <QString>

#include <memory>
#include <optional>

namespace app {

class TrendModel;
class ViewState;

// A figure of a whole dataset as a first look at it shows it: the chosen era scheme
// (or one range) with every era's fit ticked, all plotted runs in view. This is what
// `--export` and `make run` without a display write.
struct DatasetFigureSettings {
    QString eraScheme;                 // empty: the dataset's first scheme
    std::optional<compute::Era> range; // instead of a scheme: one era, also the view
    compute::ComputeUnit units = compute::ComputeUnit::Flop;
    compute::Axes axes; // --y, --x: compute against date unless chosen otherwise
    bool includeHidden = false;
    std::vector<std::string> domains;                   // --domain: only runs of these (empty: all)
    std::vector<compute::RunFilter::Choice> categories; // --only
    compute::RunCategory colorBy = compute::RunCategory::Domain; // --color-by
    int width = 1200;
    int height = 800;
    double scale = 2.0;
    RenderOptions options;                    // citation defaults to the dataset's
    QString style = QStringLiteral("report"); // app/export/figure_style
    bool title = true;    // the dataset's title above the figure (unless options.title is set)
    bool sidecar = false; // also write sidecarPathOf(path): what the figure shows
};

// What `style` shows, where the caller leaves it to the style: its units unless
// `unitsGiven`, its range (one era, the fit of the runs shown) unless `viewGiven` (a
// scheme or a range was asked for).
void applyFigureStyle(DatasetFigureSettings &settings, const FigureStyle &style, bool unitsGiven,
                      bool viewGiven);

// A file name for a figure of the dataset, from its title ("AI and Compute (OpenAI
// 2018)" -> "ai-and-compute-openai-2018"); empty without a title.
QString figureBaseName(const compute::Dataset &dataset);

// Where a figure's reproducibility metadata goes: the figure's path + ".json".
QString sidecarPathOf(const QString &figurePath);

// The citation line for a dataset: its citation, else its title and license.
QString citationOf(const compute::Dataset &dataset);

// The reproducibility metadata (compute::reproducibilityJson) of what a view shows: the
// current scheme's ticked eras with their fits under the view's filter (previews
// applied), its units and whether hidden runs are included.
QString viewReproducibility(const compute::Dataset &dataset, const TrendModel &trends,
                            const ViewState &view);

// Renders and writes the figure with its metadata (compute::reproducibilityJson)
// embedded, and with settings.sidecar the same metadata beside it. Returns the error (unknown
// scheme, unwritable path); then neither file is created.
std::optional<QString> writeDatasetFigure(const compute::Dataset &dataset,
                                          const DatasetFigureSettings &settings,
                                          const QString &path);

// The exporter writeDatasetFigure uses (File > Export Figure with a style that sets what
// is shown); nullptr with the error for an unknown scheme.
std::unique_ptr<FigureExporter> datasetFigureExporter(const compute::Dataset &dataset,
                                                      const DatasetFigureSettings &settings,
                                                      QString *error = nullptr);

// The same, into bytes of the given format (benchmarks, tests).
std::optional<QByteArray> renderDatasetFigure(const compute::Dataset &dataset,
                                              const DatasetFigureSettings &settings,
                                              FigureFormat format, QString *error = nullptr);

} // namespace app
