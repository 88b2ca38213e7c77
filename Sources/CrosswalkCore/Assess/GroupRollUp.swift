/// Rolls group entries (functions, categories, layers) up from their leaf descendants, for display
/// only (docs/assessment.md §5, "Groups").
enum GroupRollUp {
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

    /// A group's status from its leaf descendants: not covered if none is covered; not applicable
    /// if every covered one is; otherwise, among the applicable covered ones, gaps found if any has
    /// gaps, satisfied if all are, not assessed if all are, else partly evidenced.
    static func status(_ leaves: [EntryStatus: Int]) -> EntryStatus {
        let count = { (status: EntryStatus) in leaves[status] ?? 0 }
        let covered = leaves.values.reduce(0, +) - count(.notCovered)
        let applicable = covered - count(.notApplicable)
        if covered == 0 { return .notCovered }
        if applicable == 0 { return .notApplicable }
        if count(.gapsFound) > 0 { return .gapsFound }
        if count(.satisfied) == applicable { return .satisfied }
        if count(.notAssessed) == applicable { return .notAssessed }
        return .partiallyEvidenced
    }

    /// A group entry assessed from its children's leaf tallies.
    static func group(_ entry: CatalogEntry, _ children: [EntryAssessment]) -> EntryAssessment {
        var leaves: [EntryStatus: Int] = [:]
        for child in children {
            for (status, count) in child.leafStatusCounts { leaves[status, default: 0] += count }
        }
        let total = leaves.values.reduce(0, +)
        let covered = total - (leaves[.notCovered] ?? 0)
        return EntryAssessment(
            entry: entry,
            status: status(leaves),
            links: [],
            affectedIdentityCount: children.map(\.affectedIdentityCount).max() ?? 0,
            isLeaf: false,
            leafStatusCounts: leaves,
            reason: "Rolled up from \(covered) covered of \(total) leaf entries."
        )
    }
}
