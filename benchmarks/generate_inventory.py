#!/usr/bin/env python3
"""Writes a realistic synthetic native inventory in JSON Lines for Crosswalk's scale benchmark.

Usage: generate_inventory.py COUNT OUTPUT.jsonl [--seed N]

Deterministic for a given COUNT and seed (default 7): the same arguments give the same bytes.
Dates are placed relative to the benchmark's evaluation time, 2026-11-01T00:00:00Z (the `--now`
that benchmarks/run.sh passes), so that on benchmarks/policy.yaml most identities fail one or
more controls, as in a real estate of non-human identities:

- every identity kind, eight platforms, some identities with no owner, environment or
  `interactive_use` recorded, a few used interactively, some inactive, third-party integrations
  with and without `last_reviewed`, tags;
- about two credentials per identity (0 to 4) of every type, with rotation, expiry and last-use
  dates spread on both sides of the policy limits, storage in vaults and elsewhere, some shared
  with other identities (sometimes across environments), some exposed (revoked or not), agent
  task credentials whose tasks ended (revoked or not);
- agents in delegation chains (`spawned_by`, up to six hops, deeper than the policy's three
  for some), some crossing trust zones, some holding roles their parent lacks;
- per-team roles, roles shared by agents of different teams, a few administrative roles and
  wildcard permissions; tools from the approved registry and outside it.

Every value is ASCII and the output is compact JSON, one identity per line after the header.
"""
import datetime
import random
import sys

try:  # orjson is much faster at 1M identities; both give the same bytes for this ASCII data
    import orjson

    def dumps(value) -> bytes:
        return orjson.dumps(value)
except ImportError:  # pragma: no cover - plain python3 works too
    import json

    def dumps(value) -> bytes:
        return json.dumps(value, separators=(",", ":")).encode("ascii")


NOW = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)

KINDS = [  # (kind, weight)
    ("agent", 34), ("service-account", 18), ("workload-identity", 10), ("managed-identity", 8),
    ("api-client", 8), ("oauth-app", 6), ("ci-job", 10), ("bot", 6),
]
PLATFORMS = [("aws", 30), ("azure", 20), ("gcp", 15), ("kubernetes", 15), ("github", 8),
             ("slack", 4), ("salesforce", 4), ("okta", 4)]
ENVIRONMENTS = [("production", 55), ("staging", 20), ("development", 15), ("test", 5), (None, 5)]
ZONES = ["internal", "internal", "internal", "partner", "customer-data", "payments", "external", "analytics"]
STATIC_TYPES = ["api-key", "access-key", "client-secret", "password", "ssh-key", "private-key",
                "webhook-secret", "connection-string", "shared-secret", "refresh-token"]
TOKEN_TYPES = ["token", "federated-token", "session-token"]
GOOD_STORAGE = ["vault", "secret-manager"]
BAD_STORAGE = ["env-var", "code", "config", "ci-variable", "prompt", "ticket", "log"]
APPROVED_TOOLS = ["jira.search", "jira.create_issue", "kb.search", "crm.read_profile", "email.send",
                  "github.read_repo", "slack.post_message", "zendesk.read_ticket"]
OTHER_TOOLS = ["shell.exec", "browser.open", "payments.refund", "db.query", "email.send_external",
               "github.merge_pull_request", "s3.put_object"]
SERVICES = ["s3", "dynamodb", "sqs", "sns", "bedrock", "logs", "kms", "secretsmanager", "crm",
            "support", "payments", "ledger", "storage", "bigquery", "pubsub", "pods", "deployments"]
AUTH_BY_KIND = {
    "agent": [("workload-identity", 45), ("managed-identity", 10), ("federated", 10), ("api-key", 15),
              ("static-secret", 8), ("client-secret", 5), ("certificate", 2), (None, 5)],
    "oauth-app": [("client-secret", 60), ("federated", 30), (None, 10)],
}
AUTH_DEFAULT = [("workload-identity", 30), ("managed-identity", 15), ("federated", 10), ("static-secret", 20),
                ("api-key", 10), ("password", 5), ("certificate", 5), (None, 5)]


def pick(rng: random.Random, weighted):
    total = sum(weight for _, weight in weighted)
    point = rng.random() * total
    for value, weight in weighted:
        point -= weight
        if point < 0:
            return value
    return weighted[-1][0]


