/// The evaluation CW-AUTHZ-03 and CW-AUTHZ-04 share: for each active agent, find the sensitive
/// actions it can reach (through a role permission or a tool) that need a given guard, and check
/// that a guard pattern in the policy covers each one.
///
/// Evidence rules shared by both controls: with no `sensitive_actions` in the policy every active
/// agent is not assessed (the classification is missing); with sensitive actions of which none
/// needs this guard every agent is not applicable (nothing needs guarding, whatever its tools); an
/// absent guard list is an empty one, so reachable actions fail; and with no failure found, an
/// agent whose `tools` are unknown is not assessed.
struct SensitiveActionGuardCheck {
    /// Which sensitive actions need this guard.
    var needsGuard: (SensitiveAction) -> Bool
    /// The policy's guard patterns (runtime checks or approval workflows).
    var guardPatterns: (Policy) -> [String]
    /// The policy key holding those patterns, for evidence.
    var guardKey: String
    /// The guard in words, with its article: "a runtime intent check", "an approval workflow".
    var guardName: String
    /// What the judged actions are called in messages: "sensitive actions", "high-risk actions".
    var actionsName: String

    /// What the check knows before it sees an identity: the actions that need the guard, whether
    /// a guard pattern covers each, and through which permission each role reaches each action.
    struct Routes: Sendable {
        /// The policy's sensitive actions that need this guard, in policy order.
        var actions: [String] = []
        /// Whether a guard pattern matches each of `actions`.
        var guarded: [Bool] = []
        /// By role position, then by action: how the role reaches the action (its first matching
        /// permission), or nil.
        var byRole: [[String?]] = []
    }

    func prepare(roles: [Role], policy: Policy) -> Routes {
        let actions = policy.sensitiveActions.filter(needsGuard).map(\.action)
        let patterns = guardPatterns(policy)
        return Routes(
            actions: actions,
            guarded: actions.map { Pattern.anyMatches(patterns, $0) },
            byRole: roles.map { role in
                actions.map { action in
                    role.permissions.first { Pattern.matches($0, action) }.map {
                        "permission \($0) (role \(role.id))"
                    }
                }
            }
        )
    }

    func evaluate(_ context: EvaluationContext, knowing routes: Routes, into recorder: inout ResultRecorder) {
        let actions = routes.actions
        for identity in context.inventory.identities {
            // Built only for results that keep it; passes are counted without it.
            var subject: SubjectReference { .identity(identity) }
            guard identity.isAgent, identity.status.isActive else {
                recorder.notApplicable(identity: identity)
                continue
            }
            guard !context.policy.sensitiveActions.isEmpty else {
                recorder.notAssessed(
                    subject,
                    Message.noSensitiveActions(guardName),
                    evidence: [
                        Evidence(
                            field: "sensitive_actions",
                            observed: "absent or empty",
                            expected: "the actions that need \(guardName)"
                        )
                    ]
                )
                continue
            }
            guard !actions.isEmpty else {
                // The policy classifies sensitive actions, and none needs this guard: whatever the
                // agent can reach, nothing it reaches needs one.
                recorder.notApplicable(identity: identity)
                continue
            }
            let rolePositions = identity.roleBindings.compactMap { context.inventory.rolePosition(of: $0.role) }
            var reachable = 0
            var evidence: [Evidence] = []
            var uncovered: [String] = []
            for (index, action) in actions.enumerated() {
                guard let route = Self.route(to: index, action, for: identity, through: rolePositions, routes) else {
                    continue
                }
                reachable += 1
                guard !routes.guarded[index] else { continue }
                uncovered.append(action)
                evidence.append(
                    Evidence(
                        field: "sensitive_actions[].action",
                        observed: String(
                            joining: action,
                            " reachable via ",
                            route,
                            "; no pattern in ",
                            guardKey,
                            " matches"
                        ),
                        expected: String(joining: "matched by a pattern in ", guardKey)
                    )
                )
            }
            if !uncovered.isEmpty {
                recorder.fail(
                    subject,
                    Message.unguarded(uncovered.joined(separator: ", "), guardName),
                    evidence: evidence
                )
            } else if identity.tools == nil {
                recorder.notAssessed(
                    subject,
                    Message.toolsUnknown(actionsName),
                    evidence: [
                        Evidence(
                            field: "identities[].tools",
                            observed: "absent",
                            expected: "the tools the agent may call"
                        )
                    ]
                )
            } else if reachable == 0 {
                recorder.notApplicable(identity: identity)
            } else {
                recorder.pass(identity: identity)
            }
        }
    }

    /// How the agent can perform `action` (the `index`th judged action): through the first of its
    /// roles (by position) that reaches it, else the first of its tools that matches it.
    static func route(
        to index: Int,
        _ action: String,
        for identity: Identity,
        through rolePositions: [Int],
        _ routes: Routes
    ) -> String? {
        for position in rolePositions {
            if let route = routes.byRole[position][index] { return route }
        }
        if let tool = identity.tools?.first(where: { Pattern.matches($0, action) }) {
            return "tool \(tool)"
        }
        return nil
    }
}

/// A control that is one ``SensitiveActionGuardCheck`` (CW-AUTHZ-03, CW-AUTHZ-04): it prepares and
/// judges as its check does.
protocol SensitiveActionGuardControl: RolePreparedControl where RoleFacts == SensitiveActionGuardCheck.Routes {
    var check: SensitiveActionGuardCheck { get }
}

extension SensitiveActionGuardControl {
    func prepare(roles: [Role], policy: Policy) -> SensitiveActionGuardCheck.Routes {
        check.prepare(roles: roles, policy: policy)
    }

    func evaluate(
        _ context: EvaluationContext,
        knowing routes: SensitiveActionGuardCheck.Routes,
        into recorder: inout ResultRecorder
    ) {
        check.evaluate(context, knowing: routes, into: &recorder)
    }
}

/// The sentences this control's results carry; reports state each once per control.
extension SensitiveActionGuardCheck {
    enum Message {
        static let noSensitiveActions = MessageTemplate(
            "The policy lists no sensitive actions, so coverage by {guard} cannot be judged."
        )
        static let unguarded = MessageTemplate(
            "Agent can perform {actions} without {guard}."
        )
        static let toolsUnknown = MessageTemplate(
            "The inventory does not list the agent's tools, so {actions} it can call are unknown."
        )
    }
}
