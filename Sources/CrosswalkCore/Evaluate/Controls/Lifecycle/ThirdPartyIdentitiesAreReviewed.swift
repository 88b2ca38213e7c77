/// CW-LIFE-03: Third-party NHIs (OAuth apps, external integrations) are reviewed within the review interval
///
/// Applies to active third-party identities: kind `oauth-app`, or `third_party: true`. Other
/// identities, and disabled, revoked, deleted or expired third-party identities (which no longer
/// grant the vendor access), are not applicable. An identity passes when `last_reviewed` is
/// within `third_party_review_interval_days` and fails when it is older. Auditor's reading: with no
/// `last_reviewed` it fails too, because the review record is the evidence that the review
/// happened, and its absence is the finding (as a missing owner is for CW-LIFE-01); a review date
/// after the evaluation time is contradictory and is not assessed.
///
/// Reports third-party identities never reviewed, or last reviewed longer ago than the interval.
struct ThirdPartyIdentitiesAreReviewed: Control {
    let definition = ControlDefinition(
        id: "CW-LIFE-03",
        title: "Third-party NHIs (OAuth apps, external integrations) are reviewed within the review interval",
        description:
            "Every active OAuth app and external integration identity has had its access, scopes and business need reviewed within the review interval. Ages are whole days, rounded down. An identity with no review date recorded fails: the review record is the evidence that a review happened. A review date after the evaluation time is not assessed, as is an imported identity whose source does not report review dates.",
        rationale:
            "Third-party identities act with access granted to a vendor whose security the organisation does not control; periodic review catches over-broad scopes, abandoned integrations and compromised vendors.",
        severity: .medium,
        subjectKind: .identity,
        appliesTo: "active third-party identities (kind oauth-app or third_party: true)",
        evidenceFields: [
            "identities[].kind", "identities[].third_party", "identities[].status", "identities[].last_reviewed",
        ],
        policyParameters: ["thresholds.third_party_review_interval_days"],
        remediation:
            "Review the integration's scopes, permissions and business need with its owner, remove what is not needed (or the integration itself), and record the review date.",
        examples: [
            ControlExample(
                "recent, stale, missing, boundary and future review dates; first-party",
                inventory: """
                    version: 1
                    identities:
                      - {id: slack-app, kind: oauth-app, last_reviewed: 2026-03-01}
                      - {id: crm-sync, kind: api-client, third_party: true, last_reviewed: 2025-06-01}
                      - {id: calendar-app, kind: oauth-app}
                      - {id: internal, kind: service-account}
                      - {id: removed-app, kind: oauth-app, status: disabled}
                      - {id: on-the-day, kind: oauth-app, last_reviewed: 2025-12-03}
                      - {id: a-day-late, kind: oauth-app, last_reviewed: 2025-12-02}
                      - {id: ahead, kind: oauth-app, last_reviewed: 2026-06-02}
                    """,
                expected: [
                    "slack-app": .pass, "crm-sync": .fail, "calendar-app": .fail, "internal": .notApplicable,
                    "removed-app": .notApplicable, "on-the-day": .pass, "a-day-late": .fail, "ahead": .notAssessed,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        let interval = context.policy.thresholds.thirdPartyReviewIntervalDays
        let expected = "≤ \(interval) days ago (thresholds.third_party_review_interval_days)"
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.isThirdParty, identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard let reviewed = identity.lastReviewed else {
                if SourceGap.applies(.lastReviewed, to: identity) {
                    recorder.notAssessed(
                        subject,
                        SourceGap.result("review dates", of: identity),
                        evidence: [SourceGap.evidence("last_reviewed", of: identity, expected: expected)]
                    )
                    continue
                }
                recorder.fail(
                    subject,
                    Message.neverReviewed(),
                    evidence: [Evidence(field: "last_reviewed", observed: "absent", expected: expected)]
                )
                continue
            }
            let age = context.daysSince(reviewed)
            let evidence = [
                Evidence(field: "last_reviewed", observed: context.describeAge(of: reviewed), expected: expected)
            ]
            if reviewed > context.now {
                recorder.notAssessed(
                    subject,
                    Message.reviewInFuture(),
                    evidence: evidence
                )
            } else if age > interval {
                recorder.fail(subject, Message.reviewOverdue("\(age)", "\(interval)"), evidence: evidence)
            } else {
                recorder.pass(identity: identity)
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension ThirdPartyIdentitiesAreReviewed {
    enum Message {
        static let neverReviewed = MessageTemplate(
            "No access review is recorded for this third-party identity."
        )
        static let reviewInFuture = MessageTemplate(
            "The recorded review date lies after the evaluation time."
        )
        static let reviewOverdue = MessageTemplate(
            "Last reviewed {days} days ago; policy allows {=limit}."
        )
    }
}
