/// Map stage: turns control outcomes into entry statuses and scores for every catalog in the
/// library, following docs/assessment.md §4–§6 and §8.
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
                    linked.compactMap { mapping in outcomes[mapping.controlID].map { (mapping, $0) } },
                    hasAIAgents: evaluation.hasAIAgents,
                    identities: evaluation.identities.identities
                )
            }
            return FrameworkAssessment(
                catalog: catalog,
                entries: GroupRollUp.rollUpGroups(of: catalog, leaves: assessed)
            )
        }
    }

    /// The status rules for a leaf entry (docs/assessment.md §5), first match wins.
    func assessLeaf(
        _ entry: CatalogEntry,
        _ linked: [(Mapping, ControlOutcome)],
        hasAIAgents: Bool,
        identities: [Identity] = []
    ) -> EntryAssessment {
        let links = linked.map { mapping, outcome in
            LinkAssessment(
                mapping: mapping,
                severity: outcome.definition.severity,
                evidenceSource: outcome.definition.evidenceSource,
                controlStatus: outcome.status,
                counts: outcome.scopedCounts(in: mapping.scope)
            )
        }
        let live = links.filter(\.isLive)
        func make(_ status: EntryStatus, _ reason: String) -> EntryAssessment {
            let affected =
                status == .gapsFound ? AffectedIdentityList(linked, identities: identities) : AffectedIdentityList()
            return EntryAssessment(
                entry: entry,
                status: status,
                links: links,
                affectedIdentityCount: affected.count,
                isLeaf: true,
                leafStatusCounts: [status: 1],
                reason: reason,
                affectedIdentities: affected
            )
        }
        func ids(_ links: [LinkAssessment]) -> String {
            links.map(\.mapping.controlID).joined(separator: ", ")
        }
        guard !links.isEmpty else { return make(.notCovered, "No Crosswalk control addresses this entry.") }
        guard !live.isEmpty else { return make(.notApplicable, Self.notApplicableReason(links, hasAIAgents)) }
        let failing = live.filter { $0.counts.failing > 0 }
        if !failing.isEmpty {
            let named = failing.map { "\($0.mapping.controlID) (\($0.counts.failing) failing)" }
            return make(.gapsFound, "Failing: \(named.joined(separator: ", ")).")
        }
        if !live.contains(where: { $0.counts.passing > 0 }) {
            return make(.notAssessed, "Evidence is missing everywhere: \(ids(live)) could not assess any subject.")
        }
        let missing = live.filter { $0.counts.unknown > 0 }
        let observedFull = live.filter { $0.isFull && $0.evidenceSource == .observed }
        if missing.isEmpty && !observedFull.isEmpty {
            return make(
                .satisfied,
                "Every subject passes \(ids(live)); \(ids(observedFull)) checks the whole entry from observed evidence."
            )
        }
        var parts: [String] = []
        if !missing.isEmpty {
            parts.append("some subjects of \(ids(missing)) could not be assessed")
        }
        if observedFull.isEmpty {
            let attestedFull = live.filter { $0.isFull }
            parts.append(
                attestedFull.isEmpty
                    ? "the mapped controls check only part of what the entry asks (subset-of or intersects-with)"
                    : "the full link of \(ids(attestedFull)) rests on the organisation's own attestation"
            )
        }
        return make(.partiallyEvidenced, "No failures, but \(parts.joined(separator: ", and ")).")
    }

    /// Names the empty scope of an entry whose mappings have no result.
    static func notApplicableReason(_ links: [LinkAssessment], _ hasAIAgents: Bool) -> String {
        if !hasAIAgents, links.allSatisfy({ $0.mapping.scope == .aiAgents }) {
            return "The inventory has no AI agents, so no result speaks to this entry."
        }
        if links.allSatisfy({ $0.mapping.scope == .aiAgents }) {
            return "No subject about AI agents and their delegation chains is one the mapped controls judge."
        }
        return "No subject in the inventory is one the mapped controls judge."
    }
}
