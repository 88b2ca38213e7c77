/// CW-AUTHZ-01: AI agents hold no wildcard or privileged permissions.
///
/// Looks at every permission an agent holds through its role bindings. A permission is privileged
/// when it contains `*` (a wildcard grant, whatever its scope), or when a `privileged_permissions`
/// glob matches it (the defaults name identity administration, such as `iam:*` and `*:PassRole`:
/// an agent that can change identity policy can grant itself anything).
///
/// Standing grants outlive a disabled status (re-enabling the agent restores them), so disabled,
/// revoked and expired agents are still assessed; only agents recorded as deleted are
/// not-applicable, as are identities of other kinds.
///
/// Reports agents holding any wildcard or privileged permission, with the role that grants it.
struct AgentsHoldNoPrivilegedPermissions: RolePreparedControl {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-01",
        title: "AI agents hold no wildcard or privileged permissions",
        description:
            "No AI agent is granted a wildcard permission or a permission the policy classes as privileged, through any of its role bindings.",
        rationale:
            "An agent acts on untrusted input (prompts, documents, tool output); a hijacked or confused agent can use every permission it holds, so wildcard and privileged grants turn one injection into full compromise.",
        severity: .high,
        exposureClass: .privilege,
        subjectKind: .identity,
        appliesTo: "agents (except deleted ones)",
        evidenceFields: ["identities[].kind", "identities[].role_bindings[].role", "roles[].permissions"],
        policyParameters: ["privileged_permissions"],
        remediation:
            "Replace wildcard and privileged grants with the specific actions and resources the agent's task needs; move privileged operations behind a separate, human-approved identity.",
        examples: [
            ControlExample(
                "default privileged patterns",
                inventory: """
                    version: 1
                    roles:
                      - {id: reader, permissions: ["s3:GetObject"]}
                      - {id: all-s3, permissions: ["s3:*"]}
                      - {id: pass-role, permissions: ["iam:PassRole"]}
                    identities:
                      - {id: scoped, kind: agent, role_bindings: [reader]}
                      - {id: wildcard, kind: agent, role_bindings: [reader, all-s3]}
                      - {id: iam-agent, kind: agent, status: disabled, role_bindings: [pass-role]}
                      - {id: no-roles, kind: agent}
                      - {id: pipeline, kind: service-account, role_bindings: [all-s3]}
                      - {id: gone, kind: agent, status: deleted, role_bindings: [all-s3]}
                    """,
                expected: [
                    "scoped": .pass, "wildcard": .fail, "iam-agent": .fail, "no-roles": .pass,
                    "pipeline": .notApplicable,
                    "gone": .notApplicable,
                ]
            ),
            ControlExample(
                "organisation-specific privileged permission",
                inventory: """
                    version: 1
                    roles:
                      - {id: refunds, permissions: ["payments:Refund"]}
                      - {id: lookup, permissions: ["payments:GetCharge"]}
                    identities:
                      - {id: refund-bot, kind: agent, role_bindings: [refunds]}
                      - {id: lookup-bot, kind: agent, role_bindings: [lookup]}
                    """,
                policy: """
                    version: 1
                    privileged_permissions: ["payments:Refund*"]
                    """,
                expected: ["refund-bot": .fail, "lookup-bot": .pass]
            ),
        ]
    )

    /// Each role's wildcard or privileged permissions, in the role's order, with the reason.
    func prepare(roles: [Role], policy: Policy) -> [[(permission: String, reason: String)]] {
        let globs = policy.privilegedPermissions
        return roles.map { role in
            var offending: [(permission: String, reason: String)] = []
            var seen = Set<String>()
            for permission in role.permissions where !seen.contains(permission) {
                if permission.contains("*") {
                    offending.append((permission, "wildcard"))
                } else if let pattern = globs.first(where: { Pattern.matches($0, permission) }) {
                    offending.append((permission, "matches privileged pattern \(pattern)"))
                } else {
                    continue
                }
                seen.insert(permission)
            }
            return offending
        }
    }

    func evaluate(
        _ context: EvaluationContext,
        knowing privileged: [[(permission: String, reason: String)]],
        into recorder: inout ResultRecorder
    ) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.isAgent, identity.status != .deleted else {
                recorder.notApplicable(identity: identity)
                continue
            }
            var offending: [(permission: String, role: String, reason: String)] = []
            var seen = Set<String>()
            for binding in identity.roleBindings {
                guard let position = context.inventory.rolePosition(of: binding.role) else { continue }
                for (permission, reason) in privileged[position] where seen.insert(permission).inserted {
                    offending.append((permission, context.inventory.roles[position].id, reason))
                }
            }
            if offending.isEmpty {
                recorder.pass(identity: identity)
                continue
            }
            let names = offending.map(\.permission)
            let listed =
                names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            recorder.fail(
                subject,
                Message.privileged("\(names.count)", names.count == 1 ? "permission" : "permissions", listed),
                evidence: offending.map { item in
                    Evidence(
                        field: "roles[].permissions",
                        observed: "\(item.permission) via role \(item.role) (\(item.reason))",
                        expected: "no wildcard and no match for privileged_permissions"
                    )
                }
            )
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension AgentsHoldNoPrivilegedPermissions {
    enum Message {
        static let privileged = MessageTemplate(
            "Agent holds {count} wildcard or privileged {permissions}: {listed}."
        )
    }
}
