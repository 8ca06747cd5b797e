// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a synthetic Epoch-style CSV for measuring a large import by hand:
//   compute-synthetic-csv ROWS OUT.csv [--every-column]
// e.g. the peak memory of 1,000,000 rows through `compute-explorer --fit`.
#include "tests/support/synthetic_dataset.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || (argc == 4 && std::strcmp(argv[3], "--every-column") != 0)) {
        std::fprintf(stderr, "usage: %s ROWS OUT.csv [--every-column]\n", argv[0]);
        return 2;
    }
    const auto rows = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
    std::FILE *out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    bool ok = true;
    const auto write = [&](std::string_view piece) {
        ok = ok && std::fwrite(piece.data(), 1, piece.size(), out) == piece.size();
    };
    if (argc == 4)
        testing_support::syntheticEveryColumnCsv(rows, 42, write);
    else
        testing_support::syntheticEpochCsv(rows, 42, write);
    ok = std::fclose(out) == 0 && ok;
    if (!ok) std::perror(argv[2]);
    return ok ? 0 : 1;
}
