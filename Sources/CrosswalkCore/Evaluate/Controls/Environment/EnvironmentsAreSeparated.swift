/// CW-ENV-01: Production and non-production identities and credentials are kept apart.
///
/// Environments are classed as production (`production`, `prod`, `prd`, `live`) or non-production
/// (anything else). An identity fails when, across the environment-class boundary:
/// - one of its active credentials is shared (`shared_with`, declared on either side) with an
///   identity of the other class;
/// - a role binding's `environment` is of the other class;
/// - one of its active credentials' `used_in` names an environment of the other class.
///
/// Revoked, expired or disabled credentials no longer bridge environments and are ignored.
/// Not-assessed when the identity's `environment` is missing, or (with no failure found) when it
/// shares an active credential with an identity whose environment is missing. Standing grants
/// outlive a disabled status, so only identities recorded as deleted are not-applicable.
///
/// Reports identities that bridge production and non-production, with each crossing.
struct EnvironmentsAreSeparated: PartitionedControl {
    let definition = ControlDefinition(
        id: "CW-ENV-01",
        title: "Production and non-production identities and credentials are kept apart",
        description:
            "No identity shares credentials with, holds role bindings in, or uses its credentials in an environment of the other class (production versus non-production). A shared credential fails both sides: the identity holding it and every identity its shared_with names, since each can use it. Only active credentials count. An identity with no environment is not assessed, as is one (with no failure found) that shares a credential with an identity whose environment is missing.",
        rationale:
            "Non-production environments are less guarded; a credential or grant that spans the boundary lets anyone who compromises a test system reach production, and lets production data leak into test.",
        severity: .high,
        subjectKind: .identity,
        appliesTo: "all identities (except deleted ones)",
        evidenceFields: [
            "identities[].environment", "identities[].role_bindings[].environment", "credentials[].shared_with",
            "credentials[].used_in", "credentials[].status",
        ],
        policyParameters: [],
        remediation:
            "Give each environment its own identities and credentials: issue separate credentials per environment, remove cross-environment role bindings, and rotate any credential seen on the other side.",
        examples: [
            ControlExample(
                "shared credential, cross-environment binding, separated",
                inventory: """
                    version: 1
                    roles:
                      - {id: deploy, permissions: ["deploy:Run"]}
                    identities:
                      - id: prod-api
                        kind: service-account
                        environment: production
                        credentials: [{id: key, type: api-key, shared_with: [stg-api]}]
                      - {id: stg-api, kind: service-account, environment: staging}
                      - {id: prod-worker, kind: workload-identity, environment: prod, role_bindings: [{role: deploy, environment: live}]}
                      - {id: ci, kind: ci-job, environment: dev, role_bindings: [{role: deploy, environment: production}]}
                      - {id: loose, kind: bot}
                      - {id: gone, kind: bot, status: deleted}
                    """,
                expected: [
                    "prod-api": .fail, "stg-api": .fail, "prod-worker": .pass, "ci": .fail, "loose": .notAssessed,
                    "gone": .notApplicable,
                ]
            ),
            ControlExample(
                "credential used in the other class",
                inventory: """
                    version: 1
                    identities:
                      - id: etl
                        kind: service-account
                        environment: prd
                        credentials: [{id: token, type: token, used_in: [qa]}]
                      - id: old
                        kind: service-account
                        environment: production
                        credentials: [{id: key, type: api-key, status: revoked, used_in: [dev]}]
                      - id: tester
                        kind: agent
                        environment: qa
                        credentials: [{id: key, type: api-key, used_in: [dev, staging]}]
                    """,
                expected: ["etl": .fail, "old": .pass, "tester": .pass]
            ),
            ControlExample(
                "sharing with an identity whose environment is unknown",
                inventory: """
                    version: 1
                    identities:
                      - id: api
                        kind: service-account
                        environment: production
                        credentials: [{id: key, type: api-key, shared_with: [mystery]}]
                      - {id: mystery, kind: service-account}
                    """,
                expected: ["api": .notAssessed, "mystery": .notAssessed]
            ),
        ]
    )

    let reach = ControlReach.inventory

    /// One identity's side of an active shared credential: the other identity (its position in
    /// the inventory, or nil when no identity has that id) and the credential's reference.
    struct Sharing {
        var peerID: String
        var peerPosition: Int?
        var credential: String
    }

    /// For each identity, by position in the inventory, its side of every active shared
    /// credential, both directions. By position, not by id: a million identities would otherwise
    /// each be looked up in a table of ids while judging.
    func prepare(_ context: EvaluationContext) -> [[Sharing]] {
        prepare(context, on: SerialRunner())
    }

