#!/usr/bin/env python3
"""Summarises a benchmarks/run.sh run: one table per size, crosswalk / floor, scaling, targets
and the machine; writes everything as one JSON file.

Usage: summarize.py RUNS.jsonl RESULTS.json CROSSWALK_BINARY   (called by benchmarks/run.sh)
"""
import datetime
import json
import os
import platform
import subprocess
import sys

MB = 1000 * 1000
GIB = 1024 * 1024 * 1024
RUN_ORDER = ["floor", "validate", "md", "html", "json", "xml", "all"]


def machine() -> dict:
    info = {"nproc": os.cpu_count(), "kernel": platform.release()}
    try:
        info["nproc"] = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        pass
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    info["memory_gib"] = round(int(line.split()[1]) * 1024 / GIB, 1)
    except OSError:
        pass
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        version = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
        info["swift"] = version.strip().splitlines()[0] if version.strip() else "unknown"
    except OSError:
        info["swift"] = "unknown"
    return info


def allocator(binary: str) -> str:
    """The allocator the binary runs with: jemalloc when it links it (Package.swift), else the C library's."""
    try:
        linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    except OSError:
        return "unknown"
    return "jemalloc" if "libjemalloc" in linked else "C library"


def size_text(count: int) -> str:
    if count >= 10 * MB:
        return f"{count / MB:,.0f} MB"
    if count >= MB:
        return f"{count / MB:.1f} MB"
    return f"{count / 1000:.0f} kB"


