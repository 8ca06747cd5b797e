// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Data shared by the analysis tests (tests/core/analysis_*_test.cpp).

#include "core/io/json_format.h"
#include "core/model/era.h"
#include "tests/core/test_paths.h"

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace analysis_fixtures {

// The bundled OpenAI "AI and Compute" dataset, read once.
inline const compute::Dataset &openAi()
{
    static const compute::Dataset dataset = [] {
        const char *path = "resources/datasets/openai-ai-and-compute.json";
        auto result = compute::readDatasetJson(testing_paths::readSource(path), path);
        if (!result) throw std::runtime_error(result.errorText());
        return std::move(result).value();
    }();
    return dataset;
}

inline compute::Era era(std::string name, compute::Date from, compute::Date to)
{
    compute::Era e;
    e.name = std::move(name);
    e.from = from;
    e.to = to;
    return e;
}

// OpenAI's chart years: the 15 runs of the 2018 chart.
inline compute::Era chartYears()
{
    return era("2012 to 2018", compute::Date(2012, 1, 1), compute::Date(2019, 1, 1));
}

struct Points {
    std::vector<double> x, y;
};

// n runs dated uniformly in 2012-2024 (x 42 to 54), from 1e17 FLOP growing `slope` OOM a
// year, with normal scatter of `sd` OOM; deterministic for a seed.
inline Points noisyEra(std::size_t n, std::uint32_t seed, double slope, double sd)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> date(42.0, 54.0);
    std::normal_distribution<double> noise(0.0, sd);
    Points p;
    for (std::size_t i = 0; i < n; ++i) {
        p.x.push_back(date(rng));
        p.y.push_back(17.0 + slope * (p.x.back() - 42.0) + noise(rng));
    }
    return p;
}

} // namespace analysis_fixtures
