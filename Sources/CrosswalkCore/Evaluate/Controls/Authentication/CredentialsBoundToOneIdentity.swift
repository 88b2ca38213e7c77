/// CW-AUTH-02: Each credential is bound to exactly one workload identity (no shared credentials, shared accounts or team mailboxes)
///
/// Applies to active credentials; revoked, disabled, deleted or expired credentials can no longer
/// be shared and are not applicable. A credential fails when its `shared_with` names any identity
/// other than its holder, or when its holder is a shared account (`shared_account: true`, such as
/// a team mailbox login). It passes only when neither is the case and its holder is recorded as
/// `shared_account: false`: an absent `shared_account` is unknown, so a credential not already
/// failing on `shared_with` is not assessed, as the inventory format promises for unknown booleans.
/// A shared credential's failure also marks the identities it is shared with as affected.
///
/// Reports credentials that are shared between identities or held by a shared account.
struct CredentialsBoundToOneIdentity: Control {
    let definition = ControlDefinition(
        id: "CW-AUTH-02",
        title:
            "Each credential is bound to exactly one workload identity (no shared credentials, shared accounts or team mailboxes)",
        description:
            "No credential is held by more than one identity, and no credential belongs to an account that several people or systems log in as. A credential fails when shared_with names another identity or its holder has shared_account: true; it passes only when its holder is recorded as shared_account: false, and is not assessed when shared_account is absent.",
        rationale:
            "A shared credential cannot be attributed, rotated or revoked without breaking every holder, and one compromised holder compromises them all; audit logs cannot say which workload acted.",
        severity: .high,
        subjectKind: .credential,
        appliesTo: "active credentials",
        evidenceFields: [
            "identities[].credentials[].shared_with", "identities[].shared_account",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: [],
        remediation:
            "Issue a separate credential to each workload identity, revoke the shared one, and replace shared accounts and team mailbox logins with one identity per workload.",
        examples: [
            ControlExample(
                "own credential, shared credential, shared account",
                inventory: """
                    version: 1
                    identities:
                      - id: billing
                        kind: service-account
                        shared_account: false
                        credentials:
                          - {id: key, type: api-key}
                          - {id: shared-key, type: api-key, shared_with: [reports]}
                          - {id: old-shared, type: api-key, status: revoked, shared_with: [reports]}
                          - {id: leaving, type: api-key, revoked: 2026-07-01, shared_with: [reports]}
                          - {id: gone, type: api-key, revoked: 2026-05-01, shared_with: [reports]}
                      - {id: reports, kind: service-account}
                      - id: mailbox
                        kind: bot
                        shared_account: true
                        credentials:
                          - {id: login, type: password}
                    """,
                expected: [
                    "billing/key": .pass, "billing/shared-key": .fail, "billing/old-shared": .notApplicable,
                    "billing/leaving": .fail, "billing/gone": .notApplicable, "mailbox/login": .fail,
                ]
            ),
            ControlExample(
                "shared_account not recorded",
                inventory: """
                    version: 1
                    identities:
                      - id: svc
                        kind: service-account
                        credentials:
                          - {id: key, type: api-key}
                          - {id: shared-key, type: api-key, shared_with: [peer]}
                      - {id: peer, kind: service-account, shared_account: false}
                    """,
                expected: ["svc/key": .notAssessed, "svc/shared-key": .fail]
            ),
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard context.isActive(credential) else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                let others = credential.sharedWith.filter { $0 != identity.id }
                var evidence: [Evidence] = []
                var problems: [String] = []
                if !others.isEmpty {
                    evidence.append(
                        Evidence(
                            field: "credentials[].shared_with",
                            observed: others.joined(separator: ", "),
                            expected: "no other identity"
                        )
                    )
                    let count = others.count
                    problems.append("is shared with \(count) other identit\(count == 1 ? "y" : "ies")")
                }
                if identity.sharedAccount == true {
                    evidence.append(
                        Evidence(
                            field: "shared_account",
                            observed: "true",
                            expected: "false (one workload per identity)"
                        )
                    )
                    problems.append("belongs to a shared account")
                }
                if problems.isEmpty, identity.sharedAccount == nil {
                    recorder.notAssessed(
                        subject,
                        Message.sharedAccountUnknown(),
                        evidence: [
                            Evidence(
                                field: "shared_account",
                                observed: "absent",
                                expected: "false (one workload per identity)"
                            )
                        ]
                    )
                } else if problems.isEmpty {
                    recorder.pass(credential: credential, of: identity)
                } else {
                    recorder.fail(
                        subject,
                        Message.notBound(problems.joined(separator: " and ")),
                        evidence: evidence,
                        affecting: [identity.id] + others
                    )
                }
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension CredentialsBoundToOneIdentity {
    enum Message {
        static let sharedAccountUnknown = MessageTemplate(
            "Whether the holding identity is a shared account is not recorded."
        )
        static let notBound = MessageTemplate(
            "Credential {problems}."
        )
    }
}