def ago(days: float, rng: random.Random) -> str:
    """A timestamp DAYS before the evaluation time, at a random time of day (UTC)."""
    moment = NOW - datetime.timedelta(days=days, seconds=rng.randrange(86400))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def after(days: float, rng: random.Random) -> str:
    moment = NOW + datetime.timedelta(days=days, seconds=rng.randrange(86400))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_roles(teams: int, rng: random.Random):
    roles = []
    team_roles = []
    for team in range(teams):
        service = SERVICES[team % len(SERVICES)]
        other = SERVICES[(team * 7 + 3) % len(SERVICES)]
        workload = {"id": f"team-{team:05d}-workload", "platform": "aws",
                    "permissions": [f"{service}:Get*", f"{service}:List*", f"{other}:Read{team % 50}"]}
        agent = {"id": f"team-{team:05d}-agent", "platform": "aws",
                 "permissions": [f"{service}:GetItem", f"{other}:Describe{team % 40}", "bedrock:InvokeModel"]}
        sub = {"id": f"team-{team:05d}-subagent", "platform": "aws",
               "permissions": [f"{service}:GetItem"]}
        if team % 9 == 0:  # broad permission: a wildcard an agent should not hold
            agent["permissions"].append(f"{other}:*")
        if team % 23 == 0:  # a privileged permission from the default list
            agent["permissions"].append("iam:PassRole")
        if team % 13 == 0:  # the sub-agent role reaches a sensitive action
            sub["permissions"].append("email.send")
        roles += [workload, agent, sub]
        team_roles.append((workload["id"], agent["id"], sub["id"]))
    shared = []
    for index in range(40):  # platform roles bound by agents of many teams
        role = {"id": f"shared-{index:02d}-llm-runtime", "platform": "aws",
                "permissions": ["bedrock:InvokeModel", f"logs:PutLogEvents{index}"]}
        roles.append(role)
        shared.append(role["id"])
    admin = [
        {"id": "aws-AdministratorAccess", "name": "AdministratorAccess", "platform": "aws", "permissions": ["*"],
         "administrative": True},
        {"id": "azure-owner", "name": "Owner", "platform": "azure", "permissions": ["*/write", "*/read"]},
        {"id": "gcp-editor", "name": "roles/editor", "platform": "gcp", "permissions": ["*.update", "*.get"]},
        {"id": "k8s-cluster-admin", "name": "cluster-admin", "platform": "kubernetes", "permissions": ["*"]},
        {"id": "github-org-admin", "name": "org admin", "platform": "github", "permissions": ["admin:org"]},
    ]
    roles += admin
    prod_only = [{"id": f"prod-data-{index:02d}", "platform": "gcp", "permissions": [f"bigquery.tables.getData{index}"]}
                 for index in range(20)]
    roles += prod_only
    return roles, team_roles, shared, [role["id"] for role in admin], [role["id"] for role in prod_only]


