// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace compute {

// SHA-256 (FIPS 180-4) of `bytes` as 64 lowercase hex digits, the same as `sha256sum`.
// For content hashes of datasets: core takes no crypto library for one digest.
std::string sha256Hex(std::string_view bytes);

} // namespace compute
