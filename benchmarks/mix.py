#!/usr/bin/env python3
"""Prints the mix a benchmark inventory produces: how many identities and credentials it holds
and how many results of the report are not a pass.

Usage: mix.py REPORT.json INVENTORY.jsonl [--json]

REPORT.json is the crosswalk-report.json of a `crosswalk report` run on INVENTORY.jsonl.
A non-pass result is a result listed in the report: fail, not assessed, accepted or error
(`controls[].counts`, not-applicable excluded). Results are per subject: identity, credential,
role or platform; "identities with a finding" counts the identities that are, or hold, the
subject of at least one such result (role and platform results are attributed to no identity).
With --json the figures are printed as one JSON object instead.
"""
import json
import sys
from collections import Counter

NON_PASS = ("fail", "not-assessed", "accepted", "error")


def main() -> None:
    args = [arg for arg in sys.argv[1:] if arg != "--json"]
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[0], "rb") as handle:
        report = json.load(handle)
    identities = 0
    credentials = 0
    credential_histogram = Counter()
    agents = 0
    with open(args[1], "rb") as handle:
        next(handle)  # header
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            identities += 1
            held = len(record.get("credentials") or [])
            credentials += held
            credential_histogram[held] += 1
            agents += record.get("kind") == "agent"
    non_pass = Counter()
    fails = 0
    by_control = {}
    with_finding = set()
    for control in report["controls"]:
        counts = control["counts"]
        by_control[control["id"]] = {status: counts.get(status, 0) for status in NON_PASS + ("pass", "not-applicable")}
        for status in NON_PASS:
            non_pass[status] += counts.get(status, 0)
        fails += counts.get("fail", 0)
        # Schema 2: a result names its identity by its row in the report's identity table.
        for result in control.get("results", []):
            if result.get("identity") is not None:
                with_finding.add(result["identity"])
    total_non_pass = sum(non_pass.values())
    figures = {
        "identities": identities,
        "agents": agents,
        "credentials": credentials,
        "credentials_per_identity": round(credentials / identities, 2) if identities else 0,
        "credentials_histogram": {str(key): credential_histogram[key] for key in sorted(credential_histogram)},
        "non_pass_results": total_non_pass,
        "non_pass_by_status": dict(non_pass),
        "non_pass_per_identity": round(total_non_pass / identities, 2) if identities else 0,
        "fail_per_identity": round(fails / identities, 2) if identities else 0,
        "identities_with_finding_share": round(len(with_finding) / identities, 3) if identities else 0,
        "controls": by_control,
    }
    if "--json" in sys.argv[1:]:
        print(json.dumps(figures, sort_keys=True))
        return
    print(f"identities                      {identities:,} ({agents:,} agents)")
    print(f"credentials per identity        {figures['credentials_per_identity']} "
          f"(histogram 0-4: {', '.join(str(credential_histogram[k]) for k in range(5))})")
    print(f"non-pass results per identity   {figures['non_pass_per_identity']} "
          f"({total_non_pass:,}: " + ", ".join(f"{s} {non_pass[s]:,}" for s in NON_PASS) + ")")
    print(f"  of which fail per identity    {figures['fail_per_identity']}")
    print(f"identities with >= 1 finding    {figures['identities_with_finding_share'] * 100:.1f}%")
    print("per control (fail / not assessed / error / pass / n.a.):")
    for control_id, counts in by_control.items():
        print(f"  {control_id:12} {counts['fail']:>9,} {counts['not-assessed']:>9,} {counts['error']:>6,}"
              f" {counts['pass']:>9,} {counts['not-applicable']:>9,}")


if __name__ == "__main__":
    main()
