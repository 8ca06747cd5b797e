// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace testing_paths {

// Absolute path of a file in the source tree ("resources/hardware/accelerators.json").
inline std::string sourcePath(const std::string &relative)
{
    return std::string(COMPUTE_SOURCE_DIR) + "/" + relative;
}

// Whole file as bytes; throws when it cannot be read so a test fails loudly.
inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string readSource(const std::string &relative)
{
    return readFile(sourcePath(relative));
}

} // namespace testing_paths
