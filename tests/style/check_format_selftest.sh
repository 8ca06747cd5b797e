#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check_format.sh must pass a formatted file and fail, naming it, a file that is not
# formatted or lacks the SPDX line: otherwise its pass on the repository proves nothing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$here/../../.clang-format" "$scratch/"
mkdir -p "$scratch/good" "$scratch/bad" "$scratch/nospdx"
printf '// SPDX-License-Identifier: GPL-3.0-or-later\nint twice(int x)\n{\n    return 2 * x;\n}\n' \
    > "$scratch/good/ok.cpp"
printf '// SPDX-License-Identifier: GPL-3.0-or-later\nint   twice( int x ){return 2*x;}\n' \
    > "$scratch/bad/messy.cpp"
printf 'int twice(int x) { return 2 * x; }\n' > "$scratch/nospdx/bare.cpp"
fail=0
if ! sh "$here/check_format.sh" "$scratch" good >/dev/null; then
    echo "FAIL: a formatted file was refused"; fail=1; fi
out=$(sh "$here/check_format.sh" "$scratch" bad) && { echo "FAIL: a messy file passed"; fail=1; }
echo "$out" | grep -q 'bad/messy.cpp: not formatted' || { echo "FAIL: messy file not named: $out"; fail=1; }
out=$(sh "$here/check_format.sh" "$scratch" nospdx) && { echo "FAIL: a file without SPDX passed"; fail=1; }
echo "$out" | grep -q 'nospdx/bare.cpp:1:' || { echo "FAIL: file without SPDX not named: $out"; fail=1; }
[ "$fail" -eq 0 ] && echo "check_format self-test: ok"
exit $fail
