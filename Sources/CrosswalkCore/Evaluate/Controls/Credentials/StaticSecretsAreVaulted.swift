/// CW-CRED-03: Static secrets live only in a vault or secret manager (never code, config, env, CI variables, prompts, tickets, logs)
///
/// Applies to active static secrets; other credentials, and revoked, disabled, deleted or expired
/// secrets, are not applicable. A secret passes only when its recorded `storage` is one of
/// `allowed_secret_storage` (by default vault and secret-manager); every other location fails,
/// including `platform` and locations Crosswalk does not know, unless the policy allows them. A
/// secret whose storage is not recorded is not assessed.
///
/// Reports static secrets kept anywhere other than an allowed secret store.
struct StaticSecretsAreVaulted: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-03",
        title:
            "Static secrets live only in a vault or secret manager (never code, config, env, CI variables, prompts, tickets, logs)",
        description:
            "Every active static secret is stored only in an approved vault or secret manager, never in source code, configuration files, environment variables, CI variables, agent prompts, tickets or logs.",
        rationale:
            "Secrets outside a vault are copied wherever the code, configuration, prompt or log goes, readable by anyone with access to it, and never audited on read; a vault controls and records every access.",
        severity: .high,
        subjectKind: .credential,
        appliesTo: "active static secrets",
        evidenceFields: [
            "identities[].credentials[].type", "identities[].credentials[].storage",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: ["allowed_secret_storage"],
        remediation:
            "Move the secret into the vault or secret manager, have the workload fetch it at run time, remove it from where it was found (including history), and rotate it.",
        examples: [
            ControlExample(
                "vaulted, in an environment variable, in a prompt, unknown",
                inventory: """
                    version: 1
                    identities:
                      - id: support-agent
                        kind: agent
                        credentials:
                          - {id: crm, type: api-key, storage: vault}
                          - {id: db, type: connection-string, storage: env-var}
                          - {id: search, type: api-key, storage: prompt}
                          - {id: mail, type: password}
                          - {id: session, type: session-token, storage: prompt}
                    """,
                expected: [
                    "support-agent/crm": .pass, "support-agent/db": .fail, "support-agent/search": .fail,
                    "support-agent/mail": .notAssessed, "support-agent/session": .notApplicable,
                ]
            ),
            ControlExample(
                "policy allows only the secret manager",
                inventory: """
                    version: 1
                    identities:
                      - id: etl
                        kind: service-account
                        credentials:
                          - {id: managed, type: client-secret, storage: secret-manager}
                          - {id: vaulted, type: client-secret, storage: vault}
                    """,
                policy: """
                    version: 1
                    allowed_secret_storage: [secret-manager]
                    """,
                expected: ["etl/managed": .pass, "etl/vaulted": .fail]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let allowed = context.policy.allowedSecretStorage
        let allowedText = allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", ")
        let expected = "one of \(allowedText) (allowed_secret_storage)"
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard context.isActive(credential), credential.type.isStaticSecret else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                guard let storage = credential.storage else {
                    recorder.notAssessed(
                        subject,
                        Message.storageUnknown(),
                        evidence: [Evidence(field: "credentials[].storage", observed: "absent", expected: expected)]
                    )
                    continue
                }
                if allowed.contains(storage) {
                    recorder.pass(credential: credential, of: identity)
                } else {
                    recorder.fail(
                        subject,
                        Message.notVaulted(storage.rawValue, allowedText),
                        evidence: [
                            Evidence(field: "credentials[].storage", observed: storage.rawValue, expected: expected)
                        ]
                    )
                }
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension StaticSecretsAreVaulted {
    enum Message {
        static let storageUnknown = MessageTemplate(
            "Where the secret is stored is not recorded."
        )
        static let notVaulted = MessageTemplate(
            "Secret is stored in {storage}; policy allows {=allowed}."
        )
    }
}
