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
struct DelegationDepthWithinLimit: PartitionedControl {
    let definition = ControlDefinition(
        id: "CW-AGENT-03",
        title: "Delegation chains stay within the policy's maximum depth",
        description:
            "No identity sits more delegation hops (spawned_by links) below the root of its chain than the policy allows; a direct child of a root has depth 1. A spawned_by chain that loops back on itself has no root: every identity on the loop or below it gets an error result, whatever its status, until the inventory is fixed.",
        rationale:
            "Each delegation hop blurs who asked for an action and why; long chains make actions hard to attribute to an accountable principal and let errors or injected instructions propagate far from human oversight.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo:
            "active spawned identities (spawned_by set); every identity whose spawned_by chain reaches a loop, whatever its status",
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
                      - {id: parked, kind: agent, spawned_by: ping, status: disabled}
                      - {id: solo, kind: agent}
                      - {id: child, kind: agent, spawned_by: solo}
                    """,
                policy: """
                    version: 1
                    thresholds: {max_delegation_depth: 1}
                    """,
                expected: [
                    "ping": .error, "pong": .error, "tail": .error, "parked": .error, "solo": .notApplicable,
                    "child": .pass,
                ]
            ),
        ]
    )

    let reach = ControlReach.inventory

    func prepare(_ context: EvaluationContext) -> DelegationForest {
        DelegationForest(context.inventory)
    }

    func prepare(_ context: EvaluationContext, on runner: any WorkRunner) -> DelegationForest {
        DelegationForest(context.inventory, on: runner)
    }

    func evaluate(
        _ positions: Range<Int>,
        of context: EvaluationContext,
        with forest: DelegationForest,
        into recorder: inout ResultRecorder
    ) {
        let limit = context.policy.thresholds.maxDelegationDepth
        for position in positions {
            let identity = context.inventory.identities[position]
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.spawnedBy != nil else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard let depth = forest.depth[position] else {
                recorder.error(
                    subject,
                    Message.cycle(),
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
                recorder.notApplicable(identity: identity)
                continue
            }
            if Int64(depth) <= limit {
                recorder.pass(identity: identity)
            } else {
                recorder.fail(
                    subject,
                    Message.tooDeep("\(depth)", "\(limit)"),
                    evidence: [
                        Evidence(
                            field: "identities[].spawned_by",
                            observed: "depth \(depth): \(forest.pathDescription(to: position, in: context.inventory))",
                            expected: "≤ \(limit) hops (thresholds.max_delegation_depth)"
                        )
                    ]
                )
            }
        }
    }

    /// The `spawned_by` path from `identity` until an id repeats, e.g. `tail → ping → pong → ping`.
    /// Shows at most 12 hops, so hostile inventories cannot make evidence huge.
    private func loopPath(from identity: Identity, in inventory: Inventory) -> String {
        var path = [identity.id]
        var seen: Set<String> = [identity.id]
        var current = identity
        for _ in 0..<12 {
            guard let parentID = current.spawnedBy, let parent = inventory.identity(withID: parentID) else { break }
            path.append(parent.id)
            guard seen.insert(parent.id).inserted else { break }
            current = parent
        }
        return path.joined(separator: " → ")
    }
}

/// Delegation depth and root of every identity, computed once in linear time; `nil` depth marks
/// identities on a `spawned_by` cycle or below one.
struct DelegationForest {
    /// Hops from the root, by identity position (0 for identities nobody spawned).
    var depth: [Int?]
    /// Position of the chain's root, by identity position.
    var root: [Int]
    /// Position of the parent, by identity position.
    var parent: [Int?]

    /// The forest of `inventory`'s `spawned_by` links; the parents are looked up on `runner`.
    init(_ inventory: Inventory, on runner: any WorkRunner = SerialRunner()) {
        let count = inventory.identities.count
        parent = inventory.mapIdentities(on: runner) { identity in
            identity.spawnedBy.flatMap(inventory.identityPosition(of:))
        }
        depth = Array(repeating: nil, count: count)
        root = Array(0..<count)
        var state = [UInt8](repeating: 0, count: count)  // 0 unvisited, 1 on the current walk, 2 done
        for start in 0..<count where state[start] == 0 {
            var walk: [Int] = []
            var current = start
            var base: (depth: Int?, root: Int)
            while true {
                if state[current] == 2 {
                    base = (depth[current], root[current])
                    break
                }
                if state[current] == 1 {
                    base = (nil, current)  // a cycle: everything on this walk is on or below it
                    break
                }
                state[current] = 1
                walk.append(current)
                guard let next = parent[current] else {
                    base = (-1, current)
                    break
                }
                current = next
            }
            for position in walk.reversed() {
                state[position] = 2
                if let below = base.depth {
                    base = (below + 1, base.root)
                    depth[position] = below + 1
                } else {
                    depth[position] = nil
                }
                root[position] = base.root
            }
        }
    }

    /// `root → … → grandparent → parent → identity`, eliding the middle of long chains.
    func pathDescription(to position: Int, in inventory: Inventory) -> String {
        var tail: [Int] = [position]
        while tail.count < 4, let next = parent[tail[tail.count - 1]] { tail.append(next) }
        let rootPosition = root[position]
        var ids = tail.reversed().map { inventory.identities[$0].id }
        if tail.last != rootPosition {
            let hidden = (depth[position] ?? 0) - tail.count
            if hidden > 0 { ids.insert("… \(hidden) more …", at: 0) }
            ids.insert(inventory.identities[rootPosition].id, at: 0)
        }
        return ids.joined(separator: " → ")
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension DelegationDepthWithinLimit {
    enum Message {
        static let cycle = MessageTemplate(
            "The spawned_by chain loops back on itself, so delegation depth cannot be measured."
        )
        static let tooDeep = MessageTemplate(
            "Sits {depth} delegation hops below its root; policy allows {=limit}."
        )
    }
}
