/// CW-CRED-05: Credentials detected as exposed are revoked
///
/// Applies to credentials with at least one recorded exposure; credentials never detected as
/// exposed are not applicable. An exposed credential passes once it is revoked (a `revoked` time at
/// or before the evaluation time, or status revoked, deleted or expired) and fails while it is
/// still active. Auditor's reading beyond the brief: a credential that is merely `disabled` also
/// fails, because it can be re-enabled and the exposed value would work again; a `revoked` time
/// after the evaluation time is a scheduled revocation and fails until it takes effect; and
/// rotation or a future `expires` is not accepted in place of revocation.
///
/// Reports exposed credentials that have not been revoked.
struct ExposedCredentialsAreRevoked: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-05",
        title: "Credentials detected as exposed are revoked",
        description:
            "Every credential that secret scanning or another detection found outside where it belongs (a repository, log, paste site, prompt) has been revoked. Revoked means a `revoked` time at or before the evaluation time, or status revoked, deleted or expired; a credential that is only disabled, or whose revocation is scheduled for later, still fails.",
        rationale:
            "An exposed credential must be assumed to be in an attacker's hands: until it is revoked, anyone who found it can act as the identity.",
        severity: .critical,
        exposureClass: .exposure,
        subjectKind: .credential,
        appliesTo: "credentials with at least one recorded exposure",
        evidenceFields: [
            "identities[].credentials[].exposures[].detected", "identities[].credentials[].exposures[].source",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: [],
        remediation:
            "Revoke the exposed credential now, issue a replacement through the vault, review the identity's activity since the first detection, and remove the exposed copy.",
        examples: [
            ControlExample(
                "exposed and active, revoked, disabled, revocation scheduled; not exposed",
                inventory: """
                    version: 1
                    identities:
                      - id: integration
                        kind: api-client
                        credentials:
                          - id: leaked
                            type: api-key
                            exposures:
                              - {detected: 2026-05-20, source: secret-scanning, location: public repository}
                          - id: cleaned
                            type: api-key
                            revoked: 2026-05-21
                            exposures:
                              - {detected: 2026-05-20, source: secret-scanning}
                          - id: paused
                            type: access-key
                            status: disabled
                            exposures:
                              - {detected: 2026-05-25}
                          - id: scheduled
                            type: api-key
                            revoked: 2026-07-01
                            exposures:
                              - {detected: 2026-05-28}
                          - {id: safe, type: api-key}
                    """,
                expected: [
                    "integration/leaked": .fail, "integration/cleaned": .pass, "integration/paused": .fail,
                    "integration/scheduled": .fail, "integration/safe": .notApplicable,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard !credential.exposures.isEmpty else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                if context.isRevoked(credential) {
                    recorder.pass(credential: credential, of: identity)
                    continue
                }
                let count = credential.exposures.count
                let disabled = credential.status == .disabled
                let times = count == 1 ? "once" : "\(count) times"
                let message: ResultMessage
                if let scheduled = credential.revoked {
                    message =
                        disabled
                        ? Message.onlyDisabledRevocationScheduled(scheduled.iso8601)
                        : Message.stillActiveRevocationScheduled(times, scheduled.iso8601)
                } else {
                    message = disabled ? Message.onlyDisabled() : Message.stillActive(times)
                }
                recorder.fail(
                    subject,
                    message,
                    evidence: [
                        Evidence(
                            field: "credentials[].exposures[].detected",
                            observed: describeExposures(credential.exposures, context),
                            expected: "revocation after any exposure"
                        ),
                        Evidence(
                            field: "credentials[].status",
                            observed: credential.status.rawValue,
                            expected: "revoked"
                        ),
                    ]
                )
            }
        }
    }

    /// `2 exposures; latest detected 2026-05-20 (12 days ago) by secret-scanning`. Only detection
    /// metadata: an exposure's location is not repeated, since it may point at the exposed value.
    private func describeExposures(_ exposures: [Exposure], _ context: EvaluationContext) -> String {
        let count = exposures.count
        var text = "\(count) exposure\(count == 1 ? "" : "s")"
        let dated = exposures.filter { $0.detected != nil }
        if let latest = dated.max(by: { ($0.detected ?? context.now) < ($1.detected ?? context.now) }),
            let detected = latest.detected
        {
            text += "; latest detected \(context.describeAge(of: detected))"
            if let source = latest.source, !source.allSatisfy(\.isWhitespace) {
                text += " by \(source)"
            }
        } else {
            text += "; detection date not recorded"
        }
        return text
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension ExposedCredentialsAreRevoked {
    enum Message {
        static let onlyDisabled = MessageTemplate(
            "Exposed credential is only disabled, not revoked; re-enabling it would restore the exposed value."
        )
        static let stillActive = MessageTemplate(
            "Credential detected as exposed {times} is still active."
        )
        static let onlyDisabledRevocationScheduled = MessageTemplate(
            "Exposed credential is only disabled, not revoked; re-enabling it would restore the exposed value. Its revocation is only scheduled, for {scheduled}."
        )
        static let stillActiveRevocationScheduled = MessageTemplate(
            "Credential detected as exposed {times} is still active. Its revocation is only scheduled, for {scheduled}."
        )
    }
}
