/// CW-AUTHZ-05: Roles are not shared across many unrelated agents (no broad shared service principals).
///
/// For each role bound to at least one agent, counts the distinct owners of those agents (owner
/// text compared trimmed and case-insensitively, so `Payments-Team` and `payments-team` are one
/// team). Agents without an owner could belong to anyone: if known owners plus ownerless agents
/// stay within `max_agent_owners_per_role` the role passes; if known owners alone exceed it the
/// role fails; otherwise the role is not-assessed. Standing bindings outlive a disabled status, so
/// every agent except those recorded as deleted counts. Roles bound to no agent are not-applicable.
///
/// Reports roles bound to agents of more distinct owners than the policy allows, listing the owners.
struct RolesNotSharedAcrossAgents: PartitionedControl {
    let definition = ControlDefinition(
        id: "CW-AUTHZ-05",
        title: "Roles are not shared across many unrelated agents (no broad shared service principals)",
        description:
            "A role granted to agents serves one team's agents: it is not bound to agents of more distinct owners than the policy allows. Owners are compared trimmed and case-insensitively, and every agent not recorded as deleted counts. An agent with no owner could belong to any team: the role passes when its known owners plus its ownerless agents stay within the limit, fails when the known owners alone exceed it, and is otherwise not assessed.",
        rationale:
            "A role shared across unrelated agents accumulates every team's permissions, so each agent holds far more than its task needs, and no single owner can right-size or review it; it is the agent form of a shared service principal.",
        severity: .medium,
        subjectKind: .role,
        appliesTo: "roles bound to at least one agent",
        evidenceFields: ["identities[].role_bindings[].role", "identities[].owner", "identities[].kind"],
        policyParameters: ["thresholds.max_agent_owners_per_role"],
        remediation:
            "Split the role into one role per owning team, each granting only what that team's agents need, and rebind the agents.",
        examples: [
            ControlExample(
                "one team, several teams, unknown owners",
                inventory: """
                    version: 1
                    roles:
                      - {id: support-tools, permissions: ["tickets:Update"]}
                      - {id: shared-data, permissions: ["warehouse:Query"]}
                      - {id: ml-infra, permissions: ["gpu:Run"]}
                      - {id: ci-deploy, permissions: ["deploy:Run"]}
                    identities:
                      - {id: triage, kind: agent, owner: support, role_bindings: [support-tools, shared-data]}
                      - {id: summariser, kind: agent, owner: " Support", role_bindings: [support-tools]}
                      - {id: forecaster, kind: agent, owner: finance, role_bindings: [shared-data, ml-infra]}
                      - {id: stray, kind: agent, role_bindings: [ml-infra]}
                      - {id: pipeline, kind: ci-job, owner: platform, role_bindings: [ci-deploy, shared-data]}
                    """,
                expected: [
                    "support-tools": .pass, "shared-data": .fail, "ml-infra": .notAssessed, "ci-deploy": .notApplicable,
                ]
            ),
            ControlExample(
                "policy allows two owners",
                inventory: """
                    version: 1
                    roles:
                      - {id: shared-data, permissions: ["warehouse:Query"]}
                    identities:
                      - {id: triage, kind: agent, owner: support, role_bindings: [shared-data]}
                      - {id: forecaster, kind: agent, owner: finance, role_bindings: [shared-data]}
                    """,
                policy: """
                    version: 1
                    thresholds: {max_agent_owners_per_role: 2}
                    """,
                expected: ["shared-data": .pass]
            ),
            ControlExample(
                "ownerless agents within and beyond the limit",
                inventory: """
                    version: 1
                    roles:
                      - {id: solo, permissions: ["kb:Search"]}
                      - {id: pair, permissions: ["kb:Search"]}
                      - {id: retired, permissions: ["kb:Search"]}
                    identities:
                      - {id: lone, kind: agent, role_bindings: [solo]}
                      - {id: owned, kind: agent, owner: support, role_bindings: [pair]}
                      - {id: stray, kind: agent, role_bindings: [pair]}
                      - {id: kept, kind: agent, owner: support, status: disabled, role_bindings: [retired]}
                      - {id: gone, kind: agent, owner: finance, status: deleted, role_bindings: [retired]}
                    """,
                expected: ["solo": .pass, "pair": .notAssessed, "retired": .pass]
            ),
        ]
    )

