#!/usr/bin/env bash
# Import benchmark: how long crosswalk takes to read large platform exports. One command:
#
#   benchmarks/import.sh [USERS] [OBJECTS]     # defaults: 100000 users, 50000 objects
#
# Generates (once, cached in benchmarks/.data/) an IAM credential report with USERS users and a
# Kubernetes List of OBJECTS objects with benchmarks/generate_exports.py, then measures with
# /usr/bin/time (wall, user + sys CPU, peak RSS):
#   - crosswalk import aws-credential-report FILE --output …   (read, join, write native JSON)
#   - crosswalk import kubernetes FILE --output …
#   - crosswalk report --import each FILE --format json        (import, evaluate, report)
# CROSSWALK=path uses that binary instead of building a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
data="benchmarks/.data"
users="${1:-100000}"
objects="${2:-50000}"
mkdir -p "$data"
if [ -n "${CROSSWALK:-}" ]; then binary="$CROSSWALK"; else
    echo "building crosswalk (swift build -c release --product crosswalk)"
    swift build -c release --product crosswalk >/dev/null
    binary="$(swift build -c release --show-bin-path)/crosswalk"
fi
report="$data/credential-report-$users.csv"
cluster="$data/kubernetes-$objects.json"
[ -f "$report" ] || python3 benchmarks/generate_exports.py aws-credential-report "$users" "$report"
[ -f "$cluster" ] || python3 benchmarks/generate_exports.py kubernetes "$objects" "$cluster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
measure() {
    local label="$1"; shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        echo "$label: failed"; tail -5 "$work/stderr"; return; }
    read -r wall user sys rss <"$work/time"
    printf '%-58s %7.2f s wall %7.2f s CPU %7.0f MB peak RSS\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $("$binary" --version 2>/dev/null || echo crosswalk)"
echo "inputs: $report ($(du -h "$report" | cut -f1)), $cluster ($(du -h "$cluster" | cut -f1))"
measure "import aws-credential-report ($users users)" "$binary" import aws-credential-report "$report" --output "$work/aws.json" --quiet
measure "import kubernetes ($objects objects)" "$binary" import kubernetes "$cluster" --output "$work/k8s.json" --quiet
measure "report --import aws-credential-report --format json" "$binary" report --import "aws-credential-report=$report" \
    --format json --output "$work/aws-report" --now 2026-11-01T00:00:00Z --quiet
measure "report --import kubernetes --format json" "$binary" report --import "kubernetes=$cluster" \
    --format json --output "$work/k8s-report" --now 2026-11-01T00:00:00Z --quiet
count() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d["identities"]), "identities,", len(d["roles"]), "roles")' "$1"; }
echo "imported: aws $(count "$work/aws.json"); kubernetes $(count "$work/k8s.json")"
