/// CW-LIFE-02: Identities unused beyond the inactivity window are disabled (offboarding)
///
/// Applies to active identities; disabled, revoked, deleted or expired identities are not
/// applicable. Each record's last activity is its `last_used`, or its `created` when it was never
/// used (as the inventory format defines both for identities and credentials); the identity's last
/// activity is the latest of its own and all its credentials', since many platforms record use only
/// per key. It fails when that is more than `inactivity_window_days` ago. Dates after the
/// evaluation time are contradictory evidence: they are set aside, and when the remaining dates
/// would fail the identity, it is not assessed instead. An identity with no date at all is not
/// assessed.
///
/// Reports active identities unused for longer than the inactivity window.
struct InactiveIdentitiesAreDisabled: Control {
    let definition = ControlDefinition(
        id: "CW-LIFE-02",
        title: "Identities unused beyond the inactivity window are disabled (offboarding)",
        description:
            "Every active identity has been used within the inactivity window (or, if never used, was created within it); dormant identities are disabled and then removed. The last activity is the latest of the identity's and its credentials' last_used, each record's created standing in when it was never used. A date after the evaluation time cannot establish use: when the other dates would fail the identity, it is not assessed. An imported identity whose source reports no use (neither of the identity nor of its credentials) is not assessed rather than failed on its creation date.",
        rationale:
            "Dormant identities keep their permissions and credentials while nobody watches them, which makes them a favourite foothold; offboarding them removes access that no workload needs.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo: "active identities",
        evidenceFields: [
            "identities[].status", "identities[].last_used", "identities[].created",
            "identities[].credentials[].last_used", "identities[].credentials[].created",
        ],
        policyParameters: ["thresholds.inactivity_window_days"],
        remediation:
            "Confirm with the owner that the identity is no longer needed, disable it and revoke its credentials, then delete it after a grace period.",
        examples: [
            ControlExample(
                "recent use, dormant, used through a credential, never used, undated, disabled",
                inventory: """
                    version: 1
                    identities:
                      - {id: busy, kind: service-account, created: 2024-01-01, last_used: 2026-05-30}
                      - {id: dormant, kind: service-account, created: 2024-01-01, last_used: 2025-10-01}
                      - id: key-user
                        kind: api-client
                        created: 2024-01-01
                        credentials:
                          - {id: key, type: api-key, last_used: 2026-05-15}
                      - {id: never, kind: bot, created: 2025-01-01}
                      - {id: undated, kind: bot}
                      - {id: retired, kind: bot, status: disabled, last_used: 2020-01-01}
                    """,
                expected: [
                    "busy": .pass, "dormant": .fail, "key-user": .pass, "never": .fail, "undated": .notAssessed,
                    "retired": .notApplicable,
                ]
            ),
            ControlExample(
                "shorter window",
                inventory: """
                    version: 1
                    identities:
                      - {id: weekly, kind: ci-job, last_used: 2026-05-25}
                      - {id: monthly, kind: ci-job, last_used: 2026-05-01}
                    """,
                policy: """
                    version: 1
                    thresholds: {inactivity_window_days: 14}
                    """,
                expected: ["weekly": .pass, "monthly": .fail]
            ),
            ControlExample(
                "credential created recently, dates after the evaluation time",
                inventory: """
                    version: 1
                    identities:
                      - id: new-key
                        kind: service-account
                        created: 2024-01-01
                        last_used: 2025-01-01
                        credentials:
                          - {id: key, type: api-key, created: 2026-05-20}
                      - id: old-key
                        kind: service-account
                        created: 2024-01-01
                        credentials:
                          - {id: key, type: api-key, created: 2024-01-01, last_used: 2025-01-01}
                          - {id: spare, type: api-key, created: 2024-06-01}
                      - id: skewed
                        kind: service-account
                        last_used: 2025-01-01
                        credentials:
                          - {id: key, type: api-key, last_used: 2026-06-02}
                      - id: skewed-but-busy
                        kind: service-account
                        last_used: 2026-05-30
                        credentials:
                          - {id: key, type: api-key, last_used: 2026-06-02}
                    """,
                expected: ["new-key": .pass, "old-key": .fail, "skewed": .notAssessed, "skewed-but-busy": .pass]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let window = context.policy.thresholds.inactivityWindowDays
        let expected = "used within \(window) days (thresholds.inactivity_window_days)"
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            let activity = Self.activity(of: identity)
            let latest = activity.filter { $0.date <= context.now }.max { $0.date < $1.date }
            let future = activity.filter { $0.date > context.now }.max { $0.date < $1.date }
            guard let latest else {
                if future == nil, Self.useUnreported(for: identity) {
                    recorder.notAssessed(
                        subject,
                        SourceGap.result("last use", of: identity),
                        evidence: [SourceGap.evidence("last_used", of: identity, expected: expected)]
                    )
                    continue
                }
                if let future {
                    recorder.notAssessed(
                        subject,
                        Message.activityInFuture(),
                        evidence: [
                            Evidence(
                                field: future.field,
                                observed: context.describeAge(of: future.date),
                                expected: expected
                            )
                        ]
                    )
                } else {
                    recorder.notAssessed(
                        subject,
                        Message.datesMissing(),
                        evidence: [
                            Evidence(field: "last_used", observed: "absent", expected: expected),
                            Evidence(field: "created", observed: "absent", expected: expected),
                        ]
                    )
                }
                continue
            }
            let idle = context.daysSince(latest.date)
            guard idle > window else {
                recorder.pass(identity: identity)
                continue
            }
            if Self.useUnreported(for: identity) {
                recorder.notAssessed(
                    subject,
                    SourceGap.result("last use", of: identity),
                    evidence: [SourceGap.evidence("last_used", of: identity, expected: expected)]
                )
                continue
            }
            let evidence = Evidence(
                field: latest.field,
                observed: context.describeAge(of: latest.date),
                expected: expected
            )
            if let future {
                recorder.notAssessed(
                    subject,
                    Message.idleWithFutureDate("\(idle)"),
                    evidence: [
                        evidence,
                        Evidence(
                            field: future.field,
                            observed: context.describeAge(of: future.date),
                            expected: expected
                        ),
                    ]
                )
            } else {
                let what: MessageTemplate
                switch latest.field {
                case "created": what = Message.neverUsed
                case "credentials[].created":
                    what = Message.onlyCredentialCreated
                default: what = Message.unused
                }
                recorder.fail(subject, what("\(idle)", "\(window)"), evidence: [evidence])
            }
        }
    }

    /// Whether the identity's source leaves its use unknown: no last use of the identity and none
    /// of its credentials is reported, so a creation date alone cannot show it idle.
    private static func useUnreported(for identity: Identity) -> Bool {
        let identityUse = identity.lastUsed == nil && SourceGap.applies(.lastUsed, to: identity)
        let credentialUse =
            identity.credentials.allSatisfy { $0.lastUsed == nil }
            && (identity.credentials.isEmpty || SourceGap.applies(.credentialLastUsed, to: identity))
        return identityUse && credentialUse
    }

    /// Every activity date of the identity: each record's `last_used`, or its `created` when never used.
    private static func activity(of identity: Identity) -> [(date: Timestamp, field: String)] {
        var dates: [(date: Timestamp, field: String)] = []
        if let used = identity.lastUsed {
            dates.append((used, "last_used"))
        } else if let created = identity.created {
            dates.append((created, "created"))
        }
        for credential in identity.credentials {
            if let used = credential.lastUsed {
                dates.append((used, "credentials[].last_used"))
            } else if let created = credential.created {
                dates.append((created, "credentials[].created"))
            }
        }
        return dates
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension InactiveIdentitiesAreDisabled {
    enum Message {
        static let activityInFuture = MessageTemplate(
            "The identity's latest activity date lies after the evaluation time."
        )
        static let datesMissing = MessageTemplate(
            "Neither a last use nor the creation date of the identity is recorded."
        )
        static let idleWithFutureDate = MessageTemplate(
            "The identity looks unused for {days} days, but a later activity date lies after the evaluation time."
        )
        static let neverUsed = MessageTemplate(
            "Identity never used; created {days} days ago; policy allows {=limit}."
        )
        static let onlyCredentialCreated = MessageTemplate(
            "Identity's latest activity is a credential created {days} days ago and never used; policy allows {=limit}."
        )
        static let unused = MessageTemplate(
            "Identity last used {days} days ago; policy allows {=limit}."
        )
    }
}
