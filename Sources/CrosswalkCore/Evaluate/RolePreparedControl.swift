/// A ``ControlReach/identity`` control that judges each identity partly by the roles it binds,
/// and works out once per run what it needs to know about every role: which of its permissions
/// are privileged, whether it is administrative, which sensitive actions it reaches. A million
/// identities binding the same fifty thousand roles then do not repeat that work per binding.
///
/// The evaluate stage prepares once, before the first batch (``BatchEvaluator``), and hands the
/// same facts to every batch; ``Control/evaluate(_:into:)``, which this protocol provides,
/// prepares on the spot, so judging with or without the stage gives the same results.
protocol RolePreparedControl: Control {
    /// What the control knows about the roles, by position in the inventory's `roles`.
    associatedtype RoleFacts: Sendable

    /// Works out what judging any identity needs to know about each of `roles`.
    func prepare(roles: [Role], policy: Policy) -> RoleFacts

    /// Judges every identity of `context`, with `facts` prepared from its roles and policy.
    func evaluate(_ context: EvaluationContext, knowing facts: RoleFacts, into recorder: inout ResultRecorder)
}

extension RolePreparedControl {
    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        evaluate(context, knowing: prepare(roles: context.inventory.roles, policy: context.policy), into: &recorder)
    }

    /// This control's evaluation with its facts about `roles` prepared now, for every batch.
    func prepared(roles: [Role], policy: Policy) -> PreparedEvaluation {
        let facts = prepare(roles: roles, policy: policy)
        return PreparedEvaluation { [self] context, recorder in evaluate(context, knowing: facts, into: &recorder) }
    }
}

/// A control's evaluation with whatever it prepares once per run already prepared.
struct PreparedEvaluation: Sendable {
    let evaluate: @Sendable (EvaluationContext, inout ResultRecorder) -> Void

    init(_ evaluate: @escaping @Sendable (EvaluationContext, inout ResultRecorder) -> Void) {
        self.evaluate = evaluate
    }

    /// The evaluation of `control`: prepared for `roles` and `policy` when it is a
    /// ``RolePreparedControl``, its plain ``Control/evaluate(_:into:)`` otherwise.
    static func of(_ control: any Control, roles: [Role], policy: Policy) -> PreparedEvaluation {
        if let prepared = control as? any RolePreparedControl {
            return prepared.prepared(roles: roles, policy: policy)
        }
        return PreparedEvaluation { context, recorder in control.evaluate(context, into: &recorder) }
    }
}
