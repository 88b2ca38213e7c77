/// One identity-security check. A control reads the inventory and policy in an
/// ``EvaluationContext`` and records one result per subject it applies to.
public protocol Control: Sendable {
    var definition: ControlDefinition { get }
    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder)
}
