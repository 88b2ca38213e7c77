import CrosswalkCore

/// The worst ``RunChanges/listLimit`` changed findings of a possibly huge stream: most severe
/// first, then by status, control and subject. Holds at most twice the limit at any time.
struct WorstFirstList {
    let limit: Int
    private var items: [ChangedFinding] = []

    init(limit: Int = RunChanges.listLimit) { self.limit = limit }

    mutating func append(_ finding: ChangedFinding) {
        items.append(finding)
        if items.count >= limit * 2 { trim() }
    }

    /// The kept findings, worst first.
    var sorted: [ChangedFinding] {
        var copy = self
        copy.trim()
        return copy.items
    }

    private mutating func trim() {
        items.sort(by: Self.isWorse)
        if items.count > limit { items.removeLast(items.count - limit) }
    }

    static func isWorse(_ lhs: ChangedFinding, _ rhs: ChangedFinding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.status != rhs.status { return lhs.status < rhs.status }
        return lhs.key < rhs.key
    }
}
