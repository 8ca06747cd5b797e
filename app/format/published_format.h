// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/dataset.h"
#include "core/model/published_figure.h"
#include "core/stats/trend_fit.h"

#include <QString>

#include <cstddef>
#include <optional>

namespace app {

// How a paper's published figure and our recomputed one are written; numbers from core.

// "9.9 mo" (a doubling time) or "4.5×/yr" (a growth factor); "–" when missing.
QString formatQuantity(compute::PublishedQuantity quantity, std::optional<double> value);
// "4.8 mo [3.9, 6.2]"; the interval left out when it has no end.
QString formatQuantityWithInterval(compute::PublishedQuantity quantity, std::optional<double> value,
                                   const compute::Interval &ci);
// The figure as published: "9.9 mo [7.7, 17.1] (95%)", or "4.5×/yr [4, 5] (a range)".
QString formatPublishedFigure(const compute::PublishedFigure &figure);
// Where it comes from: "Sevilla et al. 2022, arXiv:2202.05924, Table 2".
QString publishedSource(const compute::PublishedFigure &figure);
// The data of a dataset, for comparing with a paper's: the vintage of its download, else
// "runs to 2025-02" (its latest dated run); empty when nothing is dated.
QString datasetVintage(const compute::Dataset &dataset);
// The short fit of an era that follows a paper, for a list: "n = 49 · 8.1 mo (paper 9.9)"
// (a doubling time), "n = 300 · 6.9 mo (paper 4.5×/yr)"; n and why there is no fit.
QString fitSummaryWithPublished(const compute::TrendFit &fit,
                                const compute::PublishedFigure &figure);
// One line on why our data differ from the paper's: "paper: data of 2022-02, n = 16;
// here: runs to 2025-02, n = 30 · <the figure's note>".
QString dataDifference(const compute::PublishedFigure &figure, std::size_t ourN,
                       const QString &ourVintage);

} // namespace app
