/// CW-AGENT-02: Delegation across trust zones is explicitly allowed by policy.
///
/// For each identity with `spawned_by`: same trust zone as the parent passes; a different zone
/// passes only when (parent zone → child zone) is listed in `trust_zone_crossings_allowed` (exact
/// zone names; a crossing allows one direction only). Not-assessed when either trust zone is
/// missing, naming which. Identities that are not active (disabled, revoked, deleted, expired)
/// cannot delegate or act on a delegation and are not-applicable, as are identities nobody spawned.
///
/// Reports spawned identities whose delegation crosses trust zones without an allowing policy entry.
struct TrustZoneCrossingsAreAllowed: PartitionedControl {
    let definition = ControlDefinition(
        id: "CW-AGENT-02",
        title: "Delegation across trust zones is explicitly allowed by policy",
        description:
            "When an agent delegates to an identity in another trust zone, the policy explicitly allows delegation from the parent's zone to the child's.",
        rationale:
            "Trust zones separate workloads that handle data or authority of different sensitivity; an unsanctioned delegation across them lets an agent in a low-trust zone drive work in a high-trust one, or carry sensitive context out of it.",
        severity: .high,
        subjectKind: .identity,
        appliesTo: "active spawned identities (spawned_by set)",
        evidenceFields: ["identities[].spawned_by", "identities[].trust_zone"],
        policyParameters: ["trust_zone_crossings_allowed"],
        remediation:
            "Stop the cross-zone delegation, or review it and add the crossing (from, to) to trust_zone_crossings_allowed with the controls that make it safe.",
        examples: [
            ControlExample(
                "same zone, allowed crossing, unallowed crossing, missing zone",
                inventory: """
                    version: 1
                    identities:
                      - {id: front, kind: agent, trust_zone: public}
                      - {id: helper, kind: agent, trust_zone: public, spawned_by: front}
                      - {id: lookup, kind: agent, trust_zone: internal, spawned_by: front}
                      - {id: payer, kind: agent, trust_zone: restricted, spawned_by: front}
                      - {id: unzoned, kind: agent, spawned_by: front}
                      - {id: old, kind: agent, trust_zone: restricted, spawned_by: front, status: disabled}
                    """,
                policy: """
                    version: 1
                    trust_zone_crossings_allowed:
                      - {from: public, to: internal}
                    """,
                expected: [
                    "front": .notApplicable, "helper": .pass, "lookup": .pass, "payer": .fail, "unzoned": .notAssessed,
                    "old": .notApplicable,
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
        for identity in context.inventory.identities[positions] {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard let parentID = identity.spawnedBy, identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            let parent = context.inventory.identity(withID: parentID)
            var missing: [Evidence] = []
            if parent == nil {
                missing.append(
                    Evidence(
                        field: "identities[].spawned_by",
                        observed: parentID,
                        expected: "an identity in the inventory"
                    )
                )
            } else if parent?.trustZone == nil {
                missing.append(
                    Evidence(
                        field: "identities[].trust_zone",
                        observed: "absent on parent \(parentID)",
                        expected: "the parent's trust zone"
                    )
                )
            }
            if identity.trustZone == nil {
                missing.append(
                    Evidence(
                        field: "identities[].trust_zone",
                        observed: "absent",
                        expected: "the identity's trust zone"
                    )
                )
            }
            guard missing.isEmpty, let parentZone = parent?.trustZone, let childZone = identity.trustZone else {
                recorder.notAssessed(
                    subject,
                    Message.zoneUnknown(),
                    evidence: missing
                )
                continue
            }
            if parentZone == childZone
                || context.policy.trustZoneCrossingsAllowed.contains(TrustZoneCrossing(from: parentZone, to: childZone))
            {
                recorder.pass(identity: identity)
            } else {
                recorder.fail(
                    subject,
                    Message.crossing(parentZone, parentID, childZone),
                    evidence: [
                        Evidence(
                            field: "identities[].trust_zone",
                            observed: "\(parentZone) → \(childZone)",
                            expected: "same zone, or listed in trust_zone_crossings_allowed"
                        )
                    ]
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension TrustZoneCrossingsAreAllowed {
    enum Message {
        static let zoneUnknown = MessageTemplate(
            "The trust zone of this identity or its parent is not recorded."
        )
        static let crossing = MessageTemplate(
            "Delegated from zone {parentZone} (parent {parent}) to zone {zone}, which the policy does not allow."
        )
    }
}
