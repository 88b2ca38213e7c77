/// How many failing results each owner has, by severity, counted by the evaluate stage as the
/// results are recorded, so that "Findings by owner" (``OwnerGrouping``) can rank the owners
/// without reading every result again.
///
/// Owners are interned: each distinct recorded owner gets a number in order of first appearance,
/// and every identity (by ordinal) the number of its owner. A result counts when its status is
/// `fail` or `error`; results about identities without an owner, and about a role or a platform,
/// count under "no owner" (``unowned``).
public struct OwnerTally: Sendable {
    /// The distinct owners, by number.
    public private(set) var owners: [String] = []
    /// The owner number of each identity, by ordinal; -1 when it has no owner.
    public private(set) var ownerOfOrdinal: [Int32] = []
    /// Failing results per owner and severity: `counts[owner * severities + severity index]`.
    private var counts: [Int] = []
    /// Failing results without an owner, by severity index.
    public private(set) var unowned = [Int](repeating: 0, count: Severity.allCases.count)
    private var numberOfOwner: [String: Int32] = [:]

    private static let severities = Severity.allCases.count

    public init() {}

    /// Makes room for the owners of `count` identities in all.
    mutating func reserveIdentities(_ count: Int) { ownerOfOrdinal.reserveCapacity(count) }

    /// Notes the owner of the identity with the next ordinal (identities are numbered in order).
    mutating func appendIdentity(owner: String?) {
        guard let owner = OwnerName.recorded(owner) else {
            ownerOfOrdinal.append(-1)
            return
        }
        ownerOfOrdinal.append(number(of: owner))
    }

    /// The number of `owner`, interning it when new.
    mutating func number(of owner: String) -> Int32 {
        if let known = numberOfOwner[owner] { return known }
        let number = Int32(owners.count)
        owners.append(owner)
        numberOfOwner[owner] = number
        counts.append(contentsOf: repeatElement(0, count: Self.severities))
        return number
    }

    /// The owner number of the identity at `ordinal`, or -1.
    public func owner(ofOrdinal ordinal: Int32) -> Int32 {
        ordinal >= 0 && Int(ordinal) < ownerOfOrdinal.count ? ownerOfOrdinal[Int(ordinal)] : -1
    }

    /// Counts one failing result of `severity` for owner number `owner` (-1: no owner).
    mutating func count(owner: Int32, severity: Severity, times: Int = 1) {
        let index = Self.index(of: severity)
        if owner < 0 {
            unowned[index] += times
        } else {
            counts[Int(owner) * Self.severities + index] += times
        }
    }

    /// Failing results of owner number `owner` by severity (nonzero only).
    public func countsBySeverity(ofOwner owner: Int) -> [Severity: Int] {
        var result: [Severity: Int] = [:]
        for (index, severity) in Severity.allCases.enumerated() {
            let count = counts[owner * Self.severities + index]
            if count > 0 { result[severity] = count }
        }
        return result
    }

    /// Failing results without an owner, by severity (nonzero only).
    public var unownedBySeverity: [Severity: Int] {
        var result: [Severity: Int] = [:]
        for (index, severity) in Severity.allCases.enumerated() where unowned[index] > 0 {
            result[severity] = unowned[index]
        }
        return result
    }

    private static func index(of severity: Severity) -> Int {
        Severity.allCases.firstIndex(of: severity) ?? 0
    }
}
