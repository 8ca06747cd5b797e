// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/shared_text.h"

#include <functional>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace compute {

struct SharedText::Node {
    std::string text;
    std::atomic<std::uint64_t> refs{1};
};

namespace {

// The process's texts, by their text. Never destroyed: values held by other statics may
// release theirs after main() returns.
struct Pool {
    std::mutex mutex;
    std::unordered_map<std::string_view, void *> nodes; // SharedText::Node

    static Pool &instance()
    {
        static Pool *pool = new Pool;
        return *pool;
    }
};

// Likewise never destroyed.
const std::string &emptyText()
{
    static const std::string *empty = new std::string;
    return *empty;
}

} // namespace

SharedText::Node *SharedText::acquire(std::string_view text)
{
    if (text.empty()) return nullptr;
    Pool &pool = Pool::instance();
    std::lock_guard lock(pool.mutex);
    if (auto it = pool.nodes.find(text); it != pool.nodes.end()) {
        // Under the lock: a node whose count release() takes to zero is erased under the
        // same lock, so a node still in the pool has a holder or is about to be revived.
        Node *node = static_cast<Node *>(it->second);
        node->refs.fetch_add(1, std::memory_order_relaxed);
        return node;
    }
    auto *node = new Node{std::string(text)};
    pool.nodes.emplace(node->text, node);
    return node;
}

SharedText SharedText::Cache::get(std::string_view text)
{
    if (text.empty()) return {};
    SharedText &slot = m_slots[std::hash<std::string_view>{}(text) % m_slots.size()];
    if (slot.view() != text) slot = SharedText(text);
    return slot;
}

void SharedText::release(Node *node) noexcept
{
    if (!node) return;
    // Down to one holder without the lock; the last one takes it, so that acquire()
    // cannot hand out a node being freed.
    std::uint64_t refs = node->refs.load(std::memory_order_relaxed);
    while (refs > 1) {
        if (node->refs.compare_exchange_weak(refs, refs - 1, std::memory_order_acq_rel)) return;
    }
    Pool &pool = Pool::instance();
    std::lock_guard lock(pool.mutex);
    if (node->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    pool.nodes.erase(node->text);
    delete node;
}

SharedText::SharedText(const SharedText &other) noexcept : m_node(other.m_node)
{
    if (m_node) m_node->refs.fetch_add(1, std::memory_order_relaxed);
}

SharedText &SharedText::operator=(const SharedText &other) noexcept
{
    if (other.m_node) other.m_node->refs.fetch_add(1, std::memory_order_relaxed);
    release(m_node);
    m_node = other.m_node;
    return *this;
}

SharedText &SharedText::operator=(SharedText &&other) noexcept
{
    if (this != &other) {
        release(m_node);
        m_node = other.m_node;
        other.m_node = nullptr;
    }
    return *this;
}

const std::string &SharedText::str() const noexcept
{
    return m_node ? m_node->text : emptyText();
}

std::size_t SharedText::distinctCount()
{
    Pool &pool = Pool::instance();
    std::lock_guard lock(pool.mutex);
    return pool.nodes.size();
}

} // namespace compute
