// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/known_relations.h"

#include <cmath>

namespace compute {
namespace {

struct Relation {
    Quantity y, x;
    KnownRelation line;
};

std::vector<Relation> relations()
{
    // Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models": about 20
    // tokens per parameter, and training compute 6 N D.
    return {
        {Quantity::Compute,
         Quantity::Parameters,
         {"Chinchilla-optimal: C = 6·N·(20·N)", std::log10(120.0), 2.0}},
        {Quantity::DatasetSize,
         Quantity::Parameters,
         {"Chinchilla-optimal: D = 20·N", std::log10(20.0), 1.0}},
    };
}

} // namespace

std::vector<KnownRelation> knownRelations(const Axes &axes)
{
    std::vector<KnownRelation> out;
    if (axes.dated()) return out;
    for (const Relation &r : relations()) {
        if (r.y == axes.y && r.x == axes.x) {
            out.push_back(r.line);
        } else if (r.y == axes.x && r.x == axes.y) {
            // log10 x = f + b log10 y  =>  log10 y = (log10 x - f) / b
            KnownRelation swapped = r.line;
            swapped.exponent = 1.0 / r.line.exponent;
            swapped.log10Factor = -r.line.log10Factor / r.line.exponent;
            out.push_back(swapped);
        }
    }
    return out;
}

} // namespace compute
