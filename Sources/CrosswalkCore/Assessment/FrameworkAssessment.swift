/// Where a catalog entry stands after the map stage.
public enum EntryStatus: String, CaseIterable, Sendable {
    /// Every mapped control that applies passes, and at least one relates `equal` or `superset-of`.
    case satisfied
    /// Some evidence supports the entry, but not all of it: a mix of passes and failures, missing
    /// evidence next to passes, or only `subset-of` / `intersects-with` links.
    case partiallySatisfied = "partially-satisfied"
    /// A mapped control fails and nothing (or only weaker links) passes, or a full link fails.
    case notSatisfied = "not-satisfied"
    /// Controls map to the entry but none produced a pass or failure (evidence missing, or no
    /// subject they apply to).
    case notAssessed = "not-assessed"
    /// No control maps to the entry: a coverage gap, never a compliance claim.
    case notCovered = "not-covered"

    /// Plain words for reports.
    public var label: String {
        switch self {
        case .satisfied: return "Satisfied"
        case .partiallySatisfied: return "Partially satisfied"
        case .notSatisfied: return "Not satisfied"
        case .notAssessed: return "Not assessed"
        case .notCovered: return "Not covered"
        }
    }
}

/// One mapping with the state of its control in this run.
public struct MappedControl: Sendable {
    public var mapping: Mapping
    public var controlStatus: ControlStatus
    public var severity: Severity
}

/// A catalog entry's status, the evidence behind it and why.
public struct EntryAssessment: Sendable {
    public var entry: CatalogEntry
    public var status: EntryStatus
    /// The controls mapped to the entry (for leaf entries), in control order.
    public var controls: [MappedControl]
    /// Distinct identities behind the failing controls.
    public var affectedIdentityCount: Int
    /// Whether scores count this entry (leaf entries only).
    public var isScored: Bool
    /// One sentence explaining the status.
    public var reason: String
}

/// The map stage's output for one catalog: every entry's status, the score and the coverage.
public struct FrameworkAssessment: Sendable {
    public var catalog: Catalog
    /// Every entry of the catalog, in catalog order (groups rolled up from their leaves).
    public var entries: [EntryAssessment]

    public func count(_ status: EntryStatus) -> Int {
        entries.filter { $0.isScored && $0.status == status }.count
    }

    public var scoredEntryCount: Int { entries.filter(\.isScored).count }

    /// Leaf entries some control addresses ÷ all leaf entries.
    public var coverage: Ratio {
        Ratio(scoredEntryCount - count(.notCovered), of: scoredEntryCount)
    }

    /// Assessed entries: covered leaves that reached satisfied, partially or not satisfied.
    public var assessedCount: Int {
        count(.satisfied) + count(.partiallySatisfied) + count(.notSatisfied)
    }

    /// (satisfied + ½ × partially satisfied) ÷ assessed covered entries; nil when nothing was assessed.
    public var score: Ratio? {
        assessedCount == 0
            ? nil : Ratio(Double(count(.satisfied)) + Double(count(.partiallySatisfied)) / 2, of: assessedCount)
    }
}

/// Map stage: turns control outcomes into entry statuses for every catalog in the library.
public struct FrameworkMapper: Sendable {
    public init() {}

    public func assess(_ evaluation: Evaluation, library: FrameworkLibrary) -> [FrameworkAssessment] {
        var outcomes: [String: ControlOutcome] = [:]
        var order: [String: Int] = [:]
        for (position, outcome) in evaluation.outcomes.enumerated() {
            outcomes[outcome.definition.id] = outcome
            order[outcome.definition.id] = position
        }
        return library.catalogs.map { catalog in
            let mappings = library.mappings.filter { $0.catalogID == catalog.id && outcomes[$0.controlID] != nil }
            var byEntry: [String: [Mapping]] = [:]
            for mapping in mappings { byEntry[mapping.entryID, default: []].append(mapping) }
            let leafIDs = Set(catalog.leafEntries.map(\.id))
            var assessed: [String: EntryAssessment] = [:]
            for entry in catalog.entries where leafIDs.contains(entry.id) {
                let linked = (byEntry[entry.id] ?? []).sorted { (order[$0.controlID] ?? 0) < (order[$1.controlID] ?? 0) }
                assessed[entry.id] = assessLeaf(entry, linked.compactMap { mapping in
                    outcomes[mapping.controlID].map { (mapping, $0) }
                })
            }
            // Groups: roll up from their children, deepest first (children precede the fold).
            var children: [String: [String]] = [:]
            for entry in catalog.entries {
                if let parent = entry.parent { children[parent, default: []].append(entry.id) }
            }
            func rollUp(_ entry: CatalogEntry) -> EntryAssessment {
                if let done = assessed[entry.id] { return done }
                let childAssessments = (children[entry.id] ?? []).compactMap { id in
                    catalog.entries.first { $0.id == id }.map(rollUp)
                }
                let result = Self.group(entry, childAssessments)
                assessed[entry.id] = result
                return result
            }
            return FrameworkAssessment(catalog: catalog, entries: catalog.entries.map(rollUp))
        }
    }