def credential(rng: random.Random, number: int, kind: str, is_agent: bool, ids_so_far: int, dormant: bool,
               environment):
    """One credential record; the second value is True when it is a task credential."""
    roll = rng.random()
    if is_agent:
        ctype = rng.choice(TOKEN_TYPES) if roll < 0.6 else (rng.choice(STATIC_TYPES) if roll < 0.92 else "certificate")
    else:
        ctype = rng.choice(STATIC_TYPES) if roll < 0.6 else (rng.choice(TOKEN_TYPES) if roll < 0.88 else "certificate")
    cred = {"id": f"{ctype}-{number}", "type": ctype}
    static = ctype in STATIC_TYPES
    # Issue, rotation and expiry: a spread on both sides of 90 days (rotation), 180 days
    # (static lifetime) and 365 days (other lifetime).
    if ctype in TOKEN_TYPES:
        created_days = rng.uniform(0, 30) if rng.random() < 0.8 else rng.uniform(30, 400)
        cred["created"] = ago(created_days, rng)
        cred["ttl_seconds"] = rng.choice([900, 3600, 3600, 7200, 28800, 43200, 86400]) if rng.random() < 0.9 else None
        if rng.random() < 0.6:
            cred["expires"] = after(rng.uniform(0.01, 2) if rng.random() < 0.7 else rng.uniform(30, 500), rng)
        cred["storage"] = rng.choice(["platform", "platform", "vault", "env-var", "prompt"])
    else:
        created_days = rng.uniform(5, 1500)
        cred["created"] = ago(created_days, rng)
        if rng.random() < 0.75:
            rotated = rng.uniform(0, min(created_days, 400))
            cred["last_rotated"] = ago(rotated, rng)
        else:
            rotated = created_days
        if rng.random() < 0.6:
            limit = 180 if static else 365
            lifetime = rng.uniform(30, limit) if rng.random() < 0.6 else rng.uniform(limit + 1, 3 * limit)
            remaining = lifetime - rotated
            cred["expires"] = after(max(remaining, 1), rng)
        if static:
            cred["storage"] = rng.choice(GOOD_STORAGE) if rng.random() < 0.55 else rng.choice(BAD_STORAGE)
        else:
            cred["storage"] = rng.choice(["platform", "vault", "config"])
    if rng.random() < 0.85:  # never after the credential was issued
        used = rng.uniform(0, 60) if rng.random() < 0.65 and not dormant else rng.uniform(91, 700)
        cred["last_used"] = ago(min(used, created_days), rng)
    status_roll = rng.random()
    if status_roll < 0.05:
        cred["status"] = "disabled"
    elif status_roll < 0.10:
        cred["status"] = "revoked"
        cred["revoked"] = ago(rng.uniform(1, 100), rng)
    if rng.random() < 0.10:  # found in a repository, a log or a paste
        exposure = {"detected": ago(rng.uniform(1, 200), rng),
                    "source": rng.choice(["github-secret-scanning", "gitguardian", "trufflehog", "cloud-provider"]),
                    "location": rng.choice(["public repository", "ci log", "paste site", "agent prompt", "ticket"])}
        cred["exposures"] = [exposure]
        if rng.random() < 0.45 and "revoked" not in cred:
            cred["revoked"] = ago(rng.uniform(0, 1), rng)
    task = False
    if is_agent and ctype in TOKEN_TYPES and rng.random() < 0.45:
        task = True
        ended = rng.random() < 0.8
        cred["task"] = {"id": f"TASK-{ids_so_far}-{number}"}
        if ended:
            cred["task"]["ended"] = ago(rng.uniform(0.01, 20), rng)
            if rng.random() < 0.6 and "revoked" not in cred:
                cred["revoked"] = cred["task"]["ended"]
    if rng.random() < 0.08 and environment is not None:  # used from an environment of the other class
        cred["used_in"] = ["staging"] if environment == "production" else ["production"]
    return {key: value for key, value in cred.items() if value is not None}, task


