#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails (and names each file) when a C++ source under the given folders is not laid out
# as the repository's .clang-format says, or does not start with the SPDX line.
#   check_format.sh SOURCE_ROOT [FOLDER...]      (folders default to: app core tests)
set -u
root=$1; shift
[ $# -gt 0 ] || set -- app core tests
command -v clang-format >/dev/null 2>&1 || { echo "check_format: clang-format not found" >&2; exit 1; }
cd "$root" || exit 1
files=$(find "$@" \( -name '*.cpp' -o -name '*.h' \) -not -path '*/corpus/*' | sort)
[ -n "$files" ] || { echo "check_format: no C++ sources under $*" >&2; exit 1; }
bad=0
count=0
for f in $files; do
    count=$((count + 1))
    if ! head -n 1 "$f" | grep -q '^// SPDX-License-Identifier: GPL-3.0-or-later$'; then
        echo "$f:1: the first line must be // SPDX-License-Identifier: GPL-3.0-or-later"
        bad=$((bad + 1))
    fi
    if ! clang-format --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "$f: not formatted (run: clang-format -i $f)"
        bad=$((bad + 1))
    fi
done
echo "check_format: $count files, $bad problems"
[ "$bad" -eq 0 ]
