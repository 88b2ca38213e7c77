/// One owner's share of the failing results, for the "Findings by owner" section: how many of
/// each severity, and the first few to act on.
public struct OwnerFindings: Sendable {
    /// How many findings the Markdown and HTML reports list per owner.
    public static let displayLimit = 10
    /// How many owners the Markdown and HTML reports list, worst first ("no owner" is listed
    /// besides); the rest are counted. CSV, JSON and XML carry every finding with its owner.
    public static let groupLimit = 50

    /// The owner recorded for the findings' identities; nil for findings whose identity has no
    /// owner, and for findings about a role or a platform (no single identity).
    public var owner: String?
    /// Failing results by their control's severity.
    public var countsBySeverity: [Severity: Int] = [:]
    /// The first ``displayLimit`` findings: most severe first, then by control id and subject id.
    public var listed: [AttributedFinding] = []

    public init(owner: String?) { self.owner = owner }

    /// The owner as reports print it.
    public var ownerText: String { owner ?? OwnerName.none }

    /// Every failing result of this owner.
    public var total: Int { countsBySeverity.values.reduce(0, +) }

    /// Findings not listed.
    public var omitted: Int { total - listed.count }

    public func count(_ severity: Severity) -> Int { countsBySeverity[severity] ?? 0 }

    /// The most severe control any of the findings fails.
    public var worstSeverity: Severity? { Severity.allCases.first { count($0) > 0 } }

    /// Counts a finding of `control` about `subject`, and keeps it (built by `make`, only then)
    /// when it may be among the first ``displayLimit``: a finding that cannot precede the last of
    /// a full list is counted and dropped without being built.
    mutating func add(
        control: ControlDefinition,
        subject: SubjectReference,
        _ make: () -> AttributedFinding
    ) {
        countsBySeverity[control.severity, default: 0] += 1
        consider(control: control, subject: subject, make)
    }

    /// Keeps a finding of `control` about `subject` (built by `make`, only then) when it may be
    /// among the first ``displayLimit``, without counting it: for groups whose counts are already
    /// known.
    mutating func consider(
        control: ControlDefinition,
        subject: SubjectReference,
        _ make: () -> AttributedFinding
    ) {
        if let cutoff, !Self.precedes((control.severity, control.id, subject.id), cutoff) { return }
        listed.append(make())
        if listed.count >= 2 * Self.displayLimit { trim() }
    }

    /// Counts `finding` and keeps it when it is among the first ``displayLimit``.
    mutating func add(_ finding: AttributedFinding) {
        add(control: finding.control, subject: finding.subject) { finding }
    }

    /// Sorts the kept findings and drops those beyond ``displayLimit``.
    mutating func trim() {
        listed.sort(by: Self.precedes)
        if listed.count > Self.displayLimit { listed.removeLast(listed.count - Self.displayLimit) }
        if listed.count == Self.displayLimit, let last = listed.last {
            cutoff = (last.control.severity, last.control.id, last.subject.id)
        }
    }

    /// Whether a finding of `control` may still be listed: false once the list is full of findings
    /// that every finding of `control` comes after (findings of a more severe control, or of one
    /// as severe with an earlier id). Later findings only raise the bar, so it stays false.
    func mayList(_ control: ControlDefinition) -> Bool {
        guard let cutoff else { return true }
        return (-control.severity.weight, control.id) <= (-cutoff.severity.weight, cutoff.control)
    }

    /// The last of a full list at the latest ``trim()``: a finding that does not precede it can
    /// never be among the first ``displayLimit`` (later findings only raise the bar).
    private var cutoff: (severity: Severity, control: String, subject: String)?

    /// Severity (critical first), then control id, then subject id.
    static func precedes(_ lhs: AttributedFinding, _ rhs: AttributedFinding) -> Bool {
        precedes(
            (lhs.control.severity, lhs.control.id, lhs.subject.id),
            (rhs.control.severity, rhs.control.id, rhs.subject.id)
        )
    }

    static func precedes(
        _ lhs: (severity: Severity, control: String, subject: String),
        _ rhs: (severity: Severity, control: String, subject: String)
    ) -> Bool {
        (-lhs.severity.weight, lhs.control, lhs.subject) < (-rhs.severity.weight, rhs.control, rhs.subject)
    }
}
