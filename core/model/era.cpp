// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/era.h"

#include "core/util/text_util.h"

namespace compute {

SchemeLookup lookupScheme(std::span<const EraScheme> schemes, std::string_view text)
{
    for (const EraScheme &scheme : schemes)
        if (scheme.name == text) return {&scheme, {scheme.name}};
    const std::string key = toLower(text);
    // Equal ignoring case, then a prefix ignoring case: the first step with a candidate
    // decides, so "Sevilla et al. 2022: three eras" in any case is not made ambiguous by a
    // longer "... (edited)".
    for (const bool prefix : {false, true}) {
        SchemeLookup lookup;
        for (const EraScheme &scheme : schemes) {
            const std::string name = toLower(scheme.name);
            if (prefix ? name.starts_with(key) : name == key) {
                lookup.scheme = &scheme;
                lookup.matches.push_back(scheme.name);
            }
        }
        if (lookup.matches.size() > 1) lookup.scheme = nullptr;
        if (!lookup.matches.empty()) return lookup;
    }
    return {};
}

} // namespace compute
