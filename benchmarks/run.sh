#!/usr/bin/env bash
# Scale benchmark of crosswalk on realistic JSON Lines inventories. One command:
#
#   benchmarks/run.sh [SIZE ...]        # default sizes: 1000 10000 100000 1000000
#
# For each SIZE (number of identities) it
#   1. generates the inventory once with benchmarks/generate_inventory.py into benchmarks/.data/
#      (cached by size and generator hash, so re-runs reuse it);
#   2. measures with /usr/bin/time (wall time, user + sys CPU time, peak RSS):
#        - crosswalk validate (load only);
#        - crosswalk report for each format alone (md, html, json, xml), on benchmarks/policy.yaml
#          with --now 2026-11-01T00:00:00Z, each into a fresh temporary folder that is removed
#          afterwards; the size of every report file is recorded;
#        - BENCH_PAIRS times, one right after the other: the parse floor (benchmarks/floor.py
#          reads the file line by line with orjson) and crosswalk report with all four formats.
#          The machine's speed drifts by 10-30% from one minute to the next, so the ratio of a
#          floor and a run minutes apart says more about the drift than about crosswalk: each
#          pair's ratio is taken, and their median is the figure the target is judged by;
#   3. prints a table per size, crosswalk / floor, the scaling between the largest size and the
#      size ten times smaller, the targets (met / NOT met), and the machine; writes everything to
#      benchmarks/.data/results-<UTC timestamp>.json. The mix of the inventory (benchmarks/mix.py)
#      is printed for sizes up to BENCH_MIX_MAX (it parses the JSON report in Python).
#
# Environment (all optional):
#   CROSSWALK=path        use this binary instead of building (swift build -c release --product crosswalk)
#   BENCH_TIMEOUT=secs    wall-time limit of one run (default 1800); a run over it is recorded as
#                         "did not finish (timeout after N s)"
#   BENCH_MEMORY_MB=MB    address-space limit of one run, through prlimit --as (default 16384);
#                         a run that exceeds it fails to allocate and is recorded as "did not finish"
#   BENCH_PAIRS=N         adjacent floor / all-formats pairs per size (default 3)
#   BENCH_SEED=N          generator seed (default 7)
#   BENCH_MIX_MAX=N       largest size whose mix is computed (default 100000)
#   BENCH_TMP=dir         where report folders are written (default $TMPDIR or /tmp)
#   BENCH_PYTHON=python3  interpreter used to create benchmarks/.venv
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bench="$root/benchmarks"
data="$bench/.data"
timeout_s="${BENCH_TIMEOUT:-1800}"
memory_mb="${BENCH_MEMORY_MB:-16384}"
seed="${BENCH_SEED:-7}"
pairs="${BENCH_PAIRS:-3}"
mix_max="${BENCH_MIX_MAX:-100000}"
tmp_root="${BENCH_TMP:-${TMPDIR:-/tmp}}"
now="2026-11-01T00:00:00Z"
if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000 100000 1000000); fi
for size in "${sizes[@]}"; do
    [[ "$size" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: SIZE must be a positive whole number, not '$size'" >&2; exit 64; }
done
mkdir -p "$data"

# Python with orjson, for the floor, the generator and the summary.
venv="$bench/.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import orjson' 2>/dev/null; then
    echo "creating $venv and installing orjson"
    "${BENCH_PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check orjson
fi
python="$venv/bin/python"

if [ -n "${CROSSWALK:-}" ]; then
    binary="$CROSSWALK"
else
    echo "building crosswalk (swift build -c release --product crosswalk)"
    swift build -c release --product crosswalk >/dev/null
    binary="$root/.build/release/crosswalk"
fi
[ -x "$binary" ] || { echo "run.sh: no crosswalk binary at $binary" >&2; exit 1; }

# A binary built before jemalloc was installed does not link it, even after a rebuild: SwiftPM keeps
# the evaluated Package.swift in its cache. Every figure would be the C library allocator's, so say so.
for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do
    if [ -e "$dir/libjemalloc.so" ]; then
        # ldd's output is read whole: `grep -q` stopping early would fail the pipe under pipefail.
        linked="$(ldd "$binary" 2>/dev/null || true)"
        if [[ "$linked" != *libjemalloc* ]]; then
            echo "run.sh: warning: jemalloc is installed ($dir/libjemalloc.so) but $binary does not link it;" >&2
            echo "  it was built before jemalloc was installed. Rebuild after 'swift package purge-cache &&" >&2
            echo "  swift package clean' to measure the build users run (README)." >&2
        fi
        break
    fi
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
rows="$data/runs-$stamp.jsonl"
: >"$rows"
generator_hash="$(sha256sum "$bench/generate_inventory.py" | cut -c1-12)"

# measure SIZE LABEL INPUT OUTDIR -- COMMAND...: runs COMMAND under the guards and appends one
# JSON row to $rows. OUTDIR (may be empty) is measured and removed afterwards.
measure() {
    local size="$1" label="$2" input="$3" outdir="$4"
    shift 5
    local timefile="$work/time" log="$work/log" status=0
    /usr/bin/time -f '%e %U %S %M' -o "$timefile" \
        timeout --signal=KILL "$timeout_s" prlimit --as=$((memory_mb * 1024 * 1024)) -- "$@" \
        >"$log" 2>&1 || status=$?
    local outputs="{}"
    if [ -n "$outdir" ] && [ -d "$outdir" ]; then
        outputs="$("$python" -c 'import json, os, sys; d = sys.argv[1]; print(json.dumps({n: os.path.getsize(os.path.join(d, n)) for n in sorted(os.listdir(d)) if not n.startswith(".")}))' "$outdir")"
        rm -rf "$outdir"
    fi
    # The last line of the time file holds the figures (earlier lines may say the command was killed).
    BENCH_PAIR_INDEX="${BENCH_PAIR_INDEX:-}" "$python" - "$size" "$label" "$status" "$timefile" "$log" "$outputs" "$timeout_s" "$memory_mb" "$input" >>"$rows" <<'EOF'
import json, os, sys
size, label, status, timefile, log, outputs, timeout_s, memory_mb, path = sys.argv[1:]
status = int(status)
fields = open(timefile).read().split()[-4:]
wall, user, system, rss = (float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3]))
lines = open(log, errors="replace").read().strip().splitlines()
said = next((line.strip() for line in lines if "rror" in line or "emory" in line or "illed" in line), "")
row = {"size": int(size), "run": label, "exit": status, "wall_s": wall, "cpu_s": round(user + system, 2),
       "user_s": user, "sys_s": system, "peak_rss_kb": rss, "outputs": json.loads(outputs),
       "input_bytes": os.path.getsize(path), "finished": status == 0}
if os.environ.get("BENCH_PAIR_INDEX"):
    row["pair"] = int(os.environ["BENCH_PAIR_INDEX"])
if status in (124, 137) and wall >= float(timeout_s) - 1:
    row["reason"] = f"timeout after {timeout_s} s (BENCH_TIMEOUT)"
elif status > 128:
    row["reason"] = (f"killed by signal {status - 128} after {wall:.0f} s, under an address-space limit of "
                     f"{memory_mb} MB (BENCH_MEMORY_MB): most likely out of memory" + (f"; it said: {said[:200]}" if said else ""))
elif status != 0:
    row["reason"] = f"exit {status} after {wall:.0f} s" + (f"; it said: {said[:200]}" if said else "")
print(json.dumps(row))
EOF
    "$python" -c 'import json, sys; r = json.loads(sys.argv[1]); print("  %-14s %s" % (r["run"], ("%.2f s wall, %.2f s CPU, %d MB peak RSS" % (r["wall_s"], r["cpu_s"], round(r["peak_rss_kb"] / 1024))) if r["finished"] else "did not finish (" + r["reason"] + ")"))' "$(tail -n 1 "$rows")"
}

