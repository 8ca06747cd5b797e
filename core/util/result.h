// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace compute {

// A problem with input data, located precisely enough for a user to find it:
// `where` is "file.csv, row 12, column 'Publication date'" or "runs[3].date".
struct Error {
    std::string where;
    std::string message;

    // "where: message", or just the message when there is no location.
    std::string toString() const { return where.empty() ? message : where + ": " + message; }
    bool operator==(const Error &) const = default;
};

using Errors = std::vector<Error>;

// Either a value or the list of errors that prevented it. Errors cross the core
// boundary as values; the app decides how to show them.
template <typename T> class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(Errors{std::move(error)}) {}
    Result(Errors errors) : m_state(std::move(errors)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Errors &errors() const { return std::get<Errors>(m_state); }
    // All errors, one per line.
    std::string errorText() const
    {
        std::string text;
        for (const Error &e : errors()) {
            if (!text.empty()) text += '\n';
            text += e.toString();
        }
        return text;
    }

private:
    std::variant<T, Errors> m_state;
};

} // namespace compute
