/// CW-LIFE-01: every non-human identity has an accountable owner.
///
/// Reports identities whose `owner` is missing or blank.
struct IdentitiesHaveOwners: Control {
    let definition = ControlDefinition(
        id: "CW-LIFE-01",
        title: "Every non-human identity has an accountable owner",
        description:
            "Each identity names a person or team accountable for it. An imported identity whose source does not report owners (and no overlay fills one in) is not assessed.",
        rationale:
            "Ownerless identities are never reviewed, rotated or offboarded: nobody answers for them when they leak or linger.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo: "all identities",
        evidenceFields: ["identities[].owner"],
        policyParameters: [],
        remediation:
            "Assign an accountable owner (a team or a named person) to each identity in the source system and record it in the inventory.",
        examples: [
            ControlExample(
                "owner recorded, missing or blank",
                inventory: """
                    version: 1
                    identities:
                      - {id: owned, kind: service-account, owner: payments-team}
                      - {id: orphan, kind: service-account}
                      - {id: blank, kind: bot, owner: "  "}
                    """,
                expected: ["owned": .pass, "orphan": .fail, "blank": .fail]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            if identity.owner == nil, SourceGap.applies(.owner, to: identity) {
                recorder.notAssessed(
                    subject,
                    SourceGap.result("owners", of: identity),
                    evidence: [SourceGap.evidence("owner", of: identity, expected: "a person or team")]
                )
            } else if (identity.owner ?? "").allSatisfy(\.isWhitespace) {
                recorder.fail(
                    subject,
                    Message.noOwner(),
                    evidence: [
                        Evidence(
                            field: "owner",
                            observed: identity.owner == nil ? "absent" : "blank",
                            expected: "a person or team"
                        )
                    ]
                )
            } else {
                recorder.pass(identity: identity)
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension IdentitiesHaveOwners {
    enum Message {
        static let noOwner = MessageTemplate(
            "No accountable owner is recorded."
        )
    }
}
