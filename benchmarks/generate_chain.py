#!/usr/bin/env python3
"""Writes a JSON Lines inventory holding one long `spawned_by` delegation chain.

Usage: generate_chain.py HOPS OUTPUT.jsonl

Identity agent-0 is the root; agent-N is spawned by agent-(N-1), so the last agent sits HOPS
hops below the root. Every agent holds one token credential. Used to check that loading and
evaluation stay linear in the length of a chain (see README.md).
"""
import json
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    hops = int(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(json.dumps({"version": 1, "organization": "Chain benchmark"}) + "\n")
        for index in range(hops + 1):
            identity = {
                "id": f"agent-{index}",
                "kind": "agent",
                "owner": "platform-team",
                "created": "2026-01-01",
                "credentials": [{"id": "session", "type": "token", "ttl_seconds": 900}],
            }
            if index > 0:
                identity["spawned_by"] = f"agent-{index - 1}"
            out.write(json.dumps(identity, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
