/// CW-CRED-07: Credentials unused beyond the inactivity window are removed
///
/// Applies to active credentials of every type; revoked, disabled, deleted or expired credentials
/// are not applicable. Inactivity is counted from `last_used`, or from `created` for a credential
/// never used, and fails when it exceeds `inactivity_window_days`. A credential with neither date,
/// or with a date after the evaluation time, is not assessed: an unknown last use is not evidence
/// of recent use.
///
/// Reports active credentials unused for longer than the inactivity window.
struct UnusedCredentialsAreRemoved: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-07",
        title: "Credentials unused beyond the inactivity window are removed",
        description:
            "Every active credential has been used within the inactivity window (or, if never used, was created within it); idle credentials are revoked or deleted. Ages are whole days, rounded down. A credential with neither date, or whose last use (or creation) lies after the evaluation time, is not assessed, as is an imported credential whose source does not report use.",
        rationale:
            "A credential nobody uses still works for whoever holds a copy; removing idle credentials shrinks the attack surface at no cost to any workload.",
        severity: .medium,
        subjectKind: .credential,
        appliesTo: "active credentials",
        evidenceFields: [
            "identities[].credentials[].last_used", "identities[].credentials[].created",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: ["thresholds.inactivity_window_days"],
        remediation:
            "Revoke or delete the idle credential after confirming with the owner; if it is needed again, issue a new one.",
        examples: [
            ControlExample(
                "recently used, idle, never used, no dates, used after the evaluation time, revoked",
                inventory: """
                    version: 1
                    identities:
                      - id: reporting
                        kind: service-account
                        credentials:
                          - {id: daily, type: api-key, created: 2024-01-01, last_used: 2026-05-31}
                          - {id: idle, type: api-key, created: 2024-01-01, last_used: 2025-11-01}
                          - {id: never, type: access-key, created: 2025-12-01}
                          - {id: new, type: access-key, created: 2026-05-01}
                          - {id: undated, type: password}
                          - {id: ahead, type: api-key, created: 2024-01-01, last_used: 2026-06-02}
                          - {id: gone, type: api-key, status: revoked, last_used: 2020-01-01}
                    """,
                expected: [
                    "reporting/daily": .pass, "reporting/idle": .fail, "reporting/never": .fail,
                    "reporting/new": .pass, "reporting/undated": .notAssessed, "reporting/ahead": .notAssessed,
                    "reporting/gone": .notApplicable,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let window = context.policy.thresholds.inactivityWindowDays
        let expected = "used within \(window) days (thresholds.inactivity_window_days)"
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard context.isActive(credential) else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                if credential.lastUsed == nil, SourceGap.applies(.credentialLastUsed, to: identity) {
                    recorder.notAssessed(
                        subject,
                        SourceGap.result("credential use", of: identity),
                        evidence: [SourceGap.evidence("credentials[].last_used", of: identity, expected: expected)]
                    )
                    continue
                }
                let used = credential.lastUsed != nil
                let field = used ? "credentials[].last_used" : "credentials[].created"
                guard let since = credential.lastUsed ?? credential.created else {
                    recorder.notAssessed(
                        subject,
                        Message.datesMissing(),
                        evidence: [
                            Evidence(field: "credentials[].last_used", observed: "absent", expected: expected),
                            Evidence(field: "credentials[].created", observed: "absent", expected: expected),
                        ]
                    )
                    continue
                }
                let idle = context.daysSince(since)
                if since > context.now {
                    recorder.notAssessed(
                        subject,
                        (used ? Message.lastUseInFuture : Message.creationInFuture)(),
                        evidence: [Evidence(field: field, observed: context.describeAge(of: since), expected: expected)]
                    )
                } else if idle > window {
                    recorder.fail(
                        subject,
                        (used ? Message.unused : Message.neverUsed)("\(idle)", "\(window)"),
                        evidence: [Evidence(field: field, observed: context.describeAge(of: since), expected: expected)]
                    )
                } else {
                    recorder.pass(credential: credential, of: identity)
                }
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension UnusedCredentialsAreRemoved {
    enum Message {
        static let datesMissing = MessageTemplate(
            "Neither the last use nor the creation date of the credential is recorded."
        )
        static let lastUseInFuture = MessageTemplate(
            "The credential's last use date lies after the evaluation time."
        )
        static let creationInFuture = MessageTemplate(
            "The credential's creation date lies after the evaluation time."
        )
        static let unused = MessageTemplate(
            "Credential last used {days} days ago; policy allows {=limit}."
        )
        static let neverUsed = MessageTemplate(
            "Credential never used; created {days} days ago; policy allows {=limit}."
        )
    }
}
