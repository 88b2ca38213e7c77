/// The time a run evaluated the inventory as of, and where it came from: `--now` or the system
/// clock. Same inputs and the same clock give the same reports.
public struct ManifestClock: Sendable, Equatable {
    /// Where the time came from.
    public enum Source: String, Sendable, Equatable {
        /// Given with `--now`.
        case option = "--now"
        /// Read from the system clock when the run started.
        case system
    }

    public var time: Timestamp
    public var source: Source

    public init(time: Timestamp, source: Source) {
        self.time = time
        self.source = source
    }
}
