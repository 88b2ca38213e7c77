/// CW-CRED-04: Every credential expires, within the policy's maximum lifetime
///
/// Applies to active credentials of every type; revoked, disabled, deleted or expired credentials
/// are not applicable. A credential fails when it has no `expires`, or when its lifetime (from
/// `last_rotated`, else `created`, to `expires`) exceeds `max_credential_lifetime_days`; static
/// secrets must also stay within `max_static_secret_age_days`, so the smaller limit governs them.
/// Every lifetime is compared exactly, in seconds, with the limit × 86,400 seconds: a TTL and an
/// `expires` date are judged alike, and 365 days and 1 second exceeds a 365-day limit (messages
/// then print the exact lifetime rather than a rounded one).
/// Auditor's readings beyond the brief: a short-lived token with no `expires` but a recorded
/// `ttl_seconds` expires by construction, and its TTL is its lifetime; one with neither fails like
/// any credential without an expiry; a credential whose issue date is unknown still fails when the
/// time left until `expires` alone exceeds the limit, and is otherwise not assessed; an issue date
/// after the evaluation time is judged like any other (a certificate may be valid from a later
/// date); an `expires` earlier than the issue date is contradictory evidence and is not assessed.
///
/// Reports credentials that never expire or whose lifetime exceeds the policy maximum.
struct CredentialsExpire: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-04",
        title: "Every credential expires, within the policy's maximum lifetime",
        description:
            "Every active credential has an expiry date, and the time from its issue (or last rotation) to that date is within the maximum lifetime, which is shorter for static secrets. Lifetimes are compared exactly, in seconds: 365 days and 1 second exceeds a 365-day limit. A credential with no expiry date fails, except a short-lived token with a TTL (ttl_seconds), which is then its lifetime. With no issue date, the credential fails when the time left until its expiry already exceeds the limit, and is otherwise not assessed; an expiry date before the issue date is not assessed.",
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
            ControlExample(
                "lifetimes at the limit, measured exactly",
                inventory: """
                    version: 1
                    identities:
                      - id: svc
                        kind: service-account
                        credentials:
                          - {id: year-token, type: token, ttl_seconds: 31536000}
                          - {id: year-and-a-second, type: token, ttl_seconds: 31536001}
                          - {id: year-cert, type: certificate, created: 2026-01-01T00:00:00Z, expires: 2027-01-01T00:00:00Z}
                          - {id: almost-a-day-more, type: certificate, created: 2026-01-01T00:00:00Z, expires: 2027-01-01T23:59:59Z}
                          - {id: bare-token, type: token}
                    """,
                expected: [
                    "svc/year-token": .pass, "svc/year-and-a-second": .fail, "svc/year-cert": .pass,
                    "svc/almost-a-day-more": .fail, "svc/bare-token": .fail,
                ]
            ),
            ControlExample(
                "issue date in the future, expiry before issue",
                inventory: """
                    version: 1
                    identities:
                      - id: web
                        kind: workload-identity
                        credentials:
                          - {id: next-cert, type: certificate, created: 2026-09-01, expires: 2027-06-01}
                          - {id: next-long-cert, type: certificate, created: 2026-09-01, expires: 2028-01-01}
                          - {id: backwards, type: certificate, created: 2026-06-01, expires: 2026-01-01}
                    """,
                expected: ["web/next-cert": .pass, "web/next-long-cert": .fail, "web/backwards": .notAssessed]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let thresholds = context.policy.thresholds
        // Spelled out once per call, not per credential: every credential has one of two limits.
        let general = Limit(days: thresholds.maxCredentialLifetimeDays, key: "thresholds.max_credential_lifetime_days")
        let staticSecret =
            thresholds.maxStaticSecretAgeDays < general.days
            ? Limit(days: thresholds.maxStaticSecretAgeDays, key: "thresholds.max_static_secret_age_days") : general
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                guard context.isActive(credential) else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                let limit = credential.type.isStaticSecret ? staticSecret : general
                evaluate(credential, of: identity, limit: limit, context, &recorder)
            }
        }
    }

    /// A maximum lifetime in days, with the texts results state about it.
    private struct Limit {
        let days: Int64
        /// What evidence expects: `≤ 365 days from issue to expiry (thresholds.…)`.
        let expected: String
        /// The limit in messages: `365 days`.
        let allowed: String

        init(days: Int64, key: String) {
            self.days = days
            expected = "≤ \(days) days from issue to expiry (\(key))"
            allowed = "\(days) day\(days == 1 ? "" : "s")"
        }
    }

    private func evaluate(
        _ credential: Credential,
        of identity: Identity,
        limit maximum: Limit,
        _ context: EvaluationContext,
        _ recorder: inout ResultRecorder
    ) {
        // Built only for results that keep it; passes are counted without it.
        var subject: SubjectReference { .credential(credential, of: identity) }
        let limit = maximum.days
        let expected = maximum.expected
        let allowed = maximum.allowed
        guard let expires = credential.expires else {
            if credential.type.isShortLivedToken, let ttl = credential.ttlSeconds {
                if UnitComparison.exceeds(ttl, limit: limit, unitSize: 86_400) {
                    let lifetime = DurationText.describe(seconds: ttl)
                    recorder.fail(
                        subject,
                        Message.tokenTooLong(lifetime, allowed),
                        evidence: [
                            Evidence(
                                field: "credentials[].ttl_seconds",
                                observed: String(joining: String(ttl), " (", lifetime, ")"),
                                expected: expected
                            )
                        ]
                    )
                } else {
                    recorder.pass(credential: credential, of: identity)
                }
                return
            }
            recorder.fail(
                subject,
                Message.neverExpires(allowed),
                evidence: [Evidence(field: "credentials[].expires", observed: "absent", expected: expected)]
            )
            return
        }
        guard let issued = credential.issued else {
            let remaining = Self.seconds(from: context.now, to: expires)
            if UnitComparison.exceeds(remaining, limit: limit, unitSize: 86_400) {
                let left = DurationText.describe(seconds: remaining)
                recorder.fail(
                    subject,
                    Message.expiresTooLate(left, allowed),
                    evidence: [
                        Evidence(
                            field: "credentials[].expires",
                            observed: String(joining: Self.text(expires), " (in ", left, "; issue date not recorded)"),
                            expected: expected
                        )
                    ]
                )
            } else {
                recorder.notAssessed(
                    subject,
                    Message.datesMissing(),
                    evidence: [
                        Evidence(field: "credentials[].last_rotated", observed: "absent", expected: expected),
                        Evidence(field: "credentials[].created", observed: "absent", expected: expected),
                    ]
                )
            }
            return
        }
        let issueField = credential.lastRotated != nil ? "last_rotated" : "created"
        let lifetime = Self.seconds(from: issued, to: expires)
        if expires < issued {
            recorder.notAssessed(
                subject,
                Message.expiryBeforeIssue(issueField),
                evidence: [
                    Evidence(
                        field: "credentials[].expires",
                        observed: String(
                            joining: Self.text(expires),
                            " (before ",
                            issueField,
                            " ",
                            Self.text(issued),
                            ")"
                        ),
                        expected: expected
                    )
                ]
            )
        } else if UnitComparison.exceeds(lifetime, limit: limit, unitSize: 86_400) {
            let described = DurationText.describe(seconds: lifetime)
            recorder.fail(
                subject,
                Message.lifetimeTooLong(described, allowed),
                evidence: [
                    Evidence(
                        field: "credentials[].expires",
                        observed: String(
                            joining: Self.text(expires),
                            " (",
                            described,
                            " after ",
                            issueField,
                            " ",
                            Self.text(issued),
                            ")"
                        ),
                        expected: expected
                    )
                ]
            )
        } else {
            recorder.pass(credential: credential, of: identity)
        }
    }

    /// Exact seconds from `start` to `end`, held at the ends of the Int64 range.
    private static func seconds(from start: Timestamp, to end: Timestamp) -> Int64 {
        let (difference, overflow) = end.secondsSinceEpoch.subtractingReportingOverflow(start.secondsSinceEpoch)
        guard overflow else { return difference }
        return end > start ? .max : .min
    }

    /// The date alone when the timestamp is midnight UTC (as date-only inputs are), else the full time.
    private static func text(_ timestamp: Timestamp) -> String {
        timestamp.secondsSinceEpoch % 86_400 == 0 ? timestamp.isoDate : timestamp.iso8601
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension CredentialsExpire {
    enum Message {
        static let tokenTooLong = MessageTemplate(
            "Token lives {lifetime}; policy allows {limit}."
        )
        static let neverExpires = MessageTemplate(
            "Credential never expires; policy requires expiry within {limit}."
        )
        static let expiresTooLate = MessageTemplate(
            "Credential expires in {remaining}, longer than the {limit} lifetime policy allows."
        )
        static let datesMissing = MessageTemplate(
            "Neither the last rotation nor the creation date is recorded, so the lifetime cannot be measured."
        )
        static let expiryBeforeIssue = MessageTemplate(
            "The expiry date precedes the credential's {field} date."
        )
        static let lifetimeTooLong = MessageTemplate(
            "Credential lifetime is {lifetime}; policy allows {limit}."
        )
    }
}
