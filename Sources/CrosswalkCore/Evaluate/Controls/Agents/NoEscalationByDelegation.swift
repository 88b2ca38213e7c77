/// CW-AGENT-01: A spawned agent holds no permission its parent lacks (no escalation by delegation).
///
/// For each identity with `spawned_by`, every permission pattern it holds through its role
/// bindings must be covered by some permission pattern its direct parent holds
/// (`Pattern.covers(parent, child)`). Comparing with the direct parent is enough: a parent that
/// itself exceeds its own parent fails on its own record. The coverage test is conservative (for
/// unusual wildcard pairs it may report a permission as uncovered when it is in fact nested); an
/// auditor would rather review such a pair than miss an escalation. Only permissions are compared:
/// tools are judged against the approved registry by CW-AGENT-04.
///
/// Standing grants outlive a disabled status, so disabled, revoked and expired children are still
/// assessed; identities recorded as deleted and identities nobody spawned are not-applicable.
///
/// Reports spawned identities holding a permission their parent lacks, naming each one and its role.
struct NoEscalationByDelegation: PartitionedControl {
    let definition = ControlDefinition(
        id: "CW-AGENT-01",
        title: "A spawned agent holds no permission its parent lacks (no escalation by delegation)",
        description:
            "An identity created by or delegated to from another holds only permissions that its parent also holds.",
        rationale:
            "Delegation must narrow authority, never widen it: a child with permissions its parent lacks lets a compromised or manipulated parent obtain them simply by spawning a sub-agent, defeating least privilege.",
        severity: .critical,
        exposureClass: .privilege,
        subjectKind: .identity,
        appliesTo: "spawned identities (spawned_by set), except deleted ones",
        evidenceFields: ["identities[].spawned_by", "identities[].role_bindings[].role", "roles[].permissions"],
        policyParameters: [],
        remediation:
            "Issue sub-agents credentials derived from (and scoped down from) the parent's, e.g. through token exchange with attenuated scopes, and remove the extra role bindings.",
        examples: [
            ControlExample(
                "narrowed, escalated, root",
                inventory: """
                    version: 1
                    roles:
                      - {id: orchestrator, permissions: ["s3:*", "sqs:SendMessage"]}
                      - {id: s3-read, permissions: ["s3:Get*"]}
                      - {id: queue, permissions: ["sqs:SendMessage"]}
                      - {id: iam, permissions: ["iam:PassRole", "s3:GetObject"]}
                    identities:
                      - {id: planner, kind: agent, role_bindings: [orchestrator]}
                      - {id: fetcher, kind: agent, spawned_by: planner, role_bindings: [s3-read, queue]}
                      - {id: empty-child, kind: agent, spawned_by: planner}
                      - {id: rogue, kind: agent, spawned_by: planner, role_bindings: [iam]}
                      - {id: grandchild, kind: agent, spawned_by: fetcher, role_bindings: [orchestrator]}
                    """,
                expected: [
                    "planner": .notApplicable, "fetcher": .pass, "empty-child": .pass, "rogue": .fail,
                    "grandchild": .fail,
                ]
            )
        ]
    )

    let reach = ControlReach.inventory

    func evaluate(
        _ positions: Range<Int>,
        of context: EvaluationContext,
        with preparation: Void,
        into recorder: inout ResultRecorder
    ) {
        let inventory = context.inventory
        for identity in inventory.identities[positions] {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard let parentID = identity.spawnedBy, identity.status != .deleted else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard let parent = inventory.identity(withID: parentID) else {
                recorder.notAssessed(
                    subject,
                    Message.parentMissing(parentID),
                    evidence: [
                        Evidence(
                            field: "identities[].spawned_by",
                            observed: parentID,
                            expected: "an identity in the inventory"
                        )
                    ]
                )
                continue
            }
            // The parent's roles, searched in place (a union of their permissions, sorted, would be
            // built for every spawned identity).
            let parentRoles = parent.roleBindings.compactMap { inventory.role(withID: $0.role) }
            var evidence: [Evidence] = []
            var uncovered: [String] = []
            for binding in identity.roleBindings {
                guard let role = inventory.role(withID: binding.role) else { continue }
                for permission in role.permissions where !uncovered.contains(permission) {
                    let covered = parentRoles.contains { role in
                        role.permissions.contains { Pattern.covers($0, permission) }
                    }
                    guard !covered else { continue }
                    uncovered.append(permission)
                    evidence.append(
                        Evidence(
                            field: "roles[].permissions",
                            observed:
                                String(
                                    joining: permission,
                                    " via role ",
                                    role.id,
                                    "; parent ",
                                    parent.id,
                                    " holds nothing covering it"
                                ),
                            expected: "every permission covered by a permission of the spawned_by identity"
                        )
                    )
                }
            }
            if uncovered.isEmpty {
                recorder.pass(identity: identity)
            } else {
                let listed =
                    uncovered.prefix(3).joined(separator: ", ")
                    + (uncovered.count > 3 ? " and \(uncovered.count - 3) more" : "")
                recorder.fail(
                    subject,
                    Message.escalation(
                        "\(uncovered.count) permission\(uncovered.count == 1 ? "" : "s")",
                        parent.id,
                        listed
                    ),
                    evidence: evidence
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension NoEscalationByDelegation {
    enum Message {
        static let parentMissing = MessageTemplate(
            "The parent identity {parent} is not in the inventory, so its permissions are unknown."
        )
        static let escalation = MessageTemplate(
            "Holds {count} its parent {parent} lacks: {listed}."
        )
    }
}
