/// CW-AUTHZ-04: High-risk agent actions require an approval workflow.
///
/// An agent can perform a `sensitive_actions` entry marked `requires_approval` when one of its
/// effective permission patterns (through role bindings) or one of its `tools` matches the action;
/// the action is covered when an `approval_workflows` pattern matches it.
///
/// Not-assessed when the policy lists no `sensitive_actions` at all (there is nothing to judge
/// against), and, when no failure is found, when the inventory does not list the agent's `tools`
/// (a tool could reach a high-risk action we cannot see, so no pass is given). Agents that are not
/// active (disabled, revoked, deleted, expired) cannot act and are not-applicable, as are
/// identities of other kinds and agents with listed tools that can perform no such action.
///
/// Reports agents that can perform a high-risk action no approval workflow covers, naming each action.
struct HighRiskActionsNeedApproval: Control {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-04",
        title: "High-risk agent actions require an approval workflow",
        description:
            "For each action the policy classes as needing approval, every agent able to perform it (by permission or tool) goes through an approval workflow first.",
        rationale:
            "Irreversible or high-impact actions (payments, deletions, permission changes, external messages) should not rest on an agent's judgement alone; a human or second-party approval bounds the damage of a hijacked or mistaken agent.",
        severity: .high,
        subjectKind: .identity,
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
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let actions = context.policy.sensitiveActions.filter(\.requiresApproval).map(\.action)
        for identity in context.inventory.identities {
            let subject = SubjectReference.identity(identity)
            guard identity.isAgent, identity.status.isActive else {
                recorder.notApplicable(subject)
                continue
            }
            guard !context.policy.sensitiveActions.isEmpty else {
                recorder.notAssessed(
                    subject,
                    "The policy lists no sensitive actions, so approval coverage cannot be judged.",
                    evidence: [
                        Evidence(
                            field: "sensitive_actions",
                            observed: "absent or empty",
                            expected: "the actions that need approval"
                        )
                    ]
                )
                continue
            }
            var reachable = 0
            var evidence: [Evidence] = []
            var uncovered: [String] = []
            for action in actions {
                guard let route = route(to: action, for: identity, in: context.inventory) else { continue }
                reachable += 1
                guard !Pattern.anyMatches(context.policy.approvalWorkflows, action) else { continue }
                uncovered.append(action)
                evidence.append(
                    Evidence(
                        field: "sensitive_actions[].action",
                        observed: "\(action) reachable via \(route); no approval workflow matches",
                        expected: "matched by an approval_workflows pattern (approval_workflows)"
                    )
                )
            }
            if !uncovered.isEmpty {
                recorder.fail(
                    subject,
                    "Agent can perform \(uncovered.joined(separator: ", ")) without an approval workflow.",
                    evidence: evidence
                )
            } else if identity.tools == nil {
                recorder.notAssessed(
                    subject,
                    "The inventory does not list the agent's tools, so high-risk actions it can call are unknown.",
                    evidence: [
                        Evidence(
                            field: "identities[].tools",
                            observed: "absent",
                            expected: "the tools the agent may call"
                        )
                    ]
                )
            } else if reachable == 0 {
                recorder.notApplicable(subject)
            } else {
                recorder.pass(subject)
            }
        }
    }

    /// How the agent can perform `action`: the first permission (with its role) or tool that matches it.
    private func route(to action: String, for identity: Identity, in inventory: Inventory) -> String? {
        for binding in identity.roleBindings {
            guard let role = inventory.role(withID: binding.role) else { continue }
            if let permission = role.permissions.first(where: { Pattern.matches($0, action) }) {
                return "permission \(permission) (role \(role.id))"
            }
        }
        if let tool = identity.tools?.first(where: { Pattern.matches($0, action) }) {
            return "tool \(tool)"
        }
        return nil
    }
}
