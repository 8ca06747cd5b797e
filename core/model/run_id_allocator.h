// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/flat_string_set.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace compute {

struct Dataset;

// Hands out run ids that are unique within a dataset ("gpt-3", "gpt-3-2", ...) in
// amortised O(1), so importing 100,000 rows stays linear.
class RunIdAllocator {
public:
    RunIdAllocator() = default;
    explicit RunIdAllocator(const Dataset &existing);

    std::string allocate(std::string_view name);
    // The same for a name already slugify()'d: `base`, or base-2, base-3, ... if taken
    // (an import slugifies on the threads that read rows).
    std::string allocateSlug(std::string base);
    void reserve(const std::string &id) { m_used.insert(id); }

private:
    FlatStringSet m_used;
    std::unordered_map<std::string, int> m_nextSuffix;
};

} // namespace compute
