/// CW-AGENT-03: Delegation chains stay within the policy's maximum depth.
///
/// The depth of a spawned identity is the number of `spawned_by` hops from it to the root of its
/// chain (an identity that nobody spawned): a direct child of a root has depth 1. It must not
/// exceed `thresholds.max_delegation_depth`.
///
/// A `spawned_by` chain that loops back on itself has no root and no depth: every identity whose
/// chain reaches the loop gets `error`, whatever its status, because the inventory itself is
/// inconsistent and must be fixed before delegation can be judged. Otherwise identities that are
/// not active (disabled, revoked, deleted, expired) cannot delegate or act and are
/// not-applicable, as are identities nobody spawned.
///
/// Reports spawned identities whose delegation chain is deeper than the policy allows, with the chain.
struct DelegationDepthWithinLimit: Control {
    let definition = ControlDefinition(
        id: "CW-AGENT-03",
        title: "Delegation chains stay within the policy's maximum depth",
        description:
            "No identity sits more delegation hops (spawned_by links) below the root of its chain than the policy allows.",
        rationale:
            "Each delegation hop blurs who asked for an action and why; long chains make actions hard to attribute to an accountable principal and let errors or injected instructions propagate far from human oversight.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo: "active spawned identities (spawned_by set); any identity in a delegation cycle",
        evidenceFields: ["identities[].spawned_by"],
        policyParameters: ["thresholds.max_delegation_depth"],
        remediation:
            "Flatten the delegation: have the orchestrating agent (or its accountable owner) spawn the workers directly, and cap how deep agents may spawn further agents.",
        examples: [
            ControlExample(
                "chain of four under the default limit of three",
                inventory: """
                    version: 1
                    identities:
                      - {id: root, kind: agent}
                      - {id: d1, kind: agent, spawned_by: root}
                      - {id: d2, kind: agent, spawned_by: d1}
                      - {id: d3, kind: agent, spawned_by: d2}
                      - {id: d4, kind: agent, spawned_by: d3}
                      - {id: d4-off, kind: agent, spawned_by: d3, status: disabled}
                    """,
                expected: [
                    "root": .notApplicable, "d1": .pass, "d2": .pass, "d3": .pass, "d4": .fail,
                    "d4-off": .notApplicable,
                ]
            ),
            ControlExample(
                "two-identity spawned_by cycle",
                inventory: """
                    version: 1
                    identities:
                      - {id: ping, kind: agent, spawned_by: pong}
                      - {id: pong, kind: agent, spawned_by: ping}
                      - {id: tail, kind: agent, spawned_by: ping}
                      - {id: solo, kind: agent}
                      - {id: child, kind: agent, spawned_by: solo}
                    """,
                policy: """
                    version: 1
                    thresholds: {max_delegation_depth: 1}
                    """,
                expected: ["ping": .error, "pong": .error, "tail": .error, "solo": .notApplicable, "child": .pass]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let limit = context.policy.thresholds.maxDelegationDepth
        for identity in context.inventory.identities {
            let subject = SubjectReference.identity(identity)
            guard identity.spawnedBy != nil else {
                recorder.notApplicable(subject)
                continue
            }
            guard let chain = context.delegationChain(of: identity) else {
                recorder.error(
                    subject,
                    "The spawned_by chain loops back on itself, so delegation depth cannot be measured.",
                    evidence: [
                        Evidence(
                            field: "identities[].spawned_by",
                            observed: loopPath(from: identity, in: context.inventory),
                            expected: "a chain that ends at an identity nobody spawned"
                        )
                    ]
                )
                continue
            }
            guard identity.status.isActive else {
                recorder.notApplicable(subject)
                continue
            }
            let depth = Int64(chain.count)
            if depth <= limit {
                recorder.pass(subject)
            } else {
                let path = ([identity] + chain).reversed().map(\.id).joined(separator: " → ")
                recorder.fail(
                    subject,
                    "Sits \(depth) delegation hops below its root; policy allows \(limit).",
                    evidence: [
                        Evidence(
                            field: "identities[].spawned_by",
                            observed: "depth \(depth): \(path)",
                            expected: "≤ \(limit) hops (thresholds.max_delegation_depth)"
                        )
                    ]
                )
            }
        }
    }

    /// The `spawned_by` path from `identity` until an id repeats, e.g. `tail → ping → pong → ping`.
    /// Bounded by the inventory size, so it always ends.
    private func loopPath(from identity: Identity, in inventory: Inventory) -> String {
        var path = [identity.id]
        var seen: Set<String> = [identity.id]
        var current = identity
        for _ in 0...inventory.identities.count {
            guard let parentID = current.spawnedBy, let parent = inventory.identity(withID: parentID) else { break }
            path.append(parent.id)
            guard seen.insert(parent.id).inserted else { break }
            current = parent
        }
        return path.joined(separator: " → ")
    }
}
