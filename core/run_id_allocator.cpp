#include "core/run_id_allocator.h"

#include "core/dataset.h"
#include "core/text_util.h"

namespace compute {

RunIdAllocator::RunIdAllocator(const Dataset &existing)
{
    for (const TrainingRun &run : existing.runs) m_used.insert(run.id);
}

std::string RunIdAllocator::allocate(std::string_view name)
{
    const std::string base = slugify(name);
    if (m_used.insert(base).second) return base;
    int &next = m_nextSuffix.try_emplace(base, 2).first->second;
    for (;; ++next) {
        std::string candidate = base + "-" + std::to_string(next);
        if (m_used.insert(candidate).second) return candidate;
    }
}

} // namespace compute
