// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <functional>
#include <utility>

namespace app {

// Sets a value of the document and swaps it back on undo (the Tiled ChangeValue idea):
// one class for every "replace this part with an edited copy" edit. The getter and
// setter go through the Document's edit API so its signals fire.
template <typename T> class ChangeValueCommand : public QUndoCommand {
public:
    using Getter = std::function<T()>;
    using Setter = std::function<void(T)>;

    ChangeValueCommand(Getter get, Setter set, T value, const QString &text,
                       QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent), m_get(std::move(get)), m_set(std::move(set)),
          m_other(std::move(value))
    {
    }

    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap()
    {
        T current = m_get();
        m_set(std::move(m_other));
        m_other = std::move(current);
    }

    Getter m_get;
    Setter m_set;
    T m_other;
};

} // namespace app