    let reach = ControlReach.inventory

    /// The agents bound to each role, by the role's position in the inventory: only what the check
    /// reads of each agent, so that a role shared by many agents does not hold a copy of each
    /// agent's record. By position: a table keyed by role id, and a set of ids per agent, hashed
    /// every binding of every agent twice, on one core, while the other waited.
    func prepare(_ context: EvaluationContext) -> [[(id: String, owner: String?, ordinal: Int32)]] {
        let inventory = context.inventory
        var agentsByRole = [[(id: String, owner: String?, ordinal: Int32)]](repeating: [], count: inventory.roles.count)
        for identity in inventory.identities where identity.isAgent && identity.status != .deleted {
            var bound: [Int] = []
            for binding in identity.roleBindings {
                guard let position = inventory.rolePosition(of: binding.role), !bound.contains(position) else {
                    continue
                }
                bound.append(position)
                agentsByRole[position].append((identity.id, identity.owner, identity.ordinal))
            }
        }
        return agentsByRole
    }

    /// The control judges roles.
    func subjectCount(in context: EvaluationContext) -> Int { context.inventory.roles.count }

    func evaluate(
        _ positions: Range<Int>,
        of context: EvaluationContext,
        with agentsByRole: [[(id: String, owner: String?, ordinal: Int32)]],
        into recorder: inout ResultRecorder
    ) {
        let limit = context.policy.thresholds.maxAgentOwnersPerRole
        for role in context.inventory.roles[positions] {
            let subject = SubjectReference.role(role)
            // A role listed twice shares the agents of its first listing, as bindings name it.
            guard let position = context.inventory.rolePosition(of: role.id), !agentsByRole[position].isEmpty else {
                recorder.notApplicable(subject)
                continue
            }
            let agents = agentsByRole[position]
            var owners: [String: String] = [:]  // normalised → first spelling seen
            var ownerless: [String] = []
            for agent in agents {
                let owner = (agent.owner ?? "").trimmingWhitespace()
                if owner.isEmpty {
                    ownerless.append(agent.id)
                } else if owners[owner.lowercased()] == nil {
                    owners[owner.lowercased()] = owner
                }
            }
            let ownerNames = owners.values.sorted()
            let agentIDs = agents.map(\.id)
            let expected = "≤ \(limit) distinct owner\(limit == 1 ? "" : "s") (thresholds.max_agent_owners_per_role)"
            if Int64(owners.count) > limit {
                recorder.fail(
                    subject,
                    Message.shared("\(owners.count)", "\(limit)"),
                    evidence: [
                        Evidence(
                            field: "identities[].owner",
                            observed:
                                "\(owners.count) owners (\(CappedList.text(ownerNames))) across agents \(CappedList.text(agentIDs))",
                            expected: expected
                        )
                    ],
                    affecting: agentIDs,
                    ordinals: agents.allSatisfy { $0.ordinal >= 0 } ? agents.map(\.ordinal) : nil
                )
            } else if Int64(owners.count + ownerless.count) > limit {
                recorder.notAssessed(
                    subject,
                    Message.ownersUnknown(),
                    evidence: [
                        Evidence(
                            field: "identities[].owner",
                            observed:
                                "absent for \(CappedList.text(ownerless)); known owners: \(ownerNames.isEmpty ? "none" : CappedList.text(ownerNames))",
                            expected: expected
                        )
                    ]
                )
            } else {
                recorder.pass(subject)
            }
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    fileprivate func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace })
        else {
            return ""
        }
        return String(self[start...end])
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension RolesNotSharedAcrossAgents {
    enum Message {
        static let shared = MessageTemplate(
            "Role is bound to agents of {owners} different owners; policy allows {=limit}."
        )
        static let ownersUnknown = MessageTemplate(
            "Role is bound to agents with no recorded owner, so how many teams share it is unknown."
        )
    }
}
