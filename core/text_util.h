#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace compute {

// Lower-case ASCII letters and digits only: "NVIDIA Tesla V100-SXM2 (16 GB)" ->
// "nvidiateslav100sxm216gb". Used to match names across spellings.
std::string normalizedKey(std::string_view text);

// Without leading and trailing whitespace (space, tab, CR, LF).
std::string_view trimmed(std::string_view text);

// Splits on a separator and trims each part; empty parts are dropped.
std::vector<std::string> splitTrimmed(std::string_view text, char separator);

// A stable, readable id from a name: "GPT-3 175B (davinci)" -> "gpt-3-175b-davinci".
std::string slugify(std::string_view name);

// ASCII lower case (names and keys here are compared without locale).
std::string toLower(std::string_view text);

} // namespace compute
