#!/usr/bin/env bash
# Builds Crosswalk's libFuzzer targets and runs them.
#
#   fuzz/run.sh [--seconds N] [--replay] [--jobs J] [TARGET…]
#
#   --seconds N   fuzz each target for N seconds (default 600), growing fuzz/.work/corpus/TARGET
#   --replay      run each target once over its seed corpus and stop (what CI does)
#   --jobs J      run J targets at a time (default 1)
#   TARGET        any of: inventory-json inventory-jsonl inventory-yaml policy catalog template
#                 (default: all)
#
# Seeds live in fuzz/corpus/TARGET (committed); what a run discovers goes to fuzz/.work/ (ignored),
# crash inputs to fuzz/.work/artifacts/TARGET/. The exit status is non-zero when any target crashed.
# Linux only: needs the toolchain's libFuzzer and AddressSanitizer runtimes.
set -euo pipefail
cd "$(dirname "$0")"

seconds=600
replay=0
jobs=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --replay) replay=1; shift ;;
        --jobs) jobs="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(inventory-json inventory-jsonl inventory-yaml policy catalog template)

echo "== building fuzz targets (release, AddressSanitizer, coverage)"
swift build -c release \
    -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp 2>&1 | tail -n 3
bin="$(swift build -c release --show-bin-path)"

run_target() {
    local target="$1"
    local work=".work/corpus/$target" artifacts=".work/artifacts/$target" log=".work/logs/$target.log"
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    local options=(-timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1
        "-artifact_prefix=$artifacts/")
    [ -f "dictionaries/$target.dict" ] && options+=("-dict=dictionaries/$target.dict")
    local status=0
    if [ "$replay" = 1 ]; then
        "$bin/fuzz-$target" "${options[@]}" -runs=0 "corpus/$target" >"$log" 2>&1 || status=$?
    else
        "$bin/fuzz-$target" "${options[@]}" "-max_total_time=$seconds" "$work" "corpus/$target" \
            >"$log" 2>&1 || status=$?
    fi
    local runs rate peak
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    if [ "$status" = 0 ]; then
        printf '%-16s ok     %s inputs, %s/s, peak %s MB, corpus %s files\n' \
            "$target" "$runs" "$rate" "$peak" "$(ls "$work" | wc -l)"
    else
        printf '%-16s CRASH  exit %s; see fuzz/%s and fuzz/%s\n' "$target" "$status" "$log" "$artifacts"
        grep -m 5 -E 'ERROR|Fatal error|runtime failure|SUMMARY' "$log" | sed 's/^/    /' || true
    fi
    return "$status"
}

echo "== $( [ "$replay" = 1 ] && echo "replaying the seed corpora" || echo "fuzzing ${seconds}s per target, $jobs at a time")"
failed=0
pids=()
for target in "${targets[@]}"; do
    [ -x "$bin/fuzz-$target" ] || { echo "unknown target '$target'" >&2; exit 64; }
    run_target "$target" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit "$failed"
