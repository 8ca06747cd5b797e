#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target for a set time (`make fuzz`), two at a time, each on a
# working copy of its seed corpus kept in the build folder (so runs build on each
# other). Prints executions and coverage per target; exits non-zero if any target
# crashed, naming the input to keep in tests/fuzz/regressions/<target>/.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS [JOBS]
set -u
build=${1:?build dir}
seconds=${2:-60}
jobs=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)

corpus_of() {
    case "$1" in
        json_loader) echo json ;; csv_import) echo csv ;;
        date_parse) echo date ;; number_parse) echo number ;;
    esac
}
dict_of() {
    case "$1" in
        json_loader) echo "-dict=$here/json.dict" ;;
        csv_import) echo "-dict=$here/csv.dict" ;;
    esac
}

run_one() {
    target=$1
    work="$build/fuzz-corpus/$target"
    mkdir -p "$work" "$build/fuzz-artifacts"
    cp -n "$here/corpus/$(corpus_of "$target")"/* "$here/regressions/$target"/* "$work"/ 2>/dev/null
    # shellcheck disable=SC2046
    "$build/tests/fuzz/fuzz_$target" "$work" $(dict_of "$target") \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
        > "$build/fuzz-$target.log" 2>&1
    echo $? > "$build/fuzz-$target.rc"
}

targets="json_loader csv_import date_parse number_parse"
running=0
for t in $targets; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait; running=0; fi
done
wait

failed=0
printf '%-14s %12s %10s %8s %8s  %s\n' target executions exec/s cov corpus result
for t in $targets; do
    log="$build/fuzz-$t.log"
    rc=$(cat "$build/fuzz-$t.rc")
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(ls "$build/fuzz-corpus/$t" | wc -l)
    if [ "$rc" = 0 ]; then result=ok; else
        result="CRASH: $(grep -o "$build/fuzz-artifacts/$t-[^ ]*" "$log" | tail -1)"
        failed=1
    fi
    printf '%-14s %12s %10s %8s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "$corpus" "$result"
done
if [ "$failed" -ne 0 ]; then
    echo "A fuzzer crashed: see $build/fuzz-<target>.log; keep the input in tests/fuzz/regressions/<target>/ once fixed." >&2
    for t in $targets; do
        [ "$(cat "$build/fuzz-$t.rc")" = 0 ] || tail -40 "$build/fuzz-$t.log" >&2
    done
fi
exit "$failed"