def main() -> None:
    args = sys.argv[1:]
    seed = 7
    if "--seed" in args:
        position = args.index("--seed")
        if position + 1 >= len(args):
            sys.exit(__doc__)
        seed = int(args[position + 1])
        del args[position:position + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    count = int(args[0])
    path = args[1]
    rng = random.Random(seed)
    teams = max(10, count // 60)
    roles, team_roles, shared_roles, admin_roles, prod_roles = build_roles(teams, rng)
    header = {"version": 1, "organization": "Benchmark Corp", "roles": roles}

    # Recent agents that may spawn sub-agents: (id, depth, team, zone, agent role).
    recent_agents = []
    # Identities that earlier credentials may be shared with: (id, environment).
    recent_ids = []
    with open(path, "wb") as out:
        out.write(dumps(header) + b"\n")
        for index in range(count):
            kind = pick(rng, KINDS)
            is_agent = kind == "agent"
            ident = f"nhi-{index:08d}"
            team = rng.randrange(teams)
            environment = pick(rng, ENVIRONMENTS)
            platform = pick(rng, PLATFORMS) if rng.random() < 0.97 else None
            identity = {"id": ident, "name": f"{kind} {index} ({platform or 'unknown'})", "kind": kind}
            if platform:
                identity["platform"] = platform
            if environment:
                identity["environment"] = environment
            if rng.random() < 0.90:
                identity["owner"] = f"team-{team:05d}"
            zone = rng.choice(ZONES)
            parent = None
            depth = 0
            if is_agent and recent_agents and rng.random() < 0.65:
                parent = rng.choice(recent_agents)
                depth = parent[1] + 1
                if depth <= 6:
                    identity["spawned_by"] = parent[0]
                    team = parent[2] if rng.random() < 0.9 else team
                    if "owner" in identity:
                        identity["owner"] = f"team-{team:05d}"
                    zone = parent[3] if rng.random() < 0.8 else rng.choice(ZONES)
                else:
                    parent, depth = None, 0
            if is_agent or rng.random() < 0.5:
                identity["trust_zone"] = zone
            status_roll = rng.random()
            if status_roll < 0.04:
                identity["status"] = "disabled"
            elif status_roll < 0.05:
                identity["status"] = rng.choice(["revoked", "deleted", "expired"])
            created_days = rng.uniform(10, 1500)
            identity["created"] = ago(created_days, rng)
            dormant = rng.random() < 0.12  # forgotten: neither it nor its credentials used for months
            if rng.random() < 0.9:  # some never used
                used = rng.uniform(91, 600) if dormant else rng.uniform(0, 30)
                identity["last_used"] = ago(min(used, created_days), rng)
            auth = pick(rng, AUTH_BY_KIND.get(kind, AUTH_DEFAULT))
            if auth:
                identity["authentication"] = auth
            interactive = rng.random()
            if interactive < 0.04:
                identity["interactive_use"] = True
            elif interactive < 0.80:
                identity["interactive_use"] = False
            shared_account = rng.random()
            if shared_account < 0.02:
                identity["shared_account"] = True
            elif shared_account < 0.70:
                identity["shared_account"] = False
            if kind != "oauth-app" and rng.random() < 0.08:
                identity["third_party"] = True
            if kind == "oauth-app" or identity.get("third_party"):
                if rng.random() < 0.6:
                    identity["last_reviewed"] = ago(rng.uniform(0, 170) if rng.random() < 0.6 else rng.uniform(181, 700), rng)
            workload_role, agent_role, sub_role = team_roles[team]
            bindings = []
            if is_agent:
                if parent is not None:
                    # A sub-agent normally gets the narrower sub-agent role of its team (a subset of
                    # the parent's role by design only when the parent holds that too).
                    bindings.append(parent[4] if rng.random() < 0.6 else sub_role)
                else:
                    bindings.append(agent_role)
                if rng.random() < 0.25:
                    bindings.append(rng.choice(shared_roles))
                if rng.random() < 0.35:
                    tools = rng.sample(APPROVED_TOOLS, rng.randrange(1, 4))
                    if rng.random() < 0.4:
                        tools.append(rng.choice(OTHER_TOOLS))
                    identity["tools"] = tools
                elif rng.random() < 0.85:
                    tools = rng.sample(APPROVED_TOOLS, rng.randrange(0, 4))
                    identity["tools"] = tools
            else:
                bindings.append(workload_role)
            if rng.random() < 0.015:
                bindings.append(rng.choice(admin_roles))
            if rng.random() < 0.10:
                bindings.append({"role": rng.choice(prod_roles), "scope": "analytics-prod",
                                 "environment": "production"})
            identity["role_bindings"] = _dedupe(bindings)
            tags = {"cost_center": f"cc-{team % 97:02d}", "app": f"app-{team:05d}"}
            if rng.random() < 0.3:
                tags["data_classification"] = rng.choice(["pci", "pii", "internal", "public"])
            identity["tags"] = tags
            creds = []
            for number in range(pick(rng, [(0, 10), (1, 25), (2, 30), (3, 20), (4, 15)])):
                cred, _ = credential(rng, number, kind, is_agent, index, dormant, environment)
                if recent_ids and rng.random() < 0.12:
                    cred["shared_with"] = [rng.choice(recent_ids)]
                creds.append(cred)
            if creds:
                identity["credentials"] = creds
            out.write(dumps(identity) + b"\n")
            if is_agent and depth < 6:
                recent_agents.append((ident, depth, team, zone, bindings[0] if isinstance(bindings[0], str)
                                      else bindings[0]["role"]))
                if len(recent_agents) > 500:
                    del recent_agents[rng.randrange(len(recent_agents))]
            if len(recent_ids) < 2000:
                recent_ids.append(ident)
            else:  # a ring of the last 2,000 identities
                recent_ids[index % 2000] = ident


def _dedupe(bindings):
    seen = set()
    result = []
    for binding in bindings:
        role = binding if isinstance(binding, str) else binding["role"]
        if role in seen:
            continue
        seen.add(role)
        result.append(binding if isinstance(binding, dict) else {"role": binding})
    return result


if __name__ == "__main__":
    main()
