#!/usr/bin/env python3
"""Writes a synthetic native inventory in JSON Lines for Crosswalk's scale benchmark.

Usage: generate_inventory.py COUNT OUTPUT.jsonl [--seed N]

Deterministic for a given seed. Identities mix every kind, four platforms, agents with
delegation chains, credentials of every storage location, and a small share of failures for
every control, so the benchmark exercises the same code paths as a real inventory.
"""
import json
import random
import sys


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    path = sys.argv[2]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 7
    rng = random.Random(seed)
    kinds = ["service-account", "agent", "workload-identity", "managed-identity", "api-client", "oauth-app", "ci-job", "bot"]
    platforms = ["aws", "azure", "gcp", "kubernetes"]
    storages = ["vault", "secret-manager", "vault", "secret-manager", "env-var", "code", "ci-variable"]
    roles = [
        {"id": f"role-{i}", "name": f"Role {i}", "permissions": [f"svc{i % 17}:Read*", f"svc{i % 17}:Get{i}"]}
        for i in range(200)
    ]
    roles.append({"id": "admin", "name": "PlatformAdmin", "permissions": ["*"], "administrative": True})
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"version": 1, "organization": "Benchmark Corp", "roles": roles}) + "\n")
        for index in range(count):
            kind = kinds[index % len(kinds)]
            day = 1 + rng.randrange(28)
            month = 1 + rng.randrange(12)
            identity = {
                "id": f"nhi-{index:07d}",
                "name": f"{kind} {index}",
                "kind": kind,
                "platform": platforms[index % len(platforms)],
                "environment": "production" if index % 3 else "staging",
                "owner": f"team-{index % 97}" if index % 50 else None,
                "trust_zone": "internal" if index % 7 else "partner",
                "status": "active" if index % 40 else "disabled",
                "created": f"2025-{month:02d}-{day:02d}T08:00:00Z",
                "last_used": f"2026-{month:02d}-{day:02d}T08:00:00Z",
                "authentication": "workload-identity" if index % 5 else "api-key",
                "interactive_use": index % 200 == 0,
                "role_bindings": [{"role": f"role-{index % 200}"}] + ([{"role": "admin"}] if index % 500 == 0 else []),
                "tags": {"cost_center": f"cc-{index % 31}", "app": f"app-{index % 1000}"},
                "credentials": [
                    {
                        "id": "key-1",
                        "type": "api-key" if index % 2 else "token",
                        "created": f"2026-{month:02d}-{day:02d}T08:00:00.123Z",
                        "last_rotated": f"2026-{month:02d}-{day:02d}T08:00:00Z",
                        "expires": f"2027-{month:02d}-{day:02d}T08:00:00+00:00",
                        "last_used": f"2026-10-{day:02d}T08:00:00Z",
                        "ttl_seconds": 3600 if index % 9 else 86400,
                        "storage": storages[index % len(storages)],
                    }
                ],
            }
            if kind == "agent":
                identity["tools"] = ["jira.search", "email.send"] if index % 3 else ["shell.exec"]
                # Delegation chains of up to five hops: agent i is spawned by agent i - 8.
                if (index // 8) % 6 != 0:
                    identity["spawned_by"] = f"nhi-{index - 8:07d}"
            if identity["owner"] is None:
                del identity["owner"]
            out.write(json.dumps(identity, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
