/// Evaluate stage: runs controls over an inventory and policy.
public struct ControlEvaluator: Sendable {
    public var controls: [any Control]

    public init(controls: [any Control] = ControlRegistry.all) {
        self.controls = controls
    }

    public func evaluate(_ context: EvaluationContext, includePassing: Bool = false) -> Evaluation {
        let agentScope = AIAgentScope(context.inventory)
        let outcomes = controls.map { control in
            var recorder = ResultRecorder(keepPassing: includePassing, agentScope: agentScope)
            control.evaluate(context, into: &recorder)
            return ControlOutcome(definition: control.definition, recorder: recorder)
        }
        return Evaluation(now: context.now, outcomes: outcomes, hasAIAgents: !agentScope.isEmpty)
    }
}
