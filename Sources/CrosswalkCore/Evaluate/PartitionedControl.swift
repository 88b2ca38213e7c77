/// A ``ControlReach/inventory`` control that judges its subjects (the inventory's identities, or
/// its roles) one after another, in inventory order, and reads across them only through what
/// ``prepare(_:)`` builds once: a table of shared credentials, the delegation forest.
///
/// Such a control can be judged in parts: the evaluate stage prepares once, then judges
/// consecutive ranges of subjects side by side on the run's threads and merges their results in
/// order (``EvaluationSession/finish(runner:)``), which gives exactly the results of one pass over
/// every subject — the ``Control/evaluate(_:into:)`` this protocol provides.
protocol PartitionedControl: Control {
    /// What the control reads across subjects, built once per run.
    associatedtype Preparation: Sendable

    /// Builds what judging any subject needs to know about the others.
    func prepare(_ context: EvaluationContext) -> Preparation

    /// ``prepare(_:)``, with what reads every identity spread over `runner` where the control
    /// can; the same preparation whatever the runner.
    func prepare(_ context: EvaluationContext, on runner: any WorkRunner) -> Preparation

    /// How many subjects the control judges; positions passed to
    /// ``evaluate(_:of:with:into:)`` are below it. The inventory's identity count unless the
    /// control judges something else.
    func subjectCount(in context: EvaluationContext) -> Int

    /// Judges the subjects at `positions`, in order, recording one result for each.
    func evaluate(
        _ positions: Range<Int>,
        of context: EvaluationContext,
        with preparation: Preparation,
        into recorder: inout ResultRecorder
    )
}

extension PartitionedControl {
    func subjectCount(in context: EvaluationContext) -> Int { context.inventory.identities.count }

    func prepare(_ context: EvaluationContext, on runner: any WorkRunner) -> Preparation { prepare(context) }

    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder) {
        evaluate(0..<subjectCount(in: context), of: context, with: prepare(context), into: &recorder)
    }
}

extension PartitionedControl where Preparation == Void {
    func prepare(_ context: EvaluationContext) {}
}
