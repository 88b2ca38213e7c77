/// CW-CRED-02: Static secrets are rotated within the policy interval
///
/// Applies to active static secrets (api-key, access-key, client-secret, password, ssh-key,
/// private-key, shared-secret, connection-string, webhook-secret and refresh-token); other
/// credentials, and revoked, disabled, deleted or expired secrets, are not applicable. The age of
/// the current value is counted from `last_rotated`, or from `created` for a secret never
/// rotated, and fails when it exceeds `rotation_interval_days`. A secret with neither date, or
/// with a date after the evaluation time, is not assessed: an auditor cannot accept an age that
/// the evidence does not establish.
///
/// Reports static secrets whose current value is older than the rotation interval.
struct StaticSecretsAreRotated: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-02",
        title: "Static secrets are rotated within the policy interval",
        description:
            "Every active static secret (API key, access key, client secret, password, key pair, shared secret, connection string, webhook secret, refresh token) was issued or last rotated within the rotation interval. Ages are whole days, rounded down: a secret rotated 90 days and 12 hours ago is 90 days old and meets a 90-day interval. A secret with neither date, or with a date after the evaluation time, is not assessed.",
        rationale:
            "The longer one value stays valid, the more copies of it accumulate in code, logs and laptops and the longer a silent leak stays exploitable; regular rotation caps that window.",
        severity: .medium,
        subjectKind: .credential,
        appliesTo: "active static secrets",
        evidenceFields: [
            "identities[].credentials[].type", "identities[].credentials[].last_rotated",
            "identities[].credentials[].created", "identities[].credentials[].status",
            "identities[].credentials[].revoked",
        ],
        policyParameters: ["thresholds.rotation_interval_days"],
        remediation:
            "Rotate the secret now and automate rotation (secret-manager rotation, a scheduled job) at or below the policy interval.",
        examples: [
            ControlExample(
                "recent rotation, stale rotation, never rotated, no dates",
                inventory: """
                    version: 1
                    identities:
                      - id: payments
                        kind: service-account
                        credentials:
                          - {id: fresh, type: api-key, created: 2024-01-01, last_rotated: 2026-04-01}
                          - {id: stale, type: access-key, created: 2024-01-01, last_rotated: 2025-04-15}
                          - {id: never, type: client-secret, created: 2025-06-01}
                          - {id: undated, type: password}
                          - {id: token, type: token, created: 2020-01-01}
                          - {id: gone, type: api-key, status: revoked, created: 2020-01-01}
                    """,
                expected: [
                    "payments/fresh": .pass, "payments/stale": .fail, "payments/never": .fail,
                    "payments/undated": .notAssessed, "payments/token": .notApplicable,
                    "payments/gone": .notApplicable,
                ]
            ),
            ControlExample(
                "longer interval",
                inventory: """
                    version: 1
                    identities:
                      - id: legacy
                        kind: api-client
                        credentials:
                          - {id: key, type: ssh-key, last_rotated: 2025-09-01}
                          - {id: older, type: ssh-key, last_rotated: 2025-01-01}
                    """,
                policy: """
                    version: 1
                    thresholds: {rotation_interval_days: 365}
                    """,
                expected: ["legacy/key": .pass, "legacy/older": .fail]
            ),
            ControlExample(
                "whole days at the limit, date after the evaluation time",
                inventory: """
                    version: 1
                    identities:
                      - id: app
                        kind: service-account
                        credentials:
                          - {id: ninety, type: api-key, last_rotated: 2026-03-03}
                          - {id: ninety-and-a-half, type: api-key, last_rotated: 2026-03-02T12:00:00Z}
                          - {id: ninety-one, type: api-key, last_rotated: 2026-03-02}
                          - {id: ahead, type: api-key, created: 2025-01-01, last_rotated: 2026-06-02}
                    """,
                expected: [
                    "app/ninety": .pass, "app/ninety-and-a-half": .pass, "app/ninety-one": .fail,
                    "app/ahead": .notAssessed,
                ]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let interval = context.policy.thresholds.rotationIntervalDays
        let expected = "≤ \(interval) days (thresholds.rotation_interval_days)"
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard context.isActive(credential), credential.type.isStaticSecret else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                let rotated = credential.lastRotated != nil
                let field = rotated ? "credentials[].last_rotated" : "credentials[].created"
                guard let issued = credential.issued else {
                    recorder.notAssessed(
                        subject,
                        Message.datesMissing(),
                        evidence: [
                            Evidence(field: "credentials[].last_rotated", observed: "absent", expected: expected),
                            Evidence(field: "credentials[].created", observed: "absent", expected: expected),
                        ]
                    )
                    continue
                }
                let age = context.daysSince(issued)
                if issued > context.now {
                    recorder.notAssessed(
                        subject,
                        (rotated ? Message.rotationInFuture : Message.creationInFuture)(),
                        evidence: [
                            Evidence(field: field, observed: context.describeAge(of: issued), expected: expected)
                        ]
                    )
                } else if age > interval {
                    recorder.fail(
                        subject,
                        (rotated ? Message.overdue : Message.neverRotated)("\(age)", "\(interval)"),
                        evidence: [
                            Evidence(field: field, observed: context.describeAge(of: issued), expected: expected)
                        ]
                    )
                } else {
                    recorder.pass(credential: credential, of: identity)
                }
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension StaticSecretsAreRotated {
    enum Message {
        static let datesMissing = MessageTemplate(
            "Neither the last rotation nor the creation date of the secret is recorded."
        )
        static let rotationInFuture = MessageTemplate(
            "The secret's last rotation date lies after the evaluation time."
        )
        static let creationInFuture = MessageTemplate(
            "The secret's creation date lies after the evaluation time."
        )
        static let overdue = MessageTemplate(
            "Secret last rotated {days} days ago; policy allows {=limit}."
        )
        static let neverRotated = MessageTemplate(
            "Secret never rotated; created {days} days ago; policy allows {=limit}."
        )
    }
}
