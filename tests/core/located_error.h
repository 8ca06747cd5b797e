// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <gtest/gtest.h>

#include <string>

namespace testing_errors {

// Every error's "where" starts with the file name, and one error is at `where` (a
// prefix of Error::where) and says `message` (a part of Error::message).
inline ::testing::AssertionResult hasLocatedError(const compute::Errors &errors,
                                                  const std::string &file, const std::string &where,
                                                  const std::string &message)
{
    if (errors.empty()) return ::testing::AssertionFailure() << "no errors";
    std::string all;
    for (const compute::Error &e : errors)
        all += "\n  " + e.toString().substr(0, 500);
    for (const compute::Error &e : errors)
        if (e.where.rfind(file, 0) != 0)
            return ::testing::AssertionFailure() << "an error does not name the file:" << all;
    for (const compute::Error &e : errors)
        if (e.where.rfind(where, 0) == 0 && e.message.find(message) != std::string::npos)
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "no error at '" << where << "' saying '" << message << "' among:" << all;
}

} // namespace testing_errors
