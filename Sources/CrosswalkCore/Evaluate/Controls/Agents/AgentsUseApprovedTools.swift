/// CW-AGENT-04: Agents call only tools from the approved registry.
///
/// Every entry in an agent's `tools` must be covered by an `approved_tools` pattern
/// (`Pattern.covers`, so a literal tool must match a pattern and a wildcard tool entry such as
/// `github.*` must fall wholly inside one). An empty `tools` list passes. Not-assessed when the
/// policy has no `approved_tools` registry or the inventory has no `tools` key for the agent.
/// Agents that are not active (disabled, revoked, deleted, expired) cannot call tools and are
/// not-applicable, as are identities of other kinds.
///
/// Reports agents that can call tools outside the approved registry, naming each tool.
struct AgentsUseApprovedTools: Control {
    let definition = ControlDefinition(
        id: "CW-AGENT-04",
        title: "Agents call only tools from the approved registry",
        description: "Every tool an agent is configured to call appears in the organisation's approved tool registry.",
        rationale:
            "Tools are how an agent acts on the world; an unvetted tool (or MCP server) can exfiltrate data, carry injected instructions back to the agent, or perform actions no one reviewed.",
        severity: .high,
        subjectKind: .identity,
        appliesTo: "active agents",
        evidenceFields: ["identities[].tools"],
        policyParameters: ["approved_tools"],
        remediation:
            "Remove unapproved tools from the agent's configuration, or review them and add them to approved_tools.",
        examples: [
            ControlExample(
                "approved, unapproved, unknown tools",
                inventory: """
                    version: 1
                    identities:
                      - {id: researcher, kind: agent, tools: [web.search, github.read_issue]}
                      - {id: tinkerer, kind: agent, tools: [web.search, shell.exec, "github.*"]}
                      - {id: quiet, kind: agent, tools: []}
                      - {id: unknown, kind: agent}
                      - {id: benched, kind: agent, status: disabled, tools: [shell.exec]}
                      - {id: deployer, kind: ci-job, tools: [shell.exec]}
                    """,
                policy: """
                    version: 1
                    approved_tools: [web.search, "github.read_*"]
                    """,
                expected: [
                    "researcher": .pass, "tinkerer": .fail, "quiet": .pass, "unknown": .notAssessed,
                    "benched": .notApplicable, "deployer": .notApplicable,
                ]
            ),
            ControlExample(
                "policy has no tool registry",
                inventory: """
                    version: 1
                    identities:
                      - {id: researcher, kind: agent, tools: [web.search]}
                    """,
                expected: ["researcher": .notAssessed]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.isAgent, identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard let approved = context.policy.approvedTools else {
                recorder.notAssessed(
                    subject,
                    Message.noRegistry(),
                    evidence: [
                        Evidence(field: "approved_tools", observed: "absent", expected: "the approved tool registry")
                    ]
                )
                continue
            }
            guard let tools = identity.tools else {
                recorder.notAssessed(
                    subject,
                    Message.toolsUnknown(),
                    evidence: [
                        Evidence(
                            field: "identities[].tools",
                            observed: "absent",
                            expected: "the tools the agent may call"
                        )
                    ]
                )
                continue
            }
            var unapproved: [String] = []
            for tool in tools
            where !unapproved.contains(tool) && !approved.contains(where: { Pattern.covers($0, tool) }) {
                unapproved.append(tool)
            }
            if unapproved.isEmpty {
                recorder.pass(identity: identity)
            } else {
                recorder.fail(
                    subject,
                    Message.unapproved(
                        "\(unapproved.count) tool\(unapproved.count == 1 ? "" : "s")",
                        unapproved.joined(separator: ", ")
                    ),
                    evidence: unapproved.map {
                        Evidence(
                            field: "identities[].tools",
                            observed: $0,
                            expected: "matched by an approved_tools pattern (approved_tools)"
                        )
                    }
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension AgentsUseApprovedTools {
    enum Message {
        static let noRegistry = MessageTemplate(
            "The policy has no approved tool registry."
        )
        static let toolsUnknown = MessageTemplate(
            "The inventory does not list the agent's tools."
        )
        static let unapproved = MessageTemplate(
            "Agent can call {count} outside the approved registry: {tools}."
        )
    }
}
