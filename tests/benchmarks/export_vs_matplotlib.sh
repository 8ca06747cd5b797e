#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Whole-process time of `compute-explorer --export chart.png` (bundled OpenAI dataset,
# 2400 x 1600 PNG) against matplotlib_equivalent.py drawing the same chart at the same
# size, run alternately RUNS times each; prints the medians and the ratio.
#   tests/benchmarks/export_vs_matplotlib.sh BUILD_DIR [RUNS]
set -eu
build=${1:?build dir}
runs=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
bin="$build/app/compute-explorer"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || {
    echo "needs python3-matplotlib (packaging/install-deps.sh --tools)" >&2; exit 1; }
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$out}"
"$bin" --save "$out/openai.json" --bundled openai >/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
: > "$out/ce.txt"; : > "$out/mpl.txt"
i=0
while [ "$i" -lt "$runs" ]; do
    t0=$(now); "$bin" --export "$out/ce.png" >/dev/null; t1=$(now)
    /usr/bin/python3 "$here/matplotlib_equivalent.py" "$out/openai.json" "$out/mpl.png"; t2=$(now)
    echo $(( (t1 - t0) / 1000000 )) >> "$out/ce.txt"
    echo $(( (t2 - t1) / 1000000 )) >> "$out/mpl.txt"
    i=$((i + 1))
done
ce=$(median < "$out/ce.txt"); mpl=$(median < "$out/mpl.txt")
size() { /usr/bin/python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$1"; }
echo "compute-explorer --export: median ${ce} ms ($(size "$out/ce.png") PNG)"
echo "matplotlib script:         median ${mpl} ms ($(size "$out/mpl.png") PNG)"
awk -v a="$mpl" -v b="$ce" 'BEGIN { printf "ratio: %.1fx faster\n", a / b }'
