// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/published_schemes.h"

#include "core/util/number_parse.h"

namespace compute {
namespace {

constexpr const char *kOpenAi2018 = "Amodei & Hernandez 2018, 'AI and Compute', OpenAI";
constexpr const char *kOpenAi2019 =
    "Sastry, Clark, Brockman & Sutskever 2019, 'Addendum: Compute used in older headline "
    "results', OpenAI";
constexpr const char *kSevilla2022 =
    "Sevilla, Heim, Ho, Besiroglu, Hobbhahn & Villalobos 2022, 'Compute Trends Across Three "
    "Eras of Machine Learning', arXiv:2202.05924";
constexpr const char *kEpoch2024 =
    "Epoch AI 2024, 'Training Compute of Frontier AI Models Grows by 4-5x per Year'";

Era era(std::string name, std::optional<Date> from, std::optional<Date> to, std::string color)
{
    Era e;
    e.name = std::move(name);
    e.from = from;
    e.to = to;
    e.color = std::move(color);
    return e;
}

PublishedFigure doublingMonths(double value, const char *source, std::string vintage,
                               std::string table)
{
    PublishedFigure figure;
    figure.quantity = PublishedQuantity::DoublingTimeMonths;
    figure.value = value;
    figure.source = source;
    figure.dataVintage = std::move(vintage);
    figure.table = std::move(table);
    return figure;
}

// A row of Sevilla et al.'s Table 2: doubling time in months, [2.5%; 97.5%] of their
// bootstrap (B = 1000, each estimate jittered by a factor in [1/2, 2]).
PublishedFigure sevillaRow(double months, double low, double high, std::size_t n, double median)
{
    PublishedFigure figure = doublingMonths(months, kSevilla2022, "2022-02", "Table 2");
    figure.ciLow = low;
    figure.ciHigh = high;
    figure.ciLevel = 0.95;
    figure.n = n;
    figure.note = "bootstrap percentiles [2.5%; 97.5%], median " + formatNumber(median) +
                  "; data up to February 2022";
    return figure;
}

PublishedFigure epoch2024Figure()
{
    PublishedFigure figure;
    figure.quantity = PublishedQuantity::GrowthFactorPerYear;
    figure.value = 4.5;
    figure.ciLow = 4;
    figure.ciHigh = 5;
    figure.dataVintage = "2024-05";
    figure.source = kEpoch2024;
    figure.table = "headline: '4-5x yearly from 2010 to May 2024'";
    figure.note = "published as a range, 4-5x per year, stored as 4.5 with [4, 5]: a range, "
                  "not a confidence interval";
    return figure;
}

} // namespace

EraScheme openAi2018ChartScheme()
{
    EraScheme scheme;
    scheme.name = "OpenAI 2018: the 15 chart systems";
    scheme.description = "The line of best fit of OpenAI's 2018 chart (AlexNet to AlphaZero): "
                         "the 15 systems on the chart, tagged openai-2018-chart.";
    Era chart = era("The 15 chart systems", Date(2012, 1, 1), Date(2018, 1, 1), "#d62728");
    chart.rule.label = "chart systems";
    chart.rule.tag = kTagOpenAi2018Chart;
    chart.published = doublingMonths(3.43, kOpenAi2018, "2018-05",
                                     "chart footnote: 'Doubling time for line of best fit shown "
                                     "is 3.43 months'");
    chart.published->n = 15;
    chart.published->note = "the May 2018 post; the current page says 3.4 months";
    scheme.eras = {chart};
    return scheme;
}

EraScheme openAi2018FourEras()
{
    EraScheme scheme;
    scheme.name = "OpenAI 2018: four eras";
    scheme.description =
        "The four rough eras of OpenAI's 2018 text: before 2012 (GPUs uncommon for ML); 2012 "
        "to 2014 (1-8 GPUs rated 1-2 TFLOPS, 0.001-0.1 pfs-days); 2014 to 2016 (10-100 GPUs "
        "rated 5-10 TFLOPS, 0.1-10 pfs-days); from 2016 (huge batches, architecture search, "
        "expert iteration, TPUs).";
    scheme.eras = {era("Before 2012", std::nullopt, Date(2012, 1, 1), "#7f7f7f"),
                   era("2012 to 2014", Date(2012, 1, 1), Date(2014, 1, 1), "#2ca02c"),
                   era("2014 to 2016", Date(2014, 1, 1), Date(2016, 1, 1), "#ff7f0e"),
                   era("From 2016", Date(2016, 1, 1), std::nullopt, "#9467bd")};
    return scheme;
}

EraScheme openAi2019TwoEras()
{
    EraScheme scheme;
    scheme.name = "OpenAI 2019: two eras";
    scheme.description = "OpenAI's 2019 addendum: a first era (1959 to 2012) whose results "
                         "roughly track Moore's law (~2-year doubling), and the modern era from "
                         "2012 (3.4-month doubling).";
    Era first = era("First era", std::nullopt, Date(2012, 1, 1), "#1f77b4");
    first.published = doublingMonths(24, kOpenAi2019, "2019-11", "text: '~2-year doubling time'");
    first.published->note = "'roughly track Moore's law': about 2 years, stored as 24 months";
    Era modern = era("Modern era", Date(2012, 1, 1), std::nullopt, "#d62728");
    modern.published = doublingMonths(3.4, kOpenAi2019, "2019-11", "chart: '3.4-month doubling'");
    scheme.eras = {first, modern};
    return scheme;
}

EraScheme sevilla2022Eras()
{
    EraScheme scheme;
    scheme.name = "Sevilla et al. 2022: three eras";
    scheme.description =
        "Sevilla, Heim, Ho, Besiroglu, Hobbhahn, Villalobos (2022), 'Compute Trends Across "
        "Three Eras of Machine Learning', arXiv:2202.05924, Table 2. Low-compute outliers "
        "(log-compute Z-score below -2 against the runs published within 1.5 years) are left "
        "out; the Deep Learning Era fits the regular-scale runs (-2 <= Z < 0.76) and the "
        "Large-Scale Era the large-scale ones (Z >= 0.76). Their data ran to February 2022.";
    Era pre = era("Pre Deep Learning Era", std::nullopt, Date(2010, 1, 1), "#7f7f7f");
    pre.rule.label = "all runs";
    pre.rule.excludeLowOutliers = true;
    pre.published = sevillaRow(21.3, 17.0, 29.3, 19, 21.2);
    Era deep = era("Deep Learning Era", Date(2010, 1, 1), Date(2022, 3, 1), "#1f77b4");
    deep.rule.label = "regular-scale runs";
    deep.rule.zBand = ZScoreBand{kLowOutlierZ, 0.76};
    deep.published = sevillaRow(5.7, 4.3, 9.0, 72, 5.6);
    Era large = era("Large-Scale Era", Date(2015, 9, 1), Date(2022, 3, 1), "#d62728");
    large.rule.label = "large-scale runs";
    large.rule.zBand = ZScoreBand{0.76, std::nullopt};
    large.published = sevillaRow(9.9, 7.7, 17.1, 16, 10.1);
    scheme.eras = {pre, deep, large};
    return scheme;
}

EraScheme epoch2024Scheme()
{
    EraScheme scheme;
    scheme.name = "Epoch 2024: 4-5x per year";
    scheme.description =
        "Epoch AI (2024), 'Training Compute of Frontier AI Models Grows by 4-5x per Year': "
        "compute of notable models grew 4-5x a year from 2010 to May 2024, and so did that of "
        "the running top 10 by compute (fewer than 10 runs published on or before with more "
        "compute).";
    Era notable = era("Notable models", Date(2010, 1, 1), Date(2024, 6, 1), "#1f77b4");
    notable.rule.label = "notable models";
    notable.published = epoch2024Figure();
    Era top = era("Running top 10", Date(2010, 1, 1), Date(2024, 6, 1), "#d62728");
    top.rule.topN = 10;
    top.published = epoch2024Figure();
    scheme.eras = {notable, top};
    return scheme;
}

std::vector<EraScheme> openAiSchemes()
{
    return {openAi2019TwoEras(), openAi2018FourEras(), openAi2018ChartScheme()};
}

} // namespace compute
