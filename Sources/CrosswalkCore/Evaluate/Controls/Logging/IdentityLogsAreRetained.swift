/// CW-LOG-02: Identity event logs are retained at least as long as policy requires.
///
/// Applies to each platform named by at least one identity's `platform`, whatever the identity's
/// status (a deleted identity's history must still be kept). `logging.<platform>.retention_days`
/// must be at least `thresholds.min_log_retention_days`. Not-assessed when the platform has no
/// logging entry or the entry has no `retention_days`. Identities with no `platform` are an
/// evidence gap: together they form one more subject, "(no platform recorded)", which is not
/// assessed (see ``PlatformSubjects``).
///
/// Reports platforms whose identity event logs are kept for fewer days than the policy requires.
struct IdentityLogsAreRetained: FewSubjectsControl {
    let definition = ControlDefinition(
        id: "CW-LOG-02",
        title: "Identity event logs are retained at least as long as policy requires",
        description:
            "Each platform that holds non-human identities keeps its identity event logs for at least the minimum retention period. A platform is not assessed when its logging entry or its retention_days is missing. Identities with no platform form one more subject, (no platform recorded), which is not assessed.",
        rationale:
            "Machine-credential compromises are often found months after the fact; logs that have already aged out leave investigators unable to establish what a credential was used for, and auditors unable to verify controls operated.",
        severity: .medium,
        subjectKind: .platform,
        evidenceSource: .attested,
        appliesTo: "platforms that hold at least one identity (whatever its status), and identities with no platform",
        evidenceFields: ["identities[].platform"],
        policyParameters: ["logging.<platform>.retention_days", "thresholds.min_log_retention_days"],
        remediation:
            "Extend the platform's log retention (or export the logs to an archive that keeps them) to at least the policy minimum, and record it under logging.<platform>.retention_days.",
        examples: [
            ControlExample(
                "long enough, too short, unknown",
                inventory: """
                    version: 1
                    identities:
                      - {id: a, kind: service-account, platform: aws}
                      - {id: b, kind: agent, platform: gcp}
                      - {id: c, kind: bot, platform: github}
                      - {id: d, kind: api-client, platform: stripe}
                    """,
                policy: """
                    version: 1
                    logging:
                      aws: {issuance: true, use: true, revocation: true, retention_days: 400}
                      gcp: {issuance: true, use: true, revocation: true, retention_days: 90}
                      github: {issuance: true, use: true, revocation: true}
                      azure: {retention_days: 30}
                    """,
                expected: [
                    "aws": .pass, "gcp": .fail, "github": .notAssessed, "stripe": .notAssessed, "azure": .notApplicable,
                ]
            ),
            ControlExample(
                "identities with no platform, platform of deleted identities only",
                inventory: """
                    version: 1
                    identities:
                      - {id: a, kind: service-account, platform: aws}
                      - {id: b, kind: service-account}
                      - {id: d, kind: bot, platform: slack, status: deleted}
                    """,
                policy: """
                    version: 1
                    logging:
                      aws: {retention_days: 365}
                      slack: {retention_days: 30}
                    """,
                expected: ["aws": .pass, "slack": .fail, PlatformSubjects.noPlatformID: .notAssessed]
            ),
        ]
    )

    let reach = ControlReach.inventory

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let minimum = context.policy.thresholds.minLogRetentionDays
        let expected = "≥ \(minimum) days (thresholds.min_log_retention_days)"
        for holder in PlatformSubjects.holders(in: context.inventory) {
            let subject = holder.subject
            guard let platform = holder.platform else {
                PlatformSubjects.recordMissingPlatform(
                    holder,
                    cannotJudge: { "how long \($0) identity event logs are kept" },
                    expected: "the platform the identity lives on, with a logging entry (\(expected))",
                    into: &recorder
                )
                continue
            }
            guard let logging = context.policy.logging[platform] else {
                recorder.notAssessed(
                    subject,
                    Message.noLoggingEntry(),
                    evidence: [Evidence(field: "logging.\(platform)", observed: "absent", expected: expected)]
                )
                continue
            }
            guard let retention = logging.retentionDays else {
                recorder.notAssessed(
                    subject,
                    Message.retentionUnknown(),
                    evidence: [
                        Evidence(field: "logging.\(platform).retention_days", observed: "absent", expected: expected)
                    ]
                )
                continue
            }
            if retention >= minimum {
                recorder.pass(subject)
            } else {
                recorder.fail(
                    subject,
                    Message.tooShort("\(retention) day\(retention == 1 ? "" : "s")", "\(minimum)"),
                    evidence: [
                        Evidence(
                            field: "logging.\(platform).retention_days",
                            observed: "\(retention) days",
                            expected: expected
                        )
                    ],
                    affecting: holder.identityIDs,
                    ordinals: holder.identityOrdinals
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension IdentityLogsAreRetained {
    enum Message {
        static let noLoggingEntry = MessageTemplate(
            "The policy has no logging entry for this platform."
        )
        static let retentionUnknown = MessageTemplate(
            "The policy does not say how long this platform's identity logs are kept."
        )
        static let tooShort = MessageTemplate(
            "Identity event logs are kept {retention}; policy requires {=minimum}."
        )
    }
}