    /// Each identity's active shared credentials are read on `runner`, side by side, then placed
    /// on both sides in inventory order.
    func prepare(_ context: EvaluationContext, on runner: any WorkRunner) -> [[Sharing]] {
        let inventory = context.inventory
        let parts = inventory.mapIdentityParts(on: runner) { identity -> [Sharing] in
            var found: [Sharing] = []
            for credential in identity.credentials where context.isActive(credential) {
                for other in credential.sharedWith where other != identity.id {
                    found.append(
                        Sharing(
                            peerID: other,
                            peerPosition: inventory.identityPosition(of: other),
                            credential: String(joining: identity.id, "/", credential.id)
                        )
                    )
                }
            }
            return found
        }
        var sharing = [[Sharing]](repeating: [], count: inventory.identities.count)
        for (start, shares) in parts {
            for (offset, found) in shares.enumerated() where !found.isEmpty {
                let position = start + offset
                let identityID = inventory.identities[position].id
                for share in found {
                    sharing[position].append(share)
                    if let otherPosition = share.peerPosition {
                        sharing[otherPosition].append(
                            Sharing(peerID: identityID, peerPosition: position, credential: share.credential)
                        )
                    }
                }
            }
        }
        return sharing
    }

    func evaluate(
        _ positions: Range<Int>,
        of context: EvaluationContext,
        with sharing: [[Sharing]],
        into recorder: inout ResultRecorder
    ) {
        let inventory = context.inventory
        for position in positions {
            let identity = inventory.identities[position]
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.status != .deleted else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard let environment = identity.environment else {
                recorder.notAssessed(
                    subject,
                    Message.environmentUnknown(),
                    evidence: [
                        Evidence(
                            field: "identities[].environment",
                            observed: "absent",
                            expected: "the environment the identity serves"
                        )
                    ]
                )
                continue
            }
            let ownClass = EnvironmentClass(environment: environment)
            // Spelled out only for identities with something to report (most have nothing).
            var expected: String {
                String(joining: "only ", ownClass.rawValue, ", like the identity (", environment, ")")
            }
            var evidence: [Evidence] = []
            var crossings: [String] = []
            var unknownPeers: [String] = []
            var seenPeers = Set<String>()
            for shared in sharing[position]
            where seenPeers.insert(String(joining: shared.peerID, " ", shared.credential)).inserted {
                let peerID = shared.peerID
                let reference = shared.credential
                guard let peerEnvironment = shared.peerPosition.flatMap({ inventory.identities[$0].environment }) else {
                    unknownPeers.append(peerID)
                    continue
                }
                let peerClass = EnvironmentClass(environment: peerEnvironment)
                guard peerClass != ownClass else { continue }
                evidence.append(
                    Evidence(
                        field: "credentials[].shared_with",
                        observed:
                            String(
                                joining: "credential ",
                                reference,
                                " shared with ",
                                peerID,
                                " in ",
                                peerEnvironment,
                                " (",
                                peerClass.rawValue,
                                ")"
                            ),
                        expected: expected
                    )
                )
                if !crossings.contains("a shared credential") { crossings.append("a shared credential") }
            }
            for binding in identity.roleBindings {
                guard let bindingEnvironment = binding.environment else { continue }
                let bindingClass = EnvironmentClass(environment: bindingEnvironment)
                guard bindingClass != ownClass else { continue }
                evidence.append(
                    Evidence(
                        field: "role_bindings[].environment",
                        observed: String(
                            joining: "role ",
                            binding.role,
                            " bound in ",
                            bindingEnvironment,
                            " (",
                            bindingClass.rawValue,
                            ")"
                        ),
                        expected: expected
                    )
                )
                if !crossings.contains("a role binding") { crossings.append("a role binding") }
            }
            for credential in identity.credentials where context.isActive(credential) {
                for usedIn in credential.usedIn {
                    let usedClass = EnvironmentClass(environment: usedIn)
                    guard usedClass != ownClass else { continue }
                    evidence.append(
                        Evidence(
                            field: "credentials[].used_in",
                            observed: String(
                                joining: "credential ",
                                credential.id,
                                " used in ",
                                usedIn,
                                " (",
                                usedClass.rawValue,
                                ")"
                            ),
                            expected: expected
                        )
                    )
                    if !crossings.contains("credential use") { crossings.append("credential use") }
                }
            }
            if !evidence.isEmpty {
                let other = ownClass == .production ? EnvironmentClass.nonProduction : .production
                recorder.fail(
                    subject,
                    Message.crossesEnvironments(ownClass.rawValue, other.rawValue, crossings.joined(separator: ", ")),
                    evidence: evidence
                )
            } else if !unknownPeers.isEmpty {
                recorder.notAssessed(
                    subject,
                    Message.peerEnvironmentUnknown(CappedList.text(unknownPeers)),
                    evidence: unknownPeers.map {
                        Evidence(
                            field: "identities[].environment",
                            observed: String(joining: "absent on ", $0),
                            expected: expected
                        )
                    }
                )
            } else {
                recorder.pass(identity: identity)
            }
        }
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension EnvironmentsAreSeparated {
    enum Message {
        static let environmentUnknown = MessageTemplate(
            "The identity's environment is not recorded."
        )
        static let crossesEnvironments = MessageTemplate(
            "A {own} identity reaches {other} through {crossings}."
        )
        static let peerEnvironmentUnknown = MessageTemplate(
            "Shares a credential with identities whose environment is not recorded: {peers}."
        )
    }
}
