/// CW-CRED-04: Every credential expires, within the policy's maximum lifetime
///
/// Applies to active credentials of every type; revoked, disabled, deleted or expired credentials
/// are not applicable. A credential fails when it has no `expires`, or when its lifetime (from
/// `last_rotated`, else `created`, to `expires`) exceeds `max_credential_lifetime_days`; static
/// secrets must also stay within `max_static_secret_age_days`, so the smaller limit governs them.
/// Auditor's readings beyond the brief: a short-lived token with no `expires` but a recorded
/// `ttl_seconds` expires by construction, and its TTL is its lifetime; a credential whose issue
/// date is unknown still fails when the time left until `expires` alone exceeds the limit, and is
/// otherwise not assessed; an `expires` earlier than the issue date is contradictory evidence and
/// is not assessed.
///
/// Reports credentials that never expire or whose lifetime exceeds the policy maximum.
struct CredentialsExpire: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-04",
        title: "Every credential expires, within the policy's maximum lifetime",
        description:
            "Every active credential has an expiry date, and the time from its issue (or last rotation) to that date is within the maximum lifetime, which is shorter for static secrets.",
        rationale:
            "A credential without an expiry stays valid until someone remembers to revoke it, which for forgotten credentials is never; a bounded lifetime makes the platform revoke it automatically.",
        severity: .medium,
        subjectKind: .credential,
        appliesTo: "active credentials",
        evidenceFields: [
            "identities[].credentials[].expires", "identities[].credentials[].last_rotated",
            "identities[].credentials[].created", "identities[].credentials[].ttl_seconds",
            "identities[].credentials[].type", "identities[].credentials[].status",
            "identities[].credentials[].revoked",
        ],
        policyParameters: ["thresholds.max_credential_lifetime_days", "thresholds.max_static_secret_age_days"],
        remediation:
            "Set an expiry on the credential at or below the policy maximum (re-issue it if the platform cannot add one later), and renew it automatically before it lapses.",
        examples: [
            ControlExample(
                "no expiry, long lifetime, within lifetime",
                inventory: """
                    version: 1
                    identities:
                      - id: deployer
                        kind: ci-job
                        credentials:
                          - {id: forever, type: api-key, created: 2026-01-01}
                          - {id: cert, type: certificate, created: 2026-01-01, expires: 2026-12-01}
                          - {id: long-cert, type: certificate, created: 2026-01-01, expires: 2028-01-01}
                          - {id: key, type: api-key, last_rotated: 2026-03-01, expires: 2026-08-01}
                          - {id: long-key, type: api-key, last_rotated: 2026-03-01, expires: 2027-01-01}
                          - {id: old, type: api-key, status: revoked}
                    """,
                expected: [
                    "deployer/forever": .fail, "deployer/cert": .pass, "deployer/long-cert": .fail,
                    "deployer/key": .pass, "deployer/long-key": .fail, "deployer/old": .notApplicable,
                ]
            ),
            ControlExample(
                "token TTL, unknown issue date",
                inventory: """
                    version: 1
                    identities:
                      - id: agent
                        kind: agent
                        credentials:
                          - {id: session, type: session-token, ttl_seconds: 3600}
                          - {id: soon, type: certificate, expires: 2026-09-01}
                          - {id: far, type: certificate, expires: 2028-06-01}
                    """,
                expected: ["agent/session": .pass, "agent/soon": .notAssessed, "agent/far": .fail]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let thresholds = context.policy.thresholds
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                let subject = SubjectReference.credential(credential, of: identity)
                guard credential.isActive else {
                    recorder.notApplicable(subject)
                    continue
                }
                var limit = thresholds.maxCredentialLifetimeDays
                var key = "thresholds.max_credential_lifetime_days"
                if credential.type.isStaticSecret, thresholds.maxStaticSecretAgeDays < limit {
                    limit = thresholds.maxStaticSecretAgeDays
                    key = "thresholds.max_static_secret_age_days"
                }
                let expected = "≤ \(limit) days from issue to expiry (\(key))"
                evaluate(credential, subject, limit: limit, expected: expected, context, &recorder)
            }
        }
    }

    private func evaluate(
        _ credential: Credential,
        _ subject: SubjectReference,
        limit: Int64,
        expected: String,
        _ context: EvaluationContext,
        _ recorder: inout ResultRecorder
    ) {
        guard let expires = credential.expires else {
            if credential.type.isShortLivedToken, let ttl = credential.ttlSeconds {
                if UnitComparison.exceeds(ttl, limit: limit, unitSize: 86_400) {
                    recorder.fail(
                        subject,
                        "Token lives \(ttl / 86_400) days; policy allows \(limit).",
                        evidence: [Evidence(field: "credentials[].ttl_seconds", observed: "\(ttl)", expected: expected)]
                    )
                } else {
                    recorder.pass(subject)
                }
                return
            }
            recorder.fail(
                subject,
                "Credential never expires; policy requires expiry within \(limit) days.",
                evidence: [Evidence(field: "credentials[].expires", observed: "absent", expected: expected)]
            )
            return
        }
        guard let issued = credential.issued else {
            let remaining = context.now.days(until: expires)
            if remaining > limit {
                recorder.fail(
                    subject,
                    "Credential expires in \(remaining) days, longer than the \(limit)-day lifetime policy allows.",
                    evidence: [
                        Evidence(
                            field: "credentials[].expires",
                            observed: "\(expires.isoDate) (in \(remaining) days; issue date not recorded)",
                            expected: expected
                        )
                    ]
                )
            } else {
                recorder.notAssessed(
                    subject,
                    "Neither the last rotation nor the creation date is recorded, so the lifetime cannot be measured.",
                    evidence: [
                        Evidence(field: "credentials[].last_rotated", observed: "absent", expected: expected),
                        Evidence(field: "credentials[].created", observed: "absent", expected: expected),
                    ]
                )
            }
            return
        }
        let issueField = credential.lastRotated != nil ? "last_rotated" : "created"
        let lifetime = issued.days(until: expires)
        let observed = "\(expires.isoDate) (\(lifetime) days after \(issueField) \(issued.isoDate))"
        if expires < issued {
            recorder.notAssessed(
                subject,
                "The expiry date precedes the credential's \(issueField) date.",
                evidence: [Evidence(field: "credentials[].expires", observed: observed, expected: expected)]
            )
        } else if lifetime > limit {
            recorder.fail(
                subject,
                "Credential lifetime is \(lifetime) days; policy allows \(limit).",
                evidence: [Evidence(field: "credentials[].expires", observed: observed, expected: expected)]
            )
        } else {
            recorder.pass(subject)
        }
    }
}
