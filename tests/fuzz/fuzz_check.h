// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a fuzz target asserts: a broken invariant aborts with a message, which libFuzzer
// (and the replay driver) reports as a crash, whatever the build type (NDEBUG or not).

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__,         \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
