// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/run_id_allocator.h"

#include "core/model/dataset.h"
#include "core/util/text_util.h"

namespace compute {

RunIdAllocator::RunIdAllocator(const Dataset &existing)
{
    m_used.reserve(existing.runs.size());
    for (const TrainingRun &run : existing.runs)
        m_used.insert(run.id);
}

std::string RunIdAllocator::allocate(std::string_view name)
{
    return allocateSlug(slugify(name));
}

std::string RunIdAllocator::allocateSlug(std::string base)
{
    if (m_used.insert(base)) return base;
    int &next = m_nextSuffix.try_emplace(base, 2).first->second;
    for (;; ++next) {
        std::string candidate = base + "-" + std::to_string(next);
        if (m_used.insert(candidate)) return candidate;
    }
}

} // namespace compute
