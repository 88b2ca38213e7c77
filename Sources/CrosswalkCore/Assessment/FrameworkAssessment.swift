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
    /// What the entry adds to its framework's score: 1 when satisfied, 0 when not satisfied, and
    /// for a partially satisfied entry the strength-weighted share of passing results among its
    /// mapped controls' assessed subjects, halved when no mapped control relates `equal` or
    /// `superset-of`. Zero for entries outside the score.
    public var credit: Double
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

    /// Sum of entry credits ÷ assessed covered entries; nil when nothing was assessed. The numerator
    /// is rounded to two decimals so reports print it exactly.
    public var score: Ratio? {
        guard assessedCount > 0 else { return nil }
        let credit = entries.filter(\.isScored).reduce(0) { $0 + $1.credit }
        return Ratio((credit * 100).rounded() / 100, of: assessedCount)
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
                let linked = (byEntry[entry.id] ?? []).sorted {
                    (order[$0.controlID] ?? 0) < (order[$1.controlID] ?? 0)
                }
                assessed[entry.id] = assessLeaf(
                    entry,
                    linked.compactMap { mapping in
                        outcomes[mapping.controlID].map { (mapping, $0) }
                    }
                )
            }
            return FrameworkAssessment(
                catalog: catalog,
                entries: Self.rollUpGroups(of: catalog, leaves: assessed)
            )
        }
    }

    /// Assesses every group entry from its children, deepest first, and returns all entries in
    /// catalog order. Walks with an explicit stack (no recursion, whatever the depth) and looks
    /// entries up by id; a child that is already on the current walk (a parent cycle, which the
    /// catalog loader rejects) is left out instead of being followed forever.
    static func rollUpGroups(of catalog: Catalog, leaves: [String: EntryAssessment]) -> [EntryAssessment] {
        var assessed = leaves
        var entriesByID: [String: CatalogEntry] = [:]
        var children: [String: [String]] = [:]
        for entry in catalog.entries {
            if entriesByID[entry.id] == nil { entriesByID[entry.id] = entry }
            if let parent = entry.parent { children[parent, default: []].append(entry.id) }
        }
        var onWalk = Set<String>()
        for start in catalog.entries where assessed[start.id] == nil {
            var stack: [(entry: CatalogEntry, nextChild: Int)] = [(start, 0)]
            onWalk.insert(start.id)
            while let top = stack.last {
                let childIDs = children[top.entry.id] ?? []
                if top.nextChild < childIDs.count {
                    stack[stack.count - 1].nextChild += 1
                    let childID = childIDs[top.nextChild]
                    guard assessed[childID] == nil, !onWalk.contains(childID), let child = entriesByID[childID] else {
                        continue
                    }
                    onWalk.insert(childID)
                    stack.append((child, 0))
                } else {
                    stack.removeLast()
                    onWalk.remove(top.entry.id)
                    assessed[top.entry.id] = group(top.entry, childIDs.compactMap { assessed[$0] })
                }
            }
        }
        return catalog.entries.compactMap { assessed[$0.id] }
    }

    /// How much support one mapped control gives, judged from its subjects' results.
    enum Support {
        /// Every applicable subject passes (or is accepted), with complete evidence.
        case full
        /// Some subjects pass and some fail.
        case mixed
        /// Some subjects pass, none fails, but evidence is missing for others.
        case incomplete
        /// Subjects fail and none passes.
        case none
        /// No pass and no failure: evidence missing or evaluation erred.
        case unknown
        /// Nothing the control applies to.
        case notApplicable

        init(_ outcome: ControlOutcome) {
            let passing = outcome.count(.pass) + outcome.count(.accepted)
            let failing = outcome.count(.fail)
            let missing = outcome.count(.notAssessed) + outcome.count(.error)
            switch (passing > 0, failing > 0, missing > 0) {
            case (true, true, _): self = .mixed
            case (false, true, _): self = .none
            case (true, false, true): self = .incomplete
            case (true, false, false): self = .full
            case (false, false, true): self = .unknown
            case (false, false, false): self = .notApplicable
            }
        }
    }

    /// The status rule for a leaf entry; written down in docs/assessment.md.
    func assessLeaf(_ entry: CatalogEntry, _ linked: [(Mapping, ControlOutcome)]) -> EntryAssessment {
        let mapped = linked.map {
            MappedControl(mapping: $0.0, controlStatus: $0.1.status, severity: $0.1.definition.severity)
        }
        func make(_ status: EntryStatus, _ reason: String, credit: Double = 0) -> EntryAssessment {
            var affected = Set<String>()
            for (_, outcome) in linked where outcome.status == .fail { affected.formUnion(outcome.affectedIdentities) }
            return EntryAssessment(
                entry: entry,
                status: status,
                controls: mapped,
                affectedIdentityCount: affected.count,
                isScored: true,
                credit: status == .satisfied ? 1 : credit,
                reason: reason
            )
        }
        guard !linked.isEmpty else { return make(.notCovered, "No Crosswalk control addresses this entry.") }
        let judged = linked.map { (mapping: $0.0, outcome: $0.1, support: Support($0.1)) }
            .filter { $0.support != .notApplicable }
        guard !judged.isEmpty else {
            return make(.notAssessed, "No subject in the inventory is one that the mapped controls apply to.")
        }
        func ids(_ predicate: (Support) -> Bool) -> String {
            judged.filter { predicate($0.support) }.map(\.mapping.controlID).joined(separator: ", ")
        }
        if let full = judged.first(where: { $0.support == .none && $0.mapping.relationship.canFullySatisfy }) {
            return make(
                .notSatisfied,
                "\(full.mapping.controlID) (\(full.mapping.relationship.rawValue)) fails for every subject it assesses."
            )
        }
        let supporting = judged.filter { $0.support == .full || $0.support == .mixed || $0.support == .incomplete }
        if supporting.isEmpty {
            return judged.contains { $0.support == .none }
                ? make(.notSatisfied, "Every assessed subject fails: \(ids { $0 == .none }).")
                : make(.notAssessed, "Evidence is missing for \(ids { $0 == .unknown }).")
        }
        let hasFullLink = judged.contains { $0.mapping.relationship.canFullySatisfy }
        var weightedShare = 0.0
        var totalWeight = 0.0
        for item in judged {
            let passing = Double(item.outcome.count(.pass) + item.outcome.count(.accepted))
            let assessed =
                passing
                + Double(item.outcome.count(.fail) + item.outcome.count(.notAssessed) + item.outcome.count(.error))
            weightedShare += Double(item.mapping.strength) * (assessed == 0 ? 0 : passing / assessed)
            totalWeight += Double(item.mapping.strength)
        }
        let partialCredit = (totalWeight == 0 ? 0 : weightedShare / totalWeight) * (hasFullLink ? 1 : 0.5)
        if judged.allSatisfy({ $0.support == .full }) {
            return hasFullLink
                ? make(.satisfied, "Every mapped control passes for every subject (\(ids { _ in true })).")
                : make(
                    .partiallySatisfied,
                    "Every mapped control passes, but each covers only part of the entry (subset-of or intersects-with).",
                    credit: partialCredit
                )
        }
        var parts: [String] = []
        let failing = judged.filter { $0.support == .mixed || $0.support == .none }.map { item in
            "\(item.mapping.controlID) (\(item.outcome.count(.fail)) failing)"
        }
        if !failing.isEmpty { parts.append("failing: \(failing.joined(separator: ", "))") }
        let missing = ids { $0 == .incomplete || $0 == .unknown }
        if !missing.isEmpty { parts.append("evidence missing: \(missing)") }
        let passing = ids { $0 == .full }
        if !passing.isEmpty { parts.append("passing: \(passing)") }
        let summary = parts.joined(separator: "; ")
        return make(
            .partiallySatisfied,
            summary.prefix(1).uppercased() + summary.dropFirst() + ".",
            credit: partialCredit
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
            credit: 0,
            reason: "Rolled up from \(covered.count) covered of \(children.count) entries."
        )
    }
}