work="$(mktemp -d "$tmp_root/crosswalk-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for size in "${sizes[@]}"; do
    input="$data/inventory-$size-seed$seed-$generator_hash.jsonl"
    if [ ! -s "$input" ]; then
        echo "generating $size identities -> ${input#"$root"/}"
        "$python" "$bench/generate_inventory.py" "$size" "$input.partial" --seed "$seed"
        mv "$input.partial" "$input"
    fi
    echo "size $size: $(du -h "$input" | cut -f1) input (${input#"$root"/})"
    measure "$size" validate "$input" "" -- "$binary" validate "$input"
    for format in md html json xml; do
        out="$work/out-$size-$format"
        measure "$size" "$format" "$input" "$out" -- "$binary" report --inventory "$input" --policy "$bench/policy.yaml" \
            --output "$out" --format "$format" --now "$now" --quiet
    done
    for pair in $(seq 1 "$pairs"); do
        out="$work/out-$size-all"
        BENCH_PAIR_INDEX="$pair" measure "$size" floor "$input" "" -- "$python" "$bench/floor.py" "$input"
        BENCH_PAIR_INDEX="$pair" measure "$size" all "$input" "$out" -- "$binary" report --inventory "$input" \
            --policy "$bench/policy.yaml" --output "$out" --format md,html,json,xml --now "$now" --quiet
    done
    if [ "$size" -le "$mix_max" ]; then
        out="$work/mix-$size"
        if "$binary" report --inventory "$input" --policy "$bench/policy.yaml" --output "$out" --format json \
            --now "$now" --quiet >/dev/null 2>&1; then
            "$python" "$bench/mix.py" "$out/crosswalk-report.json" "$input" --json \
                | "$python" -c 'import json, sys; m = json.load(sys.stdin); m["size"] = int(sys.argv[1]); m["run"] = "mix"; print(json.dumps(m))' "$size" >>"$rows"
        fi
        rm -rf "$out"
    fi
done

"$python" "$bench/summarize.py" "$rows" "$data/results-$stamp.json" "$binary"
