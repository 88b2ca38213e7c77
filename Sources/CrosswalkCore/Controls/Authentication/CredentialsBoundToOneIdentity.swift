/// CW-AUTH-02: Each credential is bound to exactly one workload identity (no shared credentials, shared accounts or team mailboxes)
///
/// Applies to active credentials; revoked, disabled, deleted or expired credentials can no longer
/// be shared and are not applicable. A credential fails when its `shared_with` names any identity
/// other than its holder, or when its holder is a shared account (`shared_account: true`, such as
/// a team mailbox login). An absent `shared_account` is read as not shared, as the brief specifies.
/// A shared credential's failure also marks the identities it is shared with as affected.
///
/// Reports credentials that are shared between identities or held by a shared account.
struct CredentialsBoundToOneIdentity: Control {
    let definition = ControlDefinition(
        id: "CW-AUTH-02",
        title:
            "Each credential is bound to exactly one workload identity (no shared credentials, shared accounts or team mailboxes)",
        description:
            "No credential is held by more than one identity, and no credential belongs to an account that several people or systems log in as.",
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
                        credentials:
                          - {id: key, type: api-key}
                          - {id: shared-key, type: api-key, shared_with: [reports]}
                          - {id: old-shared, type: api-key, status: revoked, shared_with: [reports]}
                      - {id: reports, kind: service-account}
                      - id: mailbox
                        kind: bot
                        shared_account: true
                        credentials:
                          - {id: login, type: password}
                    """,
                expected: [
                    "billing/key": .pass, "billing/shared-key": .fail, "billing/old-shared": .notApplicable,
                    "mailbox/login": .fail,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                let subject = SubjectReference.credential(credential, of: identity)
                guard credential.isActive else {
                    recorder.notApplicable(subject)
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
                if problems.isEmpty {
                    recorder.pass(subject)
                } else {
                    recorder.fail(
                        subject,
                        "Credential \(problems.joined(separator: " and ")).",
                        evidence: evidence,
                        affecting: [identity.id] + others
                    )
                }
            }
        }
    }
}
