/// One identity-security check. A control reads the inventory and policy in an
/// ``EvaluationContext`` and records one result per subject it applies to.
public protocol Control: Sendable {
    var definition: ControlDefinition { get }
    /// How much of the inventory the control reads at once; ``ControlReach/identity`` unless the
    /// control says otherwise.
    var reach: ControlReach { get }
    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder)
}

extension Control {
    public var reach: ControlReach { .identity }
}
