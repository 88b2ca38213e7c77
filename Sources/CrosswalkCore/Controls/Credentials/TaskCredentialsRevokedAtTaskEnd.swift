/// CW-CRED-06: Task-scoped agent credentials are revoked when the task ends
///
/// Applies to credentials of agents that name the `task` they were issued for. A credential whose
/// task has ended (`task.ended` at or before the evaluation time) fails while it is still active
/// and passes once it is no longer active (revoked, disabled, deleted or expired); a credential
/// whose task has not ended, or that belongs to a non-agent or names no task, is not applicable.
/// The check is point-in-time: a credential revoked late passes once revoked.
///
/// Reports task-scoped agent credentials still active after their task ended.
struct TaskCredentialsRevokedAtTaskEnd: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-06",
        title: "Task-scoped agent credentials are revoked when the task ends",
        description:
            "A credential issued to an agent for one task stops working when that task ends.",
        rationale:
            "Task-scoped credentials exist to give an agent access only for the work in hand; one that outlives its task becomes standing access that nobody is using legitimately and nobody watches.",
        severity: .high,
        subjectKind: .credential,
        appliesTo: "agent credentials tied to a task that has ended",
        evidenceFields: [
            "identities[].kind", "identities[].credentials[].task.id", "identities[].credentials[].task.ended",
            "identities[].credentials[].status", "identities[].credentials[].revoked",
        ],
        policyParameters: [],
        remediation:
            "Revoke the credential now, and make the agent runtime revoke task credentials (or issue them with a TTL no longer than the task) when each task completes.",
        examples: [
            ControlExample(
                "ended task with live credential, revoked credential, running task",
                inventory: """
                    version: 1
                    identities:
                      - id: research-agent
                        kind: agent
                        credentials:
                          - {id: t1, type: token, task: {id: t-101, ended: 2026-05-30}}
                          - {id: t2, type: token, task: {id: t-102, ended: 2026-05-30}, revoked: 2026-05-30}
                          - {id: t3, type: token, task: {id: t-103}}
                          - {id: standing, type: api-key}
                      - id: ci
                        kind: ci-job
                        credentials:
                          - {id: job, type: token, task: {id: build-7, ended: 2026-05-01}}
                    """,
                expected: [
                    "research-agent/t1": .fail, "research-agent/t2": .pass, "research-agent/t3": .notApplicable,
                    "research-agent/standing": .notApplicable, "ci/job": .notApplicable,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                let subject = SubjectReference.credential(credential, of: identity)
                guard identity.isAgent, let task = credential.task, let ended = task.ended, ended <= context.now else {
                    recorder.notApplicable(subject)
                    continue
                }
                if credential.isActive {
                    recorder.fail(
                        subject,
                        "Credential is still active although task \(task.id) ended \(context.describeAge(of: ended)).",
                        evidence: [
                            Evidence(
                                field: "credentials[].task.ended",
                                observed: "\(task.id): \(context.describeAge(of: ended))",
                                expected: "credential revoked when the task ends"
                            ),
                            Evidence(
                                field: "credentials[].status",
                                observed: credential.status.rawValue,
                                expected: "revoked"
                            ),
                        ]
                    )
                } else {
                    recorder.pass(subject)
                }
            }
        }
    }
}
