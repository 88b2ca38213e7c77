/// CW-CRED-01: Issued tokens are short-lived (TTL within policy)
///
/// Applies to active short-lived token credentials (types token, federated-token and
/// session-token); other credentials, and revoked, disabled, deleted or expired tokens, are not
/// applicable. A token passes when `ttl_seconds` is at most `max_token_ttl_minutes` × 60, fails
/// above it, and is not assessed when the TTL is not recorded.
///
/// Reports tokens issued with a lifetime longer than the policy allows.
struct TokensAreShortLived: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-01",
        title: "Issued tokens are short-lived (TTL within policy)",
        description:
            "Every token, federated token and session token is issued with a time to live no longer than the policy maximum.",
        rationale:
            "A stolen token is useful only until it expires: a short time to live bounds how long a leaked or replayed token grants access.",
        severity: .medium,
        subjectKind: .credential,
        appliesTo: "active tokens, federated tokens and session tokens",
        evidenceFields: [
            "identities[].credentials[].type", "identities[].credentials[].ttl_seconds",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: ["thresholds.max_token_ttl_minutes"],
        remediation:
            "Lower the token lifetime in the issuer's configuration (session duration, token lifetime policy) to the policy maximum or less.",
        examples: [
            ControlExample(
                "short, long and unknown TTLs under the default",
                inventory: """
                    version: 1
                    identities:
                      - id: agent
                        kind: agent
                        credentials:
                          - {id: session, type: session-token, ttl_seconds: 900}
                          - {id: long, type: token, ttl_seconds: 43200}
                          - {id: unknown, type: federated-token}
                          - {id: key, type: api-key}
                    """,
                expected: [
                    "agent/session": .pass, "agent/long": .fail, "agent/unknown": .notAssessed,
                    "agent/key": .notApplicable,
                ]
            ),
            ControlExample(
                "stricter policy",
                inventory: """
                    version: 1
                    identities:
                      - id: ci
                        kind: ci-job
                        credentials:
                          - {id: oidc, type: federated-token, ttl_seconds: 600}
                          - {id: hour, type: federated-token, ttl_seconds: 3600}
                    """,
                policy: """
                    version: 1
                    thresholds: {max_token_ttl_minutes: 15}
                    """,
                expected: ["ci/oidc": .pass, "ci/hour": .fail]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let maxMinutes = context.policy.thresholds.maxTokenTTLMinutes
        let expected = "≤ \(maxMinutes) minutes (thresholds.max_token_ttl_minutes)"
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard context.isActive(credential), credential.type.isShortLivedToken else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                guard let ttl = credential.ttlSeconds else {
                    recorder.notAssessed(
                        subject,
                        Message.ttlUnknown(),
                        evidence: [Evidence(field: "credentials[].ttl_seconds", observed: "absent", expected: expected)]
                    )
                    continue
                }
                if UnitComparison.exceeds(ttl, limit: maxMinutes, unitSize: 60) {
                    recorder.fail(
                        subject,
                        Message.tooLong(Self.describe(seconds: ttl), "\(maxMinutes)"),
                        evidence: [
                            Evidence(
                                field: "credentials[].ttl_seconds",
                                observed: String(joining: String(ttl), " (", Self.describe(seconds: ttl), ")"),
                                expected: expected
                            )
                        ]
                    )
                } else {
                    recorder.pass(credential: credential, of: identity)
                }
            }
        }
    }

    /// `43200` → `720 minutes`; `90` → `90 seconds`; `61` → `61 seconds`.
    private static func describe(seconds: Int64) -> String {
        if seconds % 60 == 0 {
            let minutes = seconds / 60
            return String(joining: String(minutes), minutes == 1 ? " minute" : " minutes")
        }
        return String(joining: String(seconds), " seconds")
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension TokensAreShortLived {
    enum Message {
        static let ttlUnknown = MessageTemplate(
            "The token's time to live is not recorded."
        )
        static let tooLong = MessageTemplate(
            "Token is issued for {lifetime}; policy allows {=limit} minutes."
        )
    }
}
