#!/usr/bin/env python3
"""Generates large platform exports for the import benchmark (benchmarks/import.sh).

    generate_exports.py aws-credential-report USERS OUT.csv
    generate_exports.py kubernetes OBJECTS OUT.json

aws-credential-report: an IAM credential report with the root row and USERS users, every column
variant: machine users with one or two keys (active and inactive, used and never used, `N/A`
sentinels), users with a password and keys, password-only people, signing certificates, and time
stamps with `+00:00` and `Z`.

kubernetes: a `kubectl get ... -A -o json` List of about OBJECTS objects: service accounts in 200
namespaces, a legacy token Secret for one in five of them (some with the last-used label), a Role
and a RoleBinding per namespace, cluster roles and cluster role bindings, some bound to
cluster-admin, and group subjects.

Deterministic for a given size (seed 7).
"""
import json
import random
import sys

COLUMNS = [
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
    "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
    "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
    "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
    "cert_2_active", "cert_2_last_rotated",
]


def stamp(rng, start_year=2016, end_year=2026, zulu=None):
    year = rng.randint(start_year, end_year)
    month = rng.randint(1, 12 if year < 2026 else 10)
    text = f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if zulu is None:
        zulu = rng.random() < 0.3
    return text + ("Z" if zulu else "+00:00")


def key(rng):
    if rng.random() < 0.25:
        return ["false", "N/A", "N/A", "N/A", "N/A"]
    active = "true" if rng.random() < 0.85 else "false"
    rotated = stamp(rng)
    if rng.random() < 0.2:
        return [active, rotated, "N/A", "N/A", "N/A"]
    return [active, rotated, stamp(rng, 2024), rng.choice(["us-east-1", "eu-west-1", "N/A"]), rng.choice(["s3", "sts", "ec2", "dynamodb"])]


def credential_report(users, out):
    rng = random.Random(7)
    with open(out, "w", newline="") as file:
        file.write(",".join(COLUMNS) + "\n")
        root = ["<root_account>", "arn:aws:iam::111122223333:root", stamp(rng, 2016, 2016), "not_supported",
                stamp(rng, 2026), "not_supported", "not_supported", "true"] + key(rng) + ["false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A"]
        file.write(",".join(root) + "\n")
        for index in range(users):
            name = f"svc-{index:07d}"
            kind = rng.random()
            password = "false"
            password_used = password_changed = "N/A"
            if kind < 0.15:  # a person: password only
                password, password_used, password_changed = "true", rng.choice([stamp(rng, 2025), "no_information"]), stamp(rng)
                keys = ["false", "N/A", "N/A", "N/A", "N/A"] * 2
            else:
                if kind < 0.25:  # a machine user someone also logs in as
                    password, password_used, password_changed = "true", stamp(rng, 2025), stamp(rng)
                keys = key(rng) + (key(rng) if rng.random() < 0.3 else ["false", "N/A", "N/A", "N/A", "N/A"])
            cert = ["true", stamp(rng)] if rng.random() < 0.05 else ["false", "N/A"]
            row = [name, f"arn:aws:iam::111122223333:user/{name}", stamp(rng), password, password_used, password_changed,
                   "N/A", rng.choice(["true", "false"])] + keys + cert + ["false", "N/A"]
            file.write(",".join(row) + "\n")


def kubernetes(objects, out):
    rng = random.Random(7)
    namespaces = [f"team-{index:03d}" for index in range(200)]
    items = []
    for namespace in namespaces:
        items.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                      "metadata": {"name": "reader", "namespace": namespace},
                      "rules": [{"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list"]}]})
        items.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                      "metadata": {"name": "readers", "namespace": namespace},
                      "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
                      "subjects": [{"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": f"system:serviceaccounts:{namespace}"}]})
    index = 0
    while len(items) < objects:
        namespace = namespaces[index % len(namespaces)]
        name = f"sa-{index:06d}"
        items.append({"apiVersion": "v1", "kind": "ServiceAccount",
                      "metadata": {"name": name, "namespace": namespace, "uid": f"uid-{index}",
                                   "creationTimestamp": stamp(rng, 2020).replace("+00:00", "Z"),
                                   "labels": {"team": namespace} if rng.random() < 0.5 else {}}})
        if rng.random() < 0.2:
            labels = {"kubernetes.io/legacy-token-last-used": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"} if rng.random() < 0.5 else {}
            items.append({"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
                          "metadata": {"name": f"{name}-token", "namespace": namespace, "labels": labels,
                                       "creationTimestamp": stamp(rng, 2020).replace("+00:00", "Z"),
                                       "annotations": {"kubernetes.io/service-account.name": name}},
                          "data": {"token": "dG9rZW4tbmV2ZXItcmVhZA=="}})
        if rng.random() < 0.01:
            items.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                          "metadata": {"name": f"{name}-admin"},
                          "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
                          "subjects": [{"kind": "ServiceAccount", "name": name, "namespace": namespace}]})
        index += 1
    with open(out, "w") as file:
        json.dump({"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": items}, file)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("aws-credential-report", "kubernetes"):
        sys.exit(__doc__)
    count = int(sys.argv[2])
    (credential_report if sys.argv[1] == "aws-credential-report" else kubernetes)(count, sys.argv[3])
