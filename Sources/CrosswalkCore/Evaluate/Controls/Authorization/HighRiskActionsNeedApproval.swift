/// CW-AUTHZ-04: High-risk agent actions require an approval workflow.
///
/// An agent can perform a `sensitive_actions` entry marked `requires_approval` when one of its
/// effective permission patterns (through role bindings) or one of its `tools` matches the action;
/// the action is covered when an `approval_workflows` pattern matches it.
///
/// Not-assessed when the policy lists no `sensitive_actions` at all (there is nothing to judge
/// against); not-applicable when it lists some but none needs this guard; and, when no failure is
/// found, when the inventory does not list the agent's `tools` (a tool could reach a high-risk
/// action we cannot see, so no pass is given). Agents that are not active (disabled, revoked,
/// deleted, expired) cannot act and are not-applicable, as are identities of other kinds and agents
/// with listed tools that can perform no such action.
///
/// Reports agents that can perform a high-risk action no approval workflow covers, naming each action.
struct HighRiskActionsNeedApproval: SensitiveActionGuardControl {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-04",
        title: "High-risk agent actions require an approval workflow",
        description:
            "For each action the policy classes as needing approval, every agent able to perform it (by permission or tool) goes through an approval workflow first. An agent can perform an action when one of its role permissions or tools matches it; the action is covered when an approval_workflows pattern matches it (no approval_workflows means nothing is covered). Every active agent is not assessed when the policy lists no sensitive actions, and not applicable when none of those listed needs approval; an agent whose tools are not recorded is not assessed unless a failure is already found.",
        rationale:
            "Irreversible or high-impact actions (payments, deletions, permission changes, external messages) should not rest on an agent's judgement alone; a human or second-party approval bounds the damage of a hijacked or mistaken agent.",
        severity: .high,
        subjectKind: .identity,
        evidenceSource: .attested,
        appliesTo: "active agents that can perform a sensitive action requiring approval",
        evidenceFields: ["identities[].role_bindings[].role", "roles[].permissions", "identities[].tools"],
        policyParameters: ["sensitive_actions", "approval_workflows"],
        remediation:
            "Put the action behind an approval step (human-in-the-loop or dual control) that the agent cannot bypass, and list it under approval_workflows; or remove the agent's ability to perform it.",
        examples: [
            ControlExample(
                "approved, unapproved, unreachable, tools unknown",
                inventory: """
                    version: 1
                    roles:
                      - {id: treasury, permissions: ["payments:Transfer", "payments:Get"]}
                      - {id: storage, permissions: ["s3:*"]}
                    identities:
                      - {id: treasurer, kind: agent, role_bindings: [treasury], tools: []}
                      - {id: cleaner, kind: agent, role_bindings: [storage], tools: [ticket.create]}
                      - {id: triage, kind: agent, tools: [ticket.create]}
                      - {id: untold, kind: agent}
                      - {id: retired, kind: agent, status: disabled, role_bindings: [storage], tools: []}
                      - {id: backup, kind: service-account, role_bindings: [storage]}
                    """,
                policy: """
                    version: 1
                    sensitive_actions:
                      - {action: "payments:Transfer", requires_approval: true}
                      - {action: "s3:DeleteBucket", requires_intent_check: false, requires_approval: true}
                      - {action: ticket.create}
                    approval_workflows: ["payments:Transfer*"]
                    """,
                expected: [
                    "treasurer": .pass, "cleaner": .fail, "triage": .notApplicable, "untold": .notAssessed,
                    "retired": .notApplicable, "backup": .notApplicable,
                ]
            ),
            ControlExample(
                "policy lists no sensitive actions",
                inventory: """
                    version: 1
                    identities:
                      - {id: helper, kind: agent, tools: [wire.send]}
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
                      - {action: email.send, requires_approval: false}
                    """,
                expected: ["helper": .notApplicable, "mailer": .notApplicable]
            ),
        ]
    )

    var check: SensitiveActionGuardCheck {
        SensitiveActionGuardCheck(
            needsGuard: \.requiresApproval,
            guardPatterns: \.approvalWorkflows,
            guardKey: "approval_workflows",
            guardName: "an approval workflow",
            actionsName: "high-risk actions"
        )
    }
}
