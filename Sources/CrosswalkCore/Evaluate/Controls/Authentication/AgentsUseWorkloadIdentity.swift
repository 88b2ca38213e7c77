/// CW-AUTH-01: AI agents authenticate with a platform-managed workload identity, not a static secret
///
/// Applies to active agents (disabled, revoked, deleted or expired agents cannot authenticate and
/// are not applicable; any static secret they still hold is judged by the credential controls).
/// An agent passes only when its `authentication` is managed-identity, workload-identity or
/// federated and it holds no active static secret. Auditor's reading: any other method, including
/// `certificate` and methods Crosswalk does not know, fails, because the burden is on the agent
/// to show a platform-managed identity; and holding an active static secret fails even when the
/// recorded method is platform-managed, because the secret remains a usable way in. A missing
/// `authentication` is not assessed unless an active static secret already decides the failure.
///
/// Reports agents that authenticate with, or hold, a static secret, or whose method is not
/// platform-managed.
struct AgentsUseWorkloadIdentity: Control {
    let definition = ControlDefinition(
        id: "CW-AUTH-01",
        title: "AI agents authenticate with a platform-managed workload identity, not a static secret",
        description:
            "Each active agent proves its identity through the platform (managed identity, workload identity or federation) and holds no active static secret such as an API key, client secret or password. Any other authentication method fails, certificate and methods Crosswalk does not know included; an agent holding an active static secret fails even when its method is platform-managed. A missing authentication is not assessed unless a held static secret already fails the agent.",
        rationale:
            "Static secrets can be copied, leaked into prompts, logs and code, and replayed from anywhere; platform-managed identities issue short-lived credentials bound to the running workload, so there is nothing long-lived to steal.",
        severity: .high,
        subjectKind: .identity,
        appliesTo: "active agents",
        evidenceFields: [
            "identities[].kind", "identities[].status", "identities[].authentication",
            "identities[].credentials[].type", "identities[].credentials[].status",
            "identities[].credentials[].revoked",
        ],
        policyParameters: [],
        remediation:
            "Move the agent to its platform's managed or workload identity (or OIDC federation), then revoke every static secret it holds.",
        examples: [
            ControlExample(
                "workload identity, static secret method, held secret, missing method",
                inventory: """
                    version: 1
                    identities:
                      - {id: managed, kind: agent, authentication: workload-identity}
                      - {id: keyed, kind: agent, authentication: api-key}
                      - id: federated-with-key
                        kind: agent
                        authentication: federated
                        credentials:
                          - {id: old-key, type: api-key}
                      - {id: unknown, kind: agent}
                      - {id: retired, kind: agent, status: disabled, authentication: api-key}
                      - {id: svc, kind: service-account, authentication: api-key}
                    """,
                expected: [
                    "managed": .pass, "keyed": .fail, "federated-with-key": .fail, "unknown": .notAssessed,
                    "retired": .notApplicable, "svc": .notApplicable,
                ]
            ),
            ControlExample(
                "revoked secret, certificate method, unknown method",
                inventory: """
                    version: 1
                    identities:
                      - id: cleaned-up
                        kind: agent
                        authentication: managed-identity
                        credentials:
                          - {id: old-key, type: client-secret, status: revoked}
                          - {id: session, type: federated-token}
                      - {id: cert, kind: agent, authentication: certificate}
                      - {id: homegrown, kind: agent, authentication: signed-nonce}
                    """,
                expected: ["cleaned-up": .pass, "cert": .fail, "homegrown": .fail]
            ),
        ]
    )

    private static let expectedMethods = "managed-identity, workload-identity or federated"

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.isAgent, identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            let heldSecrets = identity.credentials.filter { context.isActive($0) && $0.type.isStaticSecret }
            var evidence: [Evidence] = []
            var problems: [String] = []
            if let method = identity.authentication, !method.isPlatformManaged {
                evidence.append(
                    Evidence(field: "authentication", observed: method.rawValue, expected: Self.expectedMethods)
                )
                problems.append(
                    method.isStaticSecret
                        ? "authenticates with a static secret (\(method.rawValue))"
                        : "authenticates with \(method.rawValue), which is not a platform-managed identity"
                )
            }
            for credential in heldSecrets {
                evidence.append(
                    Evidence(
                        field: "credentials[].type",
                        observed: String(
                            joining: credential.id,
                            ": ",
                            credential.type.rawValue,
                            ", ",
                            credential.status.rawValue
                        ),
                        expected: "no active static secret"
                    )
                )
            }
            if !heldSecrets.isEmpty {
                let count = heldSecrets.count
                problems.append("holds \(count) active static secret\(count == 1 ? "" : "s")")
            }
            if !problems.isEmpty {
                recorder.fail(
                    subject,
                    Message.notWorkloadIdentity(problems.joined(separator: " and ")),
                    evidence: evidence
                )
            } else if identity.authentication == nil {
                recorder.notAssessed(
                    subject,
                    Message.methodUnknown(),
                    evidence: [Evidence(field: "authentication", observed: "absent", expected: Self.expectedMethods)]
                )
            } else {
                recorder.pass(identity: identity)
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension AgentsUseWorkloadIdentity {
    enum Message {
        static let notWorkloadIdentity = MessageTemplate(
            "Agent {problems}."
        )
        static let methodUnknown = MessageTemplate(
            "The agent's authentication method is not recorded."
        )
    }
}
