/// Evaluate stage for an inventory already in memory: feeds it through an ``EvaluationSession`` in
/// batches, exactly as a streamed run would.
public struct ControlEvaluator: Sendable {
    public var controls: [any Control]
    /// Identities per batch; any size gives the same evaluation.
    public var batchSize: Int
    /// Findings of a cross-record control merged at a time; any size gives the same evaluation.
    public var findingPartSize: Int

    public init(controls: [any Control] = ControlRegistry.all, batchSize: Int = 4096, findingPartSize: Int = 4096) {
        self.controls = controls
        self.batchSize = max(1, batchSize)
        self.findingPartSize = max(1, findingPartSize)
    }

    /// Evaluates with every result kept in memory.
    public func evaluate(_ context: EvaluationContext, includePassing: Bool = false) -> Evaluation {
        do {
            return try evaluate(context, includePassing: includePassing, spool: MemoryResultSpool())
        } catch {
            preconditionFailure("the in-memory result spool cannot fail: \(error)")
        }
    }

    /// Evaluates, writing every finding to `spool`, with batches spread over `runner`. Throws what
    /// the spool throws.
    public func evaluate(
        _ context: EvaluationContext,
        includePassing: Bool = false,
        spool: any ResultSpool,
        runner: any WorkRunner = SerialRunner(),
        progress: ProgressHandler? = nil
    ) throws -> Evaluation {
        let session = EvaluationSession(
            controls: controls,
            policy: context.policy,
            now: context.now,
            organization: context.inventory.organization,
            roles: context.inventory.roles,
            includePassing: includePassing,
            spool: spool,
            findingPartSize: findingPartSize
        )
        let identities = context.inventory.identities
        var start = 0
        while start < identities.count {
            // Up to `runner.width` batches at a time, judged side by side.
            var batches: [[Identity]] = []
            while batches.count < runner.width, start < identities.count {
                let end = min(start + batchSize, identities.count)
                batches.append(Array(identities[start..<end]))
                start = end
            }
            try session.add(consume batches, runner: runner)
            progress?(PipelineProgress(stage: .evaluating, done: start, total: identities.count))
        }
        return try session.finish(runner: runner)
    }
}
