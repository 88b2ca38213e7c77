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

    /// Counts `finding` and keeps it when it is among the first ``displayLimit``.
    mutating func add(_ finding: AttributedFinding) {
        countsBySeverity[finding.control.severity, default: 0] += 1
        listed.append(finding)
        if listed.count >= 2 * Self.displayLimit { trim() }
    }

    /// Sorts the kept findings and drops those beyond ``displayLimit``.
    mutating func trim() {
        listed.sort(by: Self.precedes)
        if listed.count > Self.displayLimit { listed.removeLast(listed.count - Self.displayLimit) }
    }

    /// Severity (critical first), then control id, then subject id.
    static func precedes(_ lhs: AttributedFinding, _ rhs: AttributedFinding) -> Bool {
        (-lhs.control.severity.weight, lhs.control.id, lhs.subject.id)
            < (-rhs.control.severity.weight, rhs.control.id, rhs.subject.id)
    }
}