    /// The status rule for a leaf entry; written down in docs/assessment.md.
    func assessLeaf(_ entry: CatalogEntry, _ linked: [(Mapping, ControlOutcome)]) -> EntryAssessment {
        let mapped = linked.map {
            MappedControl(mapping: $0.0, controlStatus: $0.1.status, severity: $0.1.definition.severity)
        }
        func make(_ status: EntryStatus, _ reason: String) -> EntryAssessment {
            var affected = Set<String>()
            for (_, outcome) in linked where outcome.status == .fail { affected.formUnion(outcome.affectedIdentities) }
            return EntryAssessment(
                entry: entry,
                status: status,
                controls: mapped,
                affectedIdentityCount: affected.count,
                isScored: true,
                reason: reason
            )
        }
        guard !linked.isEmpty else { return make(.notCovered, "No Crosswalk control addresses this entry.") }
        let failing = linked.filter { $0.1.status == .fail }
        let passing = linked.filter { $0.1.status == .pass }
        let unknown = linked.filter { $0.1.status == .notAssessed }
        let ids = { (list: [(Mapping, ControlOutcome)]) in list.map(\.0.controlID).joined(separator: ", ") }
        if let full = failing.first(where: { $0.0.relationship.canFullySatisfy }) {
            return make(.notSatisfied, "\(full.0.controlID) fails and relates \(full.0.relationship.rawValue) the entry.")
        }
        if !failing.isEmpty {
            return passing.isEmpty
                ? make(.notSatisfied, "Failing: \(ids(failing)); nothing mapped passes.")
                : make(.partiallySatisfied, "Passing: \(ids(passing)); failing: \(ids(failing)).")
        }
        if passing.isEmpty {
            return unknown.isEmpty
                ? make(.notAssessed, "No subject in the inventory is one that the mapped controls apply to.")
                : make(.notAssessed, "Evidence is missing for \(ids(unknown)).")
        }
        if !unknown.isEmpty {
            return make(.partiallySatisfied, "Passing: \(ids(passing)); evidence missing for \(ids(unknown)).")
        }
        if passing.contains(where: { $0.0.relationship.canFullySatisfy }) {
            return make(.satisfied, "Every mapped control passes (\(ids(passing))).")
        }
        return make(
            .partiallySatisfied,
            "Every mapped control passes, but each covers only part of the entry (subset-of or intersects-with)."
        )
    }

    /// Rolls a group entry (function, category, layer) up from its children, for display only.
    static func group(_ entry: CatalogEntry, _ children: [EntryAssessment]) -> EntryAssessment {
        let covered = children.filter { $0.status != .notCovered }
        let status: EntryStatus
        if covered.isEmpty {
            status = .notCovered
        } else if covered.allSatisfy({ $0.status == .satisfied }) {
            status = .satisfied
        } else if covered.allSatisfy({ $0.status == .notSatisfied }) {
            status = .notSatisfied
        } else if covered.allSatisfy({ $0.status == .notAssessed }) {
            status = .notAssessed
        } else {
            status = .partiallySatisfied
        }
        return EntryAssessment(
            entry: entry,
            status: status,
            controls: [],
            affectedIdentityCount: children.map(\.affectedIdentityCount).max() ?? 0,
            isScored: false,
            reason: "Rolled up from \(covered.count) covered of \(children.count) entries."
        )
    }
}
