/// CW-AUTHZ-03: Every sensitive action an agent can perform is guarded by a runtime (intent-based) policy check.
///
/// An agent can perform a `sensitive_actions` entry marked `requires_intent_check` when one of its
/// effective permission patterns (through role bindings) or one of its `tools` matches the action;
/// the action is guarded when a `runtime_checks` pattern matches it.
///
/// Not-assessed when the policy lists no `sensitive_actions` at all (there is nothing to judge
/// against); not-applicable when it lists some but none needs this guard; and, when no failure is
/// found, when the inventory does not list the agent's `tools` (a tool could reach a sensitive
/// action we cannot see, so no pass is given). Agents that are not active (disabled, revoked,
/// deleted, expired) cannot act and are not-applicable, as are identities of other kinds and agents
/// with listed tools that can perform no such action.
///
/// Reports agents that can perform a sensitive action no runtime check covers, naming each action.
struct SensitiveActionsHaveRuntimeChecks: SensitiveActionGuardControl {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-03",
        title: "Every sensitive action an agent can perform is guarded by a runtime (intent-based) policy check",
        description:
            "For each action the policy classes as needing an intent check, every agent able to perform it (by permission or tool) is covered by an enforced runtime policy check. An agent can perform an action when one of its role permissions or tools matches it; the action is guarded when a runtime_checks pattern matches it (no runtime_checks means nothing is guarded). Every active agent is not assessed when the policy lists no sensitive actions, and not applicable when none of those listed needs an intent check; an agent whose tools are not recorded is not assessed unless a failure is already found.",
        rationale:
            "Role-based permissions say what an agent may ever do, not whether this call serves the task it was given; a runtime intent check stops a prompt-injected or misaligned agent from using a legitimate permission for an illegitimate purpose.",
        severity: .high,
        subjectKind: .identity,
        evidenceSource: .attested,
        appliesTo: "active agents that can perform a sensitive action requiring an intent check",
        evidenceFields: ["identities[].role_bindings[].role", "roles[].permissions", "identities[].tools"],
        policyParameters: ["sensitive_actions", "runtime_checks"],
        remediation:
            "Route the action through a policy enforcement point that checks the agent's declared intent and task context before it executes, and list that check under runtime_checks.",
        examples: [
            ControlExample(
                "covered, uncovered, unreachable, tools unknown",
                inventory: """
                    version: 1
                    roles:
                      - {id: payments, permissions: ["payments:*"]}
                      - {id: crm-read, permissions: ["crm:Get*"]}
                    identities:
                      - {id: refunder, kind: agent, role_bindings: [payments], tools: []}
                      - {id: mailer, kind: agent, tools: [email.send, calendar.read]}
                      - {id: reader, kind: agent, role_bindings: [crm-read], tools: [search]}
                      - {id: mystery, kind: agent, role_bindings: [crm-read]}
                      - {id: parked, kind: agent, status: disabled, tools: [email.send]}
                      - {id: cron, kind: service-account, role_bindings: [payments]}
                    """,
                policy: """
                    version: 1
                    sensitive_actions:
                      - {action: "payments:Refund", requires_intent_check: true}
                      - {action: email.send}
                    runtime_checks: ["payments:*"]
                    """,
                expected: [
                    "refunder": .pass, "mailer": .fail, "reader": .notApplicable, "mystery": .notAssessed,
                    "parked": .notApplicable, "cron": .notApplicable,
                ]
            ),
            ControlExample(
                "policy lists no sensitive actions",
                inventory: """
                    version: 1
                    identities:
                      - {id: helper, kind: agent, tools: [email.send]}
                    """,
                expected: ["helper": .notAssessed]
            ),
            ControlExample(
                "no sensitive action needs this guard",
                inventory: """
                    version: 1
                    identities:
                      - {id: helper, kind: agent}
                      - {id: mailer, kind: agent, tools: [email.send]}
                    """,
                policy: """
                    version: 1
                    sensitive_actions:
                      - {action: email.send, requires_intent_check: false, requires_approval: true}
                    """,
                expected: ["helper": .notApplicable, "mailer": .notApplicable]
            ),
        ]
    )

    var check: SensitiveActionGuardCheck {
        SensitiveActionGuardCheck(
            needsGuard: \.requiresIntentCheck,
            guardPatterns: \.runtimeChecks,
            guardKey: "runtime_checks",
            guardName: "a runtime intent check",
            actionsName: "sensitive actions"
        )
    }
}
