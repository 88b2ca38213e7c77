/// A failing control in the report's priority list, with the figures it is ranked by and the
/// framework entries it concerns.
public struct Gap: Sendable {
    public var control: ControlDefinition
    public var failingSubjects: Int
    public var affectedIdentities: Int
    /// Position in the ranking: 1 for the gap to close first.
    public var rank: Int
    /// Catalog entries the control maps to, in mapping order.
    public var entries: [(catalogID: String, entryID: String)]
    /// The mapped entries this control's failures leave with gaps, in report order of frameworks
    /// and entries.
    public var entriesWithGaps: [(catalogID: String, entryID: String)]

    public init(
        control: ControlDefinition,
        failingSubjects: Int,
        affectedIdentities: Int,
        rank: Int,
        entries: [(catalogID: String, entryID: String)],
        entriesWithGaps: [(catalogID: String, entryID: String)]
    ) {
        self.control = control
        self.failingSubjects = failingSubjects
        self.affectedIdentities = affectedIdentities
        self.rank = rank
        self.entries = entries
        self.entriesWithGaps = entriesWithGaps
    }
}
