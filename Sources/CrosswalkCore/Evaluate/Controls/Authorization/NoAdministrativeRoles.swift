/// CW-AUTHZ-02: Non-human identities hold no administrative roles.
///
/// A role is administrative when the source system marks it `administrative: true`, or when an
/// `administrative_roles` pattern matches its id or its name (case-sensitive, as every pattern).
///
/// Standing grants outlive a disabled status (re-enabling the identity restores them), so
/// disabled, revoked and expired identities are still assessed; only identities recorded as
/// deleted are not-applicable.
///
/// Reports identities bound to any administrative role, naming each such role.
struct NoAdministrativeRoles: RolePreparedControl {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-02",
        title: "Non-human identities hold no administrative roles",
        description:
            "No non-human identity is bound to a role that the source system marks administrative or that the policy names as administrative.",
        rationale:
            "Administrative roles can change permissions, identities and audit settings; a leaked or hijacked non-human credential bound to one gives an attacker control of the whole platform, with no person in the loop.",
        severity: .high,
        exposureClass: .privilege,
        subjectKind: .identity,
        appliesTo: "all identities (except deleted ones)",
        evidenceFields: ["identities[].role_bindings[].role", "roles[].administrative", "roles[].id", "roles[].name"],
        policyParameters: ["administrative_roles"],
        remediation:
            "Remove the administrative binding and grant a role scoped to the specific actions the workload performs; keep administration with named people using just-in-time elevation.",
        examples: [
            ControlExample(
                "marked administrative, named admin, ordinary",
                inventory: """
                    version: 1
                    roles:
                      - {id: deployer, permissions: ["deploy:Run"]}
                      - {id: platform-admin, permissions: ["deploy:Run"]}
                      - {id: r-17, name: Break glass, permissions: ["deploy:Run"], administrative: true}
                    identities:
                      - {id: ci, kind: ci-job, role_bindings: [deployer]}
                      - {id: ops-bot, kind: bot, role_bindings: [deployer, platform-admin]}
                      - {id: legacy, kind: service-account, status: disabled, role_bindings: [r-17]}
                      - {id: removed, kind: service-account, status: deleted, role_bindings: [r-17]}
                    """,
                expected: ["ci": .pass, "ops-bot": .fail, "legacy": .fail, "removed": .notApplicable]
            ),
            ControlExample(
                "policy names administrative roles",
                inventory: """
                    version: 1
                    roles:
                      - {id: tenant-superuser, permissions: ["tenant:*"]}
                      - {id: tenant-reader, permissions: ["tenant:Get"]}
                    identities:
                      - {id: sync, kind: api-client, role_bindings: [tenant-superuser]}
                      - {id: report, kind: api-client, role_bindings: [tenant-reader]}
                    """,
                policy: """
                    version: 1
                    administrative_roles: ["*superuser*"]
                    """,
                expected: ["sync": .fail, "report": .pass]
            ),
        ]
    )

    /// The administrative roles by id: the role's own id and why it is administrative (the
    /// evidence's observed value). Only these few are kept, so that the lookup of every binding
    /// of every identity (most bind no administrative role) searches a small table instead of
    /// all roles. The first role with an id is the one bindings name, as
    /// ``Inventory/rolePosition(of:)`` finds it.
    func prepare(roles: [Role], policy: Policy) -> [String: (id: String, observed: String)] {
        let patterns = policy.administrativeRoles
        var administrative: [String: (id: String, observed: String)] = [:]
        var seen = Set<String>()
        for role in roles where seen.insert(role.id).inserted {
            let reason: String
            if role.administrative {
                reason = "marked administrative: true"
            } else if let pattern = patterns.first(where: {
                Pattern.matches($0, role.id) || Pattern.matches($0, role.name)
            }) {
                reason = "matches administrative_roles pattern \(pattern)"
            } else {
                continue
            }
            let name = role.name == role.id ? "" : " (\(role.name))"
            administrative[role.id] = (role.id, "\(role.id)\(name) — \(reason)")
        }
        return administrative
    }

    func evaluate(
        _ context: EvaluationContext,
        knowing administrative: [String: (id: String, observed: String)],
        into recorder: inout ResultRecorder
    ) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.status != .deleted else {
                recorder.notApplicable(identity: identity)
                continue
            }
            var evidence: [Evidence] = []
            var roleIDs: [String] = []
            for binding in identity.roleBindings where !roleIDs.contains(binding.role) {
                guard let role = administrative[binding.role] else { continue }
                roleIDs.append(role.id)
                evidence.append(
                    Evidence(
                        field: "role_bindings[].role",
                        observed: role.observed,
                        expected: "no administrative role (roles[].administrative, administrative_roles)"
                    )
                )
            }
            if evidence.isEmpty {
                recorder.pass(identity: identity)
            } else {
                recorder.fail(
                    subject,
                    Message.administrative(roleIDs.count == 1 ? "role" : "roles", roleIDs.joined(separator: ", ")),
                    evidence: evidence
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension NoAdministrativeRoles {
    enum Message {
        static let administrative = MessageTemplate(
            "Identity is bound to administrative {roles} {ids}."
        )
    }
}
