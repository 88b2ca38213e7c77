#!/usr/bin/env bash
# Run-history benchmark: simulates nightly runs of IDENTITIES identities with FINDINGS findings
# each (about 2% churn a night) into a fresh SQLite history, and prints per night the preview
# (changes) and record times and the database size. See docs/performance.md, "Run history".
#
#   benchmarks/history.sh [IDENTITIES] [FINDINGS] [NIGHTS]      # default 1000000 5 10
#
# Builds the history-benchmark tool in release mode unless HISTORY_BENCHMARK=path is set. The
# database goes to benchmarks/.data/history-benchmark.sqlite (git-ignored) and is kept, so its
# size can be inspected; the CSV also goes to benchmarks/.data/history-<UTC timestamp>.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

identities=${1:-1000000}
findings=${2:-5}
nights=${3:-10}

if [ -z "${HISTORY_BENCHMARK:-}" ]; then
    swift build -c release --product history-benchmark >&2
    HISTORY_BENCHMARK="$(swift build -c release --show-bin-path)/history-benchmark"
fi
mkdir -p benchmarks/.data
database=benchmarks/.data/history-benchmark.sqlite
csv="benchmarks/.data/history-$(date -u +%Y%m%dT%H%M%SZ).csv"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" >&2
echo "== $identities identities x $findings findings, $nights nights" >&2
/usr/bin/time -f "== peak RSS %M KB, wall %e s" "$HISTORY_BENCHMARK" "$database" "$identities" "$findings" "$nights" | tee "$csv"

# Extrapolation: the first night writes every finding; each later night adds about the same
# (new episodes, closed episodes, interned subjects), so a year is the first night plus 364 times
# the mean growth of the later nights.
python3 - "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sizes = [int(r["database_bytes"]) for r in rows]
records = [float(r["record_seconds"]) for r in rows]
previews = [float(r["preview_seconds"]) for r in rows]
if len(rows) < 2:
    sys.exit("need at least two nights to extrapolate")
growth = (sizes[-1] - sizes[0]) / (len(sizes) - 1)
year = sizes[0] + 364 * growth
print(f"first night: {sizes[0] / 1e9:.2f} GB; mean growth per later night: {growth / 1e6:.1f} MB")
print(f"after {len(rows)} nights: {sizes[-1] / 1e9:.2f} GB; projected after 365 nights: {year / 1e9:.2f} GB")
later = records[1:]
print(f"record: first night {records[0]:.1f} s, later nights mean {sum(later) / len(later):.1f} s, max {max(later):.1f} s")
print(f"preview (changes): later nights mean {sum(previews[1:]) / len(later):.1f} s")
PY