def median_row(group: list) -> dict:
    """The row of median wall time among finished ones (the lower middle of an even count), or the
    first unfinished row when none finished."""
    if len(group) == 1:
        return group[0]
    finished = sorted((row for row in group if row["finished"]), key=lambda row: row["wall_s"])
    if not finished:
        return group[0]
    return finished[(len(finished) - 1) // 2]


def pair_ratios(group_floor: list, group_all: list, key: str) -> list:
    """all / floor for each pair index both runs of which finished, in pair order."""
    floors = {row.get("pair"): row for row in group_floor if row["finished"] and row[key] > 0}
    ratios = []
    for row in group_all:
        floor = floors.get(row.get("pair"))
        if row["finished"] and floor is not None:
            ratios.append(row[key] / floor[key])
    return ratios


def median(values: list) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def main() -> None:
    runs_path, results_path, binary = sys.argv[1:4]
    rows = [json.loads(line) for line in open(runs_path) if line.strip()]
    sizes = sorted({row["size"] for row in rows})
    # The floor and the all-formats run are measured in adjacent pairs (run.sh, BENCH_PAIRS);
    # the tables show each run's median row (by wall time), the ratio is the median of the pairs'.
    grouped = {}
    for row in rows:
        grouped.setdefault((row["size"], row["run"]), []).append(row)
    by = {key: median_row(group) for key, group in grouped.items()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    info = machine()
    info["allocator"] = allocator(binary)
    print()
    print(f"machine: {info.get('nproc')} cores, {info.get('memory_gib')} GiB, {info.get('cpu', 'unknown CPU')}; "
          f"{info.get('swift')}; crosswalk {binary} (commit {commit}, allocator: {info['allocator']})")
    for size in sizes:
        floor = by.get((size, "floor"))
        input_bytes = floor["input_bytes"] if floor else 0
        print()
        print(f"## {size:,} identities ({size_text(input_bytes)} JSON Lines)")
        mix = by.get((size, "mix"))
        if mix:
            print(f"mix: {mix['credentials_per_identity']} credentials and {mix['non_pass_per_identity']} non-pass "
                  f"results per identity ({mix['fail_per_identity']} failures); "
                  f"{mix['identities_with_finding_share'] * 100:.1f}% of identities with a finding")
        print(f"| {'run':<10} | {'wall s':>9} | {'CPU s':>9} | {'peak RSS':>9} | reports")
        print(f"|{'-' * 12}|{'-' * 11}|{'-' * 11}|{'-' * 11}|---------")
        for name in RUN_ORDER:
            row = by.get((size, name))
            if row is None:
                continue
            count = len(grouped[(size, name)])
            label = f"{name} ({count})" if count > 1 else name
            if not row["finished"]:
                print(f"| {label:<10} | did not finish: {row['reason']} (after {row['wall_s']:.1f} s, "
                      f"{row['peak_rss_kb'] // 1024} MB peak RSS)")
                continue
            outputs = ", ".join(f"{file} {size_text(count)}" for file, count in row["outputs"].items())
            print(f"| {label:<10} | {row['wall_s']:>9.2f} | {row['cpu_s']:>9.2f} | "
                  f"{row['peak_rss_kb'] / 1024:>6.0f} MB | {outputs}")
        if any(len(grouped.get((size, name), [])) > 1 for name in ("floor", "all")):
            print("(N): median of N runs; floor and all were measured in adjacent pairs")

    def ok(size, name):
        row = by.get((size, name))
        return row if row and row["finished"] else None

    print()
    ratios = {}
    pairs = {}
    for size in sizes:
        floor, everything = ok(size, "floor"), ok(size, "all")
        walls = pair_ratios(grouped.get((size, "floor"), []), grouped.get((size, "all"), []), "wall_s")
        cpus = pair_ratios(grouped.get((size, "floor"), []), grouped.get((size, "all"), []), "cpu_s")
        if walls and floor and everything:
            ratios[size] = median(walls)
            pairs[size] = [round(ratio, 2) for ratio in walls]
            spread = f"pairs {', '.join(f'{ratio:.1f}x' for ratio in walls)}; " if len(walls) > 1 else ""
            print(f"crosswalk / floor at {size:,}: {ratios[size]:.1f}x "
                  f"({spread}all formats {everything['wall_s']:.2f} s / floor {floor['wall_s']:.2f} s wall"
                  f"{' (medians)' if len(walls) > 1 else ''}; {median(cpus):.1f}x in CPU time)")
        else:
            print(f"crosswalk / floor at {size:,}: not available (a run did not finish)")
    largest = sizes[-1]
    smaller = largest // 10
    scaling = None
    if smaller in sizes:
        big, small = ok(largest, "all"), ok(smaller, "all")
        if big and small and small["wall_s"] > 0:
            scaling = big["wall_s"] / small["wall_s"]
            cpu = big["cpu_s"] / small["cpu_s"] if small["cpu_s"] > 0 else float("nan")
            print(f"time({largest:,}) / time({smaller:,}), all formats: {scaling:.1f} wall, {cpu:.1f} CPU")
        else:
            print(f"time({largest:,}) / time({smaller:,}): not available (a run did not finish)")

    print("(wall time is the target's measure; CPU time is steadier when other work shares the machine)")
    print()
    targets = []
    at = "" if largest >= 1_000_000 else f" (largest size {largest:,} < 1,000,000: indicative only)"
    print(f"targets at {largest:,} identities{at}:")
    everything = by.get((largest, "all"))
    floor = by.get((largest, "floor"))
    input_bytes = floor["input_bytes"] if floor else 0

    def target(name, figure, met):
        targets.append({"target": name, "figure": figure, "met": met})
        print(f"  {'met    ' if met else 'NOT met'}  {name}: {figure}")

    finished = everything is not None and everything["finished"]
    if finished and largest in ratios:
        target("all formats wall <= 4x floor", f"{ratios[largest]:.1f}x", ratios[largest] <= 4)
    else:
        target("all formats wall <= 4x floor", "did not finish", False)
    crosswalk_runs = [row for name in RUN_ORDER[1:] for row in grouped.get((largest, name), [])]
    peak = max((row["peak_rss_kb"] for row in crosswalk_runs), default=0)
    unfinished = sorted({row["run"] for row in crosswalk_runs if not row["finished"]})
    figure = f"{peak / 1024 / 1024:.2f} GiB (largest of the crosswalk runs)"
    if unfinished:
        figure += f"; did not finish: {', '.join(unfinished)}"
    target("peak RSS <= 1 GiB", figure, peak * 1024 <= GIB and not unfinished)
    if scaling is not None:
        target(f"time({largest:,}) / time({smaller:,}) <= 11", f"{scaling:.1f}", scaling <= 11)
    else:
        target(f"time({largest:,}) / time({smaller:,}) <= 11", "not available", False)

    def report_size(run, file):
        row = by.get((largest, run))
        if row and row["finished"]:
            return row["outputs"].get(file)
        row = by.get((largest, "all"))
        if row and row["finished"]:
            return row["outputs"].get(file)
        return None

    html = report_size("html", "crosswalk-report.html")
    target("HTML report <= 5 MB", size_text(html) if html is not None else "did not finish",
           html is not None and html <= 5 * MB)
    md = report_size("md", "crosswalk-report.md")
    target("Markdown report <= 2 MB", size_text(md) if md is not None else "did not finish",
           md is not None and md <= 2 * MB)
    for run, file, label in (("json", "crosswalk-report.json", "JSON"), ("xml", "crosswalk-report.xml", "XML")):
        count = report_size(run, file)
        if count is not None and input_bytes:
            target(f"{label} report <= 1.5x input", f"{size_text(count)} = {count / input_bytes:.2f}x "
                   f"{size_text(input_bytes)}", count <= 1.5 * input_bytes)
        else:
            target(f"{label} report <= 1.5x input", "did not finish", False)

    results = {
        "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "benchmarks/run.sh " + " ".join(str(size) for size in sizes),
        "commit": commit,
        "binary": binary,
        "machine": info,
        "runs": rows,
        "crosswalk_over_floor": {str(size): round(ratio, 2) for size, ratio in ratios.items()},
        "crosswalk_over_floor_pairs": {str(size): values for size, values in pairs.items()},
        "scaling": {"largest": largest, "smaller": smaller, "ratio": round(scaling, 2) if scaling else None},
        "targets_at": largest,
        "targets": targets,
    }
    with open(results_path, "w") as handle:
        json.dump(results, handle, indent=2)
        handle.write("\n")
    print()
    print(f"results: {results_path}")


if __name__ == "__main__":
    main()
