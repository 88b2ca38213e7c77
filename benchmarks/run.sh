#!/usr/bin/env bash
# Scale benchmark: generates a synthetic JSON Lines inventory of COUNT identities (default
# 100000), builds crosswalk in release mode, and reports wall time and peak memory of a
# validate-only run and of a full report run. Usage: benchmarks/run.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 benchmarks/generate_inventory.py "$count" "$work/inventory.jsonl"
echo "inventory: $count identities, $(du -h "$work/inventory.jsonl" | cut -f1)"
swift build -c release --product crosswalk >/dev/null
binary=.build/release/crosswalk

measure() {
    local label="$1"
    shift
    /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@" >/dev/null
}
measure "load + validate" "$binary" validate "$work/inventory.jsonl"
measure "report (md)" "$binary" report --inventory "$work/inventory.jsonl" --policy benchmarks/policy.yaml \
    --output "$work/out-md" --format md --now 2026-11-01T00:00:00Z
measure "report (all formats)" "$binary" report --inventory "$work/inventory.jsonl" --policy benchmarks/policy.yaml \
    --output "$work/out" --now 2026-11-01T00:00:00Z
ls -l "$work/out" | awk 'NR > 1 { print "  " $9 ": " $5 " bytes" }'
