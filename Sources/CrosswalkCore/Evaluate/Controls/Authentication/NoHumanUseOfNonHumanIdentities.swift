/// CW-AUTH-03: No human (interactive) use of non-human identities
///
/// Applies to active identities; disabled, revoked, deleted or expired identities can no longer
/// be logged into and are not applicable. An identity fails when `interactive_use` is true,
/// passes when it is false, and is not assessed when the inventory does not say: silence is not
/// evidence that nobody logs in as it.
///
/// Reports identities that people log in to interactively, and those whose interactive use is unknown.
struct NoHumanUseOfNonHumanIdentities: Control {
    let definition = ControlDefinition(
        id: "CW-AUTH-03",
        title: "No human (interactive) use of non-human identities",
        description:
            "Nobody logs in interactively (console, SSH, desktop session) as a service account, agent or other non-human identity.",
        rationale:
            "When people borrow a non-human identity, its actions can no longer be attributed, its secret is known to people who may leave, and human-level privileges hide behind an account that no one reviews as a person.",
        severity: .high,
        subjectKind: .identity,
        appliesTo: "active identities",
        evidenceFields: ["identities[].interactive_use", "identities[].status"],
        policyParameters: [],
        remediation:
            "Stop interactive logins as the identity (disable console or password sign-in), give the people concerned their own accounts, and rotate any secret they knew.",
        examples: [
            ControlExample(
                "no interactive use, interactive use, unknown, disabled",
                inventory: """
                    version: 1
                    identities:
                      - {id: batch, kind: service-account, interactive_use: false}
                      - {id: borrowed, kind: service-account, interactive_use: true}
                      - {id: unknown, kind: bot}
                      - {id: retired, kind: service-account, status: disabled, interactive_use: true}
                    """,
                expected: ["batch": .pass, "borrowed": .fail, "unknown": .notAssessed, "retired": .notApplicable]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            switch identity.interactiveUse {
            case .some(true):
                recorder.fail(
                    subject,
                    Message.interactiveUse(),
                    evidence: [Evidence(field: "interactive_use", observed: "true", expected: "false")]
                )
            case .some(false):
                recorder.pass(identity: identity)
            case .none:
                recorder.notAssessed(
                    subject,
                    Message.interactiveUseUnknown(),
                    evidence: [Evidence(field: "interactive_use", observed: "absent", expected: "false")]
                )
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension NoHumanUseOfNonHumanIdentities {
    enum Message {
        static let interactiveUse = MessageTemplate(
            "People log in interactively as this non-human identity."
        )
        static let interactiveUseUnknown = MessageTemplate(
            "Whether people log in as this identity is not recorded."
        )
    }
}
