#!/usr/bin/env bash
# Concurrency trial for the report set: runs TRIALS (default 300) pairs of `crosswalk report`
# started at the same moment into one output folder, each pair with two different --now days,
# and after each pair checks that all six reports come from the same run. Prints how many
# pairs left a mixed set (the expected figure is 0), how many had one run refused (exit 75)
# and how many wrote one after the other.
# Usage: benchmarks/concurrent-runs.sh [TRIALS]
# CROSSWALK=path/to/crosswalk uses that binary instead of building a release one.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-300}"
if [[ -z "${CROSSWALK:-}" ]]; then
    swift build -c release --product crosswalk >/dev/null
    CROSSWALK=.build/release/crosswalk
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
names=(crosswalk-report.md executive-summary.md crosswalk-report.html executive-summary.html
    crosswalk-report.json crosswalk-report.xml)

"$CROSSWALK" report examples/acme --output "$out" --now 2026-11-01T00:00:00Z >/dev/null 2>&1

mixed=0 refused=0 sequential=0 failed=0
for trial in $(seq 1 "$trials"); do
    "$CROSSWALK" report examples/acme --output "$out" --now 2026-11-01T00:00:00Z >/dev/null 2>"$work/a.err" &
    first=$!
    "$CROSSWALK" report examples/acme --output "$out" --now 2026-11-02T00:00:00Z >/dev/null 2>"$work/b.err" &
    second=$!
    set +e
    wait "$first"; a=$?
    wait "$second"; b=$?
    set -e
    case "$a,$b" in
        0,0) sequential=$((sequential + 1)) ;;
        0,75 | 75,0) refused=$((refused + 1)) ;;
        *) failed=$((failed + 1)); echo "trial $trial: exit codes $a and $b" >&2; cat "$work/a.err" "$work/b.err" >&2 ;;
    esac
    days=""
    for name in "${names[@]}"; do
        day=$(grep -o -m1 -E '2026-11-0[12]' "$out/$name" || echo missing)
        days="$days $day"
    done
    if [[ $(tr ' ' '\n' <<<"$days" | sed '/^$/d' | sort -u | wc -l) -ne 1 ]]; then
        mixed=$((mixed + 1))
        echo "trial $trial: mixed set:$days" >&2
    fi
    leftovers=$(find "$out" -mindepth 1 -maxdepth 1 -name '.*' | wc -l)
    if [[ "$leftovers" -ne 0 ]]; then
        echo "trial $trial: $leftovers hidden leftovers in the output folder" >&2
    fi
done
echo "trials: $trials; mixed sets: $mixed; one run refused (exit 75): $refused; both wrote in turn: $sequential; other exits: $failed"
