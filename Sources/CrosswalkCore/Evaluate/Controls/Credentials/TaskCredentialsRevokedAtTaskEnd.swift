/// CW-CRED-06: Task-scoped agent credentials are revoked when the task ends
///
/// Applies to credentials of agents that name the `task` they were issued for. A task has ended
/// when `task.ended` is at or before the evaluation time; a task ending later is still running. A
/// credential whose task has ended passes once it is revoked (a `revoked` time at or before the
/// evaluation time, or status revoked, deleted or expired) and fails otherwise. Auditor's reading,
/// as for CW-CRED-05: a credential that is only `disabled` fails, because re-enabling it restores
/// standing access the task no longer needs. A credential whose task has not ended, or that
/// belongs to a non-agent or names no task, is not applicable. The check is point-in-time: a
/// credential revoked late passes once revoked.
///
/// Reports task-scoped agent credentials not revoked after their task ended.
struct TaskCredentialsRevokedAtTaskEnd: Control {
    let definition = ControlDefinition(
        id: "CW-CRED-06",
        title: "Task-scoped agent credentials are revoked when the task ends",
        description:
            "A credential issued to an agent for one task is revoked when that task ends. The task has ended when task.ended is at or before the evaluation time. Revoked means a revoked time at or before the evaluation time, or status revoked, deleted or expired; a credential that is only disabled still fails, since re-enabling it restores access the task no longer needs.",
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
                "ended task with live, revoked, disabled, expired or scheduled-revocation credential; running task; ending now",
                inventory: """
                    version: 1
                    identities:
                      - id: research-agent
                        kind: agent
                        credentials:
                          - {id: t1, type: token, task: {id: t-101, ended: 2026-05-30}}
                          - {id: t2, type: token, task: {id: t-102, ended: 2026-05-30}, revoked: 2026-05-30}
                          - {id: t3, type: token, task: {id: t-103}}
                          - {id: t4, type: token, status: disabled, task: {id: t-104, ended: 2026-05-30}}
                          - {id: t5, type: token, status: expired, task: {id: t-105, ended: 2026-05-30}}
                          - {id: t6, type: token, task: {id: t-106, ended: 2026-06-01T00:00:00Z}}
                          - {id: t7, type: token, task: {id: t-107, ended: 2026-06-01T00:00:01Z}}
                          - {id: t8, type: token, revoked: 2026-06-02, task: {id: t-108, ended: 2026-05-30}}
                          - {id: standing, type: api-key}
                      - id: ci
                        kind: ci-job
                        credentials:
                          - {id: job, type: token, task: {id: build-7, ended: 2026-05-01}}
                    """,
                expected: [
                    "research-agent/t1": .fail, "research-agent/t2": .pass, "research-agent/t3": .notApplicable,
                    "research-agent/t4": .fail, "research-agent/t5": .pass, "research-agent/t6": .fail,
                    "research-agent/t7": .notApplicable, "research-agent/t8": .fail,
                    "research-agent/standing": .notApplicable, "ci/job": .notApplicable,
                ]
            )
        ]
    )

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        for identity in context.inventory.identities {
            for credential in identity.credentials {
                // Built only for results that keep it; passes are counted without it.
                var subject: SubjectReference { .credential(credential, of: identity) }
                guard identity.isAgent, let task = credential.task, let ended = task.ended, ended <= context.now else {
                    recorder.notApplicable(credential: credential, of: identity)
                    continue
                }
                if context.isRevoked(credential) {
                    recorder.pass(credential: credential, of: identity)
                } else {
                    let state = credential.status == .disabled ? "only disabled, not revoked," : "still active"
                    recorder.fail(
                        subject,
                        Message.outlivesTask(state, task.id, context.describeAge(of: ended)),
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
                }
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension TaskCredentialsRevokedAtTaskEnd {
    enum Message {
        static let outlivesTask = MessageTemplate(
            "Credential is {state} although task {task} ended {ended}."
        )
    }
}
