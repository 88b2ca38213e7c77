/// How far a run has got, for a progress display. The pipeline reports it at each stage and every
/// few thousand identities; it never reads the clock, so rates and times left are the display's.
public struct PipelineProgress: Sendable {
    public enum Stage: Sendable, Equatable {
        /// Reading and checking the inputs; `done` and `total` count inventory bytes.
        case loading
        /// Judging identities; `done` counts identities (and `total` is known once loading ended).
        case evaluating
        /// Mapping results onto the frameworks.
        case assessing
    }

    public var stage: Stage
    public var done: Int
    public var total: Int?
    /// Inventory bytes read so far and in all, when the identities stream from files: lets a
    /// display estimate the time left before the number of identities is known.
    public var bytesRead: Int?
    public var totalBytes: Int?

    public init(stage: Stage, done: Int, total: Int? = nil, bytesRead: Int? = nil, totalBytes: Int? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}

/// Receives ``PipelineProgress`` reports; called on the thread that runs the pipeline.
public typealias ProgressHandler = @Sendable (PipelineProgress) -> Void
