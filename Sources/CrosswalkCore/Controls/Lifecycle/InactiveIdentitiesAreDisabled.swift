/// CW-LIFE-02: Identities unused beyond the inactivity window are disabled (offboarding)
///
/// Applies to active identities; disabled, revoked, deleted or expired identities are not
/// applicable. Inactivity is counted from the identity's last use, or from `created` for an
/// identity never used, and fails when it exceeds `inactivity_window_days`. Auditor's reading
/// beyond the brief: the last use is the latest of the identity's own `last_used` and its
/// credentials' `last_used`, since many platforms record use only per key. An identity with no
/// use or creation date, or whose latest date lies after the evaluation time, is not assessed.
///
/// Reports active identities unused for longer than the inactivity window.
struct InactiveIdentitiesAreDisabled: Control {
    let definition = ControlDefinition(
        id: "CW-LIFE-02",
        title: "Identities unused beyond the inactivity window are disabled (offboarding)",
        description:
            "Every active identity has been used within the inactivity window (or, if never used, was created within it); dormant identities are disabled and then removed.",
        rationale:
            "Dormant identities keep their permissions and credentials while nobody watches them, which makes them a favourite foothold; offboarding them removes access that no workload needs.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo: "active identities",
        evidenceFields: [
            "identities[].status", "identities[].last_used", "identities[].created",
            "identities[].credentials[].last_used",
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
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let window = context.policy.thresholds.inactivityWindowDays
        let expected = "used within \(window) days (thresholds.inactivity_window_days)"
        for identity in context.inventory.identities {
            let subject = SubjectReference.identity(identity)
            guard identity.status.isActive else {
                recorder.notApplicable(subject)
                continue
            }
            var lastUse: (date: Timestamp, field: String)?
            if let used = identity.lastUsed { lastUse = (used, "last_used") }
            for credential in identity.credentials {
                if let used = credential.lastUsed, lastUse.map({ used > $0.date }) ?? true {
                    lastUse = (used, "credentials[].last_used")
                }
            }
            guard let (since, field) = lastUse ?? identity.created.map({ ($0, "created") }) else {
                recorder.notAssessed(
                    subject,
                    "Neither a last use nor the creation date of the identity is recorded.",
                    evidence: [
                        Evidence(field: "last_used", observed: "absent", expected: expected),
                        Evidence(field: "created", observed: "absent", expected: expected),
                    ]
                )
                continue
            }
            let idle = context.daysSince(since)
            if since > context.now {
                recorder.notAssessed(
                    subject,
                    "The identity's \(lastUse == nil ? "creation" : "last use") date lies after the evaluation time.",
                    evidence: [Evidence(field: field, observed: context.describeAge(of: since), expected: expected)]
                )
            } else if idle > window {
                let what = lastUse == nil ? "Identity never used; created" : "Identity last used"
                recorder.fail(
                    subject,
                    "\(what) \(idle) days ago; policy allows \(window).",
                    evidence: [Evidence(field: field, observed: context.describeAge(of: since), expected: expected)]
                )
            } else {
                recorder.pass(subject)
            }
        }
    }
}
