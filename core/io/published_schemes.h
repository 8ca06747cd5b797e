// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The era schemes of the published analyses, each following its paper: the paper's era
// names, dates and rules for which runs it fitted, and the figure it published per era
// (tests/data/reference/methodology.md, sections 3, 6 and 7, has the sources). The
// bundled datasets carry them (resources/datasets), and an Epoch AI export opened
// directly gets the Epoch-based ones (core/io/epoch_defaults.h).

#include "core/model/era.h"

namespace compute {

// Tag of the 15 systems on OpenAI's 2018 chart (the bundled OpenAI dataset).
inline constexpr const char *kTagOpenAi2018Chart = "openai-2018-chart";

// "OpenAI 2018: the 15 chart systems": one era, the runs tagged openai-2018-chart;
// published 3.43 months (the original post's footnote), n = 15.
EraScheme openAi2018ChartScheme();
// "OpenAI 2018: four eras": the rough eras of the 2018 text, date ranges; no figures.
EraScheme openAi2018FourEras();
// "OpenAI 2019: two eras": the addendum's first era (~2-year doubling, before 2012) and
// modern era (3.4 months, from 2012).
EraScheme openAi2019TwoEras();
// "Sevilla et al. 2022: three eras", their Table 2: Pre Deep Learning Era (all runs before
// 2010 but the low-compute outliers), Deep Learning Era (regular-scale, -2 <= Z < 0.76,
// 2010 to March 2022) and Large-Scale Era (Z >= 0.76, September 2015 to March 2022).
EraScheme sevilla2022Eras();
// "Epoch 2024: 4-5x per year": notable models and the running top 10 by compute, both
// 2010-01-01 to 2024-06-01 ("from 2010 to May 2024"); published 4-5x per year.
EraScheme epoch2024Scheme();

// The schemes of the bundled OpenAI dataset, in its order.
std::vector<EraScheme> openAiSchemes();

} // namespace compute
