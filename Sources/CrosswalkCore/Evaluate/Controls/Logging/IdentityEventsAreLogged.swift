/// CW-LOG-01: Issuance, use and revocation events are logged on every platform that holds NHIs.
///
/// Applies to each platform named by at least one identity's `platform`, whatever the identity's
/// status (a deleted identity's history must still be logged). The policy's `logging.<platform>`
/// entry must set `issuance`, `use` and `revocation` all to `true`. Any of them `false` fails. If
/// none is `false` but some are unset, the platform is not-assessed naming the unset keys (an
/// unset key is missing evidence, never a pass), as it is when the platform has no logging entry
/// at all. Identities with no `platform` are an evidence gap: together they form one more subject,
/// "(no platform recorded)", which is not assessed (see ``PlatformSubjects``).
///
/// Reports platforms that do not log every kind of identity event, naming the missing kinds.
struct IdentityEventsAreLogged: FewSubjectsControl {
    let definition = ControlDefinition(
        id: "CW-LOG-01",
        title: "Issuance, use and revocation events are logged on every platform that holds NHIs",
        description:
            "Each platform that holds non-human identities logs when their credentials are issued, when they are used, and when they are revoked. A platform passes when its logging entry sets issuance, use and revocation all to true, fails when any is false, and is not assessed when the entry or one of the keys is missing. Identities with no platform form one more subject, (no platform recorded), which is not assessed.",
        rationale:
            "Without issuance, use and revocation logs, a stolen or misused machine credential cannot be detected, scoped or investigated, and revocation cannot be proven to have happened.",
        severity: .medium,
        subjectKind: .platform,
        evidenceSource: .attested,
        appliesTo: "platforms that hold at least one identity (whatever its status), and identities with no platform",
        evidenceFields: ["identities[].platform"],
        policyParameters: ["logging.<platform>.issuance", "logging.<platform>.use", "logging.<platform>.revocation"],
        remediation:
            "Enable audit logging of credential issuance, authentication or API use, and revocation for the platform (e.g. CloudTrail, Entra sign-in and audit logs, GCP audit logs), and record it under logging in the policy.",
        examples: [
            ControlExample(
                "complete, partial, unset and missing logging",
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
                      aws: {issuance: true, use: true, revocation: true}
                      gcp: {issuance: true, use: false, revocation: true}
                      github: {issuance: true, use: true}
                      azure: {issuance: false}
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
                      - {id: c, kind: agent, status: disabled}
                      - {id: d, kind: bot, platform: slack, status: deleted}
                    """,
                policy: """
                    version: 1
                    logging:
                      aws: {issuance: true, use: true, revocation: true}
                      slack: {issuance: true, use: false, revocation: true}
                    """,
                expected: ["aws": .pass, "slack": .fail, PlatformSubjects.noPlatformID: .notAssessed]
            ),
        ]
    )

    let reach = ControlReach.inventory

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let expectedEvents = "issuance, use and revocation: true"
        for holder in PlatformSubjects.holders(in: context.inventory) {
            let subject = holder.subject
            guard let platform = holder.platform else {
                PlatformSubjects.recordMissingPlatform(
                    holder,
                    cannotJudge: { "whether \($0) issuance, use and revocation events are logged" },
                    expected: "the platform the identity lives on, with a logging entry (\(expectedEvents))",
                    into: &recorder
                )
                continue
            }
            guard let logging = context.policy.logging[platform] else {
                recorder.notAssessed(
                    subject,
                    Message.noLoggingEntry(),
                    evidence: [
                        Evidence(
                            field: "logging.\(platform)",
                            observed: "absent",
                            expected: expectedEvents
                        )
                    ]
                )
                continue
            }
            let events: [(key: String, value: Bool?)] = [
                ("issuance", logging.issuance), ("use", logging.use), ("revocation", logging.revocation),
            ]
            let disabled = events.filter { $0.value == false }
            let unset = events.filter { $0.value == nil }
            if !disabled.isEmpty {
                recorder.fail(
                    subject,
                    Message.notLogged(disabled.map(\.key).joined(separator: " or ")),
                    evidence: disabled.map {
                        Evidence(
                            field: "logging.\(platform).\($0.key)",
                            observed: "false",
                            expected: "true (logging.\(platform).\($0.key))"
                        )
                    },
                    affecting: holder.identityIDs,
                    ordinals: holder.identityOrdinals
                )
            } else if !unset.isEmpty {
                recorder.notAssessed(
                    subject,
                    Message.loggingUnknown(unset.map(\.key).joined(separator: " or ")),
                    evidence: unset.map {
                        Evidence(
                            field: "logging.\(platform).\($0.key)",
                            observed: "absent",
                            expected: "true (logging.\(platform).\($0.key))"
                        )
                    }
                )
            } else {
                recorder.pass(subject)
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension IdentityEventsAreLogged {
    enum Message {
        static let noLoggingEntry = MessageTemplate(
            "The policy has no logging entry for this platform."
        )
        static let notLogged = MessageTemplate(
            "Platform does not log {events} events for its identities."
        )
        static let loggingUnknown = MessageTemplate(
            "The policy does not say whether {events} events are logged."
        )
    }
}
